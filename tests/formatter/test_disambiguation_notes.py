"""Disambiguation in note styles (sergebib.formatter.extensions.disambiguation), as citeproc-js
does it: cites are compared in their subsequent (short) form. Expected strings are citeproc-js's
output for the same style and items."""

from sergebib.formatter import Cite, Processor

# the first cite of a work is long (it tells the works apart), the later ones are short: author,
# title, then, while the cites are still ambiguous, the year and, one step further, the publisher
NOTES = """<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation disambiguate-add-givenname="true"><layout delimiter="; "><choose>
    <if position="subsequent"><group delimiter=", ">
      <names variable="author"><name form="short" initialize-with=". "/></names><text variable="title"/>
      <choose><if disambiguate="true"><date variable="issued"><date-part name="year"/></date></if></choose>
      <choose><if disambiguate="true"><text variable="publisher"/></if></choose></group></if>
    <else><group delimiter=", "><names variable="author"><name/></names><text variable="title"/>
      <text variable="publisher"/><date variable="issued"><date-part name="year"/></date></group></else>
  </choose></layout></citation>
</style>"""


def editions(*years: int) -> list[dict]:
    """The same book by the same author, published in each of `years`."""
    return [{"id": f"e{year}", "type": "book", "title": "Title", "author": [{"family": "Doe", "given": "John"}],
             "publisher": f"Pub {year}", "issued": {"date-parts": [[year]]}} for year in years]


def notes(items: list[dict]) -> list[str]:
    """Each work cited once, then each once more (a subsequent cite)."""
    keys = [item["id"] for item in items]
    return [e.text for e in Processor(NOTES).citations(items, [[Cite(key)] for key in keys + keys])]


def test_short_forms_are_disambiguated_step_by_step():
    # CSL 1.0.2 "Disambiguation": the first cites differ, the short ones do not; citeproc-js
    # compares the subsequent form (getAmbiguousCite) and turns the disambiguate conditions on
    # one at a time: the year tells the works apart, the publisher is not needed
    assert notes(editions(1999, 2005)) == [
        "John Doe, Title, Pub 1999, 1999", "John Doe, Title, Pub 2005, 2005", "Doe, Title, 1999", "Doe, Title, 2005"]


def test_a_given_name_tried_in_vain_is_kept_once_a_condition_tells_some_cites_apart():
    # citeproc-js (CSL.Disambiguation): the given name was expanded before the conditions were
    # tried ("John Doe" does not tell the editions apart); when the year then tells three cites
    # apart, the configuration they are registered with keeps that expansion (captureStepToBase).
    # Two cites told apart at once are registered without it (the test above).
    assert notes(editions(1999, 2005, 2010)) == [
        "John Doe, Title, Pub 1999, 1999", "John Doe, Title, Pub 2005, 2005", "John Doe, Title, Pub 2010, 2010",
        "John Doe, Title, 1999", "John Doe, Title, 2005", "John Doe, Title, 2010"]


# the title in italics (a book) or in quotation marks (an article), then the year where ambiguous
FORMATTED = NOTES.split("<citation")[0] + """<citation><layout delimiter="; "><group delimiter=", ">
    <names variable="author"><name form="short"/></names>
    <choose><if type="book"><text variable="title" font-style="italic"/></if>
      <else><text variable="title" quotes="true"/></else></choose>
    <choose><if disambiguate="true"><date variable="issued"><date-part name="year"/></date></if></choose>
  </group></layout></citation>
</style>"""


def test_cites_that_differ_only_in_formatting_are_ambiguous():
    # citeproc-js compares cites without decorations (getAmbiguousCite, suppress_decorations): an
    # italic title and a quoted one do not tell a book and an article apart, the year does
    items = [{"id": key, "type": kind, "title": "Title", "author": [{"family": "Doe"}],
              "issued": {"date-parts": [[year]]}} for key, kind, year in (("a", "book", 1933),
                                                                         ("b", "article-journal", 1934))]
    texts = [e.text for e in Processor(FORMATTED).citations(items, [[Cite("a")], [Cite("b")]], "html")]
    assert texts == ["Doe, <i>Title</i>, 1933", "Doe, “Title,” 1934"]
