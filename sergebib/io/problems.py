"""Problems found while reading or validating: data, not exceptions, so one bad entry never hides
the rest of a file. `validate` turns them into an exit code."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    severity: Severity
    reason: str
    file: str | None = None
    line: int | None = None
    key: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = ":".join(str(x) for x in (self.file or "<string>", self.line) if x is not None)
        what = " ".join(x for x in (self.key, f"[{self.field}]" if self.field else None) if x)
        return f"{where}: {self.severity}: {what + ': ' if what else ''}{self.reason}"


class BibliographyError(ValueError):
    """Raised by strict entry points (e.g. `load(..., strict=True)`) with every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = "\n".join(str(p) for p in problems[:20])
        more = f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{len(problems)} problem(s):\n{lines}{more}")
