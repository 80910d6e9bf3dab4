"""The display attribute and second-field-align: the blocks of a bibliographic entry.

The blocks are marked with the display sentinels of richtext (block, left-margin, right-inline,
indent), so that they become spans of the rich-text tree that every backend lays out."""

from __future__ import annotations

import re

from citeproc.string import String
from lxml import etree

from ..richtext import CLOSE, DISPLAYS, OPEN
from .common import RENDERING, prints_nothing
from .layout import Layout as _Layout
from .lookups import unoptimised

_TRANSPARENT = {"choose", "if", "else-if", "else"}


def _bibliography_field(element: etree.ElementBase) -> etree.ElementBase | None:
    """The cs:bibliography whose entries `element` is a field of (a child of the bibliography's
    cs:layout, or of a cs:choose branch there), or None."""
    parent = element.getparent()
    while parent is not None and etree.QName(parent).localname in _TRANSPARENT:
        parent = parent.getparent()
    if parent is None or etree.QName(parent).localname != "layout":
        return None
    bibliography = parent.getparent()
    return bibliography if bibliography is not None and etree.QName(bibliography).localname == "bibliography" else None


def _field_of(element: etree.ElementBase) -> etree.ElementBase | None:
    """_bibliography_field, kept on the element: it reads the style only, which parsing fixed
    (a cost, not a rule; see lookups)."""
    if unoptimised():
        return _bibliography_field(element)
    try:
        return element.__dict__["_bibliography_field"]
    except KeyError:
        found = element.__dict__["_bibliography_field"] = _bibliography_field(element)
        return found


class _Displayed:
    """CSL 1.0.2, "Display": "The display attribute ... may be used to structure individual
    bibliographic entries into one or more text blocks": "block" ("block stretching horizontally
    across the full width of the page"), "left-margin" ("block starting at the left margin"),
    "right-inline" ("block starting to the right of a preceding cs:text element with display set
    to left-margin"), "indent" ("block indented to the right by a standard amount").

    The block takes the element's whole output, affixes included. As in citeproc-js, only the
    fields of an entry (children of the bibliography's cs:layout, cs:choose being transparent)
    are made blocks; display inside a field, or in a citation, is not laid out.

    "second-field-align" (cs:bibliography): with "flush" or "margin", "subsequent lines of
    bibliographic entries are aligned along the second field": the first field of an entry is
    put in a left-margin block, and the rest of the entry in a right-inline block (see Layout)."""

    def wrap(self, string):  # noqa: ANN001, ANN201
        bibliography = _field_of(self)
        if bibliography is None and not unoptimised():
            # not a field: the output is the element's own, whether or not it prints anything (so
            # not looked at; a cost, not a rule)
            return super().wrap(string)
        wrapped = super().wrap(string)
        if wrapped is None or prints_nothing(wrapped):
            return wrapped
        if bibliography is None:
            return wrapped
        state = RENDERING.get()
        display = self.get("display")
        if bibliography.get("second-field-align") in ("flush", "margin") and state is not None:
            if state.get("first_field"):
                return wrapped
            state["first_field"] = True
            display = "left-margin"
        if display not in DISPLAYS:
            return wrapped
        return String(OPEN[display]) + wrapped + String(CLOSE[display])


_DISPLAY_OPENERS = "".join(OPEN[d] for d in DISPLAYS)
_DISPLAY_CLOSERS = "".join(CLOSE[d] for d in DISPLAYS)
_ALL_CLOSERS = "".join(CLOSE.values())
# whitespace at the very start or end of an entry stays outside its blocks (as citeproc-js has it)
_LEADING = re.compile(f"^([{_DISPLAY_OPENERS}{_DISPLAY_CLOSERS}]+)(\\s+)")
_TRAILING = re.compile(f"(\\s+)([{_DISPLAY_OPENERS}{_DISPLAY_CLOSERS}]+)$")
_END = re.compile(f"\\s*[{_ALL_CLOSERS}]*$")
# punctuation that follows the last block of an entry (the layout's suffix) goes into it
_LAST_PUNCTUATION = re.compile(f"([{_DISPLAY_CLOSERS}]+)([.,;:!?]+)(\\s*)$")


def arrange(text: str, second_field_align: str | None) -> str:
    """A rendered entry with its blocks completed: after a left-margin field put there by
    second-field-align, the rest of the entry (the layout's suffix included) in a right-inline
    block; punctuation after the last block (the layout's suffix) moved into it, as citeproc-js
    moves it; whitespace at the ends of the entry moved out of the blocks."""
    close = CLOSE["left-margin"]
    if second_field_align in ("flush", "margin") and close in text:
        at = text.index(close) + 1
        end = _END.search(text, at).start()
        text = text[:at] + OPEN["right-inline"] + text[at:end] + CLOSE["right-inline"] + text[end:]
    text = _LAST_PUNCTUATION.sub(r"\2\1\3", text)
    text = _LEADING.sub(r"\2\1", text)
    return _TRAILING.sub(r"\2\1", text)


class Layout(_Layout):
    def render_bibliography(self, citation_items):  # noqa: ANN001, ANN201
        # the blocks of each entry completed (see arrange)
        align = self.getparent().get("second-field-align")
        return [None if text is None else arrange(text, align)
                for text in super().render_bibliography(citation_items)]
