"""Integrity checks over a whole Library, reported as Problems with line numbers.

Beyond what the model refuses on its own: required fields per type, duplicate and dangling keys,
relation cycles, suspected duplicate records, the key scheme, the keyword vocabulary and the
dataset's provenance rule (every record says where the documents cite it).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

from .formatter.richtext import SENTINELS
from .io.problems import Problem
from .library import Library
from .model import PersonRegistry, Role, Work, WorkType
from .model.persons import fold
from .vocabulary import is_known

# Fields a record of each type must have (beyond title, which the model requires).
REQUIRED: dict[WorkType, tuple[str, ...]] = {
    WorkType.BOOK: ("author|editor", "date"), WorkType.NOVEL: ("author", "date"),
    WorkType.COLLECTION: ("editor|author", "date"), WorkType.CHAPTER: ("author", "booktitle", "date"),
    WorkType.PAMPHLET: ("date",), WorkType.ARTICLE: ("journaltitle", "date"),
    WorkType.POEM: ("author", "date"), WorkType.REVIEW: ("journaltitle", "date"),
    WorkType.THESIS: ("author", "institution", "date"), WorkType.LETTER: ("author", "date"),
    WorkType.CORRESPONDENCE: ("author", "date"), WorkType.MANUSCRIPT: ("author", "date"),
    WorkType.INTERVIEW: ("author",), WorkType.ARCHIVAL: ("date",), WorkType.PERIODICAL: (),
    WorkType.WEBPAGE: ("date",), WorkType.MISC: ("date",),
}
# Leading words skipped when making a key (docs/data-conventions.md), whatever the language:
# a title's language is often not the record's (an English article on "Les Derniers Temps").
STOP_WORDS = frozenset("""the a an le la les l un une des du de d el los las lo il i der die das ein eine
on of una uno gli del della""".split())


def _has(work: Work, field: str) -> bool:
    if field in Role._value2member_map_:
        return bool(work.names(field))
    return getattr(work, field, None) not in (None, "", [])


def expected_key(work: Work, persons: PersonRegistry | None = None) -> str:
    """The key the documented scheme gives (without a clash suffix): family (with its particle;
    an organisation's first significant word; `anon` if unsigned) + year (`nd` if undated) +
    first significant title word. Apostrophes and hyphens are dropped inside words (S'il -> sil,
    Lenin's -> lenins, Vingt-neuf -> vingtneuf); an elided article is skipped (L'An -> an)."""
    stop = STOP_WORDS
    names = work.names(Role.AUTHOR) or work.names(Role.EDITOR)
    if not names:
        family = "anon"
    elif names[0].literal is not None:
        # a literal pseudonym of a registered person is a name ("Le Rétif" -> leretif);
        # any other literal is an organisation, keyed by its first significant word
        is_person = persons is not None and persons.resolve(names[0]) is not None
        family = names[0].literal if is_person else (_first_word(names[0].literal, stop) or "anon")
    else:
        family = " ".join(p for p in (names[0].particle, names[0].family) if p)
    year = str(work.year) if work.year is not None else "nd"
    return _key_part(family) + year + _first_word(work.title or "", stop)


def _first_word(text: str, stop: frozenset[str] | set[str]) -> str:
    words: list[tuple[str, bool]] = []  # (word, significant whatever the list says)
    for raw in _ascii(text).split():
        head, sep, rest = raw.partition("'")
        # an elided article's remainder is significant ("L'An" -> an) unless it is an article
        # itself ("D'un livre" -> livre)
        elided = bool(sep and head.lower() in stop and rest and rest.lower() not in ("un", "une"))
        if sep and head.lower() in stop and not elided:
            raw = rest
        word = _key_part(rest if elided else raw)  # elided article: L'An -> An
        if word:
            words.append((word, elided))
    return next((w for w, forced in words if forced or w not in stop), words[0][0] if words else "")


def _key_part(text: str) -> str:
    return "".join(c for c in _ascii(text).lower() if c.isalnum())


def _ascii(text: str) -> str:
    for a, b in (("ß", "ss"), ("æ", "ae"), ("Æ", "Ae"), ("œ", "oe"), ("Œ", "Oe"), ("’", "'"), ("-", "")):
        text = text.replace(a, b)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if c.isascii() and (c.isalnum() or c in " '")).strip()


def validate(lib: Library, *, dataset: bool = False) -> list[Problem]:
    """All problems of a library. `dataset=True` adds the curation rules of bibliography.bib
    (sources, keywords from the vocabulary, language on every record, key scheme)."""
    file = str(lib.path) if lib.path else None
    problems = list(lib.problems)

    def line(work: Work, field: str | None = None) -> int | None:
        if field and (work.key.lower(), field) in lib.field_lines:
            return lib.field_lines[(work.key.lower(), field)]
        return lib.lines.get(work.key.lower())

    def report(severity: str, work: Work, reason: str, field: str | None = None) -> None:
        problems.append(Problem(severity, reason, file, line(work, field), work.key, field))  # type: ignore[arg-type]

    for dup in lib.duplicate_keys:
        first = lib[dup.key]
        report("error", dup, f"duplicate key (first at line {line(first)}; keys ignore case)")

    for work in lib:
        for req in REQUIRED[work.type]:
            if not any(_has(work, alt) for alt in req.split("|")):
                report("error", work, f"a {work.type.value} needs {req.replace('|', ' or ')}", req.split("|")[0])
        for rel in work.relations:
            if rel.target not in lib:
                report("error", work, f"related key '{rel.target}' does not exist", "related")
        if work.part_of and work.part_of not in lib:
            report("error", work, f"xref key '{work.part_of}' does not exist", "xref")
        for attr in ("title", "subtitle", "journaltitle", "booktitle", "note"):
            value = getattr(work, attr)
            if value and (SENTINELS & set(value)):
                report("error", work, "contains private-use characters reserved for formatting", attr)
            if value and value.count("{") != value.count("}"):
                report("error", work, "unbalanced braces", attr)
        _check_cycle(lib, work, report)
        if dataset:
            if not work.sources:
                report("error", work, "no `sources`: every record must say where the documents cite it", "sources")
            if not work.language:
                report("error", work, "no `langid`: the edition's language is required", "langid")
            for kw in work.keywords:
                if not is_known(kw):
                    report("error", work, f"keyword '{kw}' is not in the controlled vocabulary", "keywords")
            for src in work.sources:
                section = _section_of(src.label)
                if section and section not in work.keywords:
                    report("error", work, f"cited at {src} but lacks the keyword '{section}'", "keywords")
            expected = expected_key(work, lib.persons)
            if not re.fullmatch(re.escape(expected) + r"([b-z]|[a-z]{2})?", work.key):
                report("warning", work, f"key does not follow the scheme (expected '{expected}')")
    problems += _suspected_duplicates(lib, file, line)
    if dataset:
        problems += lib.citation_map.problems
    return problems


def _section_of(label: str | None) -> str | None:
    """`I.D.9` -> `weissman:I.D`; `IV.C` -> `weissman:IV.C`; a note label (`n. 2.14`) -> None."""
    from .vocabulary import SECTIONS

    match = re.match(r"^(IV|III|II|I)(?:\.([A-I]))?(?:\.|$)", label or "")
    if not match:
        return None
    keyword = f"weissman:{match.group(1)}" + (f".{match.group(2)}" if match.group(2) else "")
    return keyword if keyword in SECTIONS else None


def _check_cycle(lib: Library, work: Work, report) -> None:  # noqa: ANN001
    seen = {work.key.lower()}
    cur = work
    while (up := lib.original_of(cur)) is not None:
        if up.key.lower() in seen:
            report("error", work, f"relation cycle through '{up.key}'", "related")
            return
        seen.add(up.key.lower())
        cur = up


def _suspected_duplicates(lib: Library, file: str | None, line) -> list[Problem]:  # noqa: ANN001
    groups: dict[tuple, list[Work]] = defaultdict(list)
    for work in lib:
        names = tuple(sorted(fold(n.sort_name) for n in work.authors))
        sig = (work.type, names, fold(work.full_title), str(work.date), work.journaltitle,
               work.number, work.pages, work.publisher, work.archive_location, work.eventdate,
               work.howpublished, work.pagetotal)
        groups[sig].append(work)
    out = []
    for works in groups.values():
        for w in works[1:]:
            out.append(Problem("warning", f"suspected duplicate of '{works[0].key}' (same type, "
                               "authors, title, date and publication data)", file, line(w), w.key))
    return out
