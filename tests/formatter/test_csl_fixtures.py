"""The fixture runner's conventions (sergebib.formatter.csl_fixtures), those of citeproc-js's
test runner, on small fixtures written here; expected output as in the suite's fixtures named."""

from pathlib import Path

from sergebib.formatter import csl_fixtures


def fixture(citation: str, items: list, citations: list | None = None, mode: str = "citation") -> csl_fixtures.Fixture:
    csl = f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout>{citation}</layout></citation>
</style>"""
    return csl_fixtures.Fixture(name="x", path=Path("x.txt"), mode=mode, result="", csl=csl, input=items,
                                citations=citations)


def test_a_citation_that_prints_nothing_is_citeproc_js_placeholder():
    # date_DateNoDateNoTest: an item without the only variable the layout prints
    empty = fixture('<date variable="issued"><date-part name="year"/></date>', [{"id": "a", "type": "book"}])
    assert csl_fixtures.run_fixture(empty) == "[CSL STYLE ERROR: reference with no printed form.]"


def test_citations_of_an_item_whose_first_note_moved_are_marked_changed():
    # integration_FirstReferenceNoteNumberPositionChange: inserting a note before all others
    # moves every item's first note, so citeproc-js returns their citations again (">>")
    layout = ('<choose><if position="first"><text variable="title"/></if>'
              '<else><text variable="first-reference-note-number" prefix="supra note "/></else></choose>')
    items = [{"id": "a", "type": "book", "title": "A"}, {"id": "b", "type": "book", "title": "B"}]
    steps = [[{"citationID": "C1", "citationItems": [{"id": "a"}], "properties": {"noteIndex": 1}}, [], []],
             [{"citationID": "C2", "citationItems": [{"id": "a"}], "properties": {"noteIndex": 2}}, [["C1", 1]], []],
             [{"citationID": "C3", "citationItems": [{"id": "b"}], "properties": {"noteIndex": 1}}, [],
              [["C1", 2], ["C2", 3]]]]
    assert csl_fixtures.run_fixture(fixture(layout, items, steps)).splitlines() == [
        ">>[0] B", ">>[1] A", ">>[2] supra note 2"]


def test_citations_of_an_item_whose_citation_number_changed_are_marked_changed():
    # sort_RangeUnaffected: a citation inserted first renumbers the items; the later citation
    # prints the same numbers ("1, 2") but citeproc-js returns it again (">>")
    csl = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><sort><key variable="citation-number"/></sort>
  <layout delimiter=", "><text variable="citation-number"/></layout></citation>
</style>"""
    items = [{"id": "a", "type": "book", "title": "A"}, {"id": "b", "type": "book", "title": "B"}]
    steps = [[{"citationID": "C1", "citationItems": [{"id": "a"}, {"id": "b"}], "properties": {"noteIndex": 1}},
              [], []],
             [{"citationID": "C2", "citationItems": [{"id": "b"}], "properties": {"noteIndex": 1}}, [], [["C1", 2]]]]
    numbered = csl_fixtures.Fixture(name="x", path=Path("x.txt"), mode="citation", result="", csl=csl,
                                    input=items, citations=steps)
    assert csl_fixtures.run_fixture(numbered).splitlines() == [">>[0] 1", ">>[1] 1, 2"]


def test_note_citations_of_an_item_cited_again_are_marked_changed_where_disambiguate_is_tested():
    # bugreports_OldMhraDisambiguationFailure: in a note style testing disambiguate="true", an item
    # cited a second time has its citations returned again (">>"), their text unchanged
    layout = ('<choose><if disambiguate="true"><text value="ambiguous"/></if>'
              '<else><text variable="title"/></else></choose>')
    items = [{"id": "a", "type": "book", "title": "A"}]
    steps = [[{"citationID": "C1", "citationItems": [{"id": "a"}], "properties": {"noteIndex": 1}}, [], []],
             [{"citationID": "C2", "citationItems": [{"id": "a"}], "properties": {"noteIndex": 2}}, [["C1", 1]], []]]
    assert csl_fixtures.run_fixture(fixture(layout, items, steps)).splitlines() == [">>[0] A", ">>[1] A"]
