"""Every change we make to citeproc-py's behaviour lives here, each naming the CSL rule it implements.

citeproc-py is used as it ships (style parsing, locales, element classes); we only pass it our
own *formatter* and, where its evaluation departs from the CSL 1.0.2 specification, override the
element method concerned from this module. Nothing here edits citeproc-py's files.
"""

from __future__ import annotations

import re
import warnings
from contextvars import ContextVar
from types import SimpleNamespace

from .richtext import CLOSE, OPEN, mark


def _wrapper(style: str) -> type[str]:
    class Wrapped(str):
        def __new__(cls, text: object) -> str:
            return str.__new__(cls, mark(style, str(text)))  # type: ignore[arg-type]

    Wrapped.__name__ = f"{style.title()}Marked"
    return Wrapped


# The formatter module interface citeproc-py expects (see citeproc.formatter.html), producing
# sentinel-marked strings that richtext.parse turns into a tree.
# CSL 1.0.2 "Formatting": font-style italic/oblique, font-weight bold/light, font-variant
# small-caps, text-decoration underline, vertical-align sup/sub. `light` has no common rendering
# in any of our outputs and is rendered as normal weight (citeproc-js does the same in text).
RICH_FORMATTER = SimpleNamespace(
    preformat=lambda text: text,
    Italic=_wrapper("italic"),
    Oblique=_wrapper("italic"),
    Bold=_wrapper("bold"),
    Light=str,
    Underline=_wrapper("underline"),
    Superscript=_wrapper("superscript"),
    Subscript=_wrapper("subscript"),
    SmallCaps=_wrapper("smallcaps"),
)


# --- element overrides -------------------------------------------------------------------------
# citeproc-py builds a style's element objects through an lxml class lookup keyed by tag name.
# `Style` below registers our subclasses in that lookup, so an override applies to every style
# we load and to nothing else.
from citeproc import frontend, model  # noqa: E402
from citeproc.source import DateRange  # noqa: E402
from citeproc.string import MixedString, NoCase, String  # noqa: E402
from lxml import etree  # noqa: E402

_CSL_NS = "http://purl.org/net/xbiblio/csl"


def _inherited(element: etree.ElementBase, name: str, default: str) -> str:
    """An inheritable name option: the element, then cs:citation/cs:bibliography, then cs:style."""
    if element.get(name) is not None:
        return element.get(name)
    for ancestor in element.iterancestors():
        if ancestor.get(name) is not None:
            return ancestor.get(name)
    return default


# The ends of each rendering element's output, where punctuation is merged (see merge_at_seams)
SEAM = "\ue030"


class _Seamed:
    def wrap(self, string):  # noqa: ANN001, ANN201
        wrapped = super().wrap(string)
        if wrapped is None or not str(wrapped):
            return wrapped
        return String(SEAM) + wrapped + String(SEAM)


_GIVEN_TOKEN = re.compile(r"[^\s.]+\.?")


class Name(model.Name):
    def initialize(self, given: str, mark: str, context: object) -> str:
        # CSL 1.0.2, "Name" attributes, initialize-with: "When set, given names are converted to
        # initials. The attribute value is added after each initial ("." results in "J.J.
        # Doe")." and `initialize`: "When set to 'false', given names are no longer initialized
        # when 'initialize-with' is set. However, the value of 'initialize-with' is still added
        # after initials present in the full name (e.g. with initialize set to 'false',
        # initialize-with set to '.', and given set to 'James T', 'James T.' is rendered)."
        # citeproc-py ignored `initialize`. Given names are read as citeproc-js reads them: a
        # single capital ("M", "M.") is an initial; a word ending in a period ("Ph.", "Ts.") is an
        # abbreviation, kept and treated like an initial; other words are names, initialized or
        # kept; lowercase words (particles) are kept. With initialize-with-hyphen (default
        # true) the parts of "Jean-Paul" become "J.-P.".
        full = _inherited(self, "initialize", "true") != "false"
        if self.get_option("initialize-with-hyphen", context) and "-" in given:
            return "-".join(self._initials(part, mark, full).rstrip() for part in given.split("-"))
        return self._initials(given.replace("-", " "), mark, full)

    def process(self, item, variable, context=None, sort_options=None, **kwargs):  # noqa: ANN001, ANN201
        # CSL 1.0.2, "Disambiguation" / disambiguate-add-names: in a cite, at least `add_names`
        # names are shown (see disambiguate); et-al is dropped when all of them are
        added = item.reference.get("add_names") if hasattr(item, "reference") else None
        where = self if context is None else context
        if added and where.xpath_search("./ancestor-or-self::cs:citation"):
            names = item.reference.get(variable) or []
            use_first = max(self.get_option("et-al-use-first", context, sort_options), added)
            options = dict(sort_options or {})
            options["et-al-use-first"] = options["et-al-subsequent-use-first"] = use_first
            if use_first >= len(names):
                options["et-al-min"] = options["et-al-subsequent-min"] = len(names) + 1
            sort_options = options
        return super().process(item, variable, context, sort_options, **kwargs)

    @staticmethod
    def _initials(given: str, mark: str, full: bool) -> str:
        out = ""
        previous_initial = False
        for token in _GIVEN_TOKEN.findall(given):
            core = token.rstrip(".")
            if not core:
                continue
            if token.endswith(".") or (len(core) == 1 and core.isupper()):
                unit, initial = core, True
            elif core[0].isupper() and full:
                unit, initial = core[0], True
            else:
                unit, initial = core, False
            if initial:
                if out and not previous_initial:
                    out += " "
                out += unit + mark
            else:
                if out and not out.endswith(" "):
                    out += " "
                out += unit
            previous_initial = initial
        return out.rstrip()


