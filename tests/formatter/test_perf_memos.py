"""Work left out or kept for speed (sorting by ties, the short form of a lone cite, ...) changes
the cost, never the output: each is compared with SERGEBIB_UNOPTIMISED=1, and checked to be hit."""

from __future__ import annotations

from collections import Counter

import pytest

from sergebib.formatter import Cite, Processor
from sergebib.formatter.extensions import layout as layout_module
from sergebib.formatter.extensions import sorting
from sergebib.formatter.extensions.lookups import names_rendered_at_most


@pytest.fixture(autouse=True)
def _switch_read_again():
    # a test here sets SERGEBIB_UNOPTIMISED and parses a style, which reads the switch (see
    # lookups.read_switch): read it again once the environment is restored
    from sergebib.formatter.extensions.lookups import read_switch

    yield
    read_switch()


def _sort_style() -> str:
    return """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <macro name="author"><names variable="author"><name name-as-sort-order="all"/></names></macro>
  <macro name="year"><date variable="issued"><date-part name="year"/></date></macro>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><sort><key macro="author"/><key macro="year" sort="descending"/><key variable="title"/></sort>
    <layout><text variable="title"/></layout></bibliography>
</style>"""


def _book(key: str, family: str, year: int | None, title: str) -> dict:
    out = {"id": key, "type": "book", "title": title, "author": [{"family": family, "given": "J"}]}
    if year is not None:
        out["issued"] = {"date-parts": [[year]]}
    return out


ITEMS = [_book("a", "Smith", 2000, "Zeta"), _book("b", "Adams", 1990, "Alpha"), _book("c", "Smith", 2010, "Beta"),
         _book("d", "Smith", 2000, "Alpha"), _book("e", "Brown", None, "Gamma"), _book("f", "Smith", None, "Eta"),
         _book("g", "Smith", 2000, "Alpha")]


def _keys_evaluated(monkeypatch: pytest.MonkeyPatch) -> Counter:
    """How many items each cs:key (by its position) was evaluated for."""
    counts: Counter = Counter()
    original = sorting.Key.comparable_keys

    def counting(self, items, context, collate):  # noqa: ANN001, ANN202
        counts[self.getparent().index(self)] += len(items)
        return original(self, items, context, collate)

    monkeypatch.setattr(sorting.Key, "comparable_keys", counting)
    return counts


def test_keys_after_the_first_are_evaluated_only_for_tied_items_in_the_same_order(monkeypatch):
    counts = _keys_evaluated(monkeypatch)
    fast = Processor(_sort_style()).order(ITEMS)
    # the year only for the five Smiths, the title only for the three of 2000 (and "f", alone
    # without a date, needs no title)
    assert counts == {0: 7, 1: 5, 2: 3}
    counts.clear()
    monkeypatch.setenv("SERGEBIB_UNOPTIMISED", "1")
    plain = Processor(_sort_style()).order(ITEMS)
    assert counts == {0: 7, 1: 7, 2: 7}
    # Adams, Brown, then Smith: years descending (the empty one last), titles within 2000, "d"
    # and "g" equal on every key kept in the given order
    assert fast == plain == ["b", "e", "c", "d", "g", "a", "f"]


def _collapse_style(extra_names: str = "") -> str:
    return f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <macro name="author"><names variable="author"><name form="short"/></names></macro>
  <citation collapse="year" disambiguate-add-year-suffix="true"><layout prefix="(" suffix=")" delimiter="; ">
    <group delimiter=" "><text macro="author"/>{extra_names}
    <date variable="issued"><date-part name="year"/></date></group></layout></citation>
