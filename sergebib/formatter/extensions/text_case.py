"""Title case."""

from __future__ import annotations

import re
import unicodedata

from citeproc import model

from ..richtext import CLOSE, OPEN, SENTINELS

# CSL 1.0.2, "Text-case" / "Title case conversion": "For uppercase strings, the first character
# of the string remains capitalized. All other letters are lowercased. For lower or mixed case
# strings, the first character of each lowercase word is capitalized. The case of words in mixed or
# uppercase stay the same. In both cases, stop words are lowercased, unless they are the first or
# last word in the string, or follow a colon." Words are also the parts of hyphenated compounds and
# of words joined by dashes or slashes ("Out-of-Fashion", "Self-Esteem", "Cat/Mouse"; not "07-x");
# a word after a question or exclamation mark counts as following a colon. As citeproc-js does
# (and the test suite expects), an all-uppercase string keeps its capitals ("UK").
# The stop words are the specification's ("a", "an", "and", ... "with", "yet"; citeproc-py's list)
# and the further prepositions, conjunctions and particles citeproc-js keeps lowercase ("under",
# "between", "de", "von", ...), whose output the test suite records.
_STOP_WORDS = frozenset(model.TextCased._stop_words) | frozenset("""
    about above across afore after against al along alongside amid amidst among amongst anenst apropos apud
    around as aside astride at athwart atop barring before behind below beneath beside besides between beyond
    but by circa despite down during et except for forenenst from given in inside into lest like modulo near
    next notwithstanding of off on onto out over per plus pro qua sans since than through thru throughout
    thruout till to toward towards under underneath until unto up upon versus vs. v. vs v via vis-à-vis with
    within without or yet so and nor a an the de d' von van c ca""".split())
_WORD = re.compile(r"(?:[^\s\-\u2010-\u2015/]|(?<![^\W\d_])[\-\u2010-\u2015/])+")
_LEADING = re.compile(r"^[^\w]*")
_HYPHENS = ("-", "\u2010", "\u2011")


# CSL 1.0.2, "Rich Text Markup" (CSL-JSON) / citeproc-js: text in small caps, superscript or
# subscript (<sc>, <sup>, <sub>) is left as written by text-case, like <span class="nocase">
# ("My <sc>small caps phrase</sc> in a Title").
_KEPT = "".join(OPEN[s] + CLOSE[s] for s in ("smallcaps", "superscript", "subscript"))
_KEPT_SPLIT = re.compile(f"([{_KEPT}])")


def protect_markup(segments: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """[(text, protected)] -> the same text, with the spans in small caps, superscript or
    subscript (and their marks) as protected segments of their own."""
    out: list[tuple[str, bool]] = []
    depth = 0
    for text, protected in segments:
        for piece in _KEPT_SPLIT.split(text):
            if piece and piece in _KEPT:
                depth = depth + 1 if piece in OPEN.values() else max(0, depth - 1)
                out.append((piece, True))
            elif piece:
                out.append((piece, protected or depth > 0))
    return out


# CSL 1.0.2, "Text-case": lowercase and uppercase follow the item's language where Unicode's
# default mapping is wrong for it: Turkish and Azerbaijani dotted and dotless i ("ic" -> "İC").
_DOTTED = ("tr", "az")


def upper(text: str, language: str | None) -> str:
    return (text.replace("i", "\u0130") if language in _DOTTED else text).upper()


def lower(text: str, language: str | None) -> str:
    if language in _DOTTED:
        text = text.replace("I", "\u0131").replace("\u0130", "i")
    return text.lower()


def title_case(segments: list[tuple[str, bool]]) -> list[str]:
    """[(text, protected)] -> texts in title case; protected segments (nocase) are kept as they
    are but count for word positions."""
    whole = "".join(text for text, _ in segments)
    offsets = [sum(len(t) for t, _ in segments[:i]) for i in range(len(segments))]
    words = [(i, m) for i, (text, _) in enumerate(segments) for m in _WORD.finditer(text)
             if not SENTINELS.issuperset(m.group())]
    out = [list(text) for text, _ in segments]
    for n, (i, match) in enumerate(words):
        if segments[i][1]:
            continue
        word = match.group()
        lead = len(_LEADING.match(word).group())
        core = word[lead:]
        # a word opening with a Greek letter is a symbol in English text ("β-Carotine"), as
        # citeproc-js leaves it
        greek = bool(core) and unicodedata.name(core[0], "").startswith("GREEK")
        if core and core == core.lower() and any(c.isalpha() for c in core) and not greek:
            after_colon = whole[:offsets[i] + match.start()].rstrip().endswith((":", "?", "!"))
            stop = core.rstrip(".,;:?!)]”’\"'") in _STOP_WORDS
            # the first part of a hyphenated compound is not a stop word ("Pro-Environmental")
            at = offsets[i] + match.start()
            if whole[at + len(word):at + len(word) + 1] in _HYPHENS and whole[at - 1:at] not in _HYPHENS:
                stop = False
            if not stop or n == 0 or n == len(words) - 1 or after_colon:
                word = word[:lead] + core[0].upper() + core[1:]
        out[i][match.start():match.end()] = list(word)
    return ["".join(chars) for chars in out]


