"""Records <-> CSL-JSON, driven by the same field table as biblatex.

CSL has no home for some of our data (sources, keywords as a list, annotation, realauthor,
the split title/subtitle, exact EDTF dates); those travel in the item's `custom` object (part of
the CSL-JSON schema), so record -> CSL-JSON -> record loses nothing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..model import Contributor, EDTFDate, Name, Relation, Role, SourceRef, Work, WorkType
from .biblatex_reader import RawBlock
from .problems import Problem
from .tables import CSL_ARTICLE_SUBTYPES, FIELDS, TYPE_SPEC, TYPES
from .text import bib_text_to_csl, csl_text_to_bib

_CSL_TO_TYPE = {t.csl: t.type for t in TYPES if t.entrysubtype is None}
_CSL_TO_TYPE.update({"article-newspaper": WorkType.ARTICLE, "article-magazine": WorkType.ARTICLE,
                     "article": WorkType.ARTICLE, "review-book": WorkType.REVIEW,
                     "paper-conference": WorkType.CHAPTER, "report": WorkType.ARCHIVAL,
                     "post-weblog": WorkType.WEBPAGE, "post": WorkType.WEBPAGE})


def name_to_csl(name: Name) -> dict[str, str]:
    if name.literal is not None:
        return {"literal": name.literal}
    out = {"family": name.family or ""}
    if name.given:
        out["given"] = name.given
    if name.particle:
        # a lower-case particle ("de", "von") stays with the family name when sorting
        out["non-dropping-particle"] = name.particle
    if name.suffix:
        out["suffix"] = name.suffix
    return out


def name_from_csl(data: dict[str, Any]) -> Name:
    if "literal" in data:
        return Name(literal=data["literal"])
    particle = data.get("non-dropping-particle") or data.get("dropping-particle")
    return Name(family=data.get("family"), given=data.get("given"), particle=particle,
                suffix=data.get("suffix"))


def date_to_csl(date: EDTFDate) -> dict[str, Any] | None:
    if date.nodate or date.start is None:
        return None
    parts = []
    for p in (date.start, date.end):
        if p is None:
            continue
        bits = [p.year] + ([p.month] if p.month else []) + ([p.day] if p.day else [])
        parts.append(bits)
    out: dict[str, Any] = {"date-parts": parts}
    if date.start.season:
        out["season"] = date.start.season - 20
    if date.start.approximate or date.start.uncertain:
        out["circa"] = True
    return out


def date_from_csl(data: dict[str, Any]) -> EDTFDate:
    if "raw" in data:
        return EDTFDate.parse(str(data["raw"]))
    parts = data.get("date-parts") or []
    if not parts or not parts[0] or parts[0][0] in ("", None):
        if "literal" in data:
            raise ValueError(f"literal date '{data['literal']}' cannot be read as a date")
        raise ValueError("date without date-parts")

    def one(p: list[Any]) -> str:
        text = f"{int(p[0]):04d}"
        if len(p) > 1 and p[1]:
            text += f"-{int(p[1]):02d}"
        if len(p) > 2 and p[2]:
            text += f"-{int(p[2]):02d}"
        return text + ("~" if data.get("circa") else "")

    text = one(parts[0])
    if data.get("season") and len(parts[0]) == 1:
        text = text.replace(f"{int(parts[0][0]):04d}", f"{int(parts[0][0]):04d}-{20 + int(data['season'])}", 1)
    if len(parts) > 1 and parts[1] and parts[1][0] not in ("", None):
        text += "/" + one(parts[1])
    return EDTFDate.parse(text)


def work_to_csl(work: Work) -> dict[str, Any]:
    spec = TYPE_SPEC[work.type]
    ctype = spec.csl
    if work.type in (WorkType.POEM, WorkType.INTERVIEW) and work.journaltitle:
        ctype = "article-journal" if work.type is WorkType.POEM else "interview"
    if work.type is WorkType.ARTICLE and work.entrysubtype in CSL_ARTICLE_SUBTYPES:
        ctype = CSL_ARTICLE_SUBTYPES[work.entrysubtype]
    item: dict[str, Any] = {"id": work.key, "type": ctype}
    custom: dict[str, Any] = {"sergebib-type": work.type.value}
    if work.entrysubtype:
        custom["entrysubtype"] = work.entrysubtype
    used: set[str] = set()
    for f in FIELDS:
        if f.kind == "names":
            names = work.names(Role(f.attr))
            if names:
                if f.csl and f.csl not in used:
                    item[f.csl] = [name_to_csl(n) for n in names]
                    used.add(f.csl)
                else:
                    custom[f.bib] = [name_to_csl(n) for n in names]
            continue
        value = getattr(work, f.attr)
        if value in (None, [], ""):
            continue
        if f.kind == "date":
            custom[f.bib] = value.to_edtf()
            csl_date = date_to_csl(value)
            if csl_date and f.csl:
                item[f.csl] = csl_date
                used.add(f.csl)
            continue
        if f.kind == "keywords":
            custom[f.bib] = list(value)
            item["keyword"] = ", ".join(value)
            continue
        if f.kind == "sources":
            custom[f.bib] = [str(s) for s in value]
            continue
        if f.kind == "relations":
            custom[f.bib] = [{"type": r.type.value, "target": r.target} for r in value]
            continue
        if f.csl and f.csl not in used:
            item[f.csl] = bib_text_to_csl(value, f.bib) if isinstance(value, str) else value
            used.add(f.csl)
            if f.bib != _default_field(f.csl, work):
                custom.setdefault("csl-from", {})[f.csl] = f.bib
        else:
            custom[f.bib] = value
    if work.subtitle:
        item["title"] = bib_text_to_csl(f"{work.title}: {work.subtitle}", "title")
        custom["title"] = work.title
    if "original-title" in item and work.origlanguage and not work.origlanguage.startswith("en"):
        # CSL applies English title case by the *item's* language; the original's title is in
        # another language and must keep its own capitalisation (CSL 1.0.2, "Text-case": nocase)
        item["original-title"] = f'<span class="nocase">{item["original-title"]}</span>'
        custom["origtitle"] = work.origtitle
    if work.thesis_type in THESIS_GENRES:
        item["genre"] = THESIS_GENRES[work.thesis_type]
    if work.extra:
        custom["extra-fields"] = dict(work.extra)
    item["custom"] = custom
    return item


# biblatex localisation keys in `type` -> the words CSL prints as `genre`
THESIS_GENRES = {"phdthesis": "PhD thesis", "mathesis": "MA thesis", "candthesis": "Candidate thesis"}
_GENRE_KEYS = {v: k for k, v in THESIS_GENRES.items()}


def _default_field(csl: str, work: Work) -> str:
    """Which biblatex field a CSL variable is read back into when `csl-from` is silent."""
    return next(f.bib for f in FIELDS if f.csl == csl)


def work_from_csl(item: dict[str, Any]) -> Work:
    custom = dict(item.get("custom") or {})
    ctype = item.get("type", "book")
    wtype = WorkType(custom["sergebib-type"]) if "sergebib-type" in custom else _CSL_TO_TYPE.get(ctype)
    if wtype is None:
        raise ValueError(f"CSL type '{ctype}' has no sergebib type")
    data: dict[str, Any] = {"key": str(item["id"]), "type": wtype,
                            "entrysubtype": custom.get("entrysubtype")}
    if "sergebib-type" not in custom:
        rev = {v: k for k, v in CSL_ARTICLE_SUBTYPES.items()}
        data["entrysubtype"] = rev.get(ctype)
    csl_from: dict[str, str] = custom.get("csl-from", {})
    contributors: list[Contributor] = []
    for f in FIELDS:
        if f.kind == "names":
            raw = custom.get(f.bib) if f.bib in custom else (item.get(f.csl) if f.csl else None)
            for n in raw or []:
                contributors.append(Contributor(role=Role(f.attr), name=name_from_csl(n)))
            continue
        if f.kind == "date":
            if f.bib in custom:
                data[f.attr] = EDTFDate.parse(custom[f.bib])
            elif f.csl and f.csl in item and f.bib == _default_field(f.csl, None):  # type: ignore[arg-type]
                data[f.attr] = date_from_csl(item[f.csl])
            continue
        if f.kind == "keywords":
            if f.bib in custom:
                data[f.attr] = list(custom[f.bib])
            elif item.get("keyword"):
                data[f.attr] = [k.strip() for k in str(item["keyword"]).split(",") if k.strip()]
            continue
        if f.kind == "sources":
            data[f.attr] = [SourceRef.parse(s) for s in custom.get(f.bib, [])]
            continue
        if f.kind == "relations":
            data[f.attr] = [Relation(**r) for r in custom.get(f.bib, [])]
            continue
        if f.bib in custom:
            data[f.attr] = custom[f.bib]
        elif f.csl and f.csl in item and csl_from.get(f.csl, _default_field(f.csl, None)) == f.bib:  # type: ignore[arg-type]
            data[f.attr] = csl_text_to_bib(str(item[f.csl]), f.bib)
    if "title" in custom:
        data["title"] = custom["title"]
    if data.get("thesis_type") in _GENRE_KEYS and "type" not in custom:
        data["thesis_type"] = _GENRE_KEYS[data["thesis_type"]]
    if wtype is WorkType.CHAPTER and "journaltitle" in data and "booktitle" not in data and "csl-from" not in custom:
        data["booktitle"] = data.pop("journaltitle")
    if wtype is WorkType.THESIS and "publisher" in data and "csl-from" not in custom:
        data["institution"] = data.pop("publisher")
    data["contributors"] = contributors
    data["extra"] = dict(custom.get("extra-fields", {}))
    return Work(**data)


def to_csl_json(works: list[Work]) -> list[dict[str, Any]]:
    return [work_to_csl(w) for w in works]


def read_csl_json(path: str | Path) -> tuple[list[Work | RawBlock], list[Problem]]:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        return [], [Problem("error", f"not valid JSON: {exc.msg}", str(path), exc.lineno)]
    if isinstance(data, dict):
        data = [data]
    works: list[Work | RawBlock] = []
    problems: list[Problem] = []
    for i, item in enumerate(data):
        try:
            works.append(work_from_csl(item))
        except (ValueError, KeyError, TypeError) as exc:
            key = item.get("id") if isinstance(item, dict) else None
            msg = exc.errors()[0]["msg"] if hasattr(exc, "errors") else str(exc)
            problems.append(Problem("error", f"item {i}: {msg}", str(path), None, key))
    return works, problems
