"""Quotation marks: typeset by nesting level, and punctuation-in-quote."""

from __future__ import annotations

import re

from ..richtext import CLOSE, OPEN
from .markup import (
    _MARKERS,
    _OPENERS,
    _QUOTED,
    DATA_DQ,
    DATA_SQ,
    QUOTE_CLOSE,
    QUOTE_IN,
    QUOTE_OPEN,
    QUOTE_OUT,
)

_IGNORED = frozenset(OPEN.values()) | frozenset(CLOSE.values()) | {QUOTE_IN, QUOTE_OUT}
_OPENING_CONTEXT = set(" \t\n\u00a0([{\u2014\u2013-/") | {QUOTE_OPEN, "“", "‘", '"', DATA_DQ}


def _neighbour(text: str, i: int, step: int) -> str:
    i += step
    while 0 <= i < len(text) and text[i] in _IGNORED:
        i += step
    return text[i] if 0 <= i < len(text) else ""


def typeset_quotes(text: str, terms: dict[str, str]) -> str:
    """Quotation marks in a rendered cite or entry, typeset by nesting level.

    CSL 1.0.2, "Formatting" / quotes and the locale terms open-quote, close-quote,
    open-inner-quote, close-inner-quote: quoted text is wrapped in the outer quotation marks, and
    quotation marks inside it alternate with the inner ones. Quotation marks in the data and in
    affixes (straight "..." and '...', or typographic) are read as quotes too and typeset by the
    same rule; an apostrophe becomes ’; a mark without its pair is left as it is (as citeproc-js
    does). Straight marks count only where they come from the data (see mark_data).
    Closing marks carry the sentinels settle_quotes uses for punctuation-in-quote."""
    stack: list[tuple[str, int]] = []
    pairs: dict[int, int] = {}
    apostrophes: set[int] = set()
    for i, ch in enumerate(text):
        before, after = _neighbour(text, i, -1), _neighbour(text, i, 1)
        if ch in (QUOTE_OPEN, "“"):
            stack.append((ch, i))
        elif ch in (QUOTE_CLOSE, "”"):
            opener = QUOTE_OPEN if ch == QUOTE_CLOSE else "“"
            while stack and stack[-1][0] != opener:
                stack.pop()  # an opening mark without its pair stays as it is
            if stack:
                pairs[stack.pop()[1]] = i
        elif ch == DATA_DQ:
            if stack and stack[-1][0] == DATA_DQ and not (after and after.isalnum() and before in _OPENING_CONTEXT):
                pairs[stack.pop()[1]] = i
            elif after and not after.isspace():
                stack.append((ch, i))
        elif ch in (DATA_SQ, "‘"):
            if ch == DATA_SQ and before.isalnum() and after.isalpha():
                apostrophes.add(i)
            elif ch == DATA_SQ and stack and stack[-1][0] == DATA_SQ and not after.isalnum():
                pairs[stack.pop()[1]] = i
            elif (ch == "‘" or not before or before in _OPENING_CONTEXT) and after and not after.isspace():
                stack.append((ch, i))
            elif ch == DATA_SQ:
                apostrophes.add(i)
        elif ch == "’":
            if stack and stack[-1][0] in ("‘", DATA_SQ) and not after.isalpha():
                pairs[stack.pop()[1]] = i
    closing = {close: open_ for open_, close in pairs.items()}
    out: list[str] = []
    depth = 0
    for i, ch in enumerate(text):
        if i in pairs:
            out.append(terms["open-quote" if depth % 2 == 0 else "open-inner-quote"])
            depth += 1
        elif i in closing:
            depth -= 1
            close = terms["close-quote" if depth % 2 == 0 else "close-inner-quote"]
            out.append(f"{QUOTE_IN}{close}{QUOTE_OUT}")
        elif i in apostrophes:
            out.append("’")
        elif ch == QUOTE_OPEN:
            out.append(terms["open-quote"])
        elif ch == QUOTE_CLOSE:
            out.append(terms["close-quote"])
        elif ch == DATA_DQ:
            out.append('"')
        elif ch == DATA_SQ:
            out.append("'")
        else:
            out.append(ch)
    return "".join(out)


def settle_quotes(text: str, punctuation_in_quote: bool) -> str:
    """CSL 1.0.2, "Locale" / punctuation-in-quote: "If set to "true" ("false" is the default),
    punctuation (commas and periods) following text rendered with quotes="true" is placed within
    the closing quotation mark." A period so moved after text that already ends in a period,
    question or exclamation mark is dropped, as is a comma after a comma (the spec's "Affixes":
    no duplicate punctuation)."""
    def settle(match: re.Match[str]) -> str:
        close, closers, punctuation = match.groups()
        if not punctuation or not punctuation_in_quote:
            return close + closers + punctuation
        before = match.string[:match.start()].rstrip("".join(CLOSE.values()) + "".join(_OPENERS))
        last = before[-1:] if before else ""
        if last == punctuation or (punctuation == "." and last in "?!"):
            return close + closers
        return punctuation + close + closers

    return _MARKERS.sub("", _QUOTED.sub(settle, text))


