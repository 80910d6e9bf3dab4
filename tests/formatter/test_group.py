"""cs:group's suppression rule, macros rendered as groups, labels and terms (sergebib.formatter.extensions.text);
expected texts are citeproc-js's, from the CSL test suite fixtures named."""

from sergebib.formatter import Cite, Processor


def style(layout: str, macros: str = "") -> str:
    return f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>{macros}
  <citation><layout>{layout}</layout></citation>
</style>"""


def cite(layout: str, item: dict, macros: str = "") -> str:
    return Processor(style(layout, macros)).citations([{"id": "a", **item}], [[Cite("a")]])[0].text


def test_a_macro_whose_variables_are_empty_prints_no_term():
    # group_SuppressTermInMacro: the macro prints the term "in" only beside an empty variable
    macros = """<macro name="container-title-note"><choose><if type="chapter">
      <text suffix=" " term="in" text-case="lowercase"/></if></choose>
      <text font-style="italic" variable="container-title"/></macro>"""
    layout = '<group delimiter=", "><text variable="title"/><text macro="container-title-note"/></group>'
    assert cite(layout, {"type": "chapter", "title": "His Anonymous Life"}, macros) == "His Anonymous Life"


def test_a_group_of_empty_variables_and_terms_is_suppressed():
    # CSL 1.0.2 "Group": suppressed when it calls variables and all of them are empty
    layout = '<text variable="title"/><group prefix=" (" suffix=")"><text term="in"/><text variable="volume"/></group>'
    assert cite(layout, {"type": "book", "title": "Title"}) == "Title"


def test_a_nested_group_that_prints_counts_as_printed():
    # variables_TitleShortOnShortTitleNoTitleCondition: the inner group prints without a title
    layout = ('<group delimiter=" "><text variable="title"/>'
              '<group><text value="does not have title-short"/></group></group>')
    assert cite(layout, {"type": "book"}) == "does not have title-short"


def test_a_number_of_volumes_label():
    # label_EditorTranslator1: "in 5 vols." (citeproc-py lost the label)
    layout = ('<text variable="number-of-volumes" prefix="in&#160;"/>'
              '<label variable="number-of-volumes" form="short" prefix="&#160;"/>')
    assert cite(layout, {"type": "book", "number-of-volumes": "5"}) == "in\u00a05\u00a0vols."


def test_a_term_of_only_whitespace_is_empty():
    # label_EditorTranslator1: the et-al term "and others" is a line break and an indentation
    macros = '<locale><terms><term name="and others">\n      </term></terms></locale>'
    layout = ('<names variable="author" suffix=". "><name et-al-min="2" et-al-use-first="1"/>'
              '<et-al term="and others"/></names><text variable="title"/>')
    authors = [{"family": "Ivanov", "given": "Ivan"}, {"family": "Petrov", "given": "Petr"}]
    assert cite(layout, {"type": "book", "title": "Title", "author": authors}, macros) == "Ivan Ivanov. Title"
