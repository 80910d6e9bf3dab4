"""Behaviours of citeproc-js (the reference CSL processor) that CSL 1.0.2 leaves to the processor,
implemented in sergebib.formatter.extensions. Expected strings are citeproc-js's output (node,
npm package `citeproc`, the same items and style; see tools/oracle.py)."""

from sergebib.formatter import Cite, Cluster, Processor

SERGE = {"id": "serge", "type": "book", "language": "fr", "title": "Mémoires d’un révolutionnaire",
         "author": [{"family": "Serge", "given": "Victor"}], "translator": [{"family": "Sedgwick", "given": "Peter"}],
         "publisher": "Oxford University Press", "issued": {"date-parts": [[1963]]},
         "original-title": "Carnets", "original-publisher": "Éditions du Seuil",
         "original-date": {"date-parts": [[1951]]}}
MONDE = {"id": "monde", "type": "article-journal", "language": "fr", "title": "Victor Serge et « Monde » : une revue ?",
         "container-title": "Cahiers", "issued": {"date-parts": [[1990]]},
         "author": [{"family": "Dupont", "given": "Jean"}], "publisher-place": "Paris"}


def test_parentheses_within_parentheses_become_brackets_in_note_citations():
    # the style's "(...)" around the original edition is nested in its "(...)" around the
    # publication facts: citeproc-js prints the inner pair as brackets in a note...
    processor = Processor("chicago-notes-bibliography")
    [note] = processor.citations([SERGE], [Cluster([Cite("serge")], note=1)], output="html")
    assert note.text == ("Victor Serge, <i>Mémoires d’un révolutionnaire</i>, trans. Peter Sedgwick (Oxford University"
                         " Press, 1963; originally published as <i>Carnets</i> [Éditions du Seuil, 1951]).")
    # ... and not in the bibliography, where they are not nested
    [entry] = processor.bibliography([SERGE], output="html")
    assert entry.text.endswith("Originally published as <i>Carnets</i> (Éditions du Seuil, 1951).")


def test_parentheses_in_field_data_and_in_author_date_styles_are_printed_as_written():
    style = """<style xmlns="http://purl.org/net/xbiblio/csl" class="{cls}" version="1.0">
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><group prefix="(" suffix=")"><text variable="title"/>
    <group prefix=" (" suffix=")"><text variable="publisher"/></group></group></layout></citation>
</style>"""
    item = {"id": "a", "type": "book", "title": "Title (Part 1)", "publisher": "Seuil"}
    [note] = Processor(style.format(cls="note")).citations([item], [[Cite("a")]])
    [in_text] = Processor(style.format(cls="in-text")).citations([item], [[Cite("a")]])
    assert note.text == "(Title (Part 1) [Seuil])"
    assert in_text.text == "(Title (Part 1) (Seuil))"


def test_french_spacing_narrow_no_break_space_before_high_punctuation_and_inside_guillemets():
    [note] = Processor("chicago-notes-bibliography").citations([MONDE], [Cluster([Cite("monde")], note=1)],
                                                               output="html")
    assert note.text == ("Jean Dupont, “Victor Serge et «\u202fMonde\u202f»\u202f: une revue\u202f?,” <i>Cahiers</i>"
                         " (Paris), 1990.")