_DATE_UNITS = ("year", "month", "day")


def _date_value(date, unit: str) -> object:  # noqa: ANN001
    if unit == "month":
        return date.get("month", date.get("season"))
    return date.get(unit)


def render_range(element, date_range, show_parts, context):  # noqa: ANN001, ANN201
    # CSL 1.0.2, "Date" / "Date Ranges": "the range-delimiter is placed between the
    # differing date parts", the shared parts are rendered once, and the parts keep the
    # order of the cs:date-part elements ("September 22–23, 1990", "22–23 September 1990",
    # "May 3–June 4, 1990"). "A custom range delimiter is retrieved from the largest date
    # part ("day", "month" or "year") that differs between the two dates" (default en dash).
    # At the seam the suffix of the range's first half and the prefix of its second half are
    # dropped, as citeproc-js drops them. citeproc-py put the differing parts before the
    # shared ones ("22,–23, September 1990"), joined them with the *calling* element and
    # crashed on same-year ranges such as 1929/1930-05. `element` is the cs:date whose
    # cs:date-part children are rendered: this one, or the locale's for a localized date
    # (`context` is then the style's cs:date, whose cs:date-part attributes override them).
    show = list(show_parts or _DATE_UNITS)
    begin, end = date_range.begin, date_range.end
    largest = next((u for u in _DATE_UNITS if u in show and _date_value(begin, u) != _date_value(end, u)), None)
    if largest is None:
        return element.render_single_date(begin, show, context)
    differing = set(_DATE_UNITS[_DATE_UNITS.index(largest):])
    parts = [p for p in element.iterchildren() if p.get("name") in show]
    at = [i for i, p in enumerate(parts) if p.get("name") in differing]
    if not at:
        return element.render_single_date(begin, show, context)
    first, last = at[0], at[-1]

    def rendered(date, chosen) -> list:  # noqa: ANN001
        out = []
        for part in chosen:
            try:
                text = part.render(date, context)
            except model.VariableError:
                continue
            if text is not None:
                out.append((part, text))
        return out

    joiner = element  # the delimiter of the cs:date holding the parts (a localized date: the locale's)
    head = rendered(begin, parts[:first])
    low = rendered(begin, parts[first:last + 1])
    high = rendered(end, parts[first:last + 1])
    tail = rendered(end, parts[last + 1:])
    if not low or not high:
        return None
    delimiter = "\u2013"
    for source in (element, context):
        for part in source.iterchildren():
            if part.get("name") == largest and part.get("range-delimiter"):
                delimiter = part.get("range-delimiter")
    low_text = [t for _, t in low]
    high_text = [t for _, t in high]
    suffix, prefix = low[-1][0].get("suffix", ""), high[0][0].get("prefix", "")
    if suffix and str(low_text[-1]).endswith(suffix):
        low_text[-1] = String(str(low_text[-1])[:-len(suffix)])
    if prefix and str(high_text[0]).startswith(prefix):
        high_text[0] = String(str(high_text[0])[len(prefix):])
    middle = joiner.join(low_text) + String(delimiter) + joiner.join(high_text)
    pieces = [t for _, t in head] + [middle] + [t for _, t in tail]
    return joiner.join(pieces).rstrip() if len(pieces) > 1 else middle


def read_dates(source: object) -> None:
    """Date parts as CSL-JSON means them. Empty parts ("2000", "", "") are absent (citeproc-py
    printed them as 00). CSL-JSON "date-parts" months 21 to 24 are the seasons (spring, summer, autumn, winter;
    CSL 1.0.2 "Date" / date-part "month": "if the date includes a season instead of a month,
    the season term is rendered"). citeproc-py reads them as months 21 to 24, which have no
    term; they are given to it as seasons 1 to 4 (as citeproc-js, months 13 to 20 too, which
    older data used for seasons)."""
    for reference in source.values():
        for value in list(reference.values()):
            dates = [value.begin, value.end] if isinstance(value, DateRange) else [value]
            for date in dates:
                for part in ("day", "month"):
                    if isinstance(date, dict) and date.get(part) == "":
                        date.pop("day", None)  # no day without its month
                        date.pop(part, None)
                if isinstance(date, dict) and str(date.get("month", "")).isdigit() and 13 <= int(date["month"]) <= 24:
                    date["season"] = (int(date.pop("month")) - 13) % 4 + 1
                    date.pop("day", None)


class Date(_Seamed, model.Date):
    def render_date_range(self, date_range, show_parts=None, context=None):  # noqa: ANN001, ANN201
        # see render_range; for a non-localized date the delimiter belongs to this cs:date
        if not self.is_locale_date():
            context = self
        if date_range.end.is_nil():
            return super().render_date_range(date_range, show_parts, context)
        return render_range(self, date_range, show_parts, context)

    def _render(self, item, variable, *args, **kwargs):  # noqa: ANN001, ANN202
        # a localized date (form="text"/"numeric") renders through the locale's cs:date, which is
        # citeproc-py's own element: its ranges are rendered by render_range here
        name = variable if variable is not None else self.get("variable")
        value = item.reference.get(name.replace("-", "_")) if name else None
        form = self.get("form")
        if form is not None and not self.is_locale_date() and isinstance(value, DateRange) and not value.end.is_nil():
            show = self.get("date-parts", "year-month-day").split("-")
            text = render_range(self.get_date(form), value, show, self)
            return self.wrap(text) if text is not None else None
        return super().process(item, variable, *args, **kwargs)

    def process(self, item, variable=None, *args, **kwargs):  # noqa: ANN001, ANN201
        # the first rendering of "issued" in a cite or entry carries the year-suffix (see
        # assign_year_suffixes), unless the style places it with cs:text
        state = _RENDERING.get()
        name = variable if variable is not None else self.get("variable")
        if state is None or name != "issued" or state.get("suffix") is None or state.get("date") is not None:
            return self._render(item, variable, *args, **kwargs)
        state["date"] = self
        try:
            text = self._render(item, variable, *args, **kwargs)
        finally:
            if state.get("date") is self:
                state["date"] = None
        if text and state.get("suffix"):
            # a localized date renders through the locale's own cs:date-part elements, which are
            # not ours: put the suffix after the year where it was rendered
            issued = item.reference.get("issued")
            first = issued.begin if isinstance(issued, DateRange) else issued
            year = str(abs(first["year"])) if isinstance(first, dict) and "year" in first else None
            rendered = str(text)
            if year and year in rendered:
                at = rendered.index(year) + len(year)
                text = String(rendered[:at] + state["suffix"] + rendered[at:])
                state["suffix"] = ""
        return text


