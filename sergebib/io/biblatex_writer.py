"""Records -> biblatex text in the one canonical form, or classic BibTeX for older toolchains."""

from __future__ import annotations

from collections.abc import Iterable

from pylatexenc.latexencode import UnicodeToLatexEncoder

from ..model import Role, Work, WorkType
from .biblatex_reader import RawBlock
from .tables import BCP47_TO_BABEL, ENTRYSUBTYPE, FIELDS, RELATEDTYPE, write_type
from .text import VERBATIM_FIELDS, escape_specials


def work_fields(work: Work) -> list[tuple[str, str]]:
    """The (field, value) pairs of a record in canonical order, as biblatex strings."""
    out: list[tuple[str, str]] = []
    entrytype, subtype = _write_type(work)
    if subtype or work.entrysubtype:
        out.append((ENTRYSUBTYPE, subtype or work.entrysubtype or ""))
    for spec in FIELDS:
        if spec.kind == "names":
            names = work.names(Role(spec.attr))
            if names:
                out.append((spec.bib, " and ".join(n.to_biblatex() for n in names)))
            continue
        value = getattr(work, spec.attr)
        if value in (None, [], ""):
            continue
        if spec.kind == "date":
            out.append((spec.bib, value.to_edtf()))
        elif spec.kind == "keywords":
            out.append((spec.bib, ", ".join(value)))
        elif spec.kind == "sources":
            out.append((spec.bib, "; ".join(str(s) for s in value)))
        elif spec.kind == "language":
            out.append((spec.bib, BCP47_TO_BABEL.get(value, value)))
        elif spec.kind == "relations":
            out.append((spec.bib, ",".join(r.target for r in value)))
            out.append((RELATEDTYPE, value[0].type.value))
        else:
            out.append((spec.bib, str(value)))
    out.extend(work.extra.items())
    return out


def _write_type(work: Work) -> tuple[str, str | None]:
    return write_type(work.type, work.journaltitle is not None, bool(work.names(Role.EDITOR)))


def entry_type(work: Work) -> str:
    return _write_type(work)[0]


def format_entry(work: Work) -> str:
    lines = [f"@{entry_type(work)}{{{work.key},"]
    lines += [f"  {name} = {{{value if name in VERBATIM_FIELDS else escape_specials(value)}}},"
              for name, value in work_fields(work)]
    lines.append("}")
    return "\n".join(lines)


def write_biblatex(items: Iterable[Work | RawBlock]) -> str:
    chunks = [item.text if isinstance(item, RawBlock) else format_entry(item) for item in items]
    return "\n\n".join(chunks) + "\n"


# --- classic BibTeX ------------------------------------------------------------------------
_CLASSIC_TYPES = {
    WorkType.BOOK: "book", WorkType.NOVEL: "book", WorkType.COLLECTION: "book",
    WorkType.CHAPTER: "incollection", WorkType.PAMPHLET: "booklet", WorkType.ARTICLE: "article",
    WorkType.POEM: "misc", WorkType.REVIEW: "article", WorkType.THESIS: "phdthesis",
    WorkType.LETTER: "misc", WorkType.CORRESPONDENCE: "misc", WorkType.MANUSCRIPT: "unpublished",
    WorkType.INTERVIEW: "misc", WorkType.ARCHIVAL: "misc", WorkType.PERIODICAL: "misc",
    WorkType.WEBPAGE: "misc", WorkType.MISC: "misc",
}
# biblatex field -> classic BibTeX field, where the two differ.
_CLASSIC_FIELDS = {"journaltitle": "journal", "location": "address", "institution": "school",
                   "langid": "language", "url": "url"}
# Fields classic styles do not print; they are kept (BibTeX ignores unknown fields, so nothing is
# lost) and their content is also summarised in `note`, so a classic style still shows it.
_NOTE_ROLES = {"translator": "Translated by", "introduction": "Introduction by",
               "foreword": "Foreword by", "afterword": "Afterword by", "recipient": "Letter to",
               "interviewer": "Interviewed by"}

_latex = UnicodeToLatexEncoder(unknown_char_policy="keep", non_ascii_only=False,
                               replacement_latex_protection="braces-all")


def to_latex(text: str) -> str:
    return _latex.unicode_to_latex(text)


def format_entry_classic(work: Work) -> tuple[str, list[str]]:
    """-> (entry text, notes on what classic BibTeX styles will not print)."""
    fields = dict(work_fields(work))
    out: list[tuple[str, str]] = []
    carried: list[str] = []
    note_bits: list[str] = []
    if work.type is WorkType.THESIS:
        fields.pop("type", None)
    for name, value in fields.items():
        if name == "date":
            if work.date and work.date.nodate:
                out.append(("year", "n.d."))
            elif work.date and work.date.start:
                out.append(("year", str(work.date.start.year)))
                if work.date.start.month:
                    out.append(("month", str(work.date.start.month)))
            continue
        if name in _NOTE_ROLES:
            names = [n.display for n in work.names(Role(name))]
            note_bits.append(f"{_NOTE_ROLES[name]} {' and '.join(names)}")
        if name == "subtitle":
            continue
        if name == "title" and work.subtitle:
            value = f"{value}: {work.subtitle}"
        classic = _CLASSIC_FIELDS.get(name, name)
        if classic not in _CLASSIC_KNOWN:
            carried.append(name)
        out.append((classic, value))
    if note_bits:
        note = ". ".join(note_bits) + "."
        existing = dict(out).get("note")
        out = [(n, v) for n, v in out if n != "note"]
        out.append(("note", f"{existing}. {note}" if existing else note))
    lines = [f"@{_CLASSIC_TYPES[work.type]}{{{work.key},"]
    for name, value in out:
        encoded = value if name in ("url", "keywords", "sources", "related", "xref") else to_latex(value)
        if name in ("author", "editor", "translator") or name in _NOTE_ROLES:
            encoded = to_latex(value)
        lines.append(f"  {name} = {{{encoded}}},")
    lines.append("}")
    return "\n".join(lines), [f"{work.key}: '{c}' is not a classic BibTeX field (kept)" for c in carried]


_CLASSIC_KNOWN = {"author", "editor", "title", "journal", "booktitle", "year", "month", "volume",
                  "number", "pages", "publisher", "address", "school", "institution",
                  "organization", "edition", "series", "note", "howpublished", "type", "isbn",
                  "url", "chapter", "key", "annote", "crossref", "language", "keywords"}


def write_bibtex(works: Iterable[Work]) -> tuple[str, list[str]]:
    chunks, notes = [], []
    for work in works:
        text, n = format_entry_classic(work)
        chunks.append(text)
        notes.extend(n)
    return "\n\n".join(chunks) + "\n", notes
