"""The processor API the conformance runner drives: styles as XML text, citation clusters with
affixes and note numbers, registered items and citation numbers."""

import pytest

from sergebib.formatter import Cite, Cluster, Processor

NUMERIC = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout prefix="[" suffix="]" delimiter=", "><text variable="citation-number"/></layout></citation>
  <bibliography>
    <sort><key variable="title"/></sort>
    <layout><text variable="title"/></layout>
  </bibliography>
</style>"""

ITEMS = [{"id": "b", "type": "book", "title": "Beta"}, {"id": "a", "type": "book", "title": "Alpha"}]


def test_a_style_given_as_xml_text():
    processor = Processor(NUMERIC)
    assert processor.style_path is None and processor.name == "(given as XML)"
    assert [e.text for e in processor.bibliography(ITEMS)] == ["Alpha", "Beta"]
    assert processor.order(ITEMS) == ["a", "b"]


def test_citation_numbers_follow_the_sorted_bibliography():
    # CSL 1.0.2 "citation-number": the position of the item in the (sorted) bibliography
    [entry] = Processor(NUMERIC).citations(ITEMS, [[Cite("b")]])
    assert entry.text == "[1]"  # only "b" is cited, so it is the whole bibliography
    [entry] = Processor(NUMERIC).citations(ITEMS, [[Cite("b")]], registered=["a", "b"])
    assert entry.text == "[2]"


def test_clusters_with_affixes_and_note_numbers():
    entries = Processor(NUMERIC).citations(ITEMS, [Cluster([Cite("a", prefix="see ", suffix=" passim")], note=3)])
    assert entries[0].text == "[see 1 passim]"
    assert entries[0].key == "a"


def test_an_unknown_position_is_refused():
    with pytest.raises(ValueError, match="unknown position"):
        Cite("a", position="loc-cit")
