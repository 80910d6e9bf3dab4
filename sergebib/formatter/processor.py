"""The processor: a style (name, path or XML text) and a locale in; CSL-JSON items in; rendered
entries and citation clusters out as rich-text trees, ready for any backend. One place drives
citeproc-py."""

from __future__ import annotations

import functools
import io
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from citeproc import Citation, Locator
from citeproc.source.json import CiteProcJSON

from . import backends, richtext, workers
from .extensions import (
    RICH_FORMATTER,
    CitationItem,
    Style,
    disambiguate,
    mark_data,
    raw_date,
    read_dates,
    read_names,
    read_variables,
)
from .extensions.lookups import Bibliography
from .extensions.note_fields import read_note_fields
from .styles import resolve_style

# CSL variables citeproc-py accepts; anything else (our `custom`, `keyword`) is not passed.
_SKIP = {"custom", "keyword", "annote"}
# fields that are identifiers or numbers, not text: no rich text or quotation marks are read in them
# (citeproc-js prints markup in numeric variables as written)
_LITERAL = {"id", "type", "language", "URL", "DOI", "ISBN", "ISSN", "PMID", "PMCID", "chapter-number",
            "collection-number", "edition", "issue", "number", "number-of-pages", "number-of-volumes",
            "volume", "page", "page-first"}


def _data(value: Any) -> Any:
    """Field text with its rich-text markup and straight quotation marks marked for our
    extensions (extensions.markup.mark_data)."""
    if isinstance(value, str):
        return mark_data(value)
    if isinstance(value, list):
        return [_data(v) for v in value]
    if isinstance(value, dict):
        return {k: _data(v) for k, v in value.items()}
    return value


# CSL-JSON's older (Zotero) names of two variables, which citeproc-js reads: "journalAbbreviation"
# is "container-title-short" and "shortTitle" is "title-short" (CSL 1.0.2 "Appendix IV - Variables":
# the short forms rendered by form="short")
_ALIASES = {"journalAbbreviation": "container-title-short", "shortTitle": "title-short"}


def _aliased(item: dict[str, Any]) -> dict[str, Any]:
    """The item with its variables under their CSL names, and its dates given as strings read."""
    out = {k: raw_date(v) if isinstance(v, dict) and "raw" in v else v for k, v in item.items() if k not in _ALIASES}
    for old, new in _ALIASES.items():
        if old in item and new not in item:
            out[new] = item[old]
    return out


@dataclass(frozen=True)
class Entry:
    """One formatted bibliography entry or citation."""

    key: str
    text: str
    tree: richtext.Span = field(repr=False, compare=False)


# Positions a word processor may impose on a cite (CSL 1.0.2 "Choose": position); citeproc-js
# numbers them 0..3 in CSL-JSON citation items.
POSITIONS = ("first", "subsequent", "ibid", "ibid-with-locator")


@dataclass(frozen=True)
class Cite:
    """One item of a citation cluster (the CSL-JSON citation-item fields): a key with an optional
    locator ("53", label "page"), prefix and suffix text, `suppress_author` (print the cite
    without its author, "(1930, p. 12)") or `author_only` (the author alone, for running text),
    and `position` to impose a position ("ibid", ...) instead of tracking it (with `near_note`)."""

    key: str
    locator: str | None = None
    label: str = "page"
    prefix: str | None = None
    suffix: str | None = None
    suppress_author: bool = False
    author_only: bool = False
    position: str | None = None
    near_note: bool = False

    def __post_init__(self) -> None:
        if self.position is not None and self.position not in POSITIONS:
            raise ValueError(f"unknown position '{self.position}': choose one of {', '.join(POSITIONS)}")


@dataclass(frozen=True)
class Cluster:
    """A citation cluster: the cites of one citation (one note in a note style), with the number
    of the note it stands in (None for in-text citations)."""

    cites: tuple[Cite, ...]
    note: int | None = None

    def __init__(self, cites: Sequence[Cite], note: int | None = None) -> None:
        object.__setattr__(self, "cites", tuple(cites))
        object.__setattr__(self, "note", note)


