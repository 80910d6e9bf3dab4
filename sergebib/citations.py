"""The citation map: every citation in the five source documents, resolved to records.

Stored as plain TOML, one file per document (docs/citation-map.md), validated on load like the
bibliography: problems are data with file, line and reason."""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .io.problems import Problem

if TYPE_CHECKING:
    from .library import Library

LABELS = ("page", "volume", "chapter", "section", "line", "note", "folio", "paragraph", "column", "book",
          "part", "figure", "issue", "number", "opus", "sub-verbo", "verse")


class CitedWork(BaseModel):
    """One work cited in an occurrence, with the locator as given."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str
    locator: str | None = None
    label: str = "page"
    how: str | None = None  # "ibid", "op. cit.", "short title", "first published as", ...

    @model_validator(mode="after")
    def _label(self) -> CitedWork:
        if self.label not in LABELS:
            raise ValueError(f"locator label '{self.label}' is not a CSL label ({', '.join(LABELS[:6])}, ...)")
        return self


class Occurrence(BaseModel):
    """A note (or a passage of prose) in a source document, and what it cites."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    document: str
    seed: str
    line: int = Field(ge=1)
    text: str
    chapter: str | None = None
    note: int | None = Field(default=None, ge=1)
    printed: int | None = None  # the number as printed, where OCR garbled it
    cites: tuple[CitedWork, ...] = ()
    nothing: str | None = None
    unresolved: tuple[str, ...] = ()
    order: int = 0  # position in the document's sequence

    @model_validator(mode="after")
    def _says_something(self) -> Occurrence:
        if not (self.cites or self.nothing or self.unresolved):
            raise ValueError("an occurrence needs `cites`, `nothing` (with a reason) or `unresolved`")
        if self.nothing and self.cites:
            raise ValueError("an occurrence cannot both cite works and say it cites `nothing`")
        return self

    @property
    def where(self) -> str:
        if self.note is None:
            return f"line {self.line}"
        return f"n. {self.chapter}.{self.note}" if self.chapter else f"n. {self.note}"


class CitationMap:
    """All occurrences, in document order, indexed by document and by cited key."""

    def __init__(self, occurrences: Iterable[Occurrence] = (), problems: list[Problem] | None = None):
        self.occurrences = list(occurrences)
        self.problems = list(problems or [])
        self._by_doc: dict[str, list[Occurrence]] = defaultdict(list)
        self._by_key: dict[str, list[Occurrence]] = defaultdict(list)
        for occ in self.occurrences:
            self._by_doc[occ.document.lower()].append(occ)
            for cite in occ.cites:
                self._by_key[cite.key.lower()].append(occ)

    def documents(self) -> list[str]:
        return sorted({o.document for o in self.occurrences})

    def in_document(self, document: str) -> list[Occurrence]:
        return list(self._by_doc.get(document.lower(), []))

    def citing(self, key: str) -> list[Occurrence]:
        return list(self._by_key.get(key.lower(), []))


def read_citation_files(paths: Iterable[Path], known_keys: set[str] | None = None,
                        seeds: Path | None = None) -> tuple[list[Occurrence], list[Problem]]:
    """Read citation files in order as one sequence -> (occurrences, problems). `known_keys`
    (lower case) enables the key check, `seeds` (the folder of source documents) the line-range
    check; note numbering is checked once, across all the files (a document may be split)."""
    occurrences: list[Occurrence] = []
    places: list[tuple[str, int | None]] = []  # (file, TOML line) of each occurrence
    problems: list[Problem] = []
    for path in paths:
        occ, where, probs = _read_one(path, known_keys, seeds, start=len(occurrences))
        occurrences += occ
        places += where
        problems += probs
    return occurrences, problems + _check_numbering(occurrences, places)


def read_citation_file(path: Path, known_keys: set[str] | None = None,
                       seeds: Path | None = None) -> tuple[list[Occurrence], list[Problem]]:
    return read_citation_files([path], known_keys, seeds)