</style>"""


def _counted_short_forms(monkeypatch: pytest.MonkeyPatch) -> Counter:
    counts: Counter = Counter()
    original = layout_module.Layout._render_cite

    def counting(self, cite, suppress_names=False, predecessor=True):  # noqa: ANN001, ANN202
        counts["short" if suppress_names else "full"] += 1
        return original(self, cite, suppress_names, predecessor)

    monkeypatch.setattr(layout_module.Layout, "_render_cite", counting)
    return counts


def _item(key: str, family: str, year: int) -> dict:
    return {"id": key, "type": "book", "title": key, "author": [{"family": family, "given": "J"}],
            "issued": {"date-parts": [[year]]}}


CLUSTERS = [[Cite("a")], [Cite("a"), Cite("b"), Cite("c")], [Cite("c")]]
COLLAPSE_ITEMS = [_item("a", "Smith", 2000), _item("b", "Smith", 2000), _item("c", "Wiens", 1989)]


def test_a_lone_cite_renders_no_short_form_and_prints_the_same(monkeypatch):
    counts = _counted_short_forms(monkeypatch)
    fast = [e.text for e in Processor(_collapse_style()).citations(COLLAPSE_ITEMS, CLUSTERS)]
    # in the citations, the short form of the second Smith cite only; in disambiguation (each
    # work cited alone, three of them) none
    assert counts["short"] == 1
    counts.clear()
    monkeypatch.setenv("SERGEBIB_UNOPTIMISED", "1")
    plain = [e.text for e in Processor(_collapse_style()).citations(COLLAPSE_ITEMS, CLUSTERS)]
    assert counts["short"] == 3 + 5
    assert fast == plain == ["(Smith 2000a)", "(Smith 2000a, 2000b; Wiens 1989)", "(Wiens 1989)"]


def test_the_short_form_is_rendered_in_disambiguation_where_it_can_show_names(monkeypatch):
    # a second cs:names (the editors) renders in the short form too, and disambiguation records
    # the names each rendering shows: not left out there
    counts = _counted_short_forms(monkeypatch)
    xml = _collapse_style('<names variable="editor"><name form="short"/></names>')
    Processor(xml).citations(COLLAPSE_ITEMS, CLUSTERS)
    assert counts["short"] == 1 + 3


def test_names_rendered_at_most_counts_one_branch_of_a_choose_and_macros_where_called():
    one = Processor(_collapse_style()).style.root.citation.layout
    assert names_rendered_at_most(one) == 1
    branches = _collapse_style('<choose><if type="book"><names variable="editor"/></if>'
                               '<else><text macro="author"/></else></choose>')
    assert names_rendered_at_most(Processor(branches).style.root.citation.layout) == 2
    substitute = _collapse_style("").replace(
        '<name form="short"/>', '<name form="short"/><substitute><names variable="editor"/></substitute>')
    assert names_rendered_at_most(Processor(substitute).style.root.citation.layout) == 1


def test_prints_nothing_answers_as_str_does_for_rich_strings():
    from citeproc.string import MixedString, NoCase, String

    from sergebib.formatter.extensions.common import prints_nothing
    from sergebib.formatter.extensions.markup import RICH_FORMATTER

    empty = MixedString([String(""), MixedString([NoCase(""), ""])])
    full = MixedString([String(""), MixedString([NoCase(""), RICH_FORMATTER.Italic("x")])])
    for text in ("", "a", String(""), String("b"), NoCase(""), empty, full, MixedString([]),
                 RICH_FORMATTER.Italic(""), 0, 12):
        assert prints_nothing(text) == (not str(text)), repr(text)


def test_a_field_s_bibliography_is_found_once_per_element(monkeypatch):
    from sergebib.formatter.extensions import display

    calls = Counter()
    original = display._bibliography_field

    def counting(element):  # noqa: ANN001, ANN202
        calls[id(element)] += 1
        return original(element)

    monkeypatch.setattr(display, "_bibliography_field", counting)
    xml = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><text variable="title" display="block"/><text variable="note" display="indent"/></layout>
  </bibliography></style>"""
    items = [{"id": k, "type": "book", "title": k, "note": "n"} for k in "abc"]
    fast = [e.text for e in Processor(xml).bibliography(items, output="html")]
    assert calls and max(calls.values()) == 1
    monkeypatch.setenv("SERGEBIB_UNOPTIMISED", "1")
    calls.clear()
    plain = [e.text for e in Processor(xml).bibliography(items, output="html")]
    assert max(calls.values()) == 3
    assert fast == plain
    assert "csl-block" in fast[0] and "csl-indent" in fast[0]


def _pieces() -> list:
    from citeproc.string import MixedString, NoCase, String

    from sergebib.formatter.extensions.markup import RICH_FORMATTER

    return ["plain", String(" spaced "), NoCase("NoCase"), RICH_FORMATTER.Italic("it"),
            MixedString([String("a"), MixedString([String(", b"), NoCase(".")])]), String(".")]


