"""A small rich-text tree. citeproc-py renders through our formatter (see extensions.markup),
which marks formatting with private-use sentinel characters; `parse` turns that string into this
tree, and each backend renders the tree with its own escaping. Field data never contains the
sentinels (`validate` refuses private-use characters), so the markers are unambiguous."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union

Style = Literal["italic", "bold", "smallcaps", "superscript", "subscript", "underline", "nocase",
                "nodecor", "no-italic", "no-bold", "no-smallcaps", "baseline",
                "block", "left-margin", "right-inline", "indent"]
FORMATS: tuple[Style, ...] = ("italic", "bold", "smallcaps", "superscript", "subscript", "underline", "nocase")
# Formatting set back to normal inside the formatting it undoes (CSL 1.0.2 "Formatting":
# font-style="normal", font-weight="normal", font-variant="normal", vertical-align="baseline"; and
# <span class="nodecor"> in rich text, which undoes all of them). Outside it, they print nothing.
RESETS: tuple[Style, ...] = ("nodecor", "no-italic", "no-bold", "no-smallcaps", "baseline")
# The blocks of a bibliographic entry (CSL 1.0.2 "Display": block, left-margin, right-inline, indent)
DISPLAYS: tuple[Style, ...] = ("block", "left-margin", "right-inline", "indent")
STYLES: tuple[Style, ...] = FORMATS + RESETS + DISPLAYS

# One open/close pair per style, in the Unicode private-use area (resets and displays from U+E040,
# clear of the other sentinels of extensions.markup).
_CODES = {s: 0xE000 + 2 * i for i, s in enumerate(FORMATS)} | {
    s: 0xE040 + 2 * i for i, s in enumerate(RESETS + DISPLAYS)}
OPEN = {s: chr(code) for s, code in _CODES.items()}
CLOSE = {s: chr(code + 1) for s, code in _CODES.items()}
_BY_CHAR = {c: (s, True) for s, c in OPEN.items()} | {c: (s, False) for s, c in CLOSE.items()}
SENTINELS = frozenset(_BY_CHAR)

Node = Union[str, "Span"]


@dataclass
class Span:
    style: Style | None  # None: the root
    children: list[Node] = field(default_factory=list)

    def plain(self) -> str:
        return "".join(c if isinstance(c, str) else c.plain() for c in self.children)


def mark(style: Style, text: str) -> str:
    return f"{OPEN[style]}{text}{CLOSE[style]}"


def parse(marked: str) -> Span:
    """Sentinel-marked string -> tree. An unmatched marker is dropped rather than guessed at."""
    root = Span(None)
    stack = [root]
    buf: list[str] = []

    def flush() -> None:
        if buf:
            stack[-1].children.append("".join(buf))
            buf.clear()

    for ch in marked:
        if ch not in _BY_CHAR:
            buf.append(ch)
            continue
        style, opening = _BY_CHAR[ch]
        flush()
        if opening:
            span = Span(style)
            stack[-1].children.append(span)
            stack.append(span)
        elif any(s.style == style for s in stack[1:]):
            while stack[-1].style != style:
                stack.pop()
            stack.pop()
    flush()
    [tree] = _blocks_outside_formatting(_prune(root))
    return tree


def _prune(span: Span) -> Span:
    kids: list[Node] = []
    for child in span.children:
        if isinstance(child, Span):
            child = _prune(child)
            if not child.children:
                continue
        kids.append(child)
    span.children = kids
    return span


def _blocks_outside_formatting(span: Span) -> list[Node]:
    """The span, with formatting around a display block moved inside it: italics around a
    left-margin block become italics inside it (and around the text on either side), so that
    blocks are never nested in inline formatting (HTML: a <div> inside <i> is not valid)."""
    kids: list[Node] = []
    for child in span.children:
        kids += _blocks_outside_formatting(child) if isinstance(child, Span) else [child]
    span.children = kids
    if span.style is None or span.style in DISPLAYS or not any(
            isinstance(k, Span) and k.style in DISPLAYS for k in kids):
        return [span]
    out: list[Node] = []
    run: list[Node] = []
    for kid in [*kids, None]:
        if kid is None or (isinstance(kid, Span) and kid.style in DISPLAYS):
            if run:
                out.append(Span(span.style, run))
                run = []
            if kid is not None:
                out += [Span(kid.style, _blocks_outside_formatting(Span(span.style, kid.children)))]
        else:
            run.append(kid)
    return out
