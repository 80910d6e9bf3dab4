"""Declarative mapping tables between the record model and biblatex / CSL-JSON.

Each table is read in both directions by the reader and the writer; tests walk every row both
ways. A format never talks to another directly: biblatex -> Work -> CSL-JSON.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..model import Role, WorkType

Kind = Literal["text", "date", "names", "keywords", "relations", "sources", "language"]


@dataclass(frozen=True)
class FieldSpec:
    bib: str  # biblatex field name
    attr: str  # Work attribute (or Role value for names)
    kind: Kind = "text"
    csl: str | None = None  # CSL-JSON variable, None where CSL has no home for it
    custom: bool = False  # declared by us (see datamodel.dbx), not standard biblatex


# Order is the canonical field order of bibliography.bib.
FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("author", Role.AUTHOR.value, "names", "author"),
    FieldSpec("editor", Role.EDITOR.value, "names", "editor"),
    FieldSpec("editortype", "editortype"),
    FieldSpec("translator", Role.TRANSLATOR.value, "names", "translator"),
    FieldSpec("introduction", Role.INTRODUCTION.value, "names", None),
    FieldSpec("foreword", Role.FOREWORD.value, "names", None),
    FieldSpec("afterword", Role.AFTERWORD.value, "names", None),
    FieldSpec("recipient", Role.RECIPIENT.value, "names", "recipient", custom=True),
    FieldSpec("interviewer", Role.INTERVIEWER.value, "names", "interviewer", custom=True),
    FieldSpec("realauthor", Role.REALAUTHOR.value, "names", None, custom=True),
    FieldSpec("title", "title", csl="title"),
    FieldSpec("subtitle", "subtitle"),
    FieldSpec("titleaddon", "titleaddon"),
    FieldSpec("shorttitle", "shorttitle", csl="title-short"),
    FieldSpec("journaltitle", "journaltitle", csl="container-title"),
    FieldSpec("journalsubtitle", "journalsubtitle"),
    FieldSpec("booktitle", "booktitle", csl="container-title"),
    FieldSpec("maintitle", "maintitle", csl="collection-title"),
    FieldSpec("issuetitle", "issuetitle"),
    FieldSpec("origtitle", "origtitle", csl="original-title"),
    FieldSpec("origlanguage", "origlanguage", "language"),
    FieldSpec("origdate", "origdate", "date", "original-date"),
    FieldSpec("origlocation", "origlocation", csl="original-publisher-place"),
    FieldSpec("origpublisher", "origpublisher", csl="original-publisher"),
    FieldSpec("edition", "edition", csl="edition"),
    FieldSpec("volume", "volume", csl="volume"),
    FieldSpec("number", "number", csl="issue"),
    FieldSpec("issue", "issue"),
    FieldSpec("series", "series", csl="collection-title"),
    FieldSpec("pages", "pages", csl="page"),
    FieldSpec("pagetotal", "pagetotal", csl="number-of-pages"),
    FieldSpec("type", "thesis_type", csl="genre"),
    FieldSpec("date", "date", "date", "issued"),
    FieldSpec("eventdate", "eventdate", "date", "event-date"),
    FieldSpec("publisher", "publisher", csl="publisher"),
    FieldSpec("location", "location", csl="publisher-place"),
    FieldSpec("institution", "institution", csl="publisher"),
    FieldSpec("organization", "organization", csl="publisher"),
    FieldSpec("howpublished", "howpublished", csl="medium"),
    FieldSpec("library", "archive", csl="archive"),
    FieldSpec("archivelocation", "archive_location", csl="archive_location", custom=True),
    FieldSpec("isbn", "isbn", csl="ISBN"),
    FieldSpec("url", "url", csl="URL"),
    FieldSpec("urldate", "urldate", "date", "accessed"),
    FieldSpec("related", "relations", "relations"),
    FieldSpec("xref", "part_of"),
    FieldSpec("langid", "language", "language", "language"),
    FieldSpec("note", "note", csl="note"),
    FieldSpec("addendum", "addendum"),
    FieldSpec("pubstate", "pubstate", csl="status"),
    FieldSpec("keywords", "keywords", "keywords", "keyword"),
    FieldSpec("annotation", "annotation", csl="annote"),
    FieldSpec("sources", "sources", "sources", None, custom=True),
)
FIELD_BY_BIB = {f.bib: f for f in FIELDS}
RELATEDTYPE = "relatedtype"  # written right after `related`
ENTRYSUBTYPE = "entrysubtype"  # written first, it qualifies the entry type


@dataclass(frozen=True)
class TypeSpec:
    type: WorkType
    entrytype: str
    entrysubtype: str | None
    csl: str
    when_in_periodical: str | None = None  # entry type used instead when journaltitle is set
    without_editor: str | None = None  # entry type used instead when the work has no editor


TYPES: tuple[TypeSpec, ...] = (
    TypeSpec(WorkType.BOOK, "book", None, "book"),
    TypeSpec(WorkType.NOVEL, "book", "novel", "book"),
    TypeSpec(WorkType.COLLECTION, "collection", None, "book"),
    # biblatex: @incollection is a piece in an edited volume; @inbook a part of an authored book
    TypeSpec(WorkType.CHAPTER, "incollection", None, "chapter", without_editor="inbook"),
    TypeSpec(WorkType.PAMPHLET, "booklet", None, "pamphlet"),
    TypeSpec(WorkType.ARTICLE, "article", None, "article-journal"),
    TypeSpec(WorkType.POEM, "unpublished", "poem", "manuscript", when_in_periodical="article"),
    TypeSpec(WorkType.REVIEW, "review", None, "review"),
    TypeSpec(WorkType.THESIS, "thesis", None, "thesis"),
    TypeSpec(WorkType.LETTER, "letter", None, "personal_communication"),
    TypeSpec(WorkType.CORRESPONDENCE, "letter", "correspondence", "personal_communication"),
    TypeSpec(WorkType.MANUSCRIPT, "unpublished", None, "manuscript"),
    TypeSpec(WorkType.INTERVIEW, "misc", "interview", "interview", when_in_periodical="article"),
    TypeSpec(WorkType.ARCHIVAL, "misc", "archival", "manuscript"),
    TypeSpec(WorkType.PERIODICAL, "periodical", None, "periodical"),
    TypeSpec(WorkType.WEBPAGE, "online", None, "webpage"),
    TypeSpec(WorkType.MISC, "misc", None, "article"),
)
TYPE_SPEC = {t.type: t for t in TYPES}
# Reading: (entrytype, entrysubtype) first, then entrytype alone; aliases are read, never written.
_READ = {(t.entrytype, t.entrysubtype): t.type for t in TYPES}
_READ.update({(t.when_in_periodical, t.entrysubtype): t.type for t in TYPES if t.when_in_periodical})
_READ.update({(t.without_editor, t.entrysubtype): t.type for t in TYPES if t.without_editor})
READ_ALIASES = {"manual": WorkType.BOOK, "report": WorkType.ARCHIVAL,
                "mvbook": WorkType.BOOK, "phdthesis": WorkType.THESIS, "mastersthesis": WorkType.THESIS,
                "inproceedings": WorkType.CHAPTER, "techreport": WorkType.ARCHIVAL}


def read_type(entrytype: str, entrysubtype: str | None) -> tuple[WorkType, str | None] | None:
    """-> (type, leftover entrysubtype) or None for an entry type we do not know."""
    entrytype = entrytype.lower()
    if (entrytype, entrysubtype) in _READ:
        return _READ[(entrytype, entrysubtype)], None
    if (entrytype, None) in _READ:
        return _READ[(entrytype, None)], entrysubtype
    if entrytype in READ_ALIASES:
        return READ_ALIASES[entrytype], entrysubtype
    return None


def write_type(wtype: WorkType, in_periodical: bool, has_editor: bool = True) -> tuple[str, str | None]:
    spec = TYPE_SPEC[wtype]
    if in_periodical and spec.when_in_periodical:
        return spec.when_in_periodical, spec.entrysubtype
    if not has_editor and spec.without_editor:
        return spec.without_editor, spec.entrysubtype
    return spec.entrytype, spec.entrysubtype


# CSL types that article-like works take when the periodical is a newspaper or magazine.
CSL_ARTICLE_SUBTYPES = {"newspaper": "article-newspaper", "magazine": "article-magazine"}

# babel language names (biblatex `langid`) <-> BCP 47 tags (the model, CSL `language`).
LANGUAGES: tuple[tuple[str, str], ...] = (
    ("english", "en"), ("american", "en-US"), ("british", "en-GB"), ("french", "fr"),
    ("spanish", "es"), ("russian", "ru"), ("german", "de"), ("italian", "it"),
    ("ukrainian", "uk"), ("portuguese", "pt"), ("dutch", "nl"), ("catalan", "ca"),
    ("polish", "pl"), ("czech", "cs"), ("romanian", "ro"), ("swedish", "sv"),
    ("hebrew", "he"), ("greek", "el"), ("yiddish", "yi"), ("hungarian", "hu"),
    ("danish", "da"), ("norsk", "no"), ("finnish", "fi"), ("turkish", "tr"), ("japanese", "ja"),
    ("chinese", "zh"), ("latin", "la"), ("serbian", "sr"), ("croatian", "hr"), ("slovene", "sl"),
)
BABEL_TO_BCP47 = dict(LANGUAGES)
BCP47_TO_BABEL = {tag: babel for babel, tag in LANGUAGES}
