"""CSL 1.0.2 "Disambiguation" (sergebib.formatter.extensions.disambiguation): given names added to
ambiguous names, by each givenname-disambiguation-rule, together with added names and year-suffixes.
The expected strings are citeproc-js's, from the CSL test suite's fixtures named in each test."""

from sergebib.formatter import Cite, Processor


def style(citation_attributes: str, name: str, year: bool = True) -> str:
    date = ('<group prefix=" (" suffix=")"><date variable="issued"><date-part name="year"/></date>'
            '<text variable="year-suffix"/></group>') if year else ""
    return f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation {citation_attributes}><layout delimiter="; ">
    <names variable="author"><name {name}/></names>{date}
  </layout></citation>
</style>"""


def book(key: str, year: int | None, *authors: str) -> dict:
    item = {"id": key, "type": "book",
            "author": [dict(zip(("given", "family"), a.split(" ", 1), strict=True)) for a in authors]}
    if year is not None:
        item["issued"] = {"date-parts": [[year]]}
    return item


def cite(processor: Processor, items: list[dict], *clusters: list[str]) -> list[str]:
    return [e.text for e in processor.citations(items, [[Cite(k) for k in c] for c in clusters], independent=True)]


def test_by_cite_expands_ambiguous_names_to_initials_then_full_given_names():
    # disambiguate_ByCiteGivennameShortFormInitializeWith: "Doe" becomes "J Doe" where initials
    # tell the names apart, "Thomas Smith" where only the full given name does; "Roe" is not
    # ambiguous and stays short
    processor = Processor(style('disambiguate-add-givenname="true" givenname-disambiguation-rule="by-cite"',
                                'form="short" initialize-with=""', year=False))
    items = [book("roe", None, "Jane Roe"), book("john", None, "John Doe"), book("aloysius", None, "Aloysius Doe"),
             book("thomas", None, "Thomas Smith"), book("ted", None, "Ted Smith")]
    assert cite(processor, items, ["roe"], ["john", "aloysius"], ["thomas", "ted"]) == [
        "Roe", "J Doe; A Doe", "Thomas Smith; Ted Smith"]


def test_by_cite_expands_added_names_until_the_cites_differ():
    # disambiguate_ByCiteGivennameExpandCrossNestedNames: names are added one by one and the
    # ambiguous ones among them expanded; the cite told apart at the second name stops there
    processor = Processor(style('disambiguate-add-givenname="true" disambiguate-add-names="true" et-al-min="3" '
                                'et-al-use-first="1"', 'delimiter=", " initialize-with="."', year=False))
    items = [book("a", 1990, "John Doe", "Jane Roe", "Robert Jones"),
             book("b", 1990, "John Doe", "Josephine Roe", "Robert Jones"),
             book("c", 1990, "John Doe", "Jane Roe", "Richard Jones")]
    assert cite(processor, items, ["a", "b", "c"]) == [
        "J. Doe, Jane Roe, Robert Jones; J. Doe, Josephine Roe, et al.; J. Doe, Jane Roe, Richard Jones"]


ASTHMA = [book("a", 1980, "Albert Asthma", "Bosworth Bronchitis", "Crispin Cold"),
          book("b", 1995, "Albert Asthma", "Beauregarde Bronchitis", "Odeous Cold")]
SHORT_INITIALS = 'and="text" delimiter=", " delimiter-precedes-last="never" form="short" initialize-with="."'


def test_all_names_expands_ambiguous_names_in_unambiguous_cites():
    # disambiguate_AllNamesGenerally: the cites differ by year, yet the names are told apart,
    # each no further than needed (Cold by initials, Bronchitis in full); Asthma is one person
    processor = Processor(style('disambiguate-add-givenname="true" givenname-disambiguation-rule="all-names"',
                                SHORT_INITIALS))
    assert cite(processor, ASTHMA, ["a", "b"]) == [
        "Asthma, Bosworth Bronchitis and C. Cold (1980); Asthma, Beauregarde Bronchitis and O. Cold (1995)"]


def test_all_names_with_initials_shows_initials_only():
    # disambiguate_AllNamesWithInitialsGenerally: "B. Bronchitis" would not tell the names
    # apart, and full given names are not allowed, so Bronchitis stays as it is
    processor = Processor(style('disambiguate-add-givenname="true" '
                                'givenname-disambiguation-rule="all-names-with-initials"', SHORT_INITIALS))
    assert cite(processor, ASTHMA, ["a", "b"]) == [
        "Asthma, Bronchitis and C. Cold (1980); Asthma, Bronchitis and O. Cold (1995)"]


def test_primary_name_with_initials_expands_first_names_only():
    # disambiguate_PrimaryNameWithInitialsLimitedToPrimary: Asthma is expanded where it comes
    # first in a cite, not in "Dropsy and Asthma"
    processor = Processor(style('et-al-min="3" et-al-use-first="1" disambiguate-add-givenname="true" '
                                'disambiguate-add-year-suffix="true" '
                                'givenname-disambiguation-rule="primary-name-with-initials"', SHORT_INITIALS))
    items = [book("a", 1980, "Albert Asthma", "Bosworth Bronchitis", "Crispin Cold"),
             book("b", 1995, "Gargoyle Asthma", "Billy Bronchitis", "Odeous Cold"),
             book("c", 1995, "Duncan Dropsy", "Albert Asthma")]
    assert cite(processor, items, ["a", "b", "c"]) == [
        "A. Asthma et al. (1980); G. Asthma et al. (1995); Dropsy and Asthma (1995)"]


def test_year_suffixes_only_for_cites_names_cannot_tell_apart():
    # disambiguate_AndreaEg3: added and expanded names tell three of four works apart; the two
    # by the same authors keep those names and are told apart by year-suffixes
    processor = Processor(style('et-al-min="3" et-al-use-first="1" disambiguate-add-names="true" '
                                'disambiguate-add-givenname="true" givenname-disambiguation-rule="all-names" '
                                'disambiguate-add-year-suffix="true"',
                                'initialize-with=". " and="symbol" delimiter-precedes-last="never" form="short"'))
    items = [book("1", 1980, "John Smith", "John Brown", "John Jones"),
             book("2", 1980, "John Smith", "John Brown", "John Jones"),
             book("3", 1980, "John Smith", "John Benson", "John Jones"),
             book("4", 1980, "John Smith", "John Brown", "Arthur Jones")]
    assert cite(processor, items, ["1", "2"], ["1", "3"], ["1", "4"]) == [
        "Smith, Brown & J. Jones (1980a); Smith, Brown & J. Jones (1980b)",
        "Smith, Brown & J. Jones (1980a); Smith, Benson, et al. (1980)",
        "Smith, Brown & J. Jones (1980a); Smith, Brown & A. Jones (1980)"]


def test_names_that_differ_only_in_spacing_are_not_expanded():
    # disambiguate_DifferentSpacingInInitials: "J. J." and "J.J." are one person's initials
    processor = Processor(style('disambiguate-add-givenname="true" givenname-disambiguation-rule="all-names"',
                                'form="short" initialize-with=". "', year=False))
    items = [{"id": key, "type": "book", "author": [{"given": given, "family": "Doe"}]}
             for key, given in (("a", "J. J."), ("b", "J.J."))]
    assert cite(processor, items, ["a", "b"]) == ["Doe; Doe"]


def test_cites_that_differ_only_in_their_access_date_get_year_suffixes():
    # date_YearSuffixWithNoDate: the date a work was accessed does not tell which work it is;
    # the year-suffix follows the "no date" term where the style puts it there
    processor = Processor("""<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation disambiguate-add-year-suffix="true"><layout delimiter="; " prefix="(" suffix=")">
    <group delimiter=" "><names variable="author"><name/></names>
      <group><text term="no date" form="short"/><text variable="year-suffix" prefix="-"/></group></group>
    <group delimiter=" " prefix=" [" suffix="]"><text term="accessed" suffix=": " text-case="capitalize-first"/>
      <date variable="accessed" form="text" date-parts="year-month-day"/></group>
  </layout></citation>
