"""A small rich-text tree. citeproc-py renders through our formatter (see extensions.markup),
which marks formatting with private-use sentinel characters; `parse` turns that string into this
tree, and each backend renders the tree with its own escaping. Field data never contains the
sentinels (`validate` refuses private-use characters), so the markers are unambiguous."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union

Style = Literal["italic", "bold", "smallcaps", "superscript", "subscript", "underline", "nocase"]
STYLES: tuple[Style, ...] = ("italic", "bold", "smallcaps", "superscript", "subscript", "underline", "nocase")

# One open/close pair per style, in the Unicode private-use area.
OPEN = {s: chr(0xE000 + 2 * i) for i, s in enumerate(STYLES)}
CLOSE = {s: chr(0xE001 + 2 * i) for i, s in enumerate(STYLES)}
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
    return _prune(root)


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
