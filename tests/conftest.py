"""Shared fixtures: the bundled library (loaded once) and small .bib snippets written to tmp files."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import sergebib


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
