"""Render a rich-text tree as plain text, HTML, Markdown or LaTeX, each with its own escaping."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable

from pylatexenc.latexencode import UnicodeToLatexEncoder

from .richtext import DISPLAYS, FORMATS, Span

OUTPUTS = ("text", "html", "markdown", "latex")

_HTML = {"italic": ("<i>", "</i>"), "bold": ("<b>", "</b>"),
         "smallcaps": ('<span style="font-variant:small-caps;">', "</span>"),
         "superscript": ("<sup>", "</sup>"), "subscript": ("<sub>", "</sub>"),
         "underline": ('<span style="text-decoration:underline;">', "</span>"),
         "nocase": ("", "")}
_LATEX = {"italic": ("\\emph{", "}"), "bold": ("\\textbf{", "}"), "smallcaps": ("\\textsc{", "}"),
          "superscript": ("\\textsuperscript{", "}"), "subscript": ("\\textsubscript{", "}"),
          "underline": ("\\underline{", "}"), "nocase": ("", "")}
_MD = {"italic": ("*", "*"), "bold": ("**", "**"), "smallcaps": ("", ""),
       "superscript": ("<sup>", "</sup>"), "subscript": ("<sub>", "</sub>"),
       "underline": ("", ""), "nocase": ("", "")}

_latex = UnicodeToLatexEncoder(unknown_char_policy="keep", non_ascii_only=False,
                               replacement_latex_protection="braces-after-macro")
# Markdown characters that would start markup where they stand in bibliographic text.
_MD_SPECIAL = "\\`*_[]<>#|"


def _escape_markdown(text: str) -> str:
    return "".join("\\" + c if c in _MD_SPECIAL else c for c in text)


def _escape_latex(text: str) -> str:
    return _latex.unicode_to_latex(text)


# CSL 1.0.2, "Formatting": italics inside italics (and bold inside bold, small caps inside small
# caps) are set back to normal, as citeproc-js does ("flip-flop"); so are font-style="normal",
# font-weight="normal", font-variant="normal" and vertical-align="baseline" inside the formatting
# they undo (outside it they print nothing), and <span class="nodecor"> undoes all of them.
_HTML_NORMAL = {"italic": ('<span style="font-style:normal;">', "</span>"),
                "bold": ('<span style="font-weight:normal;">', "</span>"),
                "smallcaps": ('<span style="font-variant:normal;">', "</span>")}
_LATEX_NORMAL = {"italic": ("\\textup{", "}"), "bold": ("\\textmd{", "}"), "smallcaps": ("\\textup{", "}")}
_UNDOES = {"no-italic": ("italic",), "no-bold": ("bold",), "no-smallcaps": ("smallcaps",),
           "baseline": ("superscript", "subscript"), "nodecor": ("italic", "smallcaps", "bold")}
_HTML_BASELINE = ('<span style="vertical-align:baseline;">', "</span>")

# CSL 1.0.2, "Display": the blocks of a bibliographic entry. HTML gets citeproc-js's classes
# (csl-block, csl-left-margin, csl-right-inline, csl-indent), which stylesheets written for
# citeproc-js's output lay out; see csl_fixtures for citeproc-js's whitespace around them.
HTML_DISPLAY = {d: (f'<div class="csl-{d}">', "</div>") for d in DISPLAYS}
# The other outputs have no boxes: a block stands on its own line, an indented block on its own
# line, indented; the left-margin field is followed by a space before the rest of the entry.
# These marks are settled once the entry is rendered (_settle), where the neighbours are known.
_BREAK, _GAP, _INDENT = "\x00", "\x01", "\x02"
_LINE = {"text": ("\n", "    "), "markdown": ("\\\n", "\u2003\u2003"), "latex": ("\\newline ", "\\hspace*{2em}")}


def _superscripts() -> dict[str, str]:
    # Unicode superscript characters (compatibility decomposition <super>), and four that have
    # none in Unicode's data but are modifier forms all the same (citeproc-js's table has them)
    table = {chr(c): "".join(chr(int(h, 16)) for h in unicodedata.decomposition(chr(c)).split()[1:])
             for c in range(0x80, 0x10000) if unicodedata.decomposition(chr(c)).startswith("<super>")}
    return table | {"\u02c0": "\u0294", "\u02c1": "\u0295", "\u06e5": "\u0648", "\u06e6": "\u064a"}


# Superscript characters (ª, ², ™, ...) are printed as superscripts of their base characters in
# HTML and LaTeX, as citeproc-js prints them (each character its own superscript: "1<sup>r</sup>
# <sup>e</sup>"); plain text and Markdown keep the characters.
SUPERSCRIPTS = _superscripts()
_SUPERSCRIPT_CHARS = re.compile(f"[{''.join(SUPERSCRIPTS)}]")


def _lift_superscripts(text: str, escape: Callable[[str], str], tags: tuple[str, str], inside: bool) -> str:
    out, at = [], 0
    for match in _SUPERSCRIPT_CHARS.finditer(text):
        base = escape("".join(SUPERSCRIPTS[c] for c in match.group()))
        out += [escape(text[at:match.start()]), base if inside else f"{tags[0]}{base}{tags[1]}"]
        at = match.end()
    return "".join(out) + escape(text[at:])


class _Output:
    """How one output writes text, formatting and display blocks."""

    def __init__(self, name: str, escape: Callable[[str], str], tags: dict[str, tuple[str, str]],
                 normal: dict[str, tuple[str, str]] | None = None, flip: bool = False,
                 display: dict[str, tuple[str, str]] | None = None) -> None:
        self.name, self.escape, self.tags, self.normal, self.flip = name, escape, tags, normal or {}, flip
        self.display = display

    def text(self, text: str, active: frozenset[str]) -> str:
        if self.name in ("html", "latex") and _SUPERSCRIPT_CHARS.search(text):
            return _lift_superscripts(text, self.escape, self.tags["superscript"], "superscript" in active)
        return self.escape(text)

    def render(self, span: Span, active: frozenset[str] = frozenset()) -> str:
        out: list[str] = []
        for child in span.children:
            if isinstance(child, str):
                out.append(self.text(child, active))
            elif child.style is None:
                out.append(self.render(child, active))
            elif child.style in DISPLAYS:
                out.append(self._display(child.style, self.render(child, active)))
            elif child.style in _UNDOES:
                out.append(self._reset(child, active))
            else:
                out.append(self._format(child, active))
        return "".join(out)

    def _format(self, child: Span, active: frozenset[str]) -> str:
        style = child.style
        flipped = self.flip and style in self.normal and style in active
        inner = self.render(child, (active - {style}) if flipped else (active | {style}))
        open_, close = self.normal[style] if flipped else self.tags[style]
        return _markdown_emphasis(inner, open_, close) if self.name == "markdown" else f"{open_}{inner}{close}"

    def _reset(self, child: Span, active: frozenset[str]) -> str:
        undone = [s for s in _UNDOES[child.style] if s in active]
        inner = self.render(child, active - set(undone))
        for style in reversed(undone):
            if child.style == "baseline":
                open_, close = _HTML_BASELINE if self.name == "html" else ("", "")
            else:
                open_, close = self.normal.get(style, ("", ""))
            inner = f"{open_}{inner}{close}"
        return inner

    def _display(self, kind: str, inner: str) -> str:
        if self.display is not None:
            open_, close = self.display[kind]
            return f"{open_}{inner}{close}"
        if kind == "left-margin":
            return inner + _GAP
        if kind == "block":
            return _BREAK + inner + _BREAK
        if kind == "indent":
            return _BREAK + _INDENT + inner + _BREAK
        return inner

    def settle(self, text: str) -> str:
        """Display marks -> this output's line breaks and spaces: a break only between two
        non-empty lines, a space after the left-margin field only where none is."""
        if self.display is not None or not any(m in text for m in (_BREAK, _GAP, _INDENT)):
            return text
        lines = [line.strip(" ") for line in text.split(_BREAK)]
        lines = [line for line in lines if line.replace(_INDENT, "").replace(_GAP, "").strip()]
        line_break, indent = _LINE[self.name]
        settled = []
        for line in lines:
            line = line.replace(_INDENT, indent if line.startswith(_INDENT) else "")
            line = re.sub(f"{_GAP}+", _GAP, line).rstrip(_GAP)
            line = re.sub(f"(?<=\\S){_GAP}(?=\\S)", " ", line).replace(_GAP, "")
            settled.append(_markdown_line_start(line) if self.name == "markdown" and settled else line)
        return line_break.join(settled)


# After a Markdown line break, a line that starts like a list item, heading or quotation would
# start one: its first character is escaped.
_MD_BULLET = re.compile(r"^([-+=])")
_MD_ORDERED = re.compile(r"^(\d+)([.)])")


def _markdown_line_start(line: str) -> str:
    return _MD_ORDERED.sub(r"\1\\\2", _MD_BULLET.sub(r"\\\1", line, count=1), count=1)


def _markdown_emphasis(inner: str, open_: str, close: str) -> str:
    """Emphasis markers must hug non-space text in CommonMark: move edge spaces outside."""
    if not open_ or not inner.strip():
        return inner
    core = inner.strip()
    lead = inner[: len(inner) - len(inner.lstrip())]
    trail = inner[len(inner.rstrip()):]
    return f"{lead}{open_}{core}{close}{trail}"


_TEXT = {s: ("", "") for s in FORMATS}
_OUTPUTS = {"text": _Output("text", lambda s: s, _TEXT),
            "html": _Output("html", lambda s: html.escape(s, quote=False), _HTML, _HTML_NORMAL, flip=True,
                            display=HTML_DISPLAY),
            "markdown": _Output("markdown", _escape_markdown, _MD),
            "latex": _Output("latex", _escape_latex, _LATEX, _LATEX_NORMAL)}


def render(tree: Span, output: str, *, html_display: dict[str, tuple[str, str]] | None = None) -> str:
    """The tree in `output`; `html_display` replaces the HTML of the display blocks (HTML_DISPLAY)."""
    if output not in _OUTPUTS:
        raise ValueError(f"unknown output '{output}': choose one of {', '.join(OUTPUTS)}")
    backend = _OUTPUTS[output]
    if output == "html" and html_display is not None:
        backend = _Output("html", backend.escape, _HTML, _HTML_NORMAL, flip=True, display=html_display)
    return backend.settle(backend.render(tree))
