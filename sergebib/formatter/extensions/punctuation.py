"""Punctuation merged where rendered pieces meet."""

from __future__ import annotations

import re

from .markup import _CLOSERS, _OPENERS, SEAM

# Duplicate punctuation where affixes and delimiters meet text ("reference." + ". ") is dropped by
# citeproc-py at each seam (citeproc.string.normalize_seam), but not when formatting closes in
# between ("<i>reference.</i>." ); the same rule is applied across our formatting marks: a second
# identical mark goes, and so does a period after a question or exclamation mark.
_PUNCTUATION_ACROSS_FORMATTING = re.compile(f"([.,;:!?])([{_CLOSERS}]+)([.,;:!?])")


# CSL 1.0.2, "Affixes" and "Delimiter": where the output of one rendering element meets the next
# (its affixes, a delimiter, or the next element), punctuation is merged as citeproc-js merges it:
# a repeated mark is printed once; a period or colon after ";", "!" or "?" (a period also after
# ":") is dropped; "!" or "?" replaces a preceding ":" or ";"; other pairs are kept ("period.:",
# "comma,."). Each element's output is marked at both ends with SEAM (see _Seamed), so that the
# merging applies at those boundaries only and never inside field text ("..." stays).
_SEAM_NOISE = SEAM + _OPENERS
_AT_SEAM = re.compile(f"([.,;:!?])((?:[{_CLOSERS}{SEAM}])*{SEAM}(?:[{_CLOSERS}{SEAM}])*)([.,;:!?])")
_SPACES_AT_SEAM = re.compile(f" ((?:[{_CLOSERS}{SEAM}])*{SEAM}(?:[{_CLOSERS}{SEAM}])*) ")


def dropped_after(first: str, second: str) -> bool:
    """Whether punctuation `second`, right after `first`, is dropped (see above); also where
    punctuation-in-quote moves a mark after the quoted text's own (quotes.settle_quotes)."""
    return first == second or (second in ".:" and first in ";!?") or (second == "." and first == ":")


def _merged(first: str, second: str) -> str | None:
    if dropped_after(first, second):
        return first
    if second in "!?" and first in ":;":
        return second
    return None


def merge_at_seams(text: str) -> str:
    """`text` with punctuation merged at the seams; the seams stay, for quotes.settle_quotes (which
    tells the punctuation of field text from that of affixes and delimiters, and removes them)."""
    def merge(match: re.Match[str]) -> str:
        first, middle, second = match.groups()
        kept = _merged(first, second)
        if kept is None:
            return match.group()
        return first + middle if kept == first else middle + second

    previous = None
    while previous != text:
        previous = text
        text = _AT_SEAM.sub(merge, text)
    text = _SPACES_AT_SEAM.sub(lambda m: " " + m.group(1), text)
    return text



def _merge_punctuation(text: str) -> str:
    def merge(match: re.Match[str]) -> str:
        first, closers, second = match.groups()
        if second == first or (second == "." and first in "?!"):
            return first + closers
        return match.group()

    return _PUNCTUATION_ACROSS_FORMATTING.sub(merge, text)




# Spacing as citeproc-js settles it in the finished cite or entry (CSL 1.0.2 leaves spacing where
# pieces meet to the processor, "Affixes", "Delimiter"): a space beside a no-break space is one
# space too many ("John" + the name-part suffix "&#160;" + " " + "Doe": "John&#160;Doe"); and a
# space inside French guillemets becomes a narrow no-break space ("«\u202fAnonymous\u202f»"), the
# French typographic rule, as citeproc-js applies it (the locale's own quotation marks carry their
# no-break space and are left as they are).
_SPACE_BY_NO_BREAK_SPACE = re.compile("\u00a0 | \u00a0")
_SPACE_IN_GUILLEMETS = re.compile("(?<=«) | (?=»)")


def settle_spaces(text: str) -> str:
    return _SPACE_IN_GUILLEMETS.sub("\u202f", _SPACE_BY_NO_BREAK_SPACE.sub("\u00a0", text))
