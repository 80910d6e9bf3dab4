"""Cite positions and note-related behaviour (sergebib.formatter.extensions.conditions, .terms);
expected strings are citeproc-js's, from the CSL test suite's fixtures named in each test."""

from sergebib.formatter import Cite, Cluster, Processor


def style(citation: str, cls: str = "note", delimiter: str = "; ") -> str:
    return f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="{cls}" version="1.0">
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout delimiter="{delimiter}">{citation}</layout></citation>
</style>"""


IBID = style('<choose><if position="ibid"><text term="ibid"/></if><else><text variable="title"/></else></choose>')
BOOKS = [{"id": "a", "type": "book", "title": "Book A"}, {"id": "b", "type": "book", "title": "Book B"}]


def test_a_term_opening_a_note_is_capitalized():
    # citeproc-js (magic_TermCapitalizationWithPrefix, bugreports_CapsAfterOneWordPrefix): a term
    # that is the first thing a note prints is capitalized, and so is one after a prefix that
    # ends a sentence; not after a one-word prefix ("Cf.") or a prefix that does not end one
    processor = Processor(IBID)
    clusters = [Cluster([Cite("a")], 1), Cluster([Cite("a", prefix="See ")], 2),
                Cluster([Cite("a", prefix="This has been said. ")], 3), Cluster([Cite("a")], 4),
                Cluster([Cite("a", prefix="Nocapsafter. ")], 5)]
    texts = [e.text for e in processor.citations(BOOKS, clusters)]
    assert texts == ["Book A", "See ibid.", "This has been said. Ibid.", "Ibid.", "Nocapsafter. ibid."]


def test_a_term_after_another_cite_or_in_an_in_text_style_is_not_capitalized():
    # integration_SimpleIbid: "(Noakes p. 34; ibid.; Snoakes p. 45)"; position_IbidSeparateCiteSameNote:
    # an in-text style prints "ibid." as the locale has it
    note = Processor(IBID)
    [_, second] = note.citations(BOOKS, [Cluster([Cite("a")], 1), Cluster([Cite("b"), Cite("b")], 2)])
    assert second.text == "Book B; ibid."
    in_text = Processor(IBID.replace('class="note"', 'class="in-text"'))
    assert [e.text for e in in_text.citations(BOOKS, [Cluster([Cite("a")], 1), Cluster([Cite("a")], 2)])] == [
        "Book A", "ibid."]


POSITION = style('<choose><if position="ibid"><text value="ibid"/></if>'
                 '<else-if position="subsequent"><text value="subsequent"/></else-if>'
                 '<else><text variable="title"/></else></choose>')


def test_citations_outside_notes_are_a_sequence_of_their_own():
    # position_IbidInText: in a note style, a citation in the text (note 0, here no note number)
    # follows on the previous citation in the text, not on the notes between them
    processor = Processor(POSITION)
    clusters = [Cluster([Cite("a")]), Cluster([Cite("b")], 1), Cluster([Cite("a")])]
    assert [e.text for e in processor.citations(BOOKS, clusters)] == ["Book A", "Book B", "ibid"]


def test_positions_start_again_where_notes_are_numbered_anew():
    # as citeproc-js: where note numbers go back (a new chapter), the first cite of a work is
    # "first" again; before that, the same work is "subsequent", then "ibid"
    processor = Processor(POSITION)
    clusters = [Cluster([Cite("a")], 1), Cluster([Cite("b")], 2), Cluster([Cite("a")], 3),
                Cluster([Cite("a")], 1), Cluster([Cite("a")], 2)]
    texts = [e.text for e in processor.citations(BOOKS, clusters)]
    assert texts == ["Book A", "Book B", "subsequent", "Book A", "ibid"]


def test_a_term_opening_an_entry_is_capitalized_in_any_style():
    # citeproc-js capitalizes a term at the start of a bibliographic entry in in-text styles too,
    # also where a macro prints it
    xml = style('<text variable="title"/>', cls="in-text").replace(
        "<citation>", '<macro name="m"><text term="anonymous"/></macro><citation>').replace(
        "</style>", '<bibliography><layout><group delimiter=", "><text macro="m"/><text variable="title"/>'
                    '</group></layout></bibliography></style>')
    assert [e.text for e in Processor(xml).bibliography(BOOKS)] == ["Anonymous, Book A", "Anonymous, Book B"]
