"""The rich-text tree and its backends: each output escapes its own special characters."""

from html.parser import HTMLParser

from sergebib.formatter import richtext
from sergebib.formatter.backends import render


def tree():
    return richtext.parse("Tom & Jerry <3 * _x_ % $ " + richtext.mark("italic", "A # B"))


def test_parse_builds_nested_spans():
    t = richtext.parse("a" + richtext.mark("bold", "b" + richtext.mark("italic", "c")) + "d")
    assert t.plain() == "abcd"
    bold = t.children[1]
    assert bold.style == "bold" and bold.children[1].style == "italic"


def test_unmatched_markers_are_dropped_not_guessed():
    assert richtext.parse(richtext.CLOSE["italic"] + "x" + richtext.OPEN["bold"]).plain() == "x"


def test_html_escaping():
    assert render(tree(), "html") == "Tom &amp; Jerry &lt;3 * _x_ % $ <i>A # B</i>"


def test_latex_escaping():
    assert render(tree(), "latex") == "Tom \\& Jerry \\ensuremath{<}3 * \\_x\\_ \\% \\$ \\emph{A \\# B}"


def test_markdown_escaping():
    assert render(tree(), "markdown") == "Tom & Jerry \\<3 \\* \\_x\\_ % $ *A \\# B*"


# --- display blocks (CSL 1.0.2 "Display") in each output ---------------------------------------
def numbered() -> richtext.Span:
    """A second-field-align entry: "[1]" in the left margin, the rest to its right."""
    return richtext.parse(richtext.mark("left-margin", "[1]") + richtext.mark(
        "right-inline", "Tom & Jerry_" + richtext.mark("italic", "50% off") + "."))


def headed() -> richtext.Span:
    """An entry under a heading block, with an indented abstract."""
    return richtext.parse(richtext.mark("block", "Doe & Roe") + "- 1999 #1" + richtext.mark("indent", "- a_b"))


def test_display_in_html_is_citeproc_js_divs():
    assert render(numbered(), "html") == ('<div class="csl-left-margin">[1]</div><div class="csl-right-inline">'
                                          'Tom &amp; Jerry_<i>50% off</i>.</div>')
    assert render(headed(), "html") == ('<div class="csl-block">Doe &amp; Roe</div>- 1999 #1'
                                        '<div class="csl-indent">- a_b</div>')


def test_display_html_is_well_formed():
    class Balance(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.open: list[str] = []

        def handle_starttag(self, tag: str, attrs: list) -> None:
            self.open.append(tag)

        def handle_endtag(self, tag: str) -> None:
            assert self.open.pop() == tag

    for t in (numbered(), headed()):
        parser = Balance()
        parser.feed(render(t, "html"))
        assert parser.open == []


def test_display_in_text_a_margin_field_then_a_space_and_blocks_on_lines_of_their_own():
    assert render(numbered(), "text") == "[1] Tom & Jerry_50% off."
    assert render(headed(), "text") == "Doe & Roe\n- 1999 #1\n    - a_b"
    # no second space where the right-inline field starts with one
    spaced = richtext.parse(richtext.mark("left-margin", "[1]") + richtext.mark("right-inline", " J. Doe"))
    assert render(spaced, "text") == "[1] J. Doe"


def test_display_in_markdown_hard_line_breaks_and_escaping():
    assert render(numbered(), "markdown") == "\\[1\\] Tom & Jerry\\_*50% off*."
    # a line that would start a list item after the break is escaped
    assert render(headed(), "markdown") == "Doe & Roe\\\n\\- 1999 \\#1\\\n\u2003\u2003- a\\_b"


def test_display_in_latex_line_breaks_and_escaping():
    assert render(numbered(), "latex") == "[1] Tom \\& Jerry\\_\\emph{50\\% off}."
    assert render(headed(), "latex") == "Doe \\& Roe\\newline - 1999 \\#1\\newline \\hspace*{2em}- a\\_b"


def test_no_line_break_before_a_leading_block_or_after_a_trailing_one():
    alone = richtext.parse(richtext.mark("block", "Heading") + richtext.mark("block", "Body"))
    assert render(alone, "text") == "Heading\nBody"
    assert render(alone, "latex") == "Heading\\newline Body"


# --- formatting set back to normal, superscript characters --------------------------------------
def test_normal_formatting_only_inside_what_it_undoes():
    inside = richtext.parse(richtext.mark("italic", "a " + richtext.mark("no-italic", "b")))
    outside = richtext.parse(richtext.mark("no-italic", "b"))
    assert render(inside, "html") == '<i>a <span style="font-style:normal;">b</span></i>'
    assert render(outside, "html") == "b"
    assert render(inside, "latex") == "\\emph{a \\textup{b}}"
    assert render(inside, "text") == "a b"


def test_superscript_characters():
    t = richtext.parse("m² 1ª")
    assert render(t, "html") == "m<sup>2</sup> 1<sup>a</sup>"
    assert render(t, "latex") == "m\\textsuperscript{2} 1\\textsuperscript{a}"
    assert render(t, "text") == "m² 1ª"
    assert render(t, "markdown") == "m² 1ª"


def test_formatting_around_a_block_is_moved_inside_it():
    # the layout's italics around an entry's blocks: <i> inside each <div>, never around one
    t = richtext.parse(richtext.mark("italic", richtext.mark("left-margin", "[1]") + richtext.mark(
        "right-inline", "Doe " + richtext.mark("bold", "Title"))))
    assert render(t, "html") == ('<div class="csl-left-margin"><i>[1]</i></div>'
                                 '<div class="csl-right-inline"><i>Doe <b>Title</b></i></div>')
    assert render(t, "text") == "[1] Doe Title"
