"""Numbers: numeric values (ranges, lists, plurals), ordinals, page ranges, superscript characters."""

from __future__ import annotations

import re

from citeproc import model
from citeproc.string import String

from .markup import _Seamed

# CSL 1.0.2, "Number Variables" and "is-numeric": "Numbers can have prefixes and suffixes ("D2",
# "2b", "L2d"), and may be separated by a comma, hyphen, or ampersand, with or without spaces ("2,
# 3", "2-4", "2 & 4")". Roman numerals ("i-ix") count as numbers, as citeproc-js counts them; a
# hyphen escaped with a backslash ("3\-B") is part of the number, not a range.
NUMERIC_VARIABLES = frozenset({
    "chapter-number", "collection-number", "edition", "issue", "locator", "number", "number-of-pages",
    "number-of-volumes", "page", "page-first", "part-number", "printing-number", "section",
    "supplement-number", "volume"})
_SPLIT = re.compile(r"(\s*(?<!\\)[-\u2013]+\s*|\s*,\s*|\s*&\s*)")
_NUMBER = re.compile(r"^(?:[^\W\d_]*\d+[^\W\d_]*|[ivxlcdm]+|[IVXLCDM]+)$")
_ROMAN = re.compile(r"^(?:[ivxlcdm]+|[IVXLCDM]+)$")


def numeric_parts(value: object) -> tuple[list[str], list[str]]:
    """A value -> (its parts, the delimiters between them), split at ranges and lists."""
    tokens = _SPLIT.split(str(value).strip())
    return tokens[0::2], tokens[1::2]


def is_number(part: str) -> bool:
    return bool(_NUMBER.match(part))


def is_plural(value: object, conjunctions: tuple[str, ...] = ()) -> bool:
    """CSL 1.0.2, "Label": "Content is considered plural when it contains multiple numbers (e.g.
    "page 1", "pages 1-3", "volume 2", "volumes 2 & 4")". A list may also be joined by a word (the
    locale's "and" term: "213 et 235"), as citeproc-js reads it."""
    text = str(value)
    for word in conjunctions:
        text = re.sub(rf"\s+{re.escape(word)}\s+", " & ", text) if word.strip() else text
    parts, _ = numeric_parts(text)
    return sum(is_number(p.strip().rstrip(",")) for p in parts) > 1


# CSL 1.0.2, "Appendix V - Page Range Formats": page ranges are "expanded" (321–328), "minimal"
# (321–8), "minimal-two" (321–28) or "chicago" (= "chicago-15"; "chicago-16"), the Chicago Manual
# of Style's rules: under 100 or a multiple of 100, expanded; 101–109 and the like, minimal; 110–199
# and the like, minimal-two (chicago-15: a four-digit range changing three digits or more is
# expanded). A shortened second number is first expanded from the first ("110-5" = 110–115). The
# parts of a range are numbers with the same prefix ("n11564-n1568"); ranges of roman numerals
# ("xxv-xxviii") are joined by the delimiter and not shortened; other ranges ("N110-5") print as
# written, without spaces around the hyphen, as citeproc-js prints them.
_PAGE_PART = re.compile(r"^(.*?)(\d+)$")


def _page_range(first: str, last: str, fmt: str, delimiter: str) -> str:
    if _ROMAN.match(first) and _ROMAN.match(last):
        return f"{first}{delimiter}{last}"
    a, b = _PAGE_PART.match(first), _PAGE_PART.match(last)
    if not a or not b or a.group(1) != b.group(1):
        return f"{first}-{last}"
    prefix, lo, hi = a.group(1), a.group(2), b.group(2)
    if len(hi) < len(lo):
        hi = lo[:len(lo) - len(hi)] + hi
    if int(hi) < int(lo):
        return f"{first}-{last}"
    if fmt in ("chicago", "chicago-15", "chicago-16"):
        n = int(lo)
        if n < 100 or n % 100 == 0:
            fmt = "expanded"
        elif n % 100 < 10:
            fmt = "minimal"
        elif fmt != "chicago-16" and len(lo) == len(hi) == 4 and sum(map(str.__ne__, lo, hi)) >= 3:
            fmt = "expanded"
        else:
            fmt = "minimal-two"
    short = hi
    if fmt in ("minimal", "minimal-two") and len(hi) == len(lo):
        common = next((i for i, (x, y) in enumerate(zip(lo, hi, strict=True)) if x != y), len(hi))
        keep = len(hi) - common
        if fmt == "minimal-two":
            keep = max(keep, min(2, len(hi)))
        short = hi[len(hi) - max(keep, 1):]
    return f"{prefix}{lo}{delimiter}{prefix + short if short == hi else short}"