class DatePart(model.Date_Part):
    def process(self, date, context=None):  # noqa: ANN001, ANN201
        text = super().process(date, context)
        state = _RENDERING.get()
        if (state is not None and self.get("name") == "year" and state.get("date") is not None
                and state.get("suffix") and text):
            text = f"{text}{state['suffix']}"
            state["suffix"] = ""  # once per cite or entry
        return text


# --- year-suffix disambiguation ------------------------------------------------------------------
# CSL 1.0.2, "Disambiguation" / disambiguate-add-year-suffix: "If set to "true" ("false" is the
# default), an alphabetic year-suffix is added to ambiguous cites (e.g. "Doe 2007, Doe 2007" becomes
# "Doe 2007a, Doe 2007b") and to their corresponding bibliographic entries. The assignment of the
# year-suffixes follows the order of the bibliographic entries, and additional letters are used once
# "z" is reached ("z", "aa", "ab", ..., "az", "ba", etc.). By default, the year-suffix is appended to
# the first year rendered through cs:date in the cite and in the bibliographic entry, but its
# location can be controlled by explicitly rendering the "year-suffix" variable using cs:text."
# Cites are ambiguous here when their first-position renderings are identical (see disambiguate).
_RENDERING: ContextVar[dict | None] = ContextVar("sergebib_rendering", default=None)


def _letters(n: int) -> str:
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out


def _letter_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord("a") + 1
    return n


def _ambiguous(render, keys: list[str]) -> list[list[str]]:
    groups: dict[str, list[str]] = {}
    for key in keys:
        groups.setdefault(render(key), []).append(key)
    return [group for group in groups.values() if len(group) > 1]


def _name_count(reference: object) -> int:
    return max((len(reference.get(v) or []) for v in model.NAMES if isinstance(reference.get(v), list)), default=0)


def disambiguate(style: frontend.CitationStylesStyle, bibliography: object, citations: bool = True) -> None:
    """Disambiguate the cites of `bibliography.items` (registered, and sorted where the style
    sorts its bibliography), in the order of CSL 1.0.2 "Disambiguation":

    - disambiguate-add-names: "Names that would otherwise be hidden as a result of et-al
      abbreviation are added one by one to all members of a set of ambiguous cites, until no
      more cites in the set can be disambiguated by adding names" (`add_names` on the
      reference, read by Name.process). Where that fails and a year-suffix can still tell the
      cites apart, or where added names told none of them apart, their names return to the
      style's count (as citeproc-js does);
    - the disambiguate="true" condition (If), tested true for cites still ambiguous: "the
      element content is only rendered if it disambiguates two otherwise identical citations";
    - disambiguate-add-year-suffix (`year_suffix`), in bibliography order.
    Adding given names (disambiguate-add-givenname) is not implemented yet. Without `citations`
    (a bibliography alone), later cites' forms are not examined."""
    citation_element = style.root.citation
    if citation_element is None:
        return
    add_names = citation_element.get("disambiguate-add-names") == "true"
    year_suffix = citation_element.get("disambiguate-add-year-suffix") == "true"
    condition = bool(style.root.xpath_search("//cs:if[@disambiguate='true'] | //cs:else-if[@disambiguate='true']"))
    if not (add_names or year_suffix or condition):
        return
    from citeproc import Citation, CitationItem

    source = bibliography.source
    keys = [item.key for item in bibliography.items]

    def render(key: str, position: str | None = None) -> str:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # `position` is read by our If, not citeproc-py
            item = CitationItem(key) if position is None else CitationItem(key, position=position)
        probe = Citation([item])
        probe.bibliography = bibliography
        return citation_element.layout.render_citation_alone(probe)

    first = {key: render(key) for key in keys}  # first-position renderings, kept up to date

    def ambiguous() -> list[list[str]]:
        return _ambiguous(first.__getitem__, keys)

    if add_names:
        for group in ambiguous():
            pending = list(group)
            best, best_n = 1, None  # the most distinct renderings of the set, and where first
            for n in range(1, max(_name_count(source[k]) for k in group) + 1):
                for key in pending:
                    source[key]["add_names"] = n
                rendered = {key: render(key) for key in group}
                if len(set(rendered.values())) > best:
                    best, best_n = len(set(rendered.values())), n
                pending = [k for k in pending if list(rendered.values()).count(rendered[k]) > 1]
                if not pending:
                    break
            for key in pending:  # names that did not help are not added
                if best_n is None or year_suffix:
                    source[key].pop("add_names", None)
                else:
                    source[key]["add_names"] = best_n
            first.update({key: render(key) for key in group})
    if condition:
        for group in ambiguous():
            for key in group:
                source[key]["disambiguate"] = {"first"}
            first.update({key: render(key) for key in group})
        if citations:
            # a note style's later cites have a short form of their own, ambiguous or not apart
            # from the first cite's (citeproc-js disambiguates cites in the form they are
            # rendered in); the condition is false in bibliographies
            for group in _ambiguous(lambda key: render(key, "subsequent"), keys):
                for key in group:
                    source[key]["disambiguate"] = source[key].get("disambiguate", set()) | {"subsequent"}
    if year_suffix:
        for group in ambiguous():
            for n, key in enumerate(group):
                source[key]["year_suffix"] = _letters(n)


