"""The collection: records in file order, indexed for look-up, relations navigable both ways."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .io.biblatex_reader import RawBlock
from .io.problems import Problem
from .model import PersonRegistry, RelationType, Role, Work, WorkType
from .model.persons import fold

# Roles that count as "by" a person when querying by author.
_AUTHORSHIP = (Role.AUTHOR, Role.REALAUTHOR)


class Library:
    """Records plus everything derived from them. Build one with `sergebib.load()`."""

    def __init__(self, items: Iterable[Work | RawBlock], *, problems: list[Problem] | None = None,
                 persons: PersonRegistry | None = None, path: Path | None = None,
                 lines: dict[str, int] | None = None,
                 field_lines: dict[tuple[str, str], int] | None = None,
                 citation_dir: Path | None = None) -> None:
        self.items: list[Work | RawBlock] = list(items)
        self.citation_dir = citation_dir
        self._citation_map = None
        self.problems: list[Problem] = list(problems or [])
        self.persons = persons or PersonRegistry.load()
        self.path = path
        self.lines = dict(lines or {})
        self.field_lines = dict(field_lines or {})
        self._reindex()

    # --- indexes ----------------------------------------------------------------------
    def _reindex(self) -> None:
        self._by_key: dict[str, Work] = {}
        self._reverse: dict[tuple[str, RelationType], list[Work]] = defaultdict(list)
        self._parts: dict[str, list[Work]] = defaultdict(list)
        self.duplicate_keys: list[Work] = []
        for work in self.works:
            work._library = self
            if work.key.lower() in self._by_key:
                self.duplicate_keys.append(work)
                continue
            self._by_key[work.key.lower()] = work
            self._resolve_persons(work)
        for work in self._by_key.values():
            for rel in work.relations:
                self._reverse[(rel.target.lower(), rel.type)].append(work)
            if work.part_of:
                self._parts[work.part_of.lower()].append(work)

    def _resolve_persons(self, work: Work) -> None:
        resolved = [c if c.person or (pid := self.persons.resolve(c.name)) is None
                    else c.model_copy(update={"person": pid}) for c in work.contributors]
        if resolved != work.contributors:
            object.__setattr__(work, "contributors", resolved)  # derived data, skip re-validation

    @property
    def works(self) -> list[Work]:
        return [i for i in self.items if isinstance(i, Work)]

    # --- mapping protocol -------------------------------------------------------------
    def __getitem__(self, key: str) -> Work:
        try:
            return self._by_key[key.lower()]
        except KeyError:
            raise KeyError(_unknown_key(key, self._by_key)) from None

    def get(self, key: str | None, default: Work | None = None) -> Work | None:
        return self._by_key.get(key.lower(), default) if key else default

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key.lower() in self._by_key

    def __len__(self) -> int:
        return len(self._by_key)

    def __iter__(self) -> Iterator[Work]:
        return iter(self._by_key.values())

    def keys(self) -> list[str]:
        return [w.key for w in self]

    # --- relations --------------------------------------------------------------------
    def original_of(self, work: Work) -> Work | None:
        for rtype in (RelationType.TRANSLATION_OF, RelationType.REPRINT_OF):
            for target in work.relation(rtype):
                if target in self:
                    return self[target]
        return None

    def root_of(self, work: Work) -> Work:
        """Follow translation/reprint links up to the first edition of the original."""
        seen = {work.key.lower()}
        while (up := self.original_of(work)) is not None and up.key.lower() not in seen:
            seen.add(up.key.lower())
            work = up
        return work

    def related_to(self, work: Work, rtype: RelationType) -> list[Work]:
        return list(self._reverse.get((work.key.lower(), rtype), []))

    def parts_of(self, work: Work) -> list[Work]:
        return list(self._parts.get(work.key.lower(), []))

    # --- the citation map -------------------------------------------------------------
    @property
    def citation_map(self):  # noqa: ANN201 - CitationMap, imported lazily
        """Citations of the source documents (citations/*.toml beside the bibliography)."""
        if self._citation_map is None:
            from .citations import CitationMap, default_seeds, load_citation_map

            folder = self.citation_dir
            self._citation_map = (load_citation_map(folder, self, default_seeds())
                                  if folder is not None and folder.is_dir() else CitationMap())
        return self._citation_map

    def citations(self, document: str | None = None) -> list:
        """Occurrences (notes, prose) in one source document, or in all, in document order."""
        cmap = self.citation_map
        if document is None:
            return list(cmap.occurrences)
        if document not in self:
            raise KeyError(_unknown_key(document, self._by_key))
        return cmap.in_document(self[document].key)

    def cited_in(self, work: Work) -> list:
        return self.citation_map.citing(work.key)

    # --- queries ----------------------------------------------------------------------
    def find(self, *, author: str | None = None, type: str | WorkType | None = None,  # noqa: A002
             language: str | None = None, year: int | tuple[int, int] | None = None,
             keyword: str | None = None, text: str | None = None, person: str | None = None,
             cited_in: str | None = None) -> list[Work]:
        """Works matching every criterion given, in file order. Matching of names and text
        ignores case and accents; `author` also finds the pseudonyms of a registered person."""
        result = list(self)
        if author is not None:
            result = [w for w in result if self._by_author(w, author)]
        if person is not None:
            result = [w for w in result if any(c.person == person for c in w.contributors)]
        if type is not None:
            wanted = WorkType(type) if not isinstance(type, WorkType) else type
            result = [w for w in result if w.type is wanted or _is_kind(w, wanted)]
        if language is not None:
            lang = language.lower()
            result = [w for w in result if w.language and
                      (w.language.lower() == lang or w.language.lower().startswith(lang + "-"))]
        if year is not None:
            lo, hi = (year, year) if isinstance(year, int) else year
            result = [w for w in result if w.year is not None and lo <= w.year <= hi]
        if keyword is not None:
            result = [w for w in result if keyword in w.keywords]
        if text is not None:
            needle = fold(text)
            result = [w for w in result if needle in _haystack(w)]
        if cited_in is not None:
            doc = self.get(cited_in)
            prefixes = {cited_in} | ({_doc_prefix(doc)} if doc else set())
            mapped = {c.key.lower() for o in self.citations(cited_in) for c in o.cites} if doc else set()
            result = [w for w in result if w.key.lower() in mapped or any(s.document in prefixes for s in w.sources)]
        return result

    def _by_author(self, work: Work, query: str) -> bool:
        q = fold(query)
        persons = self.persons.matching(query)
        for c in work.contributors:
            if c.role not in _AUTHORSHIP:
                continue
            if c.person and c.person in persons:
                return True
            if q in fold(c.name.display) or q in fold(c.name.sort_name):
                return True
        return False

    # --- export -----------------------------------------------------------------------
    def to_biblatex(self) -> str:
        from .io.biblatex_writer import write_biblatex

        return write_biblatex(self.items)

    def to_bibtex(self, dialect: str = "biblatex") -> str:
        """biblatex (canonical, lossless) or classic BibTeX (LaTeX-escaped; fields classic
        styles ignore are kept, and translators etc. are also summarised in `note`)."""
        if dialect == "biblatex":
            return self.to_biblatex()
        if dialect == "bibtex":
            from .io.biblatex_writer import write_bibtex

            return write_bibtex(self)[0]
        raise ValueError(f"unknown dialect '{dialect}': use 'biblatex' or 'bibtex'")

    def to_csl_json(self, works: Iterable[Work] | None = None) -> list[dict[str, Any]]:
        from .io.csl_json import to_csl_json

        return to_csl_json(list(self if works is None else works))

    def save(self, path: str | Path) -> None:
        Path(path).write_text(self.to_biblatex(), encoding="utf-8")

    def __repr__(self) -> str:
        return f"<Library {len(self)} works from {self.path or 'memory'}>"


def _is_kind(work: Work, wanted: WorkType) -> bool:
    """`type="book"` also finds novels and collections; `type="article"` poems in periodicals."""
    if wanted is WorkType.BOOK:
        return work.type in (WorkType.NOVEL, WorkType.COLLECTION)
    if wanted is WorkType.ARTICLE:
        return work.type in (WorkType.POEM, WorkType.INTERVIEW, WorkType.REVIEW) and bool(work.journaltitle)
    if wanted is WorkType.LETTER:
        return work.type is WorkType.CORRESPONDENCE
    return False


def _haystack(work: Work) -> str:
    bits = [work.title, work.subtitle, work.titleaddon, work.shorttitle, work.journaltitle,
            work.booktitle, work.origtitle, work.note, work.addendum, work.publisher]
    bits += [c.name.display for c in work.contributors]
    return fold(" ".join(b for b in bits if b))


def _doc_prefix(doc: Work) -> str | None:
    for s in doc.sources:
        return s.document
    return None


def _unknown_key(key: str, known: dict[str, Work]) -> str:
    import difflib

    close = difflib.get_close_matches(key.lower(), list(known), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(known[c].key for c in close)}?" if close else ""
    return f"no work with key '{key}'{hint}"
