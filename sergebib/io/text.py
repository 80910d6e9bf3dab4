"""Field text between dialects: biblatex braces protect case, CSL uses <span class="nocase">;
a user's .bib may carry LaTeX escapes, which the model stores as plain Unicode."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pylatexenc.latex2text import LatexNodes2Text

_NOCASE_OPEN = '<span class="nocase">'
_NOCASE_CLOSE = "</span>"


@functools.cache
def _latex() -> LatexNodes2Text:
    """pylatexenc's decoder, built on first use (most fields hold no LaTeX; importing it costs start-up)."""
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text(keep_braced_groups=True, keep_braced_groups_minlen=2, math_mode="verbatim")


# Characters LaTeX treats as special; in .bib fields they are written escaped (`\\&`).
LATEX_SPECIALS = "&%#$_"
VERBATIM_FIELDS = frozenset({"url", "keywords", "sources", "related", "xref", "langid", "date", "origdate",
                             "eventdate", "urldate", "isbn", "relatedtype", "entrysubtype", "type"})


def escape_specials(value: str) -> str:
    """Plain text -> .bib field text: escape LaTeX's specials so biblatex can print the field."""
    return "".join("\\" + c if c in LATEX_SPECIALS else c for c in value)


def latex_to_unicode(value: str) -> str:
    """Decode a field's LaTeX: the specials we escape are undone exactly; anything else
    (`{\\'e}`, `\\"o`, from a user's file) goes through pylatexenc, keeping case braces (`{URSS}`)."""
    if "\\" not in value:
        return value
    plain = value
    for c in LATEX_SPECIALS:
        plain = plain.replace("\\" + c, c)
    if "\\" not in plain:
        return plain
    return _latex().latex_to_text(value)


def braces_to_nocase(value: str) -> str:
    """`Histoire de l'{URSS}` -> `Histoire de l'<span class="nocase">URSS</span>` (top level only)."""
    if "{" not in value:
        return value
    out, depth = [], 0
    for ch in value:
        if ch == "{":
            out.append(_NOCASE_OPEN if depth == 0 else ch)  # inner braces kept as written
            depth += 1
            continue
        if ch == "}" and depth > 0:
            depth -= 1
            out.append(_NOCASE_CLOSE if depth == 0 else ch)
            continue
        out.append(ch)
    return "".join(out)


def nocase_to_braces(value: str) -> str:
    if _NOCASE_OPEN not in value:
        return value
    out, rest = [], value
    while _NOCASE_OPEN in rest:
        before, _, after = rest.partition(_NOCASE_OPEN)
        inner, _, rest = after.partition(_NOCASE_CLOSE)
        out.append(f"{before}{{{inner}}}")
    out.append(rest)
    return "".join(out)


# Fields whose text CSL may case-transform: biblatex braces there protect case.
TITLE_FIELDS = frozenset({"title", "subtitle", "titleaddon", "shorttitle", "journaltitle", "journalsubtitle",
                          "booktitle", "maintitle", "issuetitle", "series", "origtitle"})
# Fields holding numbers or ranges: TeX `--` there is a plain hyphen range in CSL.
RANGE_FIELDS = frozenset({"pages", "number", "volume", "issue", "pagetotal"})


def bib_text_to_csl(value: str, field: str) -> str:
    """biblatex field text -> CSL: in titles, case braces become nocase spans and TeX dashes
    become Unicode (`--` en dash, `---` em dash); in number/range fields `--` becomes `-`."""
    if field in RANGE_FIELDS:
        return value.replace("--", "-")
    if field in TITLE_FIELDS:
        return braces_to_nocase(value.replace("---", "\u2014").replace("--", "\u2013"))
    return value


def csl_text_to_bib(value: str, field: str) -> str:
    if field in RANGE_FIELDS:
        return value.replace("\u2013", "-").replace("--", "-").replace("-", "--")
    if field in TITLE_FIELDS:
        return nocase_to_braces(value)
    return value
