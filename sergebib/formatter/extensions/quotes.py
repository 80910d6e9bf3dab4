"""Quotation marks: typeset by nesting level, and punctuation-in-quote."""

from __future__ import annotations

import re

from ..richtext import CLOSE, DISPLAYS, OPEN
from .lookups import unoptimised
from .markup import (
    _CLOSERS,
    _MARKERS,
    _OPENERS,
    DATA_DQ,
    DATA_SQ,
    QUOTE_CLOSE,
    QUOTE_IN,
    QUOTE_OPEN,
    QUOTE_OUT,
    SEAM,
)
from .punctuation import dropped_after

# a closing quotation mark from a cite's affix, marked like the others (QUOTE_IN) but with its own
# sentinel: punctuation-in-quote does not apply to it (see settle_quotes)
QUOTE_IN_DATA = "\ue022"
# Quotation marks in a cite's prefix and suffix (see mark_affix): straight ones are typeset like
# those of the data, typographic ones are printed as written (as citeproc-js prints them)
AFFIX_DQ, AFFIX_SQ = "\ue028", "\ue029"
_AFFIX_KEPT = {"“": "\ue02a", "”": "\ue02b", "‘": "\ue02c", "’": "\ue02d"}
_AFFIX = str.maketrans({**_AFFIX_KEPT, DATA_DQ: AFFIX_DQ, DATA_SQ: AFFIX_SQ})
_AFFIX_READ = str.maketrans({AFFIX_DQ: DATA_DQ, AFFIX_SQ: DATA_SQ})
_AFFIX_RESTORED = str.maketrans({kept: mark for mark, kept in _AFFIX_KEPT.items()})


def mark_affix(affix: str) -> str:
    """A cite's prefix or suffix (read with mark_data), its quotation marks marked as an affix's."""
    return affix.translate(_AFFIX)


_IGNORED = frozenset(OPEN.values()) | frozenset(CLOSE.values()) | {QUOTE_IN, QUOTE_OUT, QUOTE_IN_DATA, SEAM}
_OPENING_CONTEXT = set(" \t\n\u00a0([{\u2014\u2013-/") | {QUOTE_OPEN, "“", "‘", '"', DATA_DQ}


# the edges of a display block (CSL 1.0.2 "display": each block is set apart) bound a quotation:
# a mark just inside one opens or closes it, as at the start or end of the text
_BLOCK_EDGES = frozenset(OPEN[s] for s in DISPLAYS) | frozenset(CLOSE[s] for s in DISPLAYS)


def _neighbour(text: str, i: int, step: int) -> str:
    i += step
    while 0 <= i < len(text) and text[i] in _IGNORED:
        if text[i] in _BLOCK_EDGES:
            return ""
        i += step
    return text[i] if 0 <= i < len(text) else ""


# the characters typeset_quotes reads as quotation marks (every branch of its first pass is one of them)
_QUOTATION_MARK = re.compile(f"[{QUOTE_OPEN}{QUOTE_CLOSE}{DATA_DQ}{DATA_SQ}“”‘’]")


# CSL 1.0.2, "Locale" / punctuation-in-quote moves the punctuation "following text rendered with
# quotes="true"": punctuation written right after a quotation mark in the data itself (“Les
# Grandes Vacances”?, “word”, and more) is part of the field's text and stays where it is, as
# citeproc-js prints it (it moves only the affixes and delimiters that follow a quotation, which
# come after the SEAM that ends an element's output)
_FIELD_PUNCTUATION = frozenset(".,!?")


def typeset_quotes(text: str, terms: dict[str, str]) -> str:
    """Quotation marks in a rendered cite or entry, typeset by nesting level.

    CSL 1.0.2, "Formatting" / quotes and the locale terms open-quote, close-quote,
    open-inner-quote, close-inner-quote: quoted text is wrapped in the outer quotation marks, and
    quotation marks inside it alternate with the inner ones. Quotation marks in the data (straight
    "..." and '...', or typographic) and straight ones in a cite's affixes are read as quotes too
    and typeset by the same rule; an apostrophe becomes ’; a mark without its pair is left as it
    is, but for a straight single one, an apostrophe (as citeproc-js does). Straight marks count
    only where they come from the data (see mark_data).
    Closing marks carry the sentinels settle_quotes uses for punctuation-in-quote."""
    in_affix = {i for i, ch in enumerate(text) if ch in (AFFIX_DQ, AFFIX_SQ)}
    text = text.translate(_AFFIX_READ)
    stack: list[tuple[str, int]] = []
    pairs: dict[int, int] = {}
    apostrophes: set[int] = set()
    # (unless unoptimised, only the quotation marks are read: every other character falls through
    # all the branches below, and the neighbours of a mark are looked up only for it; a cost, not a rule)
    marks = enumerate(text) if unoptimised() else ((m.start(), m.group()) for m in _QUOTATION_MARK.finditer(text))
    for i, ch in marks:
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
    inner = _inner_levels(text, pairs, terms)
    out: list[str] = []
    for i, ch in enumerate(text):
        if i in pairs:
            out.append(terms["open-inner-quote" if inner[i] else "open-quote"])
        elif i in closing:
            close = terms["close-inner-quote" if inner[closing[i]] else "close-quote"]
            kept = i in in_affix or (ch != QUOTE_CLOSE and text[i + 1:i + 2] in _FIELD_PUNCTUATION)
            out.append(f"{QUOTE_IN_DATA if kept else QUOTE_IN}{close}{QUOTE_OUT}")
        elif i in apostrophes:
            out.append("’")
        elif ch == QUOTE_OPEN:
            out.append(terms["open-quote"])
        elif ch == QUOTE_CLOSE:
            out.append(terms["close-quote"])
        elif ch == DATA_DQ:
            out.append('"')
        elif ch == DATA_SQ:
            # a single quotation mark left without its pair is an apostrophe ("ETFA ’09"), as
            # citeproc-js reads it
            out.append("’")
        else:
            out.append(ch)
    return "".join(out).translate(_AFFIX_RESTORED)


