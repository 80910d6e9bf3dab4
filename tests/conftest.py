"""Shared fixtures: the bundled library (loaded once) and small .bib snippets written to tmp files."""

from __future__ import annotations

import os
import shutil
import tempfile
import textwrap
from pathlib import Path

import pytest

import sergebib


def pytest_configure(config: pytest.Config) -> None:
    """Before anything is collected or loaded, point the caches (sergebib.formatter.cache,
    sergebib.io.parse_cache) at a directory of this run, never the user's cache directory."""
    folder = tempfile.mkdtemp(prefix="sergebib-test-cache-")
    config._sergebib_cache = folder  # type: ignore[attr-defined]
    os.environ["SERGEBIB_CACHE_DIR"] = folder


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = getattr(config, "_sergebib_cache", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True)
def formatted_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test formats with an empty cache of its own (never the user's cache directory), so no
    test sees output cached by another; subprocesses inherit the variable."""
    from sergebib.formatter import cache

    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv(cache.ENV_DIR, str(folder))
    monkeypatch.setenv(cache.ENV_OFF, "")  # on; whatever a test's `--no-cache` sets is undone after it
    cache.clear_memory()
    return folder


@pytest.fixture(scope="session")
def lib() -> sergebib.Library:
    return sergebib.load()


@pytest.fixture
def write_bib(tmp_path: Path):
    def write(text: str, name: str = "test.bib") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
        return path

    return write
