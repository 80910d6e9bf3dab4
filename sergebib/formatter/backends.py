"""Render a rich-text tree as plain text, HTML, Markdown or LaTeX, each with its own escaping."""

from __future__ import annotations

import html
from collections.abc import Callable

from pylatexenc.latexencode import UnicodeToLatexEncoder

from .richtext import Span

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
# caps) are set back to normal, as citeproc-js does ("flip-flop")
_HTML_NORMAL = {"italic": ('<span style="font-style:normal;">', "</span>"),
                "bold": ('<span style="font-weight:normal;">', "</span>"),
                "smallcaps": ('<span style="font-variant:normal;">', "</span>")}


def _render(span: Span, escape: Callable[[str], str], tags: dict[str, tuple[str, str]],
            active: frozenset[str] = frozenset()) -> str:
    out: list[str] = []
    for child in span.children:
        if isinstance(child, str):
            out.append(escape(child))
        else:
            flipped = tags is _HTML and child.style in _HTML_NORMAL and child.style in active
            now = (active - {child.style}) if flipped else (active | {child.style})
            inner = _render(child, escape, tags, now)
            if child.style is None:
                out.append(inner)
                continue
            open_, close = _HTML_NORMAL[child.style] if flipped else tags[child.style]
            out.append(_markdown_emphasis(inner, open_, close) if tags is _MD else f"{open_}{inner}{close}")
    return "".join(out)


def _markdown_emphasis(inner: str, open_: str, close: str) -> str:
    """Emphasis markers must hug non-space text in CommonMark: move edge spaces outside."""
    if not open_ or not inner.strip():
        return inner
    core = inner.strip()
    lead = inner[: len(inner) - len(inner.lstrip())]
    trail = inner[len(inner.rstrip()):]
    return f"{lead}{open_}{core}{close}{trail}"


def render(tree: Span, output: str) -> str:
    if output == "text":
        return tree.plain()
    if output == "html":
        return _render(tree, lambda s: html.escape(s, quote=False), _HTML)
    if output == "markdown":
        return _render(tree, _escape_markdown, _MD)
    if output == "latex":
        return _render(tree, _escape_latex, _LATEX)
    raise ValueError(f"unknown output '{output}': choose one of {', '.join(OUTPUTS)}")
