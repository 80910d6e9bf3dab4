"""Dates as real bibliographies need them: partial, ranged, uncertain, approximate, or absent.

The text form is the biblatex/EDTF level-1 subset used in `bibliography.bib`:
`1930`, `1937-01`, `1933-06-25`, `1993-21` (season: 21 spring … 24 winter), `1929/1930`,
`1948?` (uncertain), `1951~` (approximate), `1936%` (both). "No date" is its own value,
`EDTFDate.undated()`, written `XXXX` (EDTF: year unspecified; biber accepts it and biblatex prints
no date), so that an undated work is said to be undated rather than left blank.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator

_PART = r"(?P<{p}y>-?\d{{4}})(?:-(?P<{p}m>\d{{2}})(?:-(?P<{p}d>\d{{2}}))?)?(?P<{p}q>[?~%])?"
_DATE_RE = re.compile(
    "^" + _PART.format(p="a") + r"(?:/(?:" + _PART.format(p="b") + r"|(?P<open>\.\.)?))?$"
)
SEASONS = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}


class DateError(ValueError):
    """A date string that is not in the accepted biblatex/EDTF form."""


class DatePart(BaseModel):
    """One point in time, as precise as the source gives it."""

    model_config = ConfigDict(frozen=True)

    year: int
    month: int | None = None
    day: int | None = None
    season: int | None = None  # 21-24, EDTF seasons
    uncertain: bool = False
    approximate: bool = False

    @model_validator(mode="after")
    def _check(self) -> DatePart:
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is not between 1 and 12")
        if self.day is not None:
            if self.month is None:
                raise ValueError("a day needs a month")
            import calendar

            last = calendar.monthrange(self.year if self.year > 0 else 2000, self.month)[1]
            if not 1 <= self.day <= last:
                raise ValueError(f"day {self.day} does not exist in {self.year}-{self.month:02d}")
        if self.season is not None and self.season not in SEASONS:
            raise ValueError(f"season {self.season} is not one of 21-24")
        return self

    def to_edtf(self) -> str:
        text = f"{self.year:04d}"
        if self.season is not None:
            text += f"-{self.season}"
        elif self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        if self.uncertain and self.approximate:
            text += "%"
        elif self.uncertain:
            text += "?"
        elif self.approximate:
            text += "~"
        return text

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)


class EDTFDate(BaseModel):
    """A date or date range; `nodate=True` records an explicitly undated work."""

    model_config = ConfigDict(frozen=True)

    start: DatePart | None = None
    end: DatePart | None = None
    open_end: bool = False
    nodate: bool = False

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        if isinstance(value, str):
            return _parse(value)
        if isinstance(value, int):
            return {"start": {"year": value}}
        return value

    @model_validator(mode="after")
    def _check(self) -> EDTFDate:
        if self.nodate:
            if self.start or self.end:
                raise ValueError("an undated value cannot also carry a date")
            return self
        if self.start is None:
            raise ValueError("a date needs at least a year")
        if self.end is not None and self.end.sort_key() < self.start.sort_key():
            raise ValueError(f"range ends ({self.end.to_edtf()}) before it starts ({self.start.to_edtf()})")
        return self

    @classmethod
    def parse(cls, text: str) -> EDTFDate:
        try:
            return cls.model_validate(text)
        except ValueError as exc:  # pydantic's ValidationError is a ValueError
            raise DateError(_first_message(exc)) from None

    @classmethod
    def undated(cls) -> EDTFDate:
        return cls(nodate=True)

    @property
    def year(self) -> int | None:
        return self.start.year if self.start else None

    @property
    def uncertain(self) -> bool:
        return bool(self.start and (self.start.uncertain or (self.end and self.end.uncertain)))

    def to_edtf(self) -> str:
        if self.nodate:
            return "XXXX"  # EDTF level 1: year unspecified
        assert self.start is not None
        text = self.start.to_edtf()
        if self.end is not None:
            text += "/" + self.end.to_edtf()
        elif self.open_end:
            text += "/.."
        return text

    def __str__(self) -> str:
        return self.to_edtf()


def _first_message(exc: Exception) -> str:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        return "; ".join(str(e.get("msg", "")).removeprefix("Value error, ") for e in errors())
    return str(exc)


def _part(match: re.Match[str], p: str) -> dict[str, Any]:
    y, m, d, q = (match.group(p + x) for x in "ymdq")
    part: dict[str, Any] = {"year": int(y)}
    if m is not None:
        if 21 <= int(m) <= 24 and d is None:
            part["season"] = int(m)
        else:
            part["month"] = int(m)
    if d is not None:
        part["day"] = int(d)
    part["uncertain"] = q in ("?", "%")
    part["approximate"] = q in ("~", "%")
    return part


def _parse(text: str) -> dict[str, Any]:
    text = text.strip()
    if text.upper() == "XXXX" or text.lower() in ("nodate", "n.d.", "nd"):
        return {"nodate": True}
    match = _DATE_RE.match(text)
    if not match:
        raise ValueError(
            f"'{text}' is not a date; use YYYY, YYYY-MM, YYYY-MM-DD, a range A/B, "
            "with ? (uncertain) or ~ (approximate)"
        )
    value: dict[str, Any] = {"start": _part(match, "a")}
    if match.group("by"):
        value["end"] = _part(match, "b")
    elif match.group("open"):
        value["open_end"] = True
    return value
