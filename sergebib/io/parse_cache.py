"""The parsed bibliography, cached on disk (issue #6: `sergebib.load()` of a file read before).

An addition to reading, never a replacement: the key is a hash of the file's bytes and path,
of the reading code (every file under sergebib/io/ and sergebib/model/) and of the versions of
bibtexparser, pydantic, pylatexenc and Python, so any change to them reads the file again. The
value is the `ParseResult` (records, problems, line numbers), pickled; the library's indexes are
built from it as from a fresh read. Files live beside the formatted output (SERGEBIB_CACHE_DIR or
the user's cache directory, safe to delete) and SERGEBIB_NO_CACHE=1 turns this cache off too. A
file that cannot be read back is ignored and written again.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
import sys
from pathlib import Path

from .biblatex_reader import ParseResult, read_biblatex_file

FORMAT = 1
stats: dict[str, int] = {"hit": 0, "miss": 0}  # for tests and benchmarks


@functools.cache
def code_version() -> str:
    from ..formatter.cache import source_version

    package = Path(__file__).resolve().parent.parent
    return source_version([package / "io", package / "model"],
                          ("bibtexparser", "pydantic", "pydantic-core", "pylatexenc"), f"{FORMAT} {sys.version}")


def read_cached(path: Path) -> ParseResult:
    """`read_biblatex_file(path)`, from the cache when this very file was read before."""
    from ..formatter import cache

    if not cache.enabled():
        return read_biblatex_file(path)
    data = path.read_bytes()
    key = hashlib.sha256(f"{code_version()}\0{path.resolve()}\0".encode() + data).hexdigest()
    stored = cache.cache_dir() / "parsed" / f"{key}.pickle"
    try:
        result = pickle.loads(stored.read_bytes())
        if isinstance(result, ParseResult):
            stats["hit"] += 1
            return result
    except Exception:  # noqa: BLE001 - absent, unreadable or corrupt: read the file again
        pass
    stats["miss"] += 1
    result = read_biblatex_file(path)
    cache.write_atomic(stored, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    return result
