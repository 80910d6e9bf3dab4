"""Spacing and punctuation where rendered pieces meet, locators, and cite collapsing
(sergebib.formatter.extensions: punctuation, text, layout); expected texts are citeproc-js's,
from the CSL test suite fixtures named."""

from sergebib.formatter import Cite, Processor


def style(layout: str, citation: str = "", root: str = "") -> str:
    return f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0"{root}>
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation{citation}><layout>{layout}</layout></citation>
</style>"""


BOOK = {"id": "a", "type": "book", "title": "Hello Title"}


def cite(layout: str, item: dict = BOOK, **options: object) -> str:
    return Processor(style(layout)).citations([item], [[Cite(item["id"], **options)]])[0].text


def test_a_space_beside_a_no_break_space_is_dropped():
    # name_WithNonBreakingSpace: the given name's suffix is a no-break space
    layout = '<names variable="author"><name><name-part name="given" suffix="&#160;"/></name></names>'
    item = {"id": "a", "type": "book", "author": [{"family": "Doe", "given": "John"}]}
    assert cite(layout, item) == "John\u00a0Doe"


def test_spaces_inside_guillemets_become_narrow_no_break_spaces():
    # punctuation_FrenchOrthography
    item = {"id": "a", "type": "book", "title": "His « Anonymous » Life"}
    assert cite('<text variable="title"/>', item) == "His «\u202fAnonymous\u202f» Life"


def test_a_locator_is_printed_without_surrounding_spaces_and_with_a_tight_range():
    # locator_WithLeadingSpace, locator_SimpleLocators
    layout = '<group delimiter=":"><text variable="title"/><text variable="locator"/></group>'
    assert cite(layout, locator=" 666") == "Hello Title:666"
    assert cite('<text variable="locator"/>', locator="100 - 103") == "100–103"


def test_a_page_locator_follows_page_range_format_unless_its_hyphen_is_escaped():
    # label_CollapsedPageNumberPluralDetection
    processor = Processor(style('<group delimiter=" "><label variable="locator"/><text variable="locator"/></group>',
                                root=' page-range-format="expanded"'))
    texts = [e.text for e in processor.citations([BOOK], [[Cite("a", locator="327\\-30")],
                                                          [Cite("a", locator="427-30")]])]
    assert texts == ["page 327-30", "pages 427–430"]


def test_the_csl_json_locator_type_sub_verbo():
    # bugreports_MovePunctuationInsideQuotesForLocator: "sub verbo" is the term sub-verbo
    assert cite('<label variable="locator" form="short"/>', locator="x", label="sub verbo") == "s.v."


def test_a_collapsed_cite_with_nothing_left_is_dropped():
    # collapse_AuthorCollapseNoDateSorted: the third cite is only its (suppressed) author
    smith = [{"family": "Smith", "given": "John"}]
    items = [{"id": "1", "type": "book", "author": smith, "issued": {"date-parts": [[325]]}},
             {"id": "2", "type": "book", "author": smith, "issued": {"date-parts": [[2000]]}},
             {"id": "3", "type": "book", "author": smith}]
    processor = Processor(style(
        '<group delimiter=" "><names variable="author"><name form="short"/></names>'
        '<date variable="issued"><date-part name="year"/></date></group>',
        citation=' collapse="year"><sort><key variable="issued"/></sort').replace(
        "<layout>", '<layout prefix="(" suffix=")" delimiter=", ">'))
    assert processor.citations(items, [[Cite("1"), Cite("2"), Cite("3")]])[0].text == "(Smith 325 AD, 2000)"


def test_cites_with_locators_collapse_and_are_followed_by_the_after_collapse_delimiter():
    # collapse_ChicagoAfterCollapse (second citation)
    wong, garcia = [{"family": "Wong", "given": "A"}], [{"family": "Garcia", "given": "B"}]
    items = [{"id": "5", "type": "book", "author": wong, "issued": {"date-parts": [[1999]]}},
             {"id": "6", "type": "book", "author": wong, "issued": {"date-parts": [[2000]]}},
             {"id": "7", "type": "book", "author": garcia, "issued": {"date-parts": [[1998]]}}]
    processor = Processor(style(
        '<group delimiter=", "><group delimiter=" "><names variable="author"><name form="short"/></names>'
        '<date variable="issued"><date-part name="year"/></date></group><text variable="locator"/></group>',
        citation=' collapse="year" after-collapse-delimiter="; "').replace(
        "<layout>", '<layout prefix="(" suffix=")" delimiter=", ">'))
    cites = [Cite("5", locator="328"), Cite("6", locator="475"), Cite("7", locator="67")]
    assert processor.citations(items, [cites])[0].text == "(Wong 1999, 328; 2000, 475; Garcia 1998, 67)"


def test_a_cite_suffix_ending_in_punctuation_takes_the_place_of_the_delimiter():
    # affix_WithCommas: " is one source," then the delimiter "; "
    items = [{"id": "c", "type": "book", "title": "Book C"}, {"id": "d", "type": "book", "title": "Book D"}]
    processor = Processor(style('<text variable="title"/>').replace("<layout>", '<layout suffix="." delimiter="; ">'))
    [cluster] = processor.citations(items, [[Cite("c", suffix=" is one source,"), Cite("d", suffix=" is another.")]])
    assert cluster.text == "Book C is one source, Book D is another."
