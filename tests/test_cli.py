"""The command line, driven as a user would (click's runner)."""

import json

import pytest
from click.testing import CliRunner

import sergebib
from sergebib.cli import main


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, list(args), catch_exceptions=False)

    return invoke


def test_help_reads_well(run):
    result = run("--help")
    assert result.exit_code == 0
    for command in ("list", "show", "search", "format", "reading-list", "export", "import", "validate", "fmt"):
        assert command in result.output


def test_list_and_search(run):
    listed = run("list", "--keyword", "novel", "--language", "fr")
    assert listed.exit_code == 0 and "serge1930hommes" in listed.output and "Men in Prison" not in listed.output
    found = run("search", "memoires d'un revolutionnaire")
    assert found.exit_code == 0 and "serge1951memoires" in found.output
    assert run("search", "zzzz-nothing").exit_code == 1


def test_show_a_record_with_its_relations(run):
    result = run("show", "serge1948affaire")
    assert result.exit_code == 0
    assert "translations: serge1950case" in result.output and "cited: 003:" in result.output
    assert run("show", "serge1948afaire").exit_code == 1


def test_show_as_biblatex_is_the_canonical_entry(run):
    result = run("show", "serge1951memoires", "--as", "biblatex")
    assert result.output.startswith("@book{serge1951memoires,\n  author = {Serge, Victor},")


def test_format_in_a_style(run):
    result = run("format", "--style", "apa", "serge1938resistance")
    assert result.output.strip() == "Serge, V. (1938). Résistance. Les Humbles."


def test_unknown_style_is_a_clear_error(run):
    result = run("format", "--style", "chicago-note-bibliography", "serge1938resistance")
    assert result.exit_code == 1 and "unknown style" in result.output and "chicago-notes-bibliography" in result.output


def test_bad_year_range_is_a_clear_error(run):
    result = run("list", "--year", "nineteen-thirty")
    assert result.exit_code == 2 and "not a year or a range" in result.output


def test_reading_list_default_is_serge_by_genre(run):
    result = run("reading-list")
    assert result.exit_code == 0
    assert result.output.startswith("Victor Serge: a reading list\n")
    assert "\nNovels\n------\n" in result.output


def test_export_formats_parse_back(run, tmp_path):
    out = tmp_path / "serge.json"
    assert run("export", "--to", "csl-json", "--keyword", "poetry", "-o", str(out)).exit_code == 0
    items = json.loads(out.read_text(encoding="utf-8"))
    assert items and all(i["id"] for i in items)
    imported = tmp_path / "imported.bib"
    assert run("import", str(out), "-o", str(imported)).exit_code == 0
    again = sergebib.load(imported)
    assert {w.key for w in again} == {i["id"] for i in items}
    bibtex = run("export", "--to", "bibtex", "--keyword", "poetry")
    assert bibtex.exit_code == 0 and "@misc{" in bibtex.output


def test_validate_exit_codes(run, write_bib):
    assert run("validate", "-q").exit_code == 0
    bad = write_bib("@book{x1930y,\n  title = {X},\n  date = {1930-02-30},\n}\n")
    result = run("validate", str(bad))
    assert result.exit_code == 1 and ":3: error: x1930y [date]: day 30 does not exist in 1930-02" in result.output


def test_fmt_rewrites_into_canonical_form(run, write_bib):
    messy = write_bib("@BOOK{a1930b, TITLE={A}, date=1930}\n")
    assert run("fmt", "--check", str(messy)).exit_code == 1
    assert run("fmt", str(messy)).exit_code == 0
    assert messy.read_text(encoding="utf-8") == "@book{a1930b,\n  title = {A},\n  date = {1930},\n}\n"
    assert run("fmt", "--check", str(messy)).exit_code == 0


def test_cite(run):
    result = run("cite", "--style", "apa", "serge1969men:12")
    assert result.output.strip() == "(Serge, 1930/1969, p. 12)"


@pytest.mark.parametrize("section", ["I.A", "I.B", "I.C", "I.D", "I.E", "I.F", "I.G", "I.H", "I.I"])
def test_each_section_of_serges_works_prints_in_a_standard_style(run, section):
    result = run("reading-list", "--section", section, "--style", "chicago-notes-bibliography")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith(section + " ") and len(lines) > 5
    assert any(line.startswith("- Serge, Victor.") or line.startswith("- Le Rétif.") or "Translated by Victor Serge"
               in line for line in lines)


def test_an_unknown_section_is_refused(run):
    result = run("reading-list", "--section", "V.Z")
    assert result.exit_code == 2 and "is not a section" in result.output
