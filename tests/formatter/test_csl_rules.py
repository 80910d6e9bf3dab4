"""Our extensions of citeproc-py (sergebib.formatter.extensions), one CSL 1.0.2 rule each."""

from sergebib.formatter import Cite, Cluster, Processor


def style(citation: str, bibliography: str = "", cls: str = "note", locale: str = "") -> str:
    default = f' default-locale="{locale}"' if locale else ""
    return f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="{cls}" version="1.0"{default}>
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout delimiter="; ">{citation}</layout></citation>
  {f'<bibliography><layout>{bibliography}</layout></bibliography>' if bibliography else ''}
</style>"""


POSITION = style("""<choose>
  <if position="ibid-with-locator"><text value="ibid-with-locator"/></if>
  <else-if position="ibid"><text value="ibid"/></else-if>
  <else-if position="near-note"><text value="near-note"/></else-if>
  <else-if position="subsequent"><text value="subsequent"/></else-if>
  <else><text variable="title"/></else></choose>""")
BOOK = [{"id": "a", "type": "book", "title": "Title"}]


def test_an_item_without_a_type_renders():
    # citeproc-py crashed on CSL-JSON items without "type"; no type condition matches them
    items = [{"id": "a", "title": "Untyped"}]
    [entry] = Processor(style('<choose><if type="book"><text value="book"/></if>'
                              '<else><text variable="title"/></else></choose>')).citations(items, [[Cite("a")]])
    assert entry.text == "Untyped"


def test_an_imposed_position_implies_the_weaker_ones():
    # CSL 1.0.2 "Choose": ibid-with-locator implies ibid; ibid and near-note imply subsequent
    processor = Processor(POSITION)
    clusters = [[Cite("a", position=p)] for p in ("first", "subsequent", "ibid", "ibid-with-locator")]
    texts = [e.text for e in processor.citations(BOOK, clusters, independent=True)]
    assert texts == ["Title", "subsequent", "ibid", "ibid-with-locator"]
    only_ibid = Processor(style('<choose><if position="ibid"><text value="ibid"/></if></choose>'))
    assert only_ibid.citations(BOOK, [[Cite("a", position="ibid-with-locator")]])[0].text == "ibid"
    near = Processor(style('<choose><if position="near-note"><text value="near"/></if></choose>'))
    assert near.citations(BOOK, [[Cite("a", position="subsequent", near_note=True)]])[0].text == "near"


def test_near_note_without_a_distance_uses_the_default():
    # CSL 1.0.2 "Note Distance": near-note-distance defaults to 5 (citeproc-py raised KeyError)
    near = Processor(style('<choose><if position="near-note"><text value="near"/></if>'
                           '<else><text variable="title"/></else></choose>'))
    texts = [e.text for e in near.citations(BOOK, [Cluster([Cite("a")], 1), Cluster([Cite("a")], 2)])]
    assert texts == ["Title", "near"]


QUOTED = style('<text variable="title" quotes="true" suffix=","/><text value=" next"/>',
               '<text variable="title" quotes="true" suffix="."/>')


def test_punctuation_in_quote_for_english_locales():
    # CSL 1.0.2 "Locale" punctuation-in-quote (true in en-US): commas and periods after quoted
    # text move inside the closing quotation mark
    items = [{"id": "a", "type": "article", "title": "Title"}]
    assert Processor(QUOTED).citations(items, [[Cite("a")]])[0].text == "“Title,” next"
    assert Processor(QUOTED).bibliography(items)[0].text == "“Title.”"
    # ... and not where the locale says false (en-GB)
    assert Processor(QUOTED, locale="en-GB").bibliography(items)[0].text == "‘Title’."
    # a period is not added after a question mark
    asked = [{"id": "a", "type": "article", "title": "Why?"}]
    assert Processor(QUOTED).bibliography(asked)[0].text == "“Why?”"


def test_punctuation_moves_inside_quotes_within_formatting():
    nested = style('<group font-style="italic"><text variable="title" quotes="true"/></group>'
                   '<text value=" 1900" prefix=". "/>')
    items = [{"id": "a", "type": "article", "title": "Book A"}]
    assert Processor(nested).citations(items, [[Cite("a")]], "html")[0].text == "<i>“Book A.”</i> 1900"


def test_subsequent_author_substitute():
    # CSL 1.0.2 "Reference Grouping": names identical to the preceding entry's are replaced,
    # affixes kept (rule complete-all)
    xml = style('<text variable="title"/>', '<names variable="author" suffix=". "><name/></names>'
                '<text variable="title"/>')
    xml = xml.replace("<bibliography>", '<bibliography subsequent-author-substitute="———">')
    doe = [{"family": "Doe", "given": "John"}]
    items = [{"id": "a", "type": "book", "title": "A", "author": doe},
             {"id": "b", "type": "book", "title": "B", "author": doe},
             {"id": "c", "type": "book", "title": "C", "author": [{"family": "Roe", "given": "Jane"}]}]
    entries = Processor(xml).bibliography(items)
    assert [e.text for e in entries] == ["John Doe. A", "———. B", "Jane Roe. C"]
    assert [e.key for e in entries] == ["a", "b", "c"]
    # a caller that reorders entries can do without the substitution
    assert Processor(xml).bibliography(items, substitute_authors=False)[1].text == "John Doe. B"


def test_title_case():
    # CSL 1.0.2 "Title case conversion": lowercase words capitalized, stop words kept lowercase
    # except first, last and after a colon; mixed-case words untouched; compounds by their parts
    xml = style('<text variable="title" text-case="title"/>')

    def cased(title: str, **extra: str) -> str:
        item = {"id": "a", "type": "book", "title": title, **extra}
        return Processor(xml).citations([item], [[Cite("a")]])[0].text

    assert cased("the out-of-fashion ideas: a story of") == "The Out-of-Fashion Ideas: A Story Of"
    assert cased("core self-evaluation traits—self-esteem and iPhone") == (
        "Core Self-Evaluation Traits—Self-Esteem and iPhone")
    assert cased("UK") == "UK"
    assert cased('a <span class="nocase">pH</span> value') == "A pH Value"
    assert cased("mémoires d'un révolutionnaire", language="fr") == "mémoires d’un révolutionnaire"


def test_year_suffixes_for_ambiguous_cites():
    # CSL 1.0.2 "Disambiguation" disambiguate-add-year-suffix: suffixes in bibliography order,
    # after the first rendered year, in cites and entries alike (localized dates too)
    xml = style('<group delimiter=" "><names variable="author"><name form="short"/></names>'
                '<date variable="issued" form="text" date-parts="year"/></group>',
                '<group delimiter=". "><names variable="author"><name/></names>'
                '<date variable="issued"><date-part name="year"/></date><text variable="title"/></group>',
                cls="in-text").replace("<citation>", '<citation disambiguate-add-year-suffix="true">')
    xml = xml.replace("<bibliography>", '<bibliography><sort><key variable="title"/></sort>')
    doe = [{"family": "Doe", "given": "John"}]
    items = [{"id": k, "type": "book", "title": t, "author": doe, "issued": {"date-parts": [[y]]}}
             for k, t, y in (("b", "Beta", 1930), ("a", "Alpha", 1930), ("c", "Gamma", 1931))]
    processor = Processor(xml)
    assert [e.text for e in processor.bibliography(items)] == [
        "John Doe. 1930a. Alpha", "John Doe. 1930b. Beta", "John Doe. 1931. Gamma"]
    cites = processor.citations(items, [[Cite("b")], [Cite("a")], [Cite("c")]])
    assert [e.text for e in cites] == ["Doe 1930b", "Doe 1930a", "Doe 1931"]


def test_quotation_marks_alternate_and_apostrophes_are_typeset():
    # CSL 1.0.2 quotes / open-inner-quote: quotes inside quoted text alternate; straight quotes
    # in the data (and in cs:text values) are quotes, an apostrophe becomes ’; the style's affixes
    # are printed as written
    xml = style('<text variable="title" quotes="true"/><text value="x" suffix=\' "as is"\'/>')
    items = [{"id": "a", "type": "article", "title": 'Speak, "friend" of l\'Égypte'}]
    [entry] = Processor(xml).citations(items, [[Cite("a", suffix=" 'quoted'")]])
    assert entry.text == '“Speak, ‘friend’ of l’Égypte”x "as is" “quoted”'


def test_rich_text_in_fields_and_flip_flop():
    # CSL-JSON rich text (<i>, <b>, <sup>, <sub>, <sc>) is formatting, not text; italics inside
    # italics are set back to normal (citeproc-js's flip-flop); numbers print as written
    xml = style('<text variable="title" font-style="italic"/><text variable="number" prefix=" "/>')
    items = [{"id": "a", "type": "book", "title": "On <i>Homo sapiens</i> & <b>us</b>", "number": "1<sup>er</sup>"}]
    [entry] = Processor(xml).citations(items, [[Cite("a", prefix="<sc>See</sc> ")]], "html")
    assert entry.text == ('<span style="font-variant:small-caps;">See</span> <i>On <span style="font-style:normal;">'
                          'Homo sapiens</span> &amp; <b>us</b></i> 1&lt;sup&gt;er&lt;/sup&gt;')


def test_page_range_formats():
    # CSL 1.0.2 Appendix V: page-range-format
    def pages(fmt: str, value: str) -> str:
        xml = style('<text variable="page"/>').replace("<style ", f'<style page-range-format="{fmt}" ', 1)
        item = {"id": "a", "type": "book", "page": value}
        return Processor(xml).citations([item], [[Cite("a")]])[0].text

    assert pages("expanded", "110-5") == "110–115"
    assert pages("minimal", "321-328") == "321–8"
    assert pages("minimal-two", "321-328") == "321–28"
    assert [pages("chicago", v) for v in ("71-72", "100-104", "101-108", "321-328", "1496-1504")] == [
        "71–72", "100–104", "101–8", "321–28", "1496–1504"]
    assert pages("chicago", "n11564-n11568") == "n11564–68"
    assert pages("expanded", "N110 - 5") == "N110-5"  # different prefixes: as written


def test_cites_keep_their_order_without_a_citation_sort():
    # CSL 1.0.2 "Sorting": without cs:sort in cs:citation, cites are rendered in the given order
    items = [{"id": k, "type": "book", "title": k.upper()} for k in ("a", "b")]
    entries = Processor(style('<text variable="title"/>')).citations(items, [[Cite("a")], [Cite("b"), Cite("a")]])
    assert [e.text for e in entries] == ["A", "B; A"]


def test_duplicate_punctuation_across_formatting_is_dropped():
    xml = style('<text variable="title" font-style="italic" suffix=". "/><text value="next"/>')
    items = [{"id": "a", "type": "book", "title": "Is it?"}, {"id": "b", "type": "book", "title": "Etc."}]
    texts = [e.text for e in Processor(xml).citations(items, [[Cite("a")], [Cite("b")]], "html")]
    assert texts == ["<i>Is it?</i> next", "<i>Etc.</i> next"]


def test_initials():
    # CSL 1.0.2 initialize-with / initialize: initials, abbreviations and names in given names
    def given(value: str, mark: str, initialize: str = "true") -> str:
        xml = style(f'<names variable="author"><name initialize-with="{mark}" initialize="{initialize}"/></names>')
        item = {"id": "a", "type": "book", "author": [{"family": "Doe", "given": value}]}
        return Processor(xml).citations([item], [[Cite("a")]])[0].text.removesuffix(" Doe")

    assert given("John M.E.", ". ") == "J. M. E."
    assert given("John M.E.", ". ", "false") == "John M. E."
    assert given("Ph. M.E.", ".") == "Ph.M.E."
    assert given("Jean-Paul", ".") == "J.-P."
    assert given("Victor", ". ", "false") == "Victor"


def test_positions_follow_note_numbers():
    # CSL 1.0.2 "Choose" / position and "Number Variables": ibid after the preceding note's only
    # cite (same locator: ibid; another locator: ibid-with-locator); near-note by note numbers;
    # first-reference-note-number is the note of the item's first cite
    xml = style("""<choose>
      <if position="ibid-with-locator"><text value="ibid-with-locator"/></if>
      <else-if position="ibid"><text value="ibid"/></else-if>
      <else-if position="near-note"><text variable="title" suffix=" near"/></else-if>
      <else-if position="subsequent"><text variable="title" suffix=", n "/>
        <text variable="first-reference-note-number"/></else-if>
      <else><text variable="title"/></else></choose>""").replace("<citation>", '<citation near-note-distance="1">')
    items = [{"id": k, "type": "book", "title": k.upper()} for k in ("a", "b")]
    clusters = [Cluster([Cite("a", "1")], 1), Cluster([Cite("a", "1")], 2), Cluster([Cite("a", "2")], 3),
                Cluster([Cite("b"), Cite("a")], 4), Cluster([Cite("a")], 5), Cluster([Cite("b")], 9)]
    texts = [e.text for e in Processor(xml).citations(items, clusters)]
    assert texts == ["A", "ibid", "ibid-with-locator", "B; A near", "A near", "B, n 4"]


def test_date_ranges_keep_the_order_of_date_parts():
    # CSL 1.0.2 "Date Ranges": the range delimiter between the differing parts, shared parts
    # once, in the order of the date parts (localized dates too); range-delimiter from the
    # largest differing part
    def issued(value: list, xml: str) -> str:
        item = {"id": "a", "type": "book", "issued": {"date-parts": value}}
        return Processor(style(xml)).citations([item], [[Cite("a")]])[0].text

    text = '<date variable="issued" form="text"/>'
    assert issued([[1990, 9, 22], [1990, 9, 23]], text) == "September 22–23, 1990"
    assert issued([[1990, 9, 22], [1990, 10, 3]], text) == "September 22–October 3, 1990"
    assert issued([[1990, 12, 30], [1991, 1, 2]], text) == "December 30, 1990–January 2, 1991"
    own = ('<date variable="issued" delimiter=" "><date-part name="day" range-delimiter="/"/>'
           '<date-part name="month"/><date-part name="year"/></date>')
    assert issued([[1990, 9, 22], [1990, 9, 23]], own) == "22/23 September 1990"
    assert issued([[1990, 9, 22], [1990, 10, 3]], own) == "22 September–3 October 1990"


def test_cite_grouping_and_collapsing():
    # CSL 1.0.2 "Cite Grouping" and "Cite Collapsing": cites with the same names are grouped at
    # the first of them, later names suppressed (collapse="year"); runs of three or more citation
    # numbers become ranges (collapse="citation-number")
    by_year = style('<group delimiter=" "><names variable="author"><name form="short"/></names>'
                    '<date variable="issued"><date-part name="year"/></date></group>', cls="in-text")
    # (citeproc-js moves cites into the group of their names only in a sorted citation; the groups
    # then take the place of their first cite in the sort: Poe 1980, Roe 1990, Doe 2000)
    by_year = by_year.replace("<citation>", '<citation collapse="year" after-collapse-delimiter="; ">'
                              '<sort><key variable="issued"/></sort>')
    by_year = by_year.replace('<layout delimiter="; ">', '<layout delimiter=", ">')
    items = [{"id": k, "type": "book", "author": [{"family": f}], "issued": {"date-parts": [[y]]}}
             for k, f, y in (("a", "Doe", 2000), ("b", "Roe", 1990), ("c", "Doe", 2001), ("d", "Poe", 1980))]
    [entry] = Processor(by_year).citations(items, [[Cite("a"), Cite("b"), Cite("c"), Cite("d")]])
    # after-collapse-delimiter between groups of one cite too, as citeproc-js has it
    # (collapse_ChicagoAfterCollapse: "(Whittaker 1967; Wiens 1989b)"); the spec's "cites that
    # follow a collapsed group" would print "Poe 1980, Roe 1990"
    assert entry.text == "Poe 1980; Roe 1990; Doe 2000, 2001"
    numbers = style('<text variable="citation-number"/>', cls="numeric")
    numbers = numbers.replace("<citation>", '<citation collapse="citation-number">')
    numbers = numbers.replace('<layout delimiter="; ">', '<layout delimiter=", " prefix="[" suffix="]">')
    keys = ["a", "b", "c", "d"]
    cites = [Cite(k) for k in ("a", "b", "c", "d")]
    assert Processor(numbers).citations(items, [cites], registered=keys)[0].text == "[1–4]"
    two = [Cite("a"), Cite("b"), Cite("d")]
    assert Processor(numbers).citations(items, [two], registered=keys)[0].text == "[1, 2, 4]"


def test_year_suffix_collapsing():
    # CSL 1.0.2 "Cite Collapsing": collapse="year-suffix" shows only the year-suffix of later cites
    # of the same year ("Doe 2000a, b"); "year-suffix-ranged" makes ranges of three or more
    xml = style('<group delimiter=" "><names variable="author"><name form="short"/></names>'
                '<date variable="issued"><date-part name="year"/></date></group>', cls="in-text")
    doe = [{"family": "Doe"}]
    items = [{"id": k, "type": "book", "title": k, "author": doe, "issued": {"date-parts": [[y]]}}
             for k, y in (("a", 2000), ("b", 2000), ("c", 2000), ("d", 2001))]

    def cite(collapse: str) -> str:
        own = xml.replace("<citation>", f'<citation collapse="{collapse}" disambiguate-add-year-suffix="true" '
                                        'cite-group-delimiter=", ">')
        return Processor(own).citations(items, [[Cite(k) for k in "abcd"]])[0].text

    assert cite("year-suffix") == "Doe 2000a, b, c; 2001"
    assert cite("year-suffix-ranged") == "Doe 2000a–c; 2001"


def test_disambiguation_by_added_names_and_the_disambiguate_condition():
    # CSL 1.0.2 "Disambiguation": disambiguate-add-names shows names hidden by et-al until the
    # cites differ (not where that does not help); disambiguate="true" holds for cites still
    # ambiguous
    xml = style('<group delimiter=" "><names variable="author"><name form="short" and="symbol" delimiter=", "/>'
                '</names><choose><if disambiguate="true"><text variable="title" font-style="italic"/></if>'
                '</choose><date variable="issued"><date-part name="year"/></date></group>', cls="in-text")
    xml = xml.replace("<citation>", '<citation disambiguate-add-names="true" et-al-min="2" et-al-use-first="1">')

    def authors(*names: str) -> list[dict[str, str]]:
        return [{"family": n} for n in names]

    items = [{"id": k, "type": "book", "title": k.upper(), "author": authors(*names), "issued": {"date-parts": [[y]]}}
             for k, names, y in (("a", ("Doe", "Roe"), 2000), ("b", ("Doe", "Poe"), 2000),
                                 ("c", ("Ray", "Fay"), 2001), ("d", ("Ray", "Fay"), 2001))]
    texts = [e.text for e in Processor(xml).citations(items, [[Cite(k)] for k in "abcd"])]
    assert texts == ["Doe & Roe 2000", "Doe & Poe 2000", "Ray et al. C 2001", "Ray et al. D 2001"]


def test_a_label_needs_its_variable():
    # CSL 1.0.2 "Label": rendered only when the variable is non-empty
    xml = style('<text variable="title"/><label variable="page" form="short" prefix=", "/><text variable="page"/>'
                '<label variable="locator" form="short" prefix=", " suffix=" "/><text variable="locator"/>')
    items = [{"id": "a", "type": "book", "title": "A"}, {"id": "b", "type": "book", "title": "B", "page": "5"}]
    texts = [e.text for e in Processor(xml).citations(items, [[Cite("a")], [Cite("b", "7")]], independent=True)]
    assert texts == ["A", "B, p.5, p. 7"]


def test_the_disambiguate_condition_in_the_bibliography():
    # CSL 1.0.2 "Choose" / disambiguate, as citeproc-js applies it: an entry shows what tells
    # its item's cites apart
    xml = style('<names variable="author"><name/></names>'
                '<choose><if disambiguate="true"><text variable="title" prefix=", "/></if></choose>',
                '<names variable="author"><name/></names>'
                '<choose><if disambiguate="true"><text variable="title" prefix=", "/></if></choose>')
    items = [{"id": k, "type": "book", "title": t, "author": [{"family": f}]}
             for k, t, f in (("a", "One", "Smith"), ("b", "Two", "Smith"), ("c", "Three", "Jones"))]
    assert [e.text for e in Processor(xml).bibliography(items)] == ["Smith, One", "Smith, Two", "Jones"]


def test_punctuation_merges_where_elements_meet():
    # CSL 1.0.2 "Affixes" / "Delimiter", as citeproc-js merges: "?" + "." -> "?", ";" + ":" -> ";",
    # ":" + "!" -> "!", "." + ":" kept; never inside field text ("...")
    def joined(left: str, right: str, title: str = "T") -> str:
        xml = style(f'<text variable="title" suffix="{left}"/><text value="x" prefix="{right} "/>')
        return Processor(xml).citations([{"id": "a", "type": "book", "title": title}], [[Cite("a")]])[0].text

    assert joined("", ".", "Why?") == "Why? x"
    assert joined(";", ":") == "T; x"
    assert joined(":", "!") == "T! x"
    assert joined(".", ":") == "T.: x"
    assert joined("", ",", "Wait...") == "Wait..., x"


def test_a_cite_prefix_opening_with_punctuation_replaces_the_delimiter():
    # as citeproc-js joins cites: "Book A, cited in Book B", not "Book A; , cited in Book B"
    items = [{"id": k, "type": "book", "title": k.upper()} for k in ("a", "b")]
    cluster = [Cite("a"), Cite("b", prefix=", cited in ")]
    [entry] = Processor(style('<text variable="title"/>')).citations(items, [cluster])
    assert entry.text == "A, cited in B"


def test_seasons_in_dates():
    # CSL-JSON months 21-24 are seasons; CSL 1.0.2 date-part "month" renders the season term
    def issued(parts: list) -> str:
        item = {"id": "a", "type": "book", "issued": {"date-parts": parts}}
        return Processor(style('<date variable="issued" form="text"/>')).citations([item], [[Cite("a")]])[0].text

    assert issued([[1999, 22]]) == "Summer 1999"
    assert issued([["2000", "", ""]]) == "2000"  # empty parts are absent
    assert issued([[1999, 13]]) == "Spring 1999"  # months 13-20 as citeproc-js reads them
    assert issued([[1999, 21], [2001, 22]]) == "Spring 1999–Summer 2001"
