"""cs:sort and cs:key: sort keys as CSL 1.0.2 "Sorting" defines them, compared by the Unicode
Collation Algorithm in the style's locale."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from citeproc import DATES, NAMES, model
from citeproc.source import DateRange, LiteralDate
from citeproc.string import String

from .citation_label import citation_label
from .common import XML_LANG
from .lookups import unoptimised
from .markup import _CLOSERS, _OPENERS, AFFIX_CLOSE, AFFIX_OPEN, QUOTE_MARKS, SEAM, plain_affix_parens
from .names import Name as _Name

try:  # ICU's collation (pyicu-wheels, or a PyICU built against the system's ICU)
    import icu
except ImportError:  # pragma: no cover - exercised only where no ICU binding installs
    icu = None

_SORT_NOISE = re.compile(f"[{QUOTE_MARKS}{_OPENERS}{_CLOSERS}{SEAM}]")

# --- collation ---------------------------------------------------------------------------------
# CSL 1.0.2, "Sorting": "Sorting is case-insensitive." Keys are compared as citeproc-js compares
# them (its getSortCompare: localeCompare with sensitivity "base", punctuation ignored, numeric):
# the Unicode Collation Algorithm at the primary level in the style's locale, so "Ébert" sorts
# between "Dupont" and "Fabre" and not after "Z", case and accents do not count (such keys are
# equal and the next key, then the given order decides), punctuation is ignored ("[F]linders"
# under F, "Simple title, here A" before "Simple title here B") and digits compare as numbers
# ("Vol. 9" before "Vol. 10"). Spaces count, as in the test suite's results: a word ends before
# a longer one ("A Hansen" before "Ab Delrahman", "Doe, John" before "Doefield, Jane"). A sort
# key is built once per string (a byte string from ICU), never in the comparisons.
_SPACES = re.compile(r"\s+")


def _unpunctuated(text: str) -> str:
    kept = "".join(c for c in text if not unicodedata.category(c).startswith("P"))
    return _SPACES.sub(" ", kept).strip()


@functools.lru_cache(maxsize=16)
def collation_key(locale: str) -> Callable[[str], Any]:
    """-> a function giving the sort key of a string in `locale` (a BCP 47 tag, "fr-FR")."""
    if icu is None:
        return _fallback_key
    collator = icu.Collator.createInstance(icu.Locale(locale.replace("-", "_")))
    collator.setStrength(icu.Collator.PRIMARY)
    collator.setAttribute(icu.UCollAttribute.NUMERIC_COLLATION, icu.UCollAttributeValue.ON)
    return lambda text: collator.getSortKey(_unpunctuated(text))


def _fallback_key(text: str) -> tuple:
    """Without ICU: accents and case removed, punctuation dropped, digit runs as numbers (no
    locale tailoring)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", _unpunctuated(text)) if not unicodedata.combining(c))
    runs = re.findall(r"[0-9]+|[^0-9]+", plain.casefold())
    return tuple((0, int(run), "") if run.isdigit() else (1, 0, run) for run in runs)


def collation_locale(root: model.CitationStylesElement) -> str:
    """The locale a style's keys are collated in: the processor's locale, else the style's
    default-locale (the language of the first locale the style's terms are looked up in)."""
    for locale in getattr(root, "locales", ()):
        if locale.get(XML_LANG):
            return locale.get(XML_LANG)
    return root.get("default-locale") or "en-US"


# --- rendering a key -----------------------------------------------------------------------------
# "key" while a macro is rendered as a sort key; "names" while an entry's names are probed for
# subsequent-author-substitute (grouping.probe_names), which also leaves labels out
_IN_SORT_KEY: ContextVar[str | None] = ContextVar("sergebib_sort_key", default=None)


def in_sort_key() -> bool:
    """True while a macro is rendered as a sort key (cs:key macro="...")."""
    return _IN_SORT_KEY.get() == "key"


