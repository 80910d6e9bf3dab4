"""CSL 1.0.2 "Display" and second-field-align (sergebib.formatter.extensions.display). Expected
HTML is citeproc-js's (the CSL test suite's RESULT), without the whitespace its test runner puts
around the blocks."""

from sergebib.formatter import Cite, Processor

ITEMS = [{"id": "ITEM-1", "type": "book", "title": "Book A", "author": [{"family": "Smith", "given": "John"}],
          "issued": {"date-parts": [[2000]]}, "abstract": "An interesting book by an interesting author."}]
ENTRY = """<group delimiter=" "><group delimiter=", "><names variable="author"><name/></names>
  <text variable="title"/></group>
  <date prefix="(" suffix=")" variable="issued"><date-part name="year"/></date></group>"""


def style(layout: str, bibliography: str = "", layout_attributes: str = "") -> str:
    return f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id/><title/><updated>2009-08-10T04:49:00+09:00</updated></info>
  <citation><layout><text value="hello"/></layout></citation>
  <bibliography {bibliography}><layout {layout_attributes}>{layout}</layout></bibliography>
</style>"""


def test_display_indent():
    # display_DisplayBlock
    [entry] = Processor(style(ENTRY + '<text display="indent" variable="abstract"/>')).bibliography(ITEMS, "html")
    assert entry.text == ('John Smith, Book A (2000)<div class="csl-indent">An interesting book by an interesting '
                          'author.</div>')


def test_second_field_align_puts_the_first_field_in_the_left_margin():
    # magic_SecondFieldAlign
    processor = Processor(style('<text prefix="[" suffix="]" variable="citation-number"/>' + ENTRY,
                                'second-field-align="flush"'))
    [entry] = processor.bibliography(ITEMS, "html")
    assert entry.text == ('<div class="csl-left-margin">[1]</div>'
                          '<div class="csl-right-inline">John Smith, Book A (2000)</div>')


def test_the_layout_suffix_goes_into_the_right_inline_block():
    # display_SecondFieldAlignMigratePunctuation (the layout's suffix "." ends the right-inline block)
    processor = Processor(style('<text variable="citation-number" prefix="[" suffix="]"/>'
                                '<text variable="title" prefix=" " font-style="italic"/>',
                                'second-field-align="flush"', 'suffix="."'))
    items = [{"id": "ITEM-1", "type": "book", "title": "Boundaries of Dissent"}]
    [entry] = processor.bibliography(items, "html")
    assert entry.text == ('<div class="csl-left-margin">[1]</div>'
                          '<div class="csl-right-inline"> <i>Boundaries of Dissent</i>.</div>')


def test_explicit_blocks_and_an_empty_block():
    # display_AuthorAsHeading: a block, then a left-margin and a right-inline field
    layout = """<group display="block"><names variable="author"><name/></names></group>
      <group display="left-margin"><date variable="issued"><date-part name="year"/></date></group>
      <group display="right-inline"><text variable="title"/></group>"""
    items = [{"id": "ITEM-1", "type": "book", "title": "Aaaaa Aaaaa", "issued": {"date-parts": [[1999]]},
              "author": [{"family": "Doe", "given": "John Aloysius"}]},
             {"id": "ITEM-2", "type": "book", "title": "Bbbbb Bbbbb", "issued": {"date-parts": [[2000]]}}]
    first, second = Processor(style(layout)).bibliography(items, "html")
    assert first.text == ('<div class="csl-block">John Aloysius Doe</div><div class="csl-left-margin">1999</div>'
                          '<div class="csl-right-inline">Aaaaa Aaaaa</div>')
    assert second.text == '<div class="csl-left-margin">2000</div><div class="csl-right-inline">Bbbbb Bbbbb</div>'
    # the same entries as plain text: the block on a line of its own, the margin field then a space
    assert [e.text for e in Processor(style(layout)).bibliography(items, "text")] == [
        "John Aloysius Doe\n1999 Aaaaa Aaaaa", "2000 Bbbbb Bbbbb"]


def test_display_is_not_laid_out_in_citations():
    cite_style = style(ENTRY).replace('<text value="hello"/>', '<text variable="title" display="block"/>')
    [cite] = Processor(cite_style).citations(ITEMS, [[Cite("ITEM-1")]], "html")
    assert cite.text == "Book A"
