"""The citation-label variable, generated where the item has none."""

from __future__ import annotations

import re
from typing import Any

from citeproc.source import DateRange, VariableError

from .note_fields import NAME_VARIABLES

# CSL 1.0.2, "Appendix IV - Variables": citation-label, "label identifying the item in in-text
# citations of label styles (e.g. "Ferr78"). May be assigned by the CSL processor based on item
# metadata." How it is made is citeproc-js behaviour (Engine.getCitationLabel, its "trigraph"
# "Aaaa00:AaAa00:AaAA00:AAAA00"): one pattern for one, two, three and four or more names; each "A"
# starts a name, taking as many of its letters as it has "A" and "a" (the first capitalized, the
# rest lower-case), each "0" is a digit of the year (its last two). The names are those of the
# first name variable the item has, in citeproc-js's order (author first); from a family name
# the lower-case particles ("von Dipheria": "Dipheria"), from any name a leading article, and
# characters other than letters are dropped. Without names the title's first letters stand in
# (citeproc-js also drops the locale's "skip words" from the title; not done here); without a
# year, "00".
TRIGRAPH = "Aaaa00:AaAa00:AaAA00:AAAA00"
_NAME_ORDER = ("author chair collection-editor compiler composer container-author contributor curator director "
               "editor editor-translator editorial-director executive-producer guest host illustrator interviewer "
               "narrator organizer original-author performer producer recipient reviewed-author script-writer "
               "series-creator translator commenter").split()
assert set(_NAME_ORDER) == NAME_VARIABLES
_PARTICLES = re.compile(r"^[ '\u2019a-z]+\s+")
_ARTICLE = re.compile(r"^(a|the|an)\s+", re.IGNORECASE)
# letters of the Latin, Greek, Cyrillic, Hebrew, Arabic and Thai scripts are kept
_NOT_LETTER = re.compile("[^a-zA-Z\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05ff"
                         "\u0600-\u06ff\u0e01-\u0e5b\u1f00-\u1fff]")


def _patterns(trigraph: str) -> list[tuple[list[int], int]]:
    """"AaAa00" -> ([2, 2], 2): letters taken from each name, digits of the year."""
    out = []
    for pattern in trigraph.split(":"):
        letters: list[int] = []
        for char in pattern:
            if char == "A":
                letters.append(1)
            elif char == "a" and letters:
                letters[-1] += 1
        out.append((letters, pattern.count("0")))
    return out


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:].lower()


def _year(reference: Any) -> str:
    issued = reference.get("issued")
    first = issued.begin if isinstance(issued, DateRange) else issued
    try:
        return str(first["year"])
    except (KeyError, TypeError, VariableError):
        return "0000"


def citation_label(reference: Any, trigraph: str = TRIGRAPH) -> str:
    """The label of an item (citeproc-py's reference), as the item gives it or as generated."""
    given = reference.get("citation_label")
    if given:
        return "".join(map(str, given)) if isinstance(given, list) else str(given)
    patterns = _patterns(trigraph)
    letters, digits = patterns[0]
    label = ""
    for variable in _NAME_ORDER:
        names = reference.get(variable.replace("-", "_"))
        if not names:
            continue
        letters, digits = patterns[min(len(names), len(patterns)) - 1]
        for name, count in zip(names, letters, strict=False):
            text = str(name.get("family") or "")
            text = _PARTICLES.sub("", text) if text else str(name.get("literal") or "")
            text = _NOT_LETTER.sub("", _ARTICLE.sub("", text))
            if not text:
                break
            label += _capitalized(text[:count])
        break
    if not label and reference.get("title"):
        label = _capitalized("".join(str(reference.get("title")).split())[:patterns[0][0][0]])
    return label + _year(reference)[-digits:] if digits else label