def labels_left_out() -> bool:
    """True while names are rendered without their cs:label (a sort key, a probe of names)."""
    return _IN_SORT_KEY.get() is not None


@contextmanager
def rendering_sort_key(mode: str = "key") -> Iterator[None]:
    token = _IN_SORT_KEY.set(mode)
    try:
        yield
    finally:
        _IN_SORT_KEY.reset(token)


class ProbeDone(Exception):
    """Raised by ProbeEnd once the first cs:names of a probed entry is rendered."""


class ProbeEnd:
    """Mixed into cs:names, unless unoptimised (see extensions._element_classes). A probe of an
    entry's names (grouping.probe_names) reads what the first cs:names rendered, and nothing
    after it: once that element has rendered, the probe ends (ProbeDone) instead of rendering
    the rest of the entry. Not a CSL rule, a cost: the probe was a whole second rendering of
    every entry of a style with subsequent-author-substitute."""

    def render(self, item, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN201
        if _IN_SORT_KEY.get() != "names":
            return super().render(item, *args, **kwargs)
        # the element that claims the layout's record of the first names (names.Names.render)
        context = kwargs.get("context")
        found = (self if context is None else context).xpath_search("./ancestor-or-self::cs:layout[1]")
        state = getattr(found[0], "first_names", None) if found else None
        claims = state is not None and "names" not in state
        out = super().render(item, *args, **kwargs)
        if claims:
            raise ProbeDone
        return out


class Name(_Name):
    def et_al(self):  # noqa: ANN201
        # CSL 1.0.2, "Sorting Macros": "When et-al abbreviation occurs, the "et-al" and "and
        # others" terms are excluded from the sort key values."
        if in_sort_key():
            return None
        return super().et_al()


def _date_digits(date: Any, parts: list[str]) -> str:
    # a negative year is offset as citeproc-py's own date keys are, so digit strings keep order
    year = int(date.get("year", 0)) if "year" in parts else 0
    month = int(date.get("month", 0) or 0) if "month" in parts else 0
    day = int(date.get("day", 0) or 0) if "day" in parts else 0
    return f"{year + 10000:05}{month:02}{day:02}"


def date_sort_key(element: model.Date, item: Any, variable: str | None) -> String | None:
    """CSL 1.0.2, "Sorting Macros": date variables rendered in a macro used as a sort key are
    "treated the same as when they are called via variable" (YYYYMMDD, zeros for missing parts),
    except that "macros return only those date-parts that would otherwise be rendered
    (respecting the value of the date-parts attribute for localized dates, or the listing of
    cs:date-part elements for non-localized dates)". Seasons are ignored."""
    name = (variable or element.get("variable") or "").replace("-", "_")
    value = item.reference.get(name) if name else None
    if value is None:
        return None
    if isinstance(value, LiteralDate):
        return String(value.text)
    if element.get("form") is not None:
        parts = element.get("date-parts", "year-month-day").split("-")
    else:
        parts = [p.get("name") for p in element.iterchildren() if p.get("name")]
    # a single date has an end of zeros, so that every key has the same number of digits (a key
    # of digits only is compared as a number): a range sorts by its start, then after a single
    # date of the same start ("Sorting Variables"), as citeproc-js's keys of start and end do
    if isinstance(value, DateRange):
        text = _date_digits(value.begin, parts)
        return String(text + (_date_digits(value.end, parts) if not value.end.is_nil() else "0" * len(text)))
    text = _date_digits(value, parts)
    return String(text + "0" * len(text))


# --- keys ----------------------------------------------------------------------------------------
# A comparable key is a tuple of (kind, value) pairs: kind 0 for numbers, 1 for collated text;
# None is an empty key.
Comparable = tuple | None


def _text(value: object) -> str:
    # (the parentheses of affixes are printed as written: see markup.nest_affix_parens)
    return plain_affix_parens(_SORT_NOISE.sub("", str(value))).strip()


def _date_tuple(date: Any) -> tuple:
    return ((0, int(date.get("year", 0))), (0, int(date.get("month", 0) or 0)), (0, int(date.get("day", 0) or 0)))

_NOISY = re.compile(f"{_SORT_NOISE.pattern}|[{AFFIX_OPEN}{AFFIX_CLOSE}]")


class Key(model.Key):
    def sort_keys(self, items, context):  # noqa: ANN001, ANN201
        # a citation-label is sorted as printed, generated where the item has none (see citation_label)
        if self.get("variable") == "citation-label":
            return [citation_label(item.reference) for item in items]
        # sort keys rendered through macros, or taken from field text, must not carry our
        # quotation and formatting sentinels
        keys = self._raw_keys(items, context)
        return [_text(k) if isinstance(k, str) and _NOISY.search(k) else k for k in keys]

    def _raw_keys(self, items, context):  # noqa: ANN001, ANN202
        if "macro" not in self.attrib:
            return super().sort_keys(items, context)
        # CSL 1.0.2, "Sorting Macros": names rendered in the macro are returned with
        # name-as-sort-order "all", "any cs:label elements are excluded" and the "and" term is
        # not part of the key (citeproc-js: "Colaresi, Rasler, and Thompson" sorts before
        # "Colaresi and Thompson"); names-min, names-use-first and names-use-last "override the
        # values of the corresponding et-al-min/et-al-subsequent-min, et-al-use-first/
        # et-al-subsequent-use-first and et-al-use-last attributes".
        options: dict[str, Any] = {"name-as-sort-order": "all", "and": None}
        for option, targets in (("names-min", ("et-al-min", "et-al-subsequent-min")),
                                ("names-use-first", ("et-al-use-first", "et-al-subsequent-use-first")),
                                ("names-use-last", ("et-al-use-last",))):
            if option in self.attrib:
                options.update(dict.fromkeys(targets, self.get(option)))
        layout = context.get_layout()
        macro = self.get_macro(self.get("macro"))
        keys = []
        with rendering_sort_key():
            for item in items:
                layout.repressed = {}
                keys.append(macro.render(item, context=context, sort_options=options))
        return keys

    def comparable_keys(self, items, context, collate: Callable[[str], Any]) -> list[Comparable]:  # noqa: ANN001
        """One comparable key per item, built once (see Sort.sort)."""
        variable = self.get("variable", "").replace("-", "_")
        if variable in NAMES:
            return [self._name_key(item.reference.get(variable), collate) for item in items]
        if variable in DATES:
            return [self._date_key(item.reference.get(variable), collate) for item in items]
        out: list[Comparable] = []
        for value in self.sort_keys(items, context):
            if value is None or isinstance(value, bool):
                out.append(None)
            elif isinstance(value, int):
                out.append(((0, value),))
            else:
                text = _text(value)
                # CSL 1.0.2, "Sorting Variables": "Number variables ... are returned as integers"
                if not text:
                    out.append(None)
                elif text.isascii() and text.isdigit():
                    out.append(((0, int(text)),))
                else:
                    out.append(((1, collate(text)),))
        return out

    def _name_key(self, names: list | None, collate: Callable[[str], Any]) -> Comparable:
        # CSL 1.0.2, "Sorting Variables": name variables are "returned as a name list string,
        # with the cs:name attributes form set to "long", and name-as-sort-order set to "all"";
        # "Name Particles": with demote-non-dropping-particle "sort-only" or "display-and-sort"
        # (the default), the family name is the primary key of a name, the particles the
        # secondary, the given name the tertiary ("Gogh", "van", "Vincent"); with "never" the
        # non-dropping particle stays with the family name ("van Gogh"). Each part is compared
        # on its own, so "Doe, John" precedes "Doefield, Jane".
        if not names:
            return None
        demote = self.get_root().get("demote-non-dropping-particle", "display-and-sort").lower()
        key: list = []
        for name in names:
            given, family, dropping, non_dropping, suffix = (_text(p) if p else "" for p in name.parts())
            if demote == "never":
                family = " ".join(p for p in (non_dropping, family) if p)
                particles = dropping
            else:
                particles = " ".join(p for p in (dropping, non_dropping) if p)
            key += [(1, collate(part)) for part in (family, particles, given, suffix)]
        return tuple(key)

    @staticmethod
    def _date_key(value: Any, collate: Callable[[str], Any]) -> Comparable:
        # CSL 1.0.2, "Sorting Variables": dates in YYYYMMDD order with zeros for missing parts
        # ("2000, May 2000, May 1st 2000"), negative years first, seasons ignored; "In the case
        # of date ranges, the start date is used for the primary sort, and the end date is used
        # for a secondary sort", and "Date ranges are placed after single dates when they share
        # the same (start) date".
        if value is None:
            return None
        if isinstance(value, LiteralDate):
            return ((1, collate(_text(value.text))),)
        if isinstance(value, DateRange):
            if value.end.is_nil():
                return _date_tuple(value.begin)
            return _date_tuple(value.begin) + _date_tuple(value.end)
        return _date_tuple(value)


class Sort(model.Sort):
    def sort(self, items, context):  # noqa: ANN001, ANN201
        """CSL 1.0.2, "Sorting": "Sort keys are evaluated in sequence. A primary sort is performed
        on all items using the first sort key. A secondary sort, using the second sort key, is
        applied to items sharing the first sort key value", and so on; "Items with an empty sort
        key value are placed at the end of the sort, both for ascending and descending sorts."
        Items equal on every key keep their given order (the sort is stable). citeproc-py
        compared code points (so "Ébert" came after "Zola") and put empty strings first."""
        items = list(items)
        collate = collation_key(collation_locale(self.get_root()))
        keys = list(self.iterchildren("{http://purl.org/net/xbiblio/csl}key"))
        if not unoptimised():
            return [items[i] for i in _sorted_by_ties(items, keys, context, collate)]
        order = list(range(len(items)))
        # one pass per key, the last key first: Python's sort is stable, also in reverse
        for key in reversed(keys):
            values = key.comparable_keys(items, context, collate)
            order.sort(key=_ordering(key, values), reverse=_descending(key))
        return [items[i] for i in order]


def _descending(key: Key) -> bool:
    return key.get("sort", "ascending").lower() == "descending"


def _ordering(key: Key, values: list[Comparable]) -> Callable[[int], tuple]:
    """The sort key of item i by `values` (empty values last, ascending or descending)."""
    empty, filled = (0, 1) if _descending(key) else (1, 0)
    return lambda i: (empty, ()) if values[i] is None else (filled, values[i])


def _sorted_by_ties(items: list, keys: list[Key], context, collate: Callable[[str], Any]) -> list[int]:  # noqa: ANN001
    """The order Sort.sort gives (a stable sort by the first key, then by the second key among
    items equal on the first, and so on), with a key evaluated only for the items tied on every
    key before it. Not a CSL rule, a cost: a macro key is a whole rendering of the macro per
    item (citeproc-py renders every key of every item), and most items differ on the first
    key or two. The same order: a stable sort on one key after another, the last first, orders
    the items as comparing them key by key does; and an item's key does not depend on the
    items rendered with it (each is rendered alone, see lookups.SortShortcut)."""
    out: list[int] = []

    def refine(indices: list[int], depth: int) -> None:
        if depth == len(keys) or len(indices) < 2:
            out.extend(indices)
            return
        key = keys[depth]
        found = key.comparable_keys([items[i] for i in indices], context, collate)
        values = dict(zip(indices, found, strict=True))
        indices = sorted(indices, key=_ordering(key, values), reverse=_descending(key))
        start = 0
        for end in range(1, len(indices) + 1):
            if end == len(indices) or values[indices[end]] != values[indices[start]]:
                refine(indices[start:end], depth + 1)
                start = end

    refine(list(range(len(items))), 0)
    return out
