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


NOTE_FIELDS = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><group delimiter=". "><names variable="author"/><text variable="title"/>
    <text variable="container-title"/><date variable="issued"><date-part name="year"/></date>
    <text variable="type"/></group></layout></citation>
</style>"""


def test_variables_written_in_the_note_field_are_read():
    # variables_ContainerTitleShort2 (CSL test suite): "container-title: ..." lines in the note;
    # here also a name ("Family || Given"), a date, and an inline {:type: ...}
    item = {"id": "a", "type": "book", "title": "Title", "container-title": "Kept",
            "note": "Seen in the archive {:type: report}\nauthor: Serge || Victor\nissued: 1951-03-02\n"
                    "container-title: Not used"}
    [cite] = Processor(NOTE_FIELDS).citations([item], [[Cite("a")]])
    assert cite.text == "Victor Serge. Title. Kept. 1951. report"


LABELS = """<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation disambiguate-add-year-suffix="true"><layout delimiter="; "><text variable="citation-label"/></layout>
  </citation>
</style>"""


def person(name: str) -> dict[str, str]:
    family, given = name.rsplit(" ", 1)
    return {"family": family, "given": given}


def test_citation_label_is_generated_from_names_and_year_with_a_year_suffix_where_ambiguous():
    # disambiguate_CitationLabelDefault and disambiguate_CitationLabelInData (CSL test suite)
    items = [{"id": "1", "type": "book", "author": [person("Asthma Albert")], "issued": {"date-parts": [[1900]]}},
             {"id": "2", "type": "book", "author": [person("Asthma Zeppo")], "issued": {"date-parts": [[1900]]}},
             {"id": "3", "type": "book", "author": [person("Bronchitis Buffy")], "issued": {"date-parts": [[2000]]}},
             {"id": "4", "type": "book", "author": [person("Bronchitis Buffy"), person("Cholera Cleopatra")],
              "issued": {"date-parts": [[1998]]}},
             {"id": "5", "type": "book", "author": [person(n) for n in ("von Dipheria Doug", "Eczema Elihugh",
                                                                        "Flatulence Frankie", "Goiter Gus",
                                                                        "Hiccups Harvey")],
              "issued": {"date-parts": [[1926]]}},
             {"id": "6", "type": "book", "citation-label": "SpiffLabel1900", "issued": {"date-parts": [[1900]]}}]
    [cluster] = Processor(LABELS).citations(items, [[Cite(i["id"]) for i in items]])
    assert cluster.text == "Asth00a; Asth00b; Bron00; BrCh98; DEFG26; SpiffLabel1900"


def test_a_label_is_title_cased_in_an_english_locale_whatever_the_item_language():
    # APA: <label form="short" prefix=", " text-case="title"/> in the translator's cs:names
    item = {"id": "a", "type": "book", "language": "fr", "title": "The long dusk", "publisher": "Dial",
            "author": [{"family": "Serge", "given": "Victor"}], "translator": [{"family": "Manheim", "given": "Ralph"}],
            "issued": {"date-parts": [[1946]]}}
    [entry] = Processor("apa").bibliography([item], output="html")
    assert entry.text == "Serge, V. (1946). <i>The long dusk</i> (R. Manheim, Trans.). Dial."