class Entries(list):
    """Bibliography entries in the style's order; `omitted` lists the keys of works the style
    leaves out of bibliographies (Chicago: letters and unarchived manuscripts go in notes only)."""

    def __init__(self, entries: list[Entry], omitted: list[str]) -> None:
        super().__init__(entries)
        self.omitted = omitted


class StyleError(ValueError):
    pass


def _parse_style(source: object, what: str, locale: str | None) -> Style:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return Style(source, locale=locale, validate=False)
        except ValueError as exc:
            raise StyleError(f"cannot use style {what} with locale {locale}: {exc}") from None
        except Exception as exc:  # lxml parse errors for a broken .csl file
            raise StyleError(f"style {what} is not a readable CSL file: {exc}") from None


@functools.lru_cache(maxsize=32)
def _load_style(path: str, locale: str | None) -> Style:
    return _parse_style(path, path, locale)


def _is_xml(style: str | Path) -> bool:
    return isinstance(style, str) and style.lstrip("\ufeff \t\r\n").startswith("<")


class Processor:
    """`style` is a style name, a path to a .csl file, or the XML text of a style."""

    def __init__(self, style: str | Path, locale: str | None = None) -> None:
        self.locale = locale
        if _is_xml(style):
            self.style_path = None
            self.style_xml = str(style)
            # a style given as text is parsed for this processor alone (citeproc-py keeps
            # rendering state on the parsed style, so a shared cache would couple processors)
            self.style = _parse_style(io.BytesIO(self.style_xml.encode("utf-8")), "given as XML", locale)
        else:
            self.style_path = resolve_style(style)
            self.style_xml = None
            self.style = _load_style(str(self.style_path), locale)

    @property
    def has_bibliography(self) -> bool:
        return self.style.has_bibliography()

    def _source(self, items: list[dict[str, Any]]) -> tuple[CiteProcJSON, dict[str, str]]:
        # an item without a type (CSL-JSON requires one, citeproc-js tolerates its absence) is
        # given the empty type, which no `type` condition matches; citeproc-py would crash
        clean = [{"type": "", **{k: _data(v) if k not in _LITERAL else v for k, v in _aliased(item).items()
                                 if k not in _SKIP}} for item in map(read_note_fields, items)]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            source = CiteProcJSON(clean)
        read_dates(source)
        read_names(source)
        read_variables(source)
        return source, {str(i["id"]).lower(): str(i["id"]) for i in items}

    @property
    def name(self) -> str:
        return self.style_path.stem if self.style_path is not None else "(given as XML)"

    def order(self, items: list[dict[str, Any]], keys: Sequence[str] | None = None) -> list[str]:
        """The ids of `items` (or of those in `keys`) in the style's bibliography order; in the
        given order where the style does not sort its bibliography."""
        if not self.has_bibliography:
            return [str(i["id"]) for i in items] if keys is None else list(keys)
        bib, known = self._sorted(items, keys)
        return [known[item.key] for item in bib.items]

    def _sorted(self, items: list[dict[str, Any]],
                keys: Sequence[str] | None) -> tuple[Bibliography, dict[str, str]]:
        """citeproc-py's bibliography of `items` (or those in `keys`), sorted by the style."""
        source, known = self._source(items)
        bib = Bibliography(self.style, source, RICH_FORMATTER)
        for key in [str(i["id"]) for i in items] if keys is None else keys:
            bib.register(Citation([CitationItem(key)]))
        bib.sort()
        return bib, known

    def bibliography(self, items: list[dict[str, Any]], output: str = "text",
                     keys: Sequence[str] | None = None, *, substitute_authors: bool = True,
                     runs: Sequence[Sequence[str]] | None = None) -> Entries:
        """The items the style puts in a bibliography, in its order (see `Entries.omitted`):
        all `items`, or only those whose ids are in `keys` (the works cited in a document).

        The style's subsequent-author-substitute ("———" for the names of the preceding entry)
        follows this order. A caller that shows the entries in groups passes `runs` (each group's
        ids in the order shown, instead of `keys`): the entries then come in that order, and the
        substitution restarts with each run (the first entry of a group always shows its names);
        year suffixes stay those of the whole bibliography. `substitute_authors=False` turns the
        substitution off."""
        if not self.has_bibliography:
            raise StyleError(f"style '{self.name}' defines no bibliography")
        if runs is not None:
            keys = [key for run in runs for key in run]
        bib, known = self._sorted(items, keys)
        disambiguate(self.style, bib)
        shown = [bib.items] if runs is None else _runs(bib.items, runs)
        # our Layout (extensions.layout) returns None for an item that renders to nothing,
        # where citeproc-py would drop it unnamed, so keys and entries stay paired
        layout = self.style.root.bibliography.layout
        layout.substitute_authors = substitute_authors
        try:
            # (each item ticks the command line's progress bar as it is rendered; a long
            # bibliography is rendered by several processes, see workers)
            texts = workers.render_bibliography(layout, shown)
        finally:
            del layout.substitute_authors
        entries, omitted = [], []
        for item, rendered in zip([item for run in shown for item in run], texts, strict=True):
            if rendered is None:
                omitted.append(known[item.key])
                continue
            tree = richtext.parse(str(rendered))
            entries.append(Entry(known[item.key], backends.render(tree, output), tree))
        return Entries(entries, omitted)

    def citations(self, items: list[dict[str, Any]], clusters: Sequence[Cluster | Sequence[Cite]],
                  output: str = "text", *, registered: Sequence[str] = (),
                  independent: bool = False) -> list[Entry]:
        """Render citation clusters in document order (positions such as ibid follow that order).

        `registered` names items known to the document before any cite (citeproc-js's
        updateItems), which fixes their citation numbers; the rest are numbered as first cited.
        Where the style has a sorted bibliography, citation numbers follow that order (CSL 1.0.2
        "Citation-number"). With `independent`, each cluster is rendered as if it were the
        document's only citation (no ibid or subsequent positions across clusters)."""
        source, keys = self._source(items)
        bib = Bibliography(self.style, source, RICH_FORMATTER)
        groups = [c if isinstance(c, Cluster) else Cluster(c) for c in clusters]
        for cluster in groups:
            missing = [c.key for c in cluster.cites if c.key.lower() not in keys]
            if missing:
                raise KeyError(f"cannot cite unknown key(s): {', '.join(missing)}")
        for key in registered:
            bib.register(Citation([CitationItem(key)]))
        citations = []
        for cluster in groups:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # `note` is read by our extensions, not citeproc-py
                citation = Citation([_citation_item(c) for c in cluster.cites], note=cluster.note)
            bib.register(citation)
            citations.append(citation)
        cited = [item.key for item in bib.items]
        if self.has_bibliography and self.style.root.bibliography.find("cs:sort", _NS) is not None:
            bib.sort()
        disambiguate(self.style, bib, cited)
        out = []
        for cluster, citation in zip(groups, citations, strict=True):
            if independent:
                bib._cites = []
            tree = richtext.parse(str(bib.cite(citation, lambda item: None)))
            out.append(Entry(",".join(c.key for c in cluster.cites), backends.render(tree, output), tree))
        return out


_NS = {"cs": "http://purl.org/net/xbiblio/csl"}


def _runs(items: list, runs: Sequence[Sequence[str]]) -> list[list]:
    """citeproc-py's registered items, in the given runs of ids."""
    by_key = {item.key.lower(): item for item in items}
    return [[by_key[key.lower()] for key in run if key.lower() in by_key] for run in runs]


def _citation_item(cite: Cite) -> CitationItem:
    extra: dict[str, Any] = {}
    # citeproc-py tests for the presence of a locator, not its value: pass it only when given
    if cite.locator:
        # CSL-JSON writes the locator type "sub verbo"; the CSL term is "sub-verbo"
        label = cite.label.replace(" ", "-") if cite.label else cite.label
        extra["locator"] = Locator(label, cite.locator)
    for name in ("prefix", "suffix"):
        if getattr(cite, name) is not None:
            extra[name] = mark_data(getattr(cite, name))
    if cite.position is not None:
        extra["position"] = cite.position
    for name in ("suppress_author", "author_only", "near_note"):
        if getattr(cite, name):
            extra[name] = True
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns of the fields only our extensions read
        return CitationItem(cite.key, **extra)