def _inner_levels(text: str, pairs: dict[int, int], terms: dict[str, str]) -> dict[int, bool]:
    """{opening position: whether the pair is typeset with the inner quotation marks}.

    CSL 1.0.2, "Localized Punctuation" (open-inner-quote: "used for quotes nested within
    quotes"): a quotation inside another takes the other level of marks than the one around it.
    A quotation not inside another one takes the outer marks, but for a typographic mark in the
    data that is the locale's inner quotation mark, which stays an inner one (en-GB: “Really
    Existing Socialism” stays as written in an italic title), as citeproc-js reads it (its
    flip-flop parser knows the locale's inner mark as an inner quotation)."""
    inner: dict[int, bool] = {}
    for start in sorted(pairs):
        around = [o for o in inner if o < start and pairs[start] < pairs[o]]
        if around:
            inner[start] = not inner[max(around)]
        else:
            glyph = text[start]
            inner[start] = glyph in ("“", "‘") and terms["open-inner-quote"] == glyph != terms["open-quote"]
    return inner


_STYLE_QUOTE_CLOSED = re.compile(f"{QUOTE_IN}[^{QUOTE_OUT}]*{QUOTE_OUT}[{_CLOSERS}{SEAM}]*([.,!?](?:{SEAM}*[.,!?])*)")
_MARKS_BEFORE = _CLOSERS + _OPENERS + SEAM


def settle_quotes(text: str, punctuation_in_quote: bool) -> str:
    """CSL 1.0.2, "Locale" / punctuation-in-quote: "If set to "true" ("false" is the default),
    punctuation (commas and periods) following text rendered with quotes="true" is placed within
    the closing quotation mark." As citeproc-js does, the punctuation that follows (after
    affixes and delimiters are merged) is moved up to the first mark that stays outside (":" or
    ";"), exclamation and question marks included ("“comma,.” period", "“exclamation!”
    colon"), and inside the closing quotation marks the quoted text itself ends with (“This is
    ‘The One.’”). A mark the quoted text already ends with is not repeated, nor a period after a
    question or exclamation mark (the spec's "Affixes": no duplicate punctuation). Quotation
    marks from a cite's prefix or suffix are left as they are."""
    if punctuation_in_quote:
        # right to left, so that the positions of the matches still to settle hold
        for match in reversed(list(_STYLE_QUOTE_CLOSED.finditer(text))):
            at = _inside(text, match.start())
            punctuation = match.group(1).replace(SEAM, "")
            last = text[:at].rstrip(_MARKS_BEFORE)[-1:]
            if last and dropped_after(last, punctuation[0]):
                punctuation = punctuation[1:]
            text = text[:at] + punctuation + text[at:match.start(1)] + text[match.end(1):]
    else:
        # punctuation stays outside, but not a period after quoted text that ends with a period, a
        # question or an exclamation mark (‘Vacances?’ not ‘Vacances?’., ‘en U.R.S.S.’ not
        # ‘en U.R.S.S.’.), as citeproc-js prints it: the spec's "Affixes" (no duplicate punctuation)
        for match in reversed(list(_STYLE_QUOTE_CLOSED.finditer(text))):
            last = text[:_inside(text, match.start())].rstrip(_MARKS_BEFORE)[-1:]
            if last in ("?", "!", ".") and match.group(1)[0] == ".":
                text = text[:match.start(1)] + match.group(1)[1:] + text[match.end(1):]
    return _MARKERS.sub("", text.replace(QUOTE_IN_DATA, "").replace(SEAM, ""))


def _inside(text: str, at: int) -> int:
    """Where moved punctuation goes: before the closing mark at `at` and the closing quotation
    marks that end the quoted text just before it."""
    while True:
        end = len(text[:at].rstrip(SEAM))
        if end == 0 or text[end - 1] != QUOTE_OUT:
            return at
        at = max(text.rfind(QUOTE_IN, 0, end - 1), text.rfind(QUOTE_IN_DATA, 0, end - 1))