class StyleElement(model.Style):
    # CSL 1.0.2, "Note Distance": near-note-distance defaults to 5. citeproc-py declares the
    # default on cs:citation but looks the option up on cs:style, where a style that does not set
    # it makes every near-note test crash (KeyError).
    _default_options = {**model.Style._default_options, "near-note-distance": 5}


_IMPOSED = {"first": {"first"}, "subsequent": {"subsequent"}, "ibid": {"subsequent", "ibid"},
            "ibid-with-locator": {"subsequent", "ibid", "ibid-with-locator"}}


def _note(cite) -> int | None:  # noqa: ANN001
    return cite.citation.get("note")


def _same_locator(a, b) -> bool:  # noqa: ANN001
    return (a.locator.label, str(a.locator.identifier)) == (b.locator.label, str(b.locator.identifier))


def track_position(cite, earlier: list, distance: int) -> None:  # noqa: ANN001
    """The positions of `cite` after the cites rendered before it in the document (`earlier`),
    kept on the cite (`tracked`, and `first_note` for first-reference-note-number).

    CSL 1.0.2, "Choose" / position: "first": the first cite of the item; "subsequent": any later
    one. "ibid": "the current cite immediately follows on another cite, within the same citation,
    that references the same item, or the current cite is the first cite in the citation, and the
    previous citation consists of a single cite referencing the same item"; then "if neither cite
    has a locator" ibid; the current has one and the preceding not, or both have different ones,
    ibid-with-locator; both the same, ibid; only the preceding has one, neither. As citeproc-js
    reads "the previous citation" in a note style, it is all the citations of the preceding note.
    "near-note": "the current cite is ... cited in a note that lies within near-note-distance of
    the note of the preceding cite of the same item" (note numbers; without them citeproc-py's
    count of citations is kept). "first-reference-note-number" is the note number of the first cite
    of the item (CSL 1.0.2, "Number Variables")."""
    same = [c for c in earlier if c.key == cite.key]
    if not same:
        cite["tracked"] = {"first"}
        return
    holds = {"subsequent"}
    cite["first_note"] = _note(same[0])
    last = earlier[-1]
    if last.citation is cite.citation:
        preceding = [last]
    else:
        note = _note(last)
        preceding = []
        for c in reversed(earlier):
            if c.citation is not last.citation and (note is None or _note(c) != note or _note(cite) == note):
                break
            preceding.append(c)
    if len(preceding) == 1 and preceding[0].key == cite.key:
        before = preceding[0]
        if not cite.has_locator and not before.has_locator:
            holds.add("ibid")
        elif cite.has_locator and (not before.has_locator or not _same_locator(cite, before)):
            holds |= {"ibid", "ibid-with-locator"}
        elif cite.has_locator:
            holds.add("ibid")
    now, then = _note(cite), _note(same[-1])
    if now is not None and then is not None:
        cite["near"] = now - then <= distance
    cite["tracked"] = holds


_CONDITIONS = {"type": "_type", "variable": "_variable", "is-numeric": "_is_numeric",
               "is-uncertain-date": "_is_uncertain_date", "locator": "_locator", "position": "_position"}


def context_in_bibliography(element, context) -> bool:  # noqa: ANN001
    return bool((element if context is None else context).xpath_search("./ancestor-or-self::cs:bibliography"))


class If(model.If):
    def _position(self, item, context):  # noqa: ANN001, ANN202
        # CSL 1.0.2, "Choose" / position: "Whenever position="ibid-with-locator" tests true,
        # position="ibid" also tests true. And whenever position="ibid" or position="near-note"
        # test true, position="subsequent" also tests true." A citation item may carry the
        # position its document gives it (CSL-JSON `position`, `near-note`), as a word processor
        # plugin does; the processor then uses it instead of working it out. Otherwise the
        # positions worked out by track_position hold.
        imposed = item.get("position")
        tracked = item.get("tracked")
        if imposed is None and tracked is None:
            return super()._position(item, context)
        if context is not None and context.xpath_search("./ancestor::*[self::cs:bibliography]"):
            return [False]
        if imposed is not None:
            holds = set(_IMPOSED[imposed])
            if item.get("near_note") and imposed != "first":
                holds.add("near-note")
        else:
            holds = set(tracked)
            near = item.get("near")
            if near is None and "subsequent" in holds:
                positions = self.get("position").split()
                if "near-note" in positions:
                    near = super()._position(item, context)[positions.index("near-note")]
            if near:
                holds.add("near-note")
        return [position in holds for position in self.get("position").split()]

    def render(self, item, context=None, delimiter="", **kwargs):  # noqa: ANN001, ANN201
        # CSL 1.0.2, "Choose" / disambiguate: "When set to "true" (the only allowed value), the
        # element content is only rendered if it disambiguates two otherwise identical
        # citations" (see disambiguate); it is one more test, combined by `match`. As in
        # citeproc-js, an entry shows what disambiguates the item's first cite.
        if self.get("disambiguate") != "true":
            return super().render(item, context, delimiter, **kwargs)
        where = item.get("position") or ("first" if "first" in (item.get("tracked") or {"first"}) else "subsequent")
        if context_in_bibliography(self, context):
            where = "first"
        ambiguous = (where if where == "first" else "subsequent") in (item.reference.get("disambiguate") or ())
        others = [name for name in _CONDITIONS if name in self.attrib]
        results = [ambiguous]
        for name in others:
            results += (self._position(item, context) if name == "position"
                        else getattr(self, _CONDITIONS[name])(item))
        match = self.get("match", "all")
        holds = any(results) if match == "any" else (not any(results)) if match == "none" else all(results)
        if not holds:
            raise model.ConditionFailed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)

    def _variable(self, item):  # noqa: ANN001, ANN202
        # first-reference-note-number is set for a cite whose item was cited before in a note
        names = self.get("variable").split()
        results = super()._variable(item)
        return [r or (n == "first-reference-note-number" and item.get("first_note") is not None)
                for n, r in zip(names, results, strict=True)]


