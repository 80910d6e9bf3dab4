"""CSL-JSON read for the formatter (sergebib.formatter.processor, extensions.dates.raw_date); the
expected strings are citeproc-js's, from the CSL test suite's fixtures."""

from sergebib.formatter import Cite, Processor


def style(text: str) -> str:
    return f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout delimiter="; ">{text}</layout></citation>
</style>"""


def cite(text: str, items: list[dict]) -> str:
    return Processor(style(text)).citations(items, [[Cite(str(i["id"])) for i in items]])[0].text


def test_journal_abbreviation_is_the_short_container_title():
    items = [{"id": "a", "type": "article-journal", "container-title": "American Law Journal",
              "journalAbbreviation": "Am. L.J."},
             {"id": "b", "type": "article-journal", "container-title": "Am. L.J."}]
    assert cite('<text strip-periods="true" variable="container-title" form="short"/>', items) == "Am LJ; Am LJ"


def test_a_date_given_as_a_string():
    # "raw": parsed where it is a date, else printed as written
    text = '<group delimiter=": "><text value="date"/><date variable="issued" form="text" date-parts="year"/></group>'
    assert cite(text, [{"id": "a", "type": "book", "issued": {"date-parts": [], "raw": "Bogus Date"}}]) == \
        "date: Bogus Date"
    assert cite(text, [{"id": "a", "type": "book", "issued": {"raw": "1999-06-01"}}]) == "date: 1999"
