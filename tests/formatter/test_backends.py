"""The rich-text tree and its backends: each output escapes its own special characters."""

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