class ElseIf(If, model.Else_If):
    pass


# Text rendered with quotes="true" is marked, around its closing quotation mark, with two more
# private-use sentinels, so that the punctuation which ends up after it once affixes and
# delimiters are joined can be settled when the whole cite or entry is rendered (Layout below).
QUOTE_IN, QUOTE_OUT = "\ue020", "\ue021"
# quotes="true" itself is marked (QUOTE_OPEN ... QUOTE_CLOSE) and typeset with the other quotation
# marks of the cite or entry (see typeset_quotes)
QUOTE_OPEN, QUOTE_CLOSE = "\ue024", "\ue025"
# Straight quotation marks in the data and in cite affixes (not in the style's own text, which is
# printed as written) are marked on the way in (mark_data) and typeset with the rest.
DATA_DQ, DATA_SQ = "\ue026", "\ue027"


_TAG = re.compile(r"(<[^<>]*>)")
# Rich text in field values and cite affixes, as CSL-JSON writes it (CSL 1.0.2, "Rich Text
# Markup" in the CSL-JSON schema's documentation, and citeproc-js): <i>, <b>, <sup>, <sub> and
# <sc> become our formatting marks; <span class="nocase"> is read by citeproc-py itself.
_DATA_TAGS = {"i": "italic", "b": "bold", "sup": "superscript", "sub": "subscript", "sc": "smallcaps"}
_DATA_TAG = re.compile(r"^<(/?)(i|b|sup|sub|sc)>$")


def mark_data(value: str) -> str:
    """Field text for citeproc-py: markup tags as formatting marks, straight quotation marks
    outside tags marked for typeset_quotes (`<span class="nocase">` stays intact)."""
    out = []
    for part in _TAG.split(value):
        tag = _DATA_TAG.match(part)
        if tag:
            style = _DATA_TAGS[tag.group(2)]
            out.append(CLOSE[style] if tag.group(1) else OPEN[style])
        elif part.startswith("<") and part.endswith(">"):
            out.append(part)
        else:
            out.append(part.replace('"', DATA_DQ).replace("'", DATA_SQ))
    return "".join(out)

_CLOSERS = "".join(CLOSE.values())
_OPENERS = "".join(OPEN.values())
_QUOTED = re.compile(f"{QUOTE_IN}([^{QUOTE_OUT}]*){QUOTE_OUT}([{_CLOSERS}]*)([.,]?)")
_MARKERS = re.compile(f"[{QUOTE_IN}{QUOTE_OUT}{QUOTE_OPEN}{QUOTE_CLOSE}{DATA_DQ}{DATA_SQ}]")


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


# CSL 1.0.2, "Appendix V - Page Range Formats": page ranges are "expanded" (321–328), "minimal"
# (321–8), "minimal-two" (321–28) or "chicago" (= "chicago-15"; "chicago-16"), the Chicago Manual
# of Style's rules: under 100 or a multiple of 100, expanded; 101–109 and the like, minimal; 110–199
# and the like, minimal-two (chicago-15: a four-digit range changing three digits or more is
# expanded). A shortened second number is first expanded from the first ("110-5" = 110–115). The
# parts of a range are numbers with the same prefix ("n11564-n1568"); other ranges ("N110-5")
# print as written, without spaces around the hyphen, as citeproc-js prints them.
_PAGE_PART = re.compile(r"^(.*?)(\d+)$")


def _page_range(first: str, last: str, fmt: str, delimiter: str) -> str:
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
    def _process(self, value, variable):  # noqa: ANN001, ANN202
        fmt = self.get_root().get("page-range-format")
        if variable != "page" or not fmt:
            return super()._process(value, variable)
        delimiter = str(self.get_single_term(name="page-range-delimiter") or "") or "\u2013"
        out = []
        for part in re.split(r"(\s*[,&]\s*)", str(value)):
            pieces = re.split(r"\s*[-\u2013]+\s*", part)
            out.append(_page_range(pieces[0], pieces[1], fmt, delimiter) if len(pieces) == 2 else part)
        return "".join(out)


class Number(_Seamed, PageRanges, model.Number):
    pass


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


def _merged(first: str, second: str) -> str | None:
    if first == second or (second in ".:" and first in ";!?") or (second == "." and first == ":"):
        return first
    if second in "!?" and first in ":;":
        return second
    return None


def merge_at_seams(text: str) -> str:
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
    return text.replace(SEAM, "")



def _merge_punctuation(text: str) -> str:
    def merge(match: re.Match[str]) -> str:
        first, closers, second = match.groups()
        if second == first or (second == "." and first in "?!"):
            return first + closers
        return match.group()

    return _PUNCTUATION_ACROSS_FORMATTING.sub(merge, text)


