"""The parsed bibliography cached on disk (sergebib.io.parse_cache): a second load of the same
file is read from the cache with the same records and problems; a changed file is read again; a
corrupt cache file is ignored. Each test has a cache directory of its own (tests/conftest.py)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import sergebib
from sergebib.io import parse_cache

GOOD = """
@book{serge1930ville,
  author = {Serge, Victor},
  title = {Ville conquise},
  date = {1932},
  publisher = {Rieder},
  location = {Paris},
  langid = {french},
}
"""
BAD_DATE = GOOD.replace("1932", "1930-02-31")


@pytest.fixture(autouse=True)
def counts() -> None:
    parse_cache.stats.update(hit=0, miss=0)


def _load(path: Path) -> sergebib.Library:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return sergebib.load(path)


def test_a_second_load_is_read_from_the_cache(write_bib, formatted_cache: Path) -> None:
    path = write_bib(GOOD)
    first = _load(path)
    second = _load(path)
    assert parse_cache.stats == {"hit": 1, "miss": 1}
    assert len(list((formatted_cache / "parsed").glob("*.pickle"))) == 1
    assert second.to_biblatex() == first.to_biblatex()
    assert second["serge1930ville"].contributors == first["serge1930ville"].contributors
    assert second["serge1930ville"]._library is second


def test_a_bad_record_gives_the_same_clear_error_from_the_cache(write_bib) -> None:
    path = write_bib(BAD_DATE)
    for _ in range(2):
        with pytest.raises(sergebib.BibliographyError, match="does not exist"):
            sergebib.load(path, strict=True)
    assert parse_cache.stats == {"hit": 1, "miss": 1}


def test_a_changed_file_is_read_again(write_bib) -> None:
    path = write_bib(GOOD)
    _load(path)
    path.write_text(GOOD.replace("Ville conquise", "Ville conquise (1932)"), encoding="utf-8")
    assert _load(path)["serge1930ville"].title == "Ville conquise (1932)"
    assert parse_cache.stats == {"hit": 0, "miss": 2}


def test_a_corrupt_cache_file_is_ignored(write_bib, formatted_cache: Path) -> None:
    path = write_bib(GOOD)
    _load(path)
    [stored] = (formatted_cache / "parsed").glob("*.pickle")
    stored.write_bytes(b"\x80\x05 not a pickle")
    assert _load(path)["serge1930ville"].title == "Ville conquise"
    assert parse_cache.stats == {"hit": 0, "miss": 2}
    assert _load(path)["serge1930ville"].title == "Ville conquise"  # rewritten: read from it again
    assert parse_cache.stats["hit"] == 1


def test_off_with_the_environment_variable(write_bib, formatted_cache: Path, monkeypatch) -> None:
    monkeypatch.setenv("SERGEBIB_NO_CACHE", "1")
    path = write_bib(GOOD)
    _load(path)
    _load(path)
    assert parse_cache.stats == {"hit": 0, "miss": 0}
    assert not (formatted_cache / "parsed").exists()
