"""The cache of formatted output (sergebib.formatter.cache): a repeated call is answered from
memory or disk with identical output; anything the output depends on (a record, the other
items, the style) gives a new key; a corrupt file is ignored. Every test runs with an empty
cache directory of its own (tests/conftest.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import sergebib
from sergebib.cli import main
from sergebib.formatter import Processor, cache
from sergebib.io.csl_json import to_csl_json
from sergebib.model import Contributor, EDTFDate, Name, Role, Work

SAMPLE_STYLES = ["apa", "chicago-author-date", "chicago-notes-bibliography", "modern-language-association",
                 "ieee"]


def _files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.json"))


def _book(key: str, title: str, year: str = "1930") -> Work:
    return Work(key=key, type="book", title=title, language="fr", date=EDTFDate.parse(year),
                publisher="Rieder", location="Paris",
                contributors=[Contributor(role=Role.AUTHOR, name=Name(family="Serge", given="Victor"))])


@pytest.fixture
def sample(lib: sergebib.Library) -> list[Work]:
    return list(lib)[:30]


def test_a_second_call_is_answered_from_memory_then_from_disk(sample, formatted_cache: Path) -> None:
    first = sergebib.format_bibliography(sample, style="apa")
    assert cache.stats == {"memory": 0, "disk": 0, "miss": 1}
    assert len(_files(formatted_cache)) == 1
    again = sergebib.format_bibliography(sample, style="apa")
    assert cache.stats["memory"] == 1
    cache.clear_memory()  # as a new process would: only the file is left
    from_disk = sergebib.format_bibliography(sample, style="apa")
    assert cache.stats == {"memory": 0, "disk": 1, "miss": 0}
    for entries in (again, from_disk):
        assert [(e.key, e.text) for e in entries] == [(e.key, e.text) for e in first]
        assert [e.tree for e in entries] == [e.tree for e in first]


def test_cached_output_is_the_uncached_output(sample) -> None:
    """Byte-identical to the processor without any cache, for a sample of styles (the benchmark
    benchmarks/bench_identical.py runs this over every style)."""
    items = to_csl_json(sample)
    for style in SAMPLE_STYLES:
        plain = [(e.key, e.text) for e in Processor(style).bibliography(items, "html")]
        assert [(e.key, e.text) for e in sergebib.format_bibliography(sample, style, "html")] == plain
        cache.clear_memory()
        assert [(e.key, e.text) for e in sergebib.format_bibliography(sample, style, "html")] == plain
        assert cache.stats["disk"] == 1, style


def test_a_changed_record_misses(sample) -> None:
    sergebib.format_bibliography(sample, style="apa")
    changed = [sample[0].model_copy(update={"title": sample[0].title + " (revised)"}), *sample[1:]]
    entries = sergebib.format_bibliography(changed, style="apa")
    assert cache.stats["miss"] == 2
    assert any("(revised)" in e.text for e in entries)


def test_an_entry_depends_on_the_items_formatted_with_it() -> None:
    """Year-suffix disambiguation: alone, the book is "(1930)"; beside another book of the same
    author and year, it is "(1930a)" or "(1930b)". The cache must not return the first text."""
    ville = _book("serge1930ville", "Ville conquise")
    alone = sergebib.format_bibliography([ville], style="apa")
    together = sergebib.format_bibliography([ville, _book("serge1930naissance", "Naissance de notre force")],
                                            style="apa")
    assert "(1930)" in alone[0].text
    assert {e.key: e.text for e in together}["serge1930ville"] != alone[0].text
    assert cache.stats["miss"] == 2


def test_a_changed_style_misses(sample) -> None:
    from sergebib.formatter.styles import resolve_style

    xml = resolve_style("apa").read_text(encoding="utf-8")
    sergebib.format_bibliography(sample, style=xml)
    sergebib.format_bibliography(sample, style=xml.replace("</style>", "<!-- edited --></style>"))
    assert cache.stats["miss"] == 2
    sergebib.format_bibliography(sample, style=xml)
    assert cache.stats["memory"] == 1


def test_another_output_or_locale_misses(sample) -> None:
    sergebib.format_bibliography(sample, style="apa", output="text")
    sergebib.format_bibliography(sample, style="apa", output="html")
    sergebib.format_bibliography(sample, style="apa", locale="fr-FR")
    assert cache.stats["miss"] == 3


@pytest.mark.parametrize("garbage", ["{not json", '{"key": "another", "value": []}', '{"key": "K", "value": 3}',
                                     ""])
def test_a_corrupt_cache_file_is_ignored_and_rewritten(sample, formatted_cache: Path, garbage: str) -> None:
    first = [e.text for e in sergebib.format_bibliography(sample, style="apa")]
    [path] = _files(formatted_cache)
    path.write_text(garbage.replace('"K"', json.dumps(path.stem)), encoding="utf-8")
    cache.clear_memory()
    assert [e.text for e in sergebib.format_bibliography(sample, style="apa")] == first
    assert cache.stats == {"memory": 0, "disk": 0, "miss": 1}
    assert json.loads(path.read_text(encoding="utf-8"))["key"] == path.stem  # written again, whole


def test_reading_lists_are_cached(lib: sergebib.Library) -> None:
    works = lib.find(keyword="poetry")
    first = sergebib.reading_list(works, library=lib)
    misses = cache.stats["miss"]
    cache.clear_memory()
    assert sergebib.reading_list(works, library=lib) == first
    assert cache.stats["miss"] == 0 and cache.stats["disk"] >= misses


def test_the_cache_can_be_turned_off(sample, formatted_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV_OFF, "1")
    sergebib.format_bibliography(sample, style="apa")
    sergebib.format_bibliography(sample, style="apa")
    assert _files(formatted_cache) == [] and cache.stats == {"memory": 0, "disk": 0, "miss": 0}


def test_no_cache_on_the_command_line(formatted_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV_OFF, "")  # restored after the test, whatever the command sets
    runner = CliRunner()
    result = runner.invoke(main, ["--no-cache", "format", "--style", "apa", "--keyword", "poetry"])
    assert result.exit_code == 0, result.output
    assert _files(formatted_cache) == []
    monkeypatch.setenv(cache.ENV_OFF, "")
    cached = runner.invoke(main, ["format", "--style", "apa", "--keyword", "poetry"])
    assert cached.output == result.output
    assert len(_files(formatted_cache)) == 1


def test_the_cache_directory_is_the_users_unless_given(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    platformdirs = pytest.importorskip("platformdirs")
    monkeypatch.delenv(cache.ENV_DIR)
    assert cache.cache_dir() == Path(platformdirs.user_cache_dir("sergebib"))
    monkeypatch.setenv(cache.ENV_DIR, str(tmp_path))
    assert cache.cache_dir() == tmp_path