class Text(_Seamed, PageRanges, model.Text):
    def quote(self, string):  # noqa: ANN001, ANN201
        # CSL 1.0.2, "Formatting" / quotes: wrapped in quotation marks, which Layout typesets
        # (typeset_quotes, then settle_quotes for punctuation-in-quote)
        if self.get("quotes", "false").lower() != "true":
            return string
        return String(QUOTE_OPEN) + string + String(QUOTE_CLOSE)

    def _variable(self, item, context):  # noqa: ANN001, ANN202
        # CSL 1.0.2, "Number Variables": first-reference-note-number, "the number of a note
        # containing the first reference to the item" (see track_position)
        if self.get("variable") == "first-reference-note-number":
            note = item.get("first_note")
            return None if note is None else str(note)
        return super()._variable(item, context)

    def process(self, item, context=None, **kwargs):  # noqa: ANN001, ANN201
        # a cs:text value is read like field text (rich text and quotation marks), as citeproc-js
        # reads it; affixes are printed as written
        text, language = super().process(item, context, **kwargs)
        if not any(a in self.attrib for a in ("variable", "macro", "term")) and "value" in self.attrib:
            text = String(mark_data(self.get("value")))
        return text, language

    def case(self, text, language=None):  # noqa: ANN001, ANN201
        # title case by the rules above (see title_case); citeproc-py capitalized words inside
        # compounds wrongly and lowercased the last word of a title when it was a stop word.
        # As before, only English items are title-cased (CSL 1.0.2 "Non-English Items").
        if self.get("text-case") != "title" or language != "en" or not str(text):
            return super().case(text, language)
        parts = list(text) if isinstance(text, MixedString) else [text]
        segments = [(str(p), isinstance(p, NoCase)) for p in parts]
        cased = title_case(segments)
        return MixedString([NoCase(t) if protected else String(t)
                            for t, (_, protected) in zip(cased, segments, strict=True)])


class Label(_Seamed, model.Label):
    def process(self, item, variable=None, plural=None, context=None, **kwargs):  # noqa: ANN001, ANN201
        # CSL 1.0.2, "Label": the term of the variable is printed "only if the selected variable
        # is non-empty"; citeproc-py printed a label ("p.") for an item without the variable.
        # (A label inside cs:names is given its variable by cs:names, which renders names.)
        if variable is None:
            name = self.get("variable", "")
            if name == "locator":
                if not item.has_locator:
                    return None
            elif not item.reference.get(name.replace("-", "_")):
                return None
        return super().process(item, variable, plural, context, **kwargs)


class Group(_Seamed, model.Group):
    pass


class Names(_Seamed, model.Names):
    def render(self, item, *args, **kwargs):  # noqa: ANN001, ANN201
        # The first cs:names element rendered in a bibliography entry records its names (without
        # its affixes) for subsequent-author-substitute (Layout.render_bibliography).
        context = kwargs.get("context")
        found = (self if context is None else context).xpath_search("./ancestor-or-self::cs:layout[1]")
        state = getattr(found[0], "first_names", None) if found else None
        if state is None or "names" in state:
            return super().render(item, *args, **kwargs)
        state["names"] = None  # claimed: names rendered inside this element do not count
        if state.get("suppress"):
            return None  # a cite collapsed into its group (Layout.render_citation)
        text = self.process(item, *args, **kwargs)
        if text:
            state["names"] = str(text)
        return self.markup(text)


