"""The processor: a style (name, path) and a locale in; CSL-JSON items in; rendered entries and
citations out as rich-text trees, ready for any backend. One place drives citeproc-py."""

from __future__ import annotations

import functools
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from citeproc import Citation, CitationItem, CitationStylesBibliography, Locator
from citeproc.source.json import CiteProcJSON

from . import backends, richtext
from .citeproc_extensions import RICH_FORMATTER, Style
from .styles import resolve_style

# CSL variables citeproc-py accepts; anything else (our `custom`, `keyword`) is not passed.
_SKIP = {"custom", "keyword", "annote"}


@dataclass(frozen=True)
class Entry:
    """One formatted bibliography entry or citation."""

    key: str
    text: str
    tree: richtext.Span = field(repr=False, compare=False)


@dataclass(frozen=True)
class Cite:
    """One item of a citation cluster: a key with an optional locator ("53", label "page")."""

    key: str
    locator: str | None = None
    label: str = "page"


class Entries(list):
    """Bibliography entries in the style's order; `omitted` lists the keys of works the style
    leaves out of bibliographies (Chicago: letters and unarchived manuscripts go in notes only)."""

    def __init__(self, entries: list[Entry], omitted: list[str]) -> None:
        super().__init__(entries)
        self.omitted = omitted


class StyleError(ValueError):
    pass


@functools.lru_cache(maxsize=32)
def _load_style(path: str, locale: str | None) -> Style:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return Style(path, locale=locale, validate=False)
        except ValueError as exc:
            raise StyleError(f"cannot use style {path} with locale {locale}: {exc}") from None
        except Exception as exc:  # lxml parse errors for a broken .csl file
            raise StyleError(f"style {path} is not a readable CSL file: {exc}") from None


class Processor:
    def __init__(self, style: str | Path, locale: str | None = None) -> None:
        self.style_path = resolve_style(style)
        self.locale = locale
        self.style = _load_style(str(self.style_path), locale)

    @property
    def has_bibliography(self) -> bool:
        return self.style.has_bibliography()

    def _source(self, items: list[dict[str, Any]]) -> tuple[CiteProcJSON, dict[str, str]]:
        clean = [{k: v for k, v in item.items() if k not in _SKIP} for item in items]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            source = CiteProcJSON(clean)
        return source, {str(i["id"]).lower(): str(i["id"]) for i in items}

    def bibliography(self, items: list[dict[str, Any]], output: str = "text") -> Entries:
        """All items the style puts in a bibliography, in its order (see `Entries.omitted`)."""
        if not self.has_bibliography:
            raise StyleError(f"style '{self.style_path.stem}' defines no bibliography")
        source, keys = self._source(items)
        bib = CitationStylesBibliography(self.style, source, RICH_FORMATTER)
        for item in items:
            bib.register(Citation([CitationItem(str(item["id"]))]))
        bib.sort()
        # citeproc-py drops items that render to nothing without saying which; render them one
        # at a time (the same layout call its bibliography() makes) to keep keys and entries paired
        layout = self.style.root.bibliography.layout
        entries, omitted = [], []
        for item in bib.items:
            rendered = layout.render_bibliography([item])
            if not rendered:
                omitted.append(keys[item.key])
                continue
            tree = richtext.parse(str(rendered[0]))
            entries.append(Entry(keys[item.key], backends.render(tree, output), tree))
        return Entries(entries, omitted)

    def citations(self, items: list[dict[str, Any]], clusters: list[list[Cite]],
                  output: str = "text") -> list[Entry]:
        """Render citation clusters in document order (positions such as ibid follow that order)."""
        source, keys = self._source(items)
        bib = CitationStylesBibliography(self.style, source, RICH_FORMATTER)
        citations = []
        for cluster in clusters:
            # citeproc-py tests for the presence of a locator, not its value: pass it only when given
            cites = [CitationItem(c.key, locator=Locator(c.label, c.locator)) if c.locator else CitationItem(c.key)
                     for c in cluster]
            citation = Citation(cites)
            bib.register(citation)
            citations.append(citation)
        out = []
        for cluster, citation in zip(clusters, citations, strict=True):
            missing = [c.key for c in cluster if c.key.lower() not in keys]
            if missing:
                raise KeyError(f"cannot cite unknown key(s): {', '.join(missing)}")
            tree = richtext.parse(str(bib.cite(citation, lambda item: None)))
            out.append(Entry(",".join(c.key for c in cluster), backends.render(tree, output), tree))
        return out