class PageRanges:
    """The rendering of numeric variables, shared by cs:text and cs:number."""

    def format_part(self, part: str, variable: str) -> str:  # noqa: ARG002
        """One number of a numeric value, as rendered (cs:number applies its form)."""
        return part

    def _process(self, value, variable):  # noqa: ANN001, ANN202
        fmt = self.get_root().get("page-range-format")
        if variable.startswith("page"):
            delimiter = str(self.get_single_term(name="page-range-delimiter") or "") or "\u2013"
        else:
            delimiter = "\u2013"
        ampersand = str(self.get_single_term(name="and", form="symbol") or "") or "&"
        if variable == "page" and fmt:
            out = []
            for part in re.split(r"(\s*[,&]\s*)", str(value)):
                pieces = re.split(r"\s*[-\u2013]+\s*", part)
                if part.strip() == "&":
                    part = f" {ampersand} "
                out.append(_page_range(pieces[0], pieces[1], fmt, delimiter) if len(pieces) == 2 else part)
            return String("".join(out))
        # CSL 1.0.2, "Number": numbers "separated by a hyphen" are a range, printed with an en dash
        # ("2–4"); as citeproc-js, a list keeps ", " and " & " (the "and" symbol term) between its
        # numbers. A range or list delimiter is rewritten only between two numbers: other text is
        # printed as written ("Michaelson-Morely"), an escaped hyphen ("3\-B") as a hyphen.
        parts, delimiters = numeric_parts(value)
        if variable == "page-first":
            return String(self.format_part(parts[0], variable) if is_number(parts[0]) else parts[0].replace("\\-", "-"))
        out = [self.format_part(parts[0], variable) if is_number(parts[0]) else parts[0]]
        for before, between, part in zip(parts[:-1], delimiters, parts[1:], strict=True):
            if is_number(before) and is_number(part):
                kind = between.strip()
                between = ", " if kind == "," else f" {ampersand} " if kind == "&" else delimiter
            out.append(between)
            out.append(self.format_part(part, variable) if is_number(part) else part)
        return String("".join(out).replace("\\-", "-"))


# --- ordinals ----------------------------------------------------------------------------------
# CSL 1.0.2, "Ordinal Suffixes": "ordinal-00" through "ordinal-09" match the last digit of a
# number by default (match="last-digit"), "ordinal-10" through "ordinal-99" its last two digits
# (match="last-two-digits"); match="whole-number" matches the number alone. "If a number has
# matching terms from both groups ... the term from the "ordinal-10" through "ordinal-99" group is
# used"; the "ordinal" term is the fallback. Ordinal terms are "gender-form" variants: the one of
# the gender of the term of the variable rendered ("edition", gender="feminine", takes the
# feminine "1re"), else the neuter (no gender-form) one. "Ordinal terms work differently from other
# terms when it comes to locale fallback": a locale (in-style or file) that defines any ordinal
# term replaces all the ordinal terms of the locales below it. Long ordinals ("long-ordinal-01"
# to "-10") fall back to ordinals for other numbers.
_ORDINAL = re.compile(r"^ordinal(?:-\d\d)?$")


def _locales(element: model.CitationStylesElement) -> list:
    root = element.get_root()
    if isinstance(root, model.Locale):
        root = root.style
    return list(getattr(root, "locales", None) or [])


def _terms(locale) -> list:  # noqa: ANN001
    terms = locale.find("cs:terms", locale.nsmap)
    return [] if terms is None else list(terms.iterchildren("{*}term"))


def term_gender(element: model.CitationStylesElement, name: str) -> str | None:
    """The grammatical gender of a term (the noun a number counts), from the first locale defining it."""
    for locale in _locales(element):
        for term in _terms(locale):
            if term.get("name") == name and term.get("form") is None:
                return term.get("gender")
    return None


def _gendered(terms: list, name: str, gender: str | None, test=lambda t: True) -> object:  # noqa: ANN001
    found = [t for t in terms if t.get("name") == name and t.get("form") is None and test(t)]
    for wanted in ((gender, None) if gender else (None,)):
        for term in found:
            if term.get("gender-form") == wanted:
                return term
    return None


def ordinal_suffix(element: model.CitationStylesElement, number: int, gender: str | None) -> str:
    terms = next((t for t in map(_terms, _locales(element)) if any(_ORDINAL.match(x.get("name", "")) for x in t)), [])
    two, one = number % 100, number % 10

    def matches(default: str, digits: int) -> object:
        def test(term) -> bool:  # noqa: ANN001
            match = term.get("match", default)
            if match == "whole-number":
                return number == digits
            if match == "last-two-digits":
                return two == digits
            return one == digits
        return test

    term = None
    if two >= 10:
        term = _gendered(terms, f"ordinal-{two:02}", gender, matches("last-two-digits", two))
    if term is None:
        term = _gendered(terms, f"ordinal-{one:02}", gender, matches("last-digit", one))
    if term is None:
        term = _gendered(terms, "ordinal", gender)
    return "" if term is None else (term.text or "")


def long_ordinal(element: model.CitationStylesElement, number: int, gender: str | None) -> str | None:
    if not 1 <= number <= 10:
        return None
    for locale in _locales(element):
        term = _gendered(_terms(locale), f"long-ordinal-{number:02}", gender)
        if term is not None:
            return term.text or ""
    return None


class Number(_Seamed, PageRanges, model.Number):
    _nested_affixes = False  # citeproc-js prints a number's affixes as written

    def process(self, item, context=None, **kwargs):  # noqa: ANN001, ANN201
        # as citeproc-py (a missing variable raises VariableError, which suppresses the group),
        # rendered by _process above
        variable = self.get("variable")
        if variable == "locator":
            if not item.has_locator:
                return None
            return self._process(item.locator.identifier, item.locator.label)
        value = item.reference.page if variable == "page-first" else item.reference[variable.replace("-", "_")]
        return self._process(value, variable)

    def format_part(self, part: str, variable: str) -> str:
        # CSL 1.0.2, "Number": form "numeric" (default), "ordinal", "long-ordinal" or "roman"
        form = self.get("form", "numeric")
        if form == "numeric" or not part.isdigit():
            return part
        number = int(part)
        if form == "roman":
            return model.romanize(number).lower()
        gender = term_gender(self, variable)
        if form == "long-ordinal":
            text = long_ordinal(self, number, gender)
            if text is not None:
                return text
        return f"{number}{ordinal_suffix(self, number, gender)}"