class Layout(model.Layout):
    def render_children(self, item, *args, **kwargs):  # noqa: ANN001, ANN201
        # each cite and each entry is rendered here: track what it has rendered so far
        explicit = self.get_root().xpath_search("//cs:text[@variable='year-suffix']")
        suffix = None if explicit else item.reference.get("year_suffix")
        token = _RENDERING.set({"suffix": suffix, "date": None})
        try:
            return super().render_children(item, *args, **kwargs)
        finally:
            _RENDERING.reset(token)

    def render_citation_alone(self, citation) -> str:  # noqa: ANN001
        """A cite rendered as if it were the first and only one, for disambiguation."""
        return str(self.getparent().render(citation, [], lambda item: None))

    def _punctuation_in_quote(self) -> bool:
        return (self.get_locale_option("punctuation-in-quote") or "false").lower() == "true"

    def _finish(self, text: str, piq: bool) -> str:
        terms = {name: str(self.get_single_term(name=name)) for name in
                 ("open-quote", "close-quote", "open-inner-quote", "close-inner-quote")}
        return _merge_punctuation(settle_quotes(typeset_quotes(merge_at_seams(text), terms), piq))

    def render_citation(self, citation, callback):  # noqa: ANN001, ANN201
        """CSL 1.0.2, "Sorting": "Cites within a citation are sorted ... When cs:sort is absent
        [in cs:citation], cites are rendered in the order they were given". citeproc-py first put
        them in the order the works were first cited in the document; we keep the given order
        and only apply the style's own sort."""
        known = [cite for cite in citation.cites if not cite.is_bad()]
        sort = self.getparent().sort
        ordered = sort.sort(known, self) if sort is not None else known
        rendered_cites = []
        citation_element = self.getparent()
        distance = int(citation_element.get("near-note-distance")
                       or self.get_root().get("near-note-distance") or 5)
        for cite in ordered:
            for name in ("tracked", "near", "first_note"):
                cite.pop(name, None)
            if getattr(citation_element, "cites", None) is not None:
                track_position(cite, citation_element.cites, distance)
            rendered, names = self._render_cite(cite)
            if rendered is not None:
                rendered_cites.append((cite, rendered, names))
                self.getparent().cites.append(cite)
        pieces = self._collapse(rendered_cites)
        for cite in citation.cites:
            if cite.is_bad():
                pieces.append((callback(cite) or f"{cite.key}?", False))
        if not pieces:
            return self._finish("", self._punctuation_in_quote())
        delimiter = self.get("delimiter", "")
        after_collapse = citation_element.get("after-collapse-delimiter", delimiter)
        joined = pieces[0][0]
        for (_, collapsed), (piece, _) in zip(pieces, pieces[1:], strict=False):
            # a cite whose prefix opens with punctuation (", cited in ...") takes the place of
            # the delimiter, as citeproc-js has it (CSL 1.0.2 leaves affix punctuation to the
            # processor: "Delimiter", "Affixes")
            if str(piece).lstrip(_SEAM_NOISE)[:1] in (",", ";", ".", ":"):
                joined = joined + piece
                continue
            joined = joined + String(after_collapse if collapsed else delimiter) + piece
        text = self.format(self.wrap(joined))
        return self._finish(str(text) if text is not None else "", self._punctuation_in_quote())

    def _render_cite(self, cite, suppress_names: bool = False):  # noqa: ANN001, ANN202
        """-> (the cite with its prefix and suffix, or None; the names its first cs:names
        rendered). With `suppress_names`, that cs:names renders nothing."""
        self.repressed = {}
        self.first_names = {"suppress": True} if suppress_names else {}
        try:
            rendered = self.render_children(cite)
        except model.VariableError:
            rendered = None
        finally:
            state = self.first_names
            del self.first_names
        if rendered is None:
            return None, None
        return cite.get("prefix", "") + rendered + cite.get("suffix", ""), state.get("names")

    def _collapse(self, rendered_cites: list) -> list:
        """[(cite, text, names)] -> [(text, collapsed)], grouped and collapsed.

        CSL 1.0.2, "Cite Grouping": "cites with identical rendered names are grouped together"
        at the place of the first of them, when cite-group-delimiter is set or collapse is
        "year", "year-suffix" or "year-suffix-ranged"; the cites of a group are delimited by
        cite-group-delimiter (default ", "). "Cite Collapsing": with collapse="year", "the names
        of subsequent cites in a group are suppressed" ("(Doe 2000, 2001; Jones 2000)");
        "citation-number" collapses "ranges of cite numbers ... (e.g. "[1–3]")" where three or
        more follow one another; after-collapse-delimiter (default: the layout's delimiter)
        follows a collapsed group or range. A cite with a prefix, suffix or locator is not
        collapsed. For "year-suffix" and "year-suffix-ranged" see _year_suffixes."""
        element = self.getparent()
        collapse = element.get("collapse")
        if collapse == "citation-number":
            return self._collapse_numbers(rendered_cites)
        grouping = element.get("cite-group-delimiter") is not None or collapse in (
            "year", "year-suffix", "year-suffix-ranged")
        if not grouping:
            return [(text, False) for _, text, _ in rendered_cites]
        groups: dict[str, list] = {}
        for cite, text, names in rendered_cites:
            groups.setdefault(names or "", []).append((cite, text))  # no names: one group too (citeproc-js)
        group_delimiter = String(element.get("cite-group-delimiter", ", "))
        after_collapse = String(element.get("after-collapse-delimiter", self.get("delimiter", "")))
        # year-suffix-delimiter defaults to the layout's delimiter (as citeproc-js and the test
        # suite have it, to cite-group-delimiter where the style sets that)
        suffix_delimiter = String(element.get("year-suffix-delimiter", element.get(
            "cite-group-delimiter", self.get("delimiter", ""))))
        out = []
        for members in groups.values():
            # [(text, year key or None, year-suffix)] for each cite of the group
            shown = []
            for n, (cite, text) in enumerate(members):
                plain = not any(cite.get(k) for k in ("prefix", "suffix", "locator"))
                short = None
                if collapse is not None and plain:
                    short, _ = self._render_cite(cite, suppress_names=True)
                if n and short is not None:
                    text = short
                letter = cite.reference.get("year_suffix")
                key = None
                if collapse in ("year-suffix", "year-suffix-ranged") and short is not None and letter:
                    bare = str(short).replace(SEAM, "")
                    key = re.sub(rf"(\d){re.escape(letter)}", r"\1", bare, count=1)
                    key = key if key != bare else None
                shown.append((text, key, letter))
            texts = []
            for text, key, letter in shown:
                if texts and key is not None and texts[-1][1] == key:
                    texts[-1][2].append((text, letter))
                else:
                    texts.append((text, key, [(text, letter)]))
            runs = [run for _, _, run in texts]
            joined = self._year_suffixes(runs[0], collapse == "year-suffix-ranged", suffix_delimiter)
            for before, run in zip(runs, runs[1:], strict=False):
                # after year-suffixes collapsed, after-collapse-delimiter (as citeproc-js has it)
                joined = joined + (after_collapse if len(before) > 1 else group_delimiter)
                joined = joined + self._year_suffixes(run, collapse == "year-suffix-ranged", suffix_delimiter)
            out.append((joined, len(members) > 1 and collapse is not None))
        return out

    def _year_suffixes(self, run: list, ranged: bool, delimiter: str):  # noqa: ANN202
        """CSL 1.0.2, "Cite Collapsing": with collapse="year-suffix", cites of a group that share
        their year show only their year-suffix after the first ("(Doe 2000a, b)"), delimited by
        year-suffix-delimiter; "year-suffix-ranged" also collapses three or more consecutive
        suffixes into a range ("2000a–c")."""
        if len(run) == 1:
            return run[0][0]
        texts = [run[0][0]] + [String(letter) for _, letter in run[1:]]
        order = [_letter_index(letter) for _, letter in run]
        pieces, start = [], 0
        for i in range(1, len(run) + 1):
            if i < len(run) and order[i] == order[i - 1] + 1:
                continue
            if ranged and i - start >= 3:
                pieces.append(texts[start] + String("\u2013" + run[i - 1][1]))
            else:
                pieces.extend(texts[start:i])
            start = i
        joined = pieces[0]
        for piece in pieces[1:]:
            joined = joined + delimiter + piece
        return joined

    def _collapse_numbers(self, rendered_cites: list) -> list:
        out: list = []
        run: list = []

        def flush() -> None:
            if len(run) >= 3:
                out.append((run[0][1] + String("\u2013") + run[-1][1], True))
            else:
                out.extend((text, False) for _, text in run)
            run.clear()

        for cite, text, _ in rendered_cites:
            plain = not any(cite.get(k) for k in ("prefix", "suffix", "locator"))
            if plain and run and cite.number == run[-1][0].number + 1:
                run.append((cite, text))
                continue
            flush()
            if plain:
                run.append((cite, text))
            else:
                out.append((text, False))
        flush()
        return out

    def render_bibliography(self, citation_items):  # noqa: ANN001, ANN201
        """-> one text per item, None for an item that renders to nothing (citeproc-py drops
        those, which loses the pairing of items and entries).

        CSL 1.0.2, "Reference Grouping" / subsequent-author-substitute: "If set, the value of
        this attribute replaces names in a bibliographic entry that also occur in the preceding
        entry." With the default rule "complete-all", "when all rendered names of the name
        variable match those in the preceding bibliographic entry, the value ... replaces the
        entire name list (including punctuation and terms like "et al" and "and"), but not the
        affixes set on the cs:names element." The other rules are not implemented yet."""
        piq = self._punctuation_in_quote()
        bibliography = self.getparent()
        substitute = bibliography.get("subsequent-author-substitute")
        if not getattr(self, "substitute_authors", True):
            substitute = None
        rule = bibliography.get("subsequent-author-substitute-rule", "complete-all")
        out: list[str | None] = []
        previous = None
        for item in citation_items:
            self.first_names: dict[str, str | None] = {}
            try:
                rendered = super().render_bibliography([item])
            finally:
                state = self.first_names
                del self.first_names
            if not rendered:
                out.append(None)
                previous = None
                continue
            text = str(rendered[0])
            names = state.get("names")
            if names and substitute is not None and rule == "complete-all" and names == previous and names in text:
                at = text.index(names)
                text = text[:at] + substitute + text[at + len(names):]
            previous = names
            out.append(self._finish(text, piq))
        return out


