"""biblatex text -> records. Lenient: every entry that cannot become a valid record is kept verbatim
(a `RawBlock`) and reported as a `Problem` with file, line, key, field and reason."""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from ..model import Contributor, EDTFDate, Name, Relation, Role, SourceRef, Work
from .problems import Problem
from .tables import BABEL_TO_BCP47, ENTRYSUBTYPE, FIELD_BY_BIB, RELATEDTYPE, read_type
from .text import VERBATIM_FIELDS, latex_to_unicode

if TYPE_CHECKING:
    from bibtexparser import model as bpm

# bibtexparser logs each unreadable block; we report them as Problems instead (set before its
# import, which happens on the first read: `import sergebib` does not pay for bibtexparser)
logging.getLogger("bibtexparser").setLevel(logging.ERROR)


@dataclass
class RawBlock:
    """A block kept as written: a comment, @string, @preamble, or an entry we could not read."""

    text: str
    line: int
    key: str | None = None


@dataclass
class ParseResult:
    items: list[Work | RawBlock]
    problems: list[Problem]
    lines: dict[str, int]  # key (lower) -> 1-based line of the entry
    field_lines: dict[tuple[str, str], int]  # (key lower, field) -> line


def read_biblatex(text: str, file: str | None = None) -> ParseResult:
    import bibtexparser
    from bibtexparser import model as bpm

    library = bibtexparser.parse_string(text)
    result = ParseResult([], [], {}, {})
    for block in library.blocks:
        line = block.start_line + 1
        if isinstance(block, bpm.Entry):
            work = _entry_to_work(block, file, result)
            if work is None:
                result.items.append(RawBlock(block.raw.strip(), line, block.key))
            else:
                result.items.append(work)
            result.lines[block.key.lower()] = line
        elif isinstance(block, bpm.ParsingFailedBlock):
            reason = _failure_reason(block)
            result.problems.append(Problem("error", f"cannot parse: {reason}", file, line,
                                           getattr(block, "key", None)))
            result.items.append(RawBlock(block.raw.strip(), line))
        else:
            raw = block.raw.strip()
            if raw:
                result.items.append(RawBlock(raw, line, getattr(block, "key", None)))
    return result


def _failure_reason(block: bpm.ParsingFailedBlock) -> str:
    message = " ".join(str(block.error or "").split())
    if not message:
        message = type(block.error).__name__ if block.error else "unreadable block"
    if "end of file" in message.lower() or block.raw.count("{") > block.raw.count("}"):
        return f"{message} (unbalanced braces: the entry is never closed)"
    return message


def read_biblatex_file(path: str | Path) -> ParseResult:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        return ParseResult([], [Problem("error", f"not UTF-8 text ({exc.reason})", str(path), line)], {}, {})
    return read_biblatex(text, str(path))


def _entry_to_work(entry: bpm.Entry, file: str | None, result: ParseResult) -> Work | None:
    key = entry.key
    line = entry.start_line + 1
    problems: list[Problem] = []

    def problem(reason: str, field: str | None = None, fline: int | None = None) -> None:
        problems.append(Problem("error", reason, file, fline or line, key, field))

    fields: dict[str, tuple[str, int]] = {}
    for f in entry.fields:
        name = f.key.lower()
        if name in fields:
            problem(f"field '{name}' given twice", name, f.start_line + 1)
            continue
        fields[name] = (f.value if isinstance(f.value, str) else str(f.value), f.start_line + 1)
        result.field_lines[(key.lower(), name)] = f.start_line + 1

    subtype = fields.pop(ENTRYSUBTYPE, (None, line))[0]
    typed = read_type(entry.entry_type, subtype)
    if typed is None:
        problem(f"unknown entry type @{entry.entry_type}")
        result.problems.extend(problems)
        return None
    data: dict = {"key": key, "type": typed[0], "entrysubtype": typed[1]}
    contributors: list[Contributor] = []
    extra: dict[str, str] = {}
    relatedtype = fields.pop(RELATEDTYPE, (None, line))

    for name, (value, fline) in fields.items():
        spec = FIELD_BY_BIB.get(name)
        value = value.strip()
        if name not in VERBATIM_FIELDS:
            value = latex_to_unicode(value)
        if spec is None:
            extra[name] = value  # unknown to the model: kept and written back
            continue
        try:
            if spec.kind == "names":
                contributors.extend(_contributors(spec.attr, value))
            elif spec.kind == "date":
                data[spec.attr] = _date(value)
            elif spec.kind == "keywords":
                data[spec.attr] = [k.strip() for k in value.split(",") if k.strip()]
            elif spec.kind == "sources":
                data[spec.attr] = [SourceRef.parse(s) for s in value.split(";") if s.strip()]
            elif spec.kind == "language":
                if value.lower() not in BABEL_TO_BCP47:
                    raise ValueError(f"'{value}' is not a known babel language name (e.g. french, english)")
                data[spec.attr] = BABEL_TO_BCP47[value.lower()]
            elif spec.kind == "relations":
                rtype = relatedtype[0]
                if rtype is None:
                    raise ValueError("related needs a relatedtype")
                data[spec.attr] = [Relation(type=rtype, target=t.strip())
                                   for t in value.split(",") if t.strip()]
            else:
                data[spec.attr] = value
        except (ValueError, ValidationError) as exc:
            problem(_message(exc), name, fline)
    if relatedtype[0] is not None and "related" not in fields:
        problem("relatedtype without related", RELATEDTYPE, relatedtype[1])
    data["contributors"] = contributors
    data["extra"] = extra
    if problems:
        result.problems.extend(problems)
        return None
    try:
        return Work(**data)
    except ValidationError as exc:
        for err in exc.errors():
            field = ".".join(str(x) for x in err["loc"]) or None
            result.problems.append(Problem("error", err["msg"].removeprefix("Value error, "),
                                           file, line, key, field))
        return None


# Names and dates recur across entries (40% of the bundled records are by Serge): their records
# are frozen, so one validated instance per distinct field text is shared (a bad value is not
# cached: it raises, with its message, every time it is met).
@functools.lru_cache(maxsize=8192)
def _contributors(role: str, value: str) -> tuple[Contributor, ...]:
    from bibtexparser.middlewares.names import split_multiple_persons_names

    return tuple(Contributor(role=Role(role), name=Name.parse(part)) for part in split_multiple_persons_names(value))


@functools.lru_cache(maxsize=8192)
def _date(value: str) -> EDTFDate:
    return EDTFDate.parse(value)


def _message(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
    return str(exc)
