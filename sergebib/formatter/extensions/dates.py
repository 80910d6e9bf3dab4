"""cs:date and cs:date-part: ranges, seasons, empty parts, the year-suffix's place."""

from __future__ import annotations

import re

from citeproc import model
from citeproc.source import DateRange
from citeproc.string import String

from .common import RENDERING
from .markup import _Seamed
from .sorting import date_sort_key, in_sort_key

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


_RAW = re.compile(r"^(-?\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


def raw_date(value: dict) -> dict:
    """A CSL-JSON date given as a string to be parsed ("raw") -> its "date-parts" (ISO 8601 dates
    and ranges: "1999-06", "1999/2001"), or else a "literal" date, printed as written (CSL-JSON
    schema: "raw", "literal"; citeproc-js prints an unparsed string as it stands). citeproc-py
    read neither and printed nothing."""
    if value.get("date-parts") or "literal" in value or not isinstance(value.get("raw"), str):
        return value
    out = {k: v for k, v in value.items() if k not in ("raw", "date-parts")}
    ends = [_RAW.match(part.strip()) for part in value["raw"].split("/")]
    if 1 <= len(ends) <= 2 and all(ends):
        out["date-parts"] = [[int(x) for x in end.groups() if x] for end in ends]
    else:
        out["literal"] = value["raw"]
    return out


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
        # in a macro rendered as a sort key, a date is its YYYYMMDD key (sorting.date_sort_key)
        if in_sort_key():
            return date_sort_key(self, item, variable)
        # the first rendering of "issued" in a cite or entry carries the year-suffix (see
        # assign_year_suffixes), unless the style places it with cs:text
        state = RENDERING.get()
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
        state = RENDERING.get()
        if (state is not None and self.get("name") == "year" and state.get("date") is not None
                and state.get("suffix") and text):
            text = f"{text}{state['suffix']}"
            state["suffix"] = ""  # once per cite or entry
        return text