_SORT_NOISE = re.compile(
    f"[{QUOTE_IN}{QUOTE_OUT}{QUOTE_OPEN}{QUOTE_CLOSE}{DATA_DQ}{DATA_SQ}{_OPENERS}{_CLOSERS}{SEAM}]")


class Key(model.Key):
    def sort_keys(self, items, context):  # noqa: ANN001, ANN201
        # sort keys rendered through macros, or taken from field text, must not carry our
        # quotation and formatting sentinels
        keys = super().sort_keys(items, context)
        return [_SORT_NOISE.sub("", str(k)) if k is not None and _SORT_NOISE.search(str(k)) else k for k in keys]


OVERRIDES: dict[str, type] = {"name": Name, "date": Date, "style": StyleElement, "if": If, "else-if": ElseIf,
                              "text": Text, "layout": Layout, "key": Key, "names": Names,
                              "date-part": DatePart, "number": Number, "label": Label,
                              "group": Group}


class _MacroLookup:
    """Not a CSL rule, a cost: citeproc-py finds a macro by an XPath query at every call, and asks
    macros again and again whether they call a variable (cs:group's suppression rule); both
    answers are fixed for a style, so they are kept on the parsed style (macros by name on the
    root element, the answer on the macro, kept alive by the root's table)."""

    def get_macro(self, name):  # noqa: ANN001, ANN201
        root = self.get_root()
        table = getattr(root, "macro_table", None)
        if table is None:
            table = root.macro_table = {}
        if name not in table:
            table[name] = super().get_macro(name)
        return table[name]


class Macro(model.Macro):
    def calls_variable(self) -> bool:
        known = getattr(self, "calls_a_variable", None)
        if known is None:
            known = self.calls_a_variable = super().calls_variable()
        return known


OVERRIDES["macro"] = Macro
_CLASSES: dict[str, type] = {}


def _element_classes() -> dict[str, type]:
    if not _CLASSES:
        classes = {cls.__name__.replace("_", "-").lower(): cls
                   for cls in model.CitationStylesElement.__subclasses__()}
        classes.update(OVERRIDES)
        _CLASSES.update({tag: type(cls.__name__, (_MacroLookup, cls), {}) for tag, cls in classes.items()})
    return _CLASSES


class _ExtendedXML(frontend.CitationStylesXML):
    def __init__(self, f: object, validate: bool = True) -> None:
        lookup = etree.ElementNamespaceClassLookup()
        namespace = lookup.get_namespace(_CSL_NS)
        namespace[None] = model.CitationStylesElement
        namespace.update(_element_classes())
        self.parser = etree.XMLParser(remove_comments=True, encoding="UTF-8", no_network=True)
        self.parser.set_element_class_lookup(lookup)
        self.xml = etree.parse(f, self.parser)
        self.root = self.xml.getroot()


class Style(frontend.CitationStylesStyle, _ExtendedXML):
    """citeproc-py's style, built with our element classes (MRO puts _ExtendedXML's parsing under
    CitationStylesStyle's style lookup and locale handling). Schema validation is not run: styles
    in the official repository are valid, and our own are checked by a test."""
