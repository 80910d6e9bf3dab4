"""sergebib: the reference bibliography of Victor Serge studies, as validated records, formatted in
any CSL style. See README.md for the tour; the public API is what `__all__` lists."""

from __future__ import annotations

import functools
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ._lazy import lazy_attributes
from .io.problems import BibliographyError, Problem

if TYPE_CHECKING:
    from .formatter import Entry
    from .library import Library
    from .model import EDTFDate, Name, Role, Work, WorkType

# The records (pydantic) and the library are imported on first use, not by `import sergebib`
# (start-up time, issue #6): `sergebib.Work` and `from sergebib import Work` still work.
_LAZY = {"Library": ".library", "EDTFDate": ".model", "Name": ".model", "Role": ".model", "Work": ".model",
         "WorkType": ".model"}


__getattr__ = lazy_attributes(__name__, _LAZY)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))

__all__ = [
    "BibliographyError", "BibliographyWarning", "EDTFDate", "Library", "Name", "Problem", "Role",
    "Work", "WorkType", "bundled_path", "format_bibliography", "format_citation", "load",
    "load_csl_json", "reading_list",
]
__version__ = "0.1.0"


class BibliographyWarning(UserWarning):
    """A file loaded with problems; the problems are in `Library.problems`."""


def bundled_path() -> Path:
    """The embedded bibliography.bib: inside the installed package, or at the checkout's top."""
    packaged = Path(__file__).resolve().parent / "_data" / "bibliography.bib"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parent.parent / "bibliography.bib"


def _citation_dir(bib: Path) -> Path | None:
    """The citation map belonging to a bibliography: `citations/` beside it (also when installed)."""
    folder = bib.parent / "citations"
    return folder if folder.is_dir() else None


def load(path: str | Path | None = None, *, strict: bool = False) -> Library:
    """Read a biblatex file (default: the bundled bibliography) into a Library.

    Reading is lenient: an entry that cannot become a valid record is kept verbatim (so saving
    loses nothing) and reported in `lib.problems`, with a warning. `strict=True` raises
    `BibliographyError` instead.
    """
    from .io.parse_cache import read_cached
    from .library import Library

    path = Path(path) if path is not None else bundled_path()
    if not path.is_file():
        raise FileNotFoundError(f"no bibliography at {path}")
    parsed = read_cached(path)  # read_biblatex_file, cached on disk by content (io.parse_cache)
    return _finish(Library(parsed.items, problems=parsed.problems, path=path, lines=parsed.lines,
                           field_lines=parsed.field_lines, citation_dir=_citation_dir(path)), strict)


def load_csl_json(path: str | Path, *, strict: bool = False) -> Library:
    """Import CSL-JSON (e.g. exported from Zotero) into a Library."""
    from .io.csl_json import read_csl_json
    from .library import Library

    items, problems = read_csl_json(path)
    return _finish(Library(items, problems=problems, path=Path(path)), strict)


def _finish(lib: Library, strict: bool) -> Library:
    errors = [p for p in lib.problems if p.severity == "error"]
    if errors:
        if strict:
            raise BibliographyError(errors)
        warnings.warn(f"{lib.path}: {len(errors)} entr{'y' if len(errors) == 1 else 'ies'} could not be "
                      f"read and were kept as written; first: {errors[0]}", BibliographyWarning, stacklevel=3)
    return lib


@functools.cache
def _bundled() -> Library:
    return load()


def format_bibliography(works: Iterable[Work], style: str | Path = "chicago-author-date",
                        output: str = "text", locale: str | None = None) -> list[Entry]:
    """Format works as a bibliography in the style's order; each entry has `.key` and `.text`."""
    from .formatter.cache import CachedProcessor
    from .io.csl_json import to_csl_json

    # cached in memory and on disk (sergebib.formatter.cache); SERGEBIB_NO_CACHE=1 turns it off
    return CachedProcessor(style, locale).bibliography(to_csl_json(list(works)), output)


CiteSpec = str | tuple[str, str] | tuple[str, str, str]


def format_citation(cites: Sequence[CiteSpec], style: str | Path = "chicago-notes-bibliography",
                    output: str = "text", library: Library | None = None,
                    locale: str | None = None) -> str:
    """Format one citation (a note or an in-text citation) of one or more works.

    Each cite is a key, `(key, locator)` or `(key, locator, label)`; the label defaults to page.
    """
    from .formatter import Cite
    from .formatter.cache import CachedProcessor

    lib = library if library is not None else _bundled()
    parsed = [Cite(c) if isinstance(c, str) else Cite(*c) for c in cites]
    works = [lib[c.key] for c in parsed]
    parsed = [Cite(w.key, c.locator, c.label) for w, c in zip(works, parsed, strict=True)]
    return CachedProcessor(style, locale).citations(lib.to_csl_json(works), [parsed], output)[0].text


def reading_list(works: Iterable[Work], style: str | Path = "sergebib-reading-list",
                 group_by: str | None = "keyword", output: str = "markdown",
                 title: str | None = None, locale: str | None = None,
                 library: Library | None = None) -> str:
    """A formatted reading list: grouped (by genre keyword, by type, or not at all), each
    translation or reprint listed under its original."""
    from .reading_lists import build_reading_list

    return build_reading_list(list(works), style=style, group_by=group_by, output=output,
                              title=title, locale=locale, library=library)
