"""The command line's progress bar: on stderr, for jobs of PROGRESS_MIN entries or more, on a
terminal only; the output itself is the same with or without it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from sergebib import cli


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if stderr were a terminal (CliRunner's streams are not)."""
    monkeypatch.setattr(cli, "_stderr_is_terminal", lambda: True)


def _run(*args: str):  # noqa: ANN202
    result = CliRunner().invoke(cli.main, list(args))
    assert result.exit_code == 0, result.output
    return result


def test_a_small_job_prints_no_bar(terminal: None) -> None:
    result = _run("format", "--style", "apa", "--keyword", "poetry")
    assert result.stdout.strip() and result.stderr == ""
    assert _run("export", "--to", "csl-json").stderr == ""  # 1,124 entries: below the threshold


def test_no_bar_off_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "PROGRESS_MIN", 1)
    assert _run("format", "--style", "apa", "--keyword", "poetry").stderr == ""


def test_a_long_job_shows_a_bar_on_stderr_only(terminal: None, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = {args: _run(*args).stdout for args in (("format", "--style", "apa", "--keyword", "poetry"),
                                                   ("export", "--to", "bibtex", "--keyword", "novel"),
                                                   ("export", "--to", "csl-json", "--keyword", "novel"),
                                                   ("export",))}
    monkeypatch.setattr(cli, "PROGRESS_MIN", 1)
    for args, stdout in plain.items():
        result = _run("--no-cache", *args)
        assert result.stdout == stdout, args
        assert ("formatting" if args[0] == "format" else "exporting") in result.stderr