def _read_one(path: Path, known_keys: set[str] | None, seeds: Path | None,
              start: int) -> tuple[list[Occurrence], list[tuple[str, int | None]], list[Problem]]:
    file = str(path)
    problems: list[Problem] = []
    raw = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        line = int(m.group(1)) if (m := re.search(r"line (\d+)", str(exc))) else None
        return [], [], [Problem("error", f"not valid TOML: {exc}", file, line)]
    starts = [i + 1 for i, ln in enumerate(raw.splitlines()) if ln.strip() == "[[occurrence]]"]
    document, seed = data.get("document"), data.get("seed")
    if not isinstance(document, str) or not isinstance(seed, str) or not re.fullmatch(r"\d{3}", seed):
        return [], [], [Problem("error", "the file needs `document` (a record key) and `seed` (e.g. \"003\")",
                                file, 1)]
    if known_keys is not None and document.lower() not in known_keys:
        problems.append(Problem("error", f"document '{document}' is not a record", file, 1, document))
    n_lines = None
    if seeds is not None:
        seed_files = sorted(seeds.glob(f"{seed}_*.txt"))
        if seed_files:
            n_lines = len(seed_files[0].read_text(encoding="utf-8").splitlines())
    occurrences: list[Occurrence] = []
    places: list[tuple[str, int | None]] = []
    for i, item in enumerate(data.get("occurrence", [])):
        tline = starts[i] if i < len(starts) else None
        try:
            occ = Occurrence(document=document, seed=seed, order=start + len(occurrences), **item)
        except (ValidationError, TypeError) as exc:
            msg = "; ".join(_error_text(e) for e in exc.errors()) if isinstance(exc, ValidationError) else str(exc)
            problems.append(Problem("error", msg, file, tline))
            continue
        if n_lines is not None and occ.line > n_lines:
            problems.append(Problem("error", f"line {occ.line} is beyond the end of seed {seed} ({n_lines} lines)",
                                    file, tline))
        if known_keys is not None:
            for cite in occ.cites:
                if cite.key.lower() not in known_keys:
                    problems.append(Problem("error", f"{occ.where}: cited key '{cite.key}' is not a record",
                                            file, tline, cite.key))
        occurrences.append(occ)
        places.append((file, tline))
    return occurrences, places, problems


def _error_text(error: dict) -> str:
    where = ".".join(map(str, error["loc"]))
    msg = error["msg"].removeprefix("Value error, ")
    return f"{where}: {msg}" if where else msg


def _check_numbering(occurrences: list[Occurrence], places: list[tuple[str, int | None]]) -> list[Problem]:
    problems = []
    seen: set[tuple[str, str | None, int]] = set()
    by_chapter: dict[tuple[str, str | None], list[int]] = defaultdict(list)
    first_file: dict[str, str] = {}
    for occ, (file, tline) in zip(occurrences, places, strict=True):
        first_file.setdefault(occ.document, file)
        if occ.note is None:
            continue
        k = (occ.document, occ.chapter, occ.note)
        if k in seen:
            problems.append(Problem("error", f"{occ.where} appears twice", file, tline))
        seen.add(k)
        by_chapter[(occ.document, occ.chapter)].append(occ.note)
    for (document, chapter), numbers in by_chapter.items():
        missing = sorted(set(range(1, max(numbers) + 1)) - set(numbers))
        if missing:
            where = f"{document} chapter {chapter}" if chapter else f"{document}'s notes"
            problems.append(Problem("warning", f"{where}: note(s) {_ranges(missing)} are not mapped",
                                    first_file[document]))
    return problems


def _ranges(numbers: list[int]) -> str:
    out, start = [], None
    for a, b in zip(numbers, numbers[1:] + [None], strict=True):
        start = a if start is None else start
        if b != a + 1:
            out.append(f"{start}" if start == a else f"{start}-{a}")
            start = None
    return ", ".join(out)


def load_citation_map(folder: Path, lib: Library | None = None, seeds: Path | None = None,
                      extra_keys: Iterable[str] = ()) -> CitationMap:
    known = ({k.lower() for k in lib.keys()} | {k.lower() for k in extra_keys}) if lib is not None else None
    return CitationMap(*read_citation_files(sorted(folder.glob("*.toml")), known, seeds))


def default_seeds() -> Path | None:
    """../shared/seeds beside a source checkout, when present (for the line-range check)."""
    here = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    return here if here.is_dir() else None


# --- reports over the map -------------------------------------------------------------------
def coverage(lib: Library) -> list[dict]:
    """Per document: notes total, notes with citations, notes citing nothing, occurrences
    resolved and unresolved (with the unresolved parts listed)."""
    rows = []
    for doc in lib.citation_map.documents():
        occ = lib.citations(doc)
        notes = [o for o in occ if o.note is not None]
        rows.append({
            "document": doc,
            "notes": len(notes),
            "notes_citing": sum(1 for o in notes if o.cites),
            "notes_nothing": sum(1 for o in notes if o.nothing),
            "prose": sum(1 for o in occ if o.note is None),
            "resolved": sum(len(o.cites) for o in occ),
            "unresolved": [(o.where, u) for o in occ for u in o.unresolved],
        })
    return rows


def most_cited(lib: Library, top: int = 20) -> list[tuple[str, int, dict[str, int]]]:
    """(key, total, {document: count}) for the most cited works; a note counts once per work."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for occ in lib.citations():
        for key in {c.key.lower() for c in occ.cites}:
            counts[key][occ.document] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:top]
    return [(lib[k].key, sum(v.values()), dict(v)) for k, v in ranked]