</style>""")
    items = [{**book(key, None, "John Doe"), "accessed": {"date-parts": [[year, 6, 1]]}}
             for key, year in (("a", 1965), ("b", 2065))]
    assert cite(processor, items, ["a", "b"]) == [
        "(John Doe n.d.-a [Accessed: June 1, 1965]; John Doe n.d.-b [Accessed: June 1, 2065])"]


def test_disambiguate_conditions_are_tried_one_at_a_time():
    # disambiguate_IncrementalExtraText: the title tells the first two books apart, so their
    # edition (the second disambiguate condition) is not shown; only the two "Complete Works" need it
    processor = Processor("""<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><group delimiter=", ">
    <names variable="author"><name/></names>
    <choose><if disambiguate="true"><text variable="title"/></if></choose>
    <choose><if disambiguate="true"><group delimiter=" "><label variable="edition" form="short"/>
      <number variable="edition"/></group></if></choose>
  </group></layout></citation>
</style>""")
    items = [{**book(key, None, "John Smith"), "title": title, "edition": edition}
             for key, title, edition in (("1", "Book One", "3"), ("2", "Book Two", "4"),
                                         ("3", "Complete Works", "5"), ("4", "Complete Works", "6"))]
    assert cite(processor, items, ["1"], ["2"], ["3"], ["4"]) == [
        "John Smith, Book One", "John Smith, Book Two",
        "John Smith, Complete Works, ed. 5", "John Smith, Complete Works, ed. 6"]
