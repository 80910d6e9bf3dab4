"""Title case."""

from __future__ import annotations

import re

from citeproc import model

# CSL 1.0.2, "Text-case" / "Title case conversion": "For uppercase strings, the first character
# of the string remains capitalized. All other letters are lowercased. For lower or mixed case
# strings, the first character of each lowercase word is capitalized. The case of words in mixed or
# uppercase stay the same. In both cases, stop words are lowercased, unless they are the first or
# last word in the string, or follow a colon." Words are also the parts of hyphenated compounds and
# of words joined by dashes or slashes ("Out-of-Fashion", "Self-Esteem", "Cat/Mouse"; not "07-x");
# a word after a question or exclamation mark counts as following a colon. As citeproc-js does
# (and the test suite expects), an all-uppercase string keeps its capitals ("UK").
_STOP_WORDS = frozenset(model.TextCased._stop_words)
_WORD = re.compile(r"(?:[^\s\-\u2010-\u2015/]|(?<![^\W\d_])[\-\u2010-\u2015/])+")
_LEADING = re.compile(r"^[^\w]*")


def title_case(segments: list[tuple[str, bool]]) -> list[str]:
    """[(text, protected)] -> texts in title case; protected segments (nocase) are kept as they
    are but count for word positions."""
    whole = "".join(text for text, _ in segments)
    offsets = [sum(len(t) for t, _ in segments[:i]) for i in range(len(segments))]
    words = [(i, m) for i, (text, _) in enumerate(segments) for m in _WORD.finditer(text)]
    out = [list(text) for text, _ in segments]
    for n, (i, match) in enumerate(words):
        if segments[i][1]:
            continue
        word = match.group()
        lead = len(_LEADING.match(word).group())
        core = word[lead:]
        if core and core == core.lower() and any(c.isalpha() for c in core):
            after_colon = whole[:offsets[i] + match.start()].rstrip().endswith((":", "?", "!"))
            stop = core.rstrip(".,;:?!)]”’\"'") in _STOP_WORDS
            if not stop or n == 0 or n == len(words) - 1 or after_colon:
                word = word[:lead] + core[0].upper() + core[1:]
        out[i][match.start():match.end()] = list(word)
    return ["".join(chars) for chars in out]


