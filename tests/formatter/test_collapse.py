"""Cite grouping and collapsing delimiters (sergebib.formatter.extensions.layout, _collapse), as
citeproc-js joins them; expected texts from the CSL test suite fixtures named."""

from sergebib.formatter import Cite, Processor


def style(cls: str, citation_attributes: str, delimiter: str) -> str:
    return f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="{cls}" version="1.0">
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation {citation_attributes}><layout prefix="(" suffix=")" delimiter="{delimiter}">
    <group delimiter=" "><names variable="author"><name form="short"/></names>
    <date variable="issued"><date-part name="year"/></date></group></layout></citation>
</style>"""


def item(key: str, family: str, year: int) -> dict:
    return {"id": key, "type": "book", "title": key, "author": [{"family": family, "given": "J"}],
            "issued": {"date-parts": [[year]]}}


def test_collapsed_cites_of_a_note_style_are_joined_with_the_layout_delimiter():
    # disambiguate_YearSuffixWithEtAlSubsequent: collapse="year", no cite-group-delimiter
    xml = style("note", 'collapse="year" disambiguate-add-year-suffix="true"', "; ")
    items = [item(k, "Smith", 2000) for k in ("a", "b", "c")]
    [entry] = Processor(xml).citations(items, [[Cite("a"), Cite("b"), Cite("c")]])
    assert entry.text == "(Smith 2000a; 2000b; 2000c)"


def test_after_collapse_delimiter_follows_every_group():
    # collapse_ChicagoAfterCollapse: "(Whittaker 1967, 1975; Wiens 1989a, 1989b)" and, for groups of
    # one cite, "(Whittaker 1967; Wiens 1989b)"
    xml = style("in-text", 'collapse="year" after-collapse-delimiter="; "', ", ")
    items = [item("a", "Whittaker", 1967), item("b", "Whittaker", 1975), item("c", "Wiens", 1989)]
    processor = Processor(xml)
    [both, lone] = processor.citations(items, [[Cite("a"), Cite("b"), Cite("c")], [Cite("a"), Cite("c")]],
                                       independent=True)
    assert both.text == "(Whittaker 1967, 1975; Wiens 1989)"
    assert lone.text == "(Whittaker 1967; Wiens 1989)"


def test_cites_are_moved_into_their_group_only_in_a_sorted_citation():
    # name_CiteGroupDelimiterWithYearSuffixCollapse2: no cs:sort, so the later Aalto cites stay after Bartleby
    xml = style("in-text", 'collapse="year-suffix-ranged" cite-group-delimiter="," disambiguate-add-year-suffix="true"',
                "; ")
    items = [item(k, "Aalto", 2015) for k in ("a", "b")] + [item("c", "Bartleby", 2010)] + [
        item(k, "Aalto", 2015) for k in ("d", "e", "f")]
    [entry] = Processor(xml).citations(items, [[Cite(i["id"]) for i in items]])
    assert entry.text == "(Aalto 2015a,b; Bartleby 2010; Aalto 2015c–e)"
