"""Rich text read from the data and formatting set back to normal (extensions.markup, backends).
Expected HTML is citeproc-js's (the CSL test suite's RESULT)."""

from sergebib.formatter import Cite, Processor


def style(layout: str) -> str:
    return f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id/><title/><updated>2009-08-10T04:49:00+09:00</updated></info>
  <citation><layout>{layout}</layout></citation>
</style>"""


def cite(layout: str, output: str = "html", **fields: str) -> str:
    items = [{"id": "ITEM-1", "type": "book", **fields}]
    return Processor(style(layout)).citations(items, [[Cite("ITEM-1")]], output)[0].text


def test_normal_formatting_prints_only_inside_the_formatting_it_undoes():
    # decorations_NoNormalWithoutDecoration
    title = {"title": "His Anonymous Life"}
    assert cite('<text variable="title" font-style="normal"/>', **title) == "His Anonymous Life"
    assert cite('<group font-style="italic"><text variable="title" font-style="normal"/></group>', **title) == (
        '<i><span style="font-style:normal;">His Anonymous Life</span></i>')


def test_vertical_align_baseline_inside_superscript():
    # decorations_Baseline (citeproc-js prints style="baseline"; we print the CSS property)
    layout = ('<group delimiter=", " vertical-align="sup"><text value="Little"/>'
              '<text vertical-align="baseline" variable="title"/></group>')
    assert cite(layout, title="My Short Narrative") == (
        '<sup>Little, <span style="vertical-align:baseline;">My Short Narrative</span></sup>')


def test_nodecor_sets_the_formatting_around_it_back_to_normal_and_keeps_its_case():
    # flipflop_ItalicsWithOk, flipflop_ItalicsWithOkAndTextcase
    title = {"title": 'Lessard <span class="nodecor">v.</span> Schmidt'}
    assert cite('<text variable="title" font-style="italic"/>', **title) == (
        '<i>Lessard <span style="font-style:normal;">v.</span> Schmidt</i>')
    lower = {"title": 'lessard <span class="nodecor">v.</span> schmidt'}
    assert cite('<text variable="title" font-variant="small-caps" text-case="capitalize-all"/>', **lower) == (
        '<span style="font-variant:small-caps;">Lessard <span style="font-variant:normal;">v.</span> Schmidt</span>')


def test_small_caps_span_in_the_data():
    # flipflop_SmallCaps
    layout = ('<group delimiter=", "><text variable="title" font-variant="small-caps"/>'
              '<text variable="container-title"/></group>')
    fields = {"title": 'His <span style="font-variant:small-caps;">Anonymous</span> Life',
              "container-title": 'His <span style="font-variant:small-caps;">Anthology</span>'}
    assert cite(layout, **fields) == ('<span style="font-variant:small-caps;">His <span style="font-variant:normal;">'
                                      'Anonymous</span> Life</span>, His <span style="font-variant:small-caps;">'
                                      'Anthology</span>')


def test_a_tag_without_its_pair_is_printed_as_written():
    # flipflop_ItalicsSimple
    assert cite('<text variable="title"/>', title="One TwoF</i> Three Four Five!") == (
        "One TwoF&lt;/i&gt; Three Four Five!")
    assert cite('<text variable="title"/>', "text", title="One TwoF</i> Three Four Five!") == (
        "One TwoF</i> Three Four Five!")
    assert cite('<text variable="title"/>', title="<i>One TwoE <i>Three</i> Four Five!</i>") == (
        '<i>One TwoE <span style="font-style:normal;">Three</span> Four Five!</i>')


def test_superscript_characters():
    # magic_SuperscriptChars: printed as superscripts of their base characters in HTML
    assert cite('<text value="&#x00AA;"/>') == "<sup>a</sup>"
    assert cite('<text value="&#x00B2;"/>') == "<sup>2</sup>"
    assert cite('<text value="&#x02C0;"/>') == "<sup>\u0294</sup>"
    # plain text keeps the character
    assert cite('<text value="m&#x00B2;"/>', "text") == "m²"
