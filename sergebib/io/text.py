"""Field text between dialects: biblatex braces protect case, CSL uses <span class="nocase">;
a user's .bib may carry LaTeX escapes, which the model stores as plain Unicode."""

from __future__ import annotations

from pylatexenc.latex2text import LatexNodes2Text

_NOCASE_OPEN = '<span class="nocase">'
_NOCASE_CLOSE = "</span>"
_latex = LatexNodes2Text(keep_braced_groups=True, keep_braced_groups_minlen=2, math_mode="verbatim")


def latex_to_unicode(value: str) -> str:
    """Decode LaTeX escapes (`{\\'e}`, `\\"o`, `\\&`) but keep case-protecting braces (`{URSS}`)."""
    if "\\" not in value:
        return value
    return _latex.latex_to_text(value)


def braces_to_nocase(value: str) -> str:
    """`Histoire de l'{URSS}` -> `Histoire de l'<span class="nocase">URSS</span>` (top level only)."""
    if "{" not in value:
        return value
    out, depth = [], 0
    for ch in value:
        if ch == "{":
            if depth == 0:
                out.append(_NOCASE_OPEN)
            depth += 1
            continue
        if ch == "}" and depth > 0:
            depth -= 1
            if depth == 0:
                out.append(_NOCASE_CLOSE)
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


def bib_text_to_csl(value: str, field: str) -> str:
    """biblatex field text -> CSL: case braces become nocase spans; TeX dashes become Unicode
    (`--` en dash, `---` em dash), except in `pages`, where CSL wants a plain hyphen range."""
    if field == "pages":
        return value.replace("--", "-")
    return braces_to_nocase(value.replace("---", "\u2014").replace("--", "\u2013"))


def csl_text_to_bib(value: str, field: str) -> str:
    if field == "pages":
        return value.replace("\u2013", "--").replace("-", "--").replace("----", "--")
    return nocase_to_braces(value)