def test_seams_are_added_as_citeproc_py_concatenation_adds_them():
    from citeproc.string import String

    from sergebib.formatter.extensions.markup import SEAM, seamed

    for text in _pieces():
        expected = String(SEAM) + text + String(SEAM)
        assert type(seamed(text)) is type(expected) and list(seamed(text)) == list(expected), repr(text)
        assert [type(p) for p in seamed(text)] == [type(p) for p in expected]


def _elements(attributes: str) -> list:
    xml = f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title" {attributes}/><group {attributes}><text value="x"/></group></layout>
  </citation></style>"""
    from sergebib.formatter.extensions import RICH_FORMATTER

    root = Processor(xml).style.root
    root.formatter = RICH_FORMATTER  # as a bibliography sets it
    return [root.citation.layout, *root.citation.layout.iterchildren()]


@pytest.mark.parametrize("attributes", ["", 'prefix=" (" suffix=".)"', 'prefix=". "', 'font-style="italic"',
                                        'font-variant="small-caps" vertical-align="sup"', 'font-weight="normal"'])
def test_bare_affixes_and_formatting_give_citeproc_py_s_answer(attributes, monkeypatch):
    from citeproc import model

    from sergebib.formatter.extensions.lookups import BareAffixes, Unformatted

    for element in _elements(attributes):
        assert isinstance(element, BareAffixes) and isinstance(element, Unformatted)
        for text in [*_pieces(), 7]:
            if not isinstance(text, int):
                assert str(BareAffixes.wrap(element, text)) == str(model.Affixed.wrap(element, text))
            assert str(element.format(text)) == str(model.Formatted.format(element, text))
    # hit: no seam looked at (citeproc-py's normalize_seam) for an element without affixes
    seams = Counter()
    original = model.normalize_seam
    monkeypatch.setattr(model, "normalize_seam", lambda *args: seams.update(["look"]) or original(*args))
    for element in _elements(attributes):
        BareAffixes.wrap(element, _pieces()[4])
    assert seams["look"] == (0 if "fix" not in attributes else 2 * 2)  # the cs:text and cs:group


def test_a_child_found_by_its_tag_is_found_once(monkeypatch):
    from citeproc import model

    looked = Counter()
    original = model.SomewhatObjectifiedElement.__getattr__

    def counting(self, name):  # noqa: ANN001, ANN202
        looked[name] += 1
        return original(self, name)

    monkeypatch.setattr(model.SomewhatObjectifiedElement, "__getattr__", counting)
    root = Processor(_sort_style()).style.root
    bibliography = root.bibliography
    for _ in range(3):
        assert root.info is root.find("{http://purl.org/net/xbiblio/csl}info")
        assert bibliography.layout.tag.endswith("layout")
        assert bibliography.missing is None
    assert looked["info"] == looked["layout"] == looked["missing"] == 1
    # an attribute set on the element object is its own, and after it is deleted, the child (none)
    bibliography.layout.first_names = {}
    assert bibliography.layout.first_names == {}
    del bibliography.layout.first_names
    assert bibliography.layout.first_names is None


def test_macros_and_localized_dates_are_looked_up_once_per_style(monkeypatch):
    from citeproc import model

    calls = Counter()
    for name in ("get_macro", "get_date"):
        original = getattr(model.CitationStylesElement, name)
        monkeypatch.setattr(model.CitationStylesElement, name,
                            lambda self, arg, _o=original, _n=name: calls.update([_n]) or _o(self, arg))
    xml = _sort_style().replace('<text variable="title"/></layout></bibliography>',
                                '<text variable="title"/><date variable="issued" form="text"/></layout></bibliography>')
    processor = Processor(xml)
    texts = [e.text for e in processor.bibliography(ITEMS)]
    assert calls == {"get_macro": 2, "get_date": 1}  # the two macros of the sort keys, the text form
    assert texts[0] == "Alpha1990"
    root = processor.style.root
    assert root.get_macro("year") is root.find("{http://purl.org/net/xbiblio/csl}macro[@name='year']")


def test_a_probe_of_names_ends_at_the_first_names_with_the_same_entries(monkeypatch):
    from sergebib.formatter.extensions import grouping, sorting

    xml = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography subsequent-author-substitute="———"><layout>
    <group delimiter=". "><names variable="author"><name/><substitute><names variable="editor"/></substitute></names>
    <text variable="title" font-style="italic"/><names variable="translator"><name/></names></group>
  </layout></bibliography></style>"""
    people = [{"family": "Serge", "given": "Victor"}]
    items = [{"id": k, "type": "book", "title": k, "author": people, "translator": [{"family": "T", "given": "X"}]}
             for k in ("a", "b")] + [{"id": "c", "type": "book", "title": "c", "editor": people}]
    probes = []
    original = grouping.probe_names
    monkeypatch.setattr("sergebib.formatter.extensions.layout.probe_names",
                        lambda layout, item: probes.append(original(layout, item)) or probes[-1])
    titles = Counter()
    original_text = sorting.ProbeEnd.render

    def counting(self, item, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        titles["names rendered while probing"] += sorting._IN_SORT_KEY.get() == "names"
        return original_text(self, item, *args, **kwargs)

    monkeypatch.setattr(sorting.ProbeEnd, "render", counting)
    fast = [e.text for e in Processor(xml).bibliography(items)]
    fast_probes, probes[:] = list(probes), []
    # the first cs:names of each entry (for "c", with the editors substituted inside it), never
    # the translators after it (a whole probe: 6)
    assert titles["names rendered while probing"] == 4
    monkeypatch.setattr(sorting.ProbeEnd, "render", lambda self, item, *a, **k: super(sorting.ProbeEnd, self).render(
        item, *a, **k))
    full = [e.text for e in Processor(xml).bibliography(items)]
    assert fast == full == ["Victor Serge. a. X T", "———. b. X T", "———. c"]
    assert fast_probes == probes and len(probes) == 3


def test_an_element_s_data_variables_are_read_once_and_substitution_still_suppresses():
    xml = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><layout><group delimiter=". "><names variable="author"><substitute><text variable="title"/>
  </substitute></names><text variable="title" font-style="italic"/><text variable="locator"/></group></layout>
  </bibliography></style>"""
    processor = Processor(xml)
    entries = [e.text for e in processor.bibliography([{"id": "a", "type": "book", "title": "Only a title"},
                                                       {"id": "b", "type": "book", "title": "T",
                                                        "author": [{"family": "Serge", "given": "Victor"}]}])]
    # CSL 1.0.2, "Substitute": the substituted title is not printed again
    assert entries == ["Only a title", "Victor Serge. T"]
    group = processor.style.root.bibliography.layout[0]
    kept = [child.__dict__.get("_data_variables") for child in group.iterchildren()]
    assert kept == [frozenset({"author"}), frozenset({"title"}), frozenset()]


def test_the_switch_is_read_once_per_style_parsed_and_bibliography_made(monkeypatch):
    from sergebib.formatter.extensions import lookups

    reads = Counter()
    original = lookups._switch_set
    monkeypatch.setattr(lookups, "_switch_set", lambda: reads.update(["read"]) or original())
    items = [_book(k, "Smith", 2000 + i, k.upper()) for i, k in enumerate("abcdef")]
    fast = [e.text for e in Processor(_sort_style()).bibliography(items)]
    assert reads["read"] == 2  # the style parsed, the bibliography made: not at every element
    assert not lookups.unoptimised()
    monkeypatch.setenv("SERGEBIB_UNOPTIMISED", "1")
    assert not lookups.unoptimised()  # (read again only at the next style or bibliography)
    plain = [e.text for e in Processor(_sort_style()).bibliography(items)]
    assert lookups.unoptimised()
    assert fast == plain == ["F", "E", "D", "C", "B", "A"]  # one author: the years descending


def _term_style() -> str:
    # a term that opens the note (capitalized) or follows a suppressed group that printed a term
    # inside a macro inside a choose: TermCapitals' state crosses the transparent elements
    return """<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <macro name="in"><group delimiter=" "><text term="in"/><text variable="container-title"/></group></macro>
  <macro name="ibid"><choose><if position="ibid"><text term="ibid"/></if><else><text variable="title"/></else>
  </choose></macro>
  <citation><layout delimiter="; "><choose><if type="book" match="any"><text macro="in"/></if></choose>
  <text macro="ibid"/><choose><if variable="note" match="none"><text term="in" prefix=" "/></if></choose>
  </layout></citation></style>"""


def _built_anew(monkeypatch: pytest.MonkeyPatch) -> None:
    # the element classes are built once per process, when the first style is parsed: built
    # again here, so that the switch changes them
    from sergebib import formatter

    monkeypatch.setattr(formatter.extensions, "_CLASSES", {})


def test_transparent_elements_have_no_term_capitals_and_terms_are_capitalized_the_same(monkeypatch):
    from sergebib.formatter.extensions.terms import TermCapitals

    items = [{"id": "a", "type": "book", "title": "Title"}]
    clusters = [[Cite("a")], [Cite("a")]]
    _built_anew(monkeypatch)
    processor = Processor(_term_style())
    fast = [e.text for e in processor.citations(items, clusters)]
    layout = processor.style.root.citation.layout
    by_tag = {e.tag.rsplit("}", 1)[-1]: isinstance(e, TermCapitals) for e in processor.style.root.iter()
              if isinstance(e.tag, str)}
    assert by_tag["choose"] is by_tag["if"] is by_tag["else"] is by_tag["macro"] is False
    assert by_tag["text"] is by_tag["group"] is isinstance(layout, TermCapitals) is True
    monkeypatch.setenv("SERGEBIB_UNOPTIMISED", "1")
    _built_anew(monkeypatch)
    processor = Processor(_term_style())
    plain = [e.text for e in processor.citations(items, clusters)]
    assert all(isinstance(e, TermCapitals) for e in processor.style.root.citation.iter())
    # CSL 1.0.2 "Group": the group with an empty container title prints nothing, not even "in";
    # the term after it opens the note and is capitalized (terms.TermCapitals)
    assert fast == plain == ["Title in", "Ibid. in"]


def test_the_tests_of_a_condition_are_read_once(monkeypatch):
    items = [{"id": "a", "type": "book", "title": "Title"}, {"id": "b", "type": "article", "title": "T2",
                                                             "note": "n"}]
    clusters = [[Cite("a")], [Cite("b")], [Cite("a")]]
    processor = Processor(_term_style())
    fast = [e.text for e in processor.citations(items, clusters)]
    kept = [e.__dict__.get("_tests_kept") for e in processor.style.root.iter() if e.tag.endswith("}if")]
    assert kept == [(False, ("_position",), "all"), (False, ("_type",), "any"), (False, ("_variable",), "none")]
    monkeypatch.setenv("SERGEBIB_UNOPTIMISED", "1")
    processor = Processor(_term_style())
    plain = [e.text for e in processor.citations(items, clusters)]
    assert [e.__dict__.get("_tests_kept") for e in processor.style.root.iter() if e.tag.endswith("}if")] == [None] * 3
    assert fast == plain == ["Title in", "T2", "Title in"]


def test_quotation_marks_are_typeset_the_same_reading_only_the_marks(monkeypatch):
    from sergebib.formatter.extensions import lookups, quotes
    from sergebib.formatter.extensions.markup import DATA_DQ, DATA_SQ, QUOTE_CLOSE, QUOTE_OPEN
    from sergebib.formatter.extensions.quotes import AFFIX_DQ

    terms = {"open-quote": "“", "close-quote": "”", "open-inner-quote": "‘", "close-inner-quote": "’"}
    texts = ["no marks at all", f"{QUOTE_OPEN}Title {DATA_DQ}inner{DATA_DQ} and l{DATA_SQ}ami{QUOTE_CLOSE}.",
             f"{DATA_SQ}single{DATA_SQ}, ETFA {DATA_SQ}09, “typo ‘graphic’” and {AFFIX_DQ}affix{AFFIX_DQ}",
             f"unpaired {QUOTE_OPEN} and ” and {DATA_DQ}"]
    monkeypatch.setattr(lookups, "_UNOPTIMISED", False)
    looked = Counter()
    original = quotes._neighbour
    monkeypatch.setattr(quotes, "_neighbour", lambda *a: looked.update(["look"]) or original(*a))
    fast = [quotes.typeset_quotes(t, terms) for t in texts]
    assert looked["look"] == 2 * sum(len(quotes._QUOTATION_MARK.findall(t.translate(quotes._AFFIX_READ)))
                                     for t in texts)
    monkeypatch.setattr(lookups, "_UNOPTIMISED", True)
    looked.clear()
    plain = [quotes.typeset_quotes(t, terms) for t in texts]
    assert looked["look"] == 2 * sum(len(t) for t in texts)
    assert fast == plain
    assert fast[0] == "no marks at all"
    assert quotes.settle_quotes(fast[1], False) == "“Title ‘inner’ and l’ami”."


def test_an_element_s_attributes_are_read_once_for_its_tests_seams_kind_and_layout(monkeypatch):
    from citeproc import model

    layouts = Counter()
    original = model.CitationStylesElement.get_layout
    monkeypatch.setattr(model.CitationStylesElement, "get_layout",
                        lambda self: layouts.update(["asked"]) or original(self))
    items = [{"id": "a", "type": "book", "title": "Title"}, {"id": "b", "type": "article", "title": "T2",
                                                             "note": "n", "container-title": "Rev"}]
    clusters = [[Cite("a")], [Cite("a")], [Cite("b")], [Cite("b")]]

    def rendered() -> tuple[list[str], dict[str, list]]:
        processor = Processor(_term_style())
        texts = [e.text for e in processor.citations(items, clusters)]
        kept: dict[str, list] = {}
        for element in processor.style.root.iter():
            for name in ("_variables_kept", "_seamed_affixes", "_text_kind", "_layout", "_counted_kept", "_affixed",
                         "_formatted"):
                if name in element.__dict__:
                    kept.setdefault(name, []).append(element.__dict__[name])
        return texts, kept

    fast, kept = rendered()
    assert kept["_variables_kept"] == [(("note",), ("note",))]
    assert sorted(kept["_text_kind"]) == [(False, False)] * 5 + [(True, False)] * 2
    assert (False, False) in kept["_seamed_affixes"] and (True, False) not in kept["_seamed_affixes"]  # no suffix
    assert layouts["asked"] == len(kept["_layout"])  # once per element that asked
    # a cs:text without a variable of the data goes on past SuppressesSubstituted (text.CountsVariables)
    from sergebib.formatter.extensions.substitute import SuppressesSubstituted
    from sergebib.formatter.extensions.text import CountsVariables

    assert sorted(kept["_counted_kept"], key=str) == sorted([("container-title", CountsVariables),
                                                             ("title", CountsVariables)]
                                                            + [(None, SuppressesSubstituted)] * 5, key=str)
    assert set(kept["_affixed"]) == {True, False} and set(kept["_formatted"]) == {False}
    monkeypatch.setenv("SERGEBIB_UNOPTIMISED", "1")
    _built_anew(monkeypatch)  # (without the look-ups kept on the element classes: lookups.Lookups)
    layouts.clear()
    plain, kept = rendered()
    assert kept == {} and layouts["asked"] > 3
    assert fast == plain == ["Title in", "Ibid. in", "T2", "Ibid."]


def test_a_cite_keeps_its_reference_as_its_own_attribute(monkeypatch):
    import citeproc

    from sergebib.formatter.extensions.lookups import CitationItem

    found = Counter()
    original = citeproc.CitationItem.reference.fget
    monkeypatch.setattr(citeproc.CitationItem, "reference",
                        property(lambda self: found.update(["looked up"]) or original(self)))
    processor = Processor(_term_style())
    items = [{"id": "a", "type": "book", "title": "Title"}]
    assert [e.text for e in processor.citations(items, [[Cite("a")], [Cite("a")]])] == ["Title in", "Ibid. in"]
    cites = [c for c in processor.style.root.citation.cites]
    assert cites and all(isinstance(c, CitationItem) and "reference" in c.__dict__ for c in cites)
    assert found["looked up"] <= 2 * len(cites)  # once per cite (disambiguation makes its own)


def test_an_output_is_not_looked_at_where_nothing_depends_on_it(monkeypatch):
    from sergebib.formatter.extensions import common, display

    looked = Counter()
    monkeypatch.setattr(display, "prints_nothing", lambda t: looked.update(["display"]) or common.prints_nothing(t))
    items = [{"id": "a", "type": "book", "title": "Title"}, {"id": "b", "type": "article", "title": "T2"}]
    clusters = [[Cite("a")], [Cite("a")], [Cite("b")]]
    fast = [e.text for e in Processor(_term_style()).citations(items, clusters)]
    # a citation has no bibliographic fields to lay out in blocks (display.py)
    assert looked["display"] == 0
    monkeypatch.setenv("SERGEBIB_UNOPTIMISED", "1")
    plain = [e.text for e in Processor(_term_style()).citations(items, clusters)]
    assert looked["display"] > 0
    assert fast == plain == ["Title in", "Ibid. in", "T2 in"]


# the disambiguate condition stepped (in-text and note styles, by-cite given names, added names)
_STEPPED_FIXTURES = ["disambiguate_BasedOnSubsequentFormWithBackref2", "disambiguate_ByCiteDisambiguateCondition",
                     "disambiguate_DisambiguateTrueAndYearSuffixOne",
                     "disambiguate_DisambiguateTrueReflectedInBibliography", "disambiguate_DisambiguateWithThree",
                     "disambiguate_DisambiguateWithThree2", "disambiguate_ExtraTextCitation",
                     "disambiguate_IncrementalExtraText"]


def _counted_cites(monkeypatch: pytest.MonkeyPatch) -> Counter:
    counts: Counter = Counter()
    original = layout_module.Layout.render_citation_alone

    def counting(self, citation):  # noqa: ANN001, ANN202
        counts["cites"] += 1
        return original(self, citation)

    monkeypatch.setattr(layout_module.Layout, "render_citation_alone", counting)
    return counts


def test_disambiguation_renders_a_cite_again_only_where_what_it_reads_changed(monkeypatch):
    from sergebib.formatter import csl_fixtures

    paths = {p.stem: p for p in csl_fixtures.find_fixtures(csl_fixtures.folder())}
    if not paths:
        pytest.skip("CSL test suite not found")
    counts = _counted_cites(monkeypatch)
    fixtures = [csl_fixtures.parse_fixture(paths[name]) for name in _STEPPED_FIXTURES]
    fast = [csl_fixtures.run_fixture(fixture) for fixture in fixtures]
    kept = counts["cites"]
    counts.clear()
    monkeypatch.setenv("SERGEBIB_UNOPTIMISED", "1")
    plain = [csl_fixtures.run_fixture(fixture) for fixture in fixtures]
    # each as citeproc-js prints it (the fixtures' RESULT), with fewer cites rendered
    assert [csl_fixtures.outcome(fixture).passed for fixture in fixtures] == [True] * len(fixtures)
    assert fast == plain
    assert kept < counts["cites"]


def _condition_style() -> str:
    # the disambiguate condition only in a branch for articles
    return """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation disambiguate-add-year-suffix="true"><layout prefix="(" suffix=")" delimiter="; ">
    <group delimiter=" "><names variable="author"><name form="short"/></names>
    <date variable="issued"><date-part name="year"/></date>
    <choose><if type="article-journal">
      <choose><if disambiguate="true"><text variable="title"/></if></choose></if></choose>
    </group></layout></citation>
</style>"""


def test_a_cite_that_meets_no_disambiguate_test_is_not_rendered_again_for_the_condition(monkeypatch):
    # two books alike: the condition is turned on for them (one step, then all tests on), but
    # their rendering never reaches it; then year-suffixes tell them apart
    items = [_item("a", "Smith", 2000), _item("b", "Smith", 2000)]
    clusters = [[Cite("a")], [Cite("b")]]
    counts = _counted_cites(monkeypatch)
    fast = [e.text for e in Processor(_condition_style()).citations(items, clusters)]
    assert counts["cites"] == 2  # each cite rendered once, with the condition off
    counts.clear()
    monkeypatch.setenv("SERGEBIB_UNOPTIMISED", "1")
    plain = [e.text for e in Processor(_condition_style()).citations(items, clusters)]
    assert counts["cites"] == 2 + 2 + 2  # off, at step 1, with all tests on
    assert fast == plain == ["(Smith 2000a)", "(Smith 2000b)"]
