"""The citation map: loading, validation, queries, notes re-rendering, coverage, most-cited."""

import shutil
import textwrap

import pytest
from click.testing import CliRunner

import sergebib
from sergebib.citations import coverage, most_cited, read_citation_file
from sergebib.cli import main
from sergebib.notes import render_notes

ESSAY = """
document = "anonndessay"
seed = "004"

[[occurrence]]
note = 1
line = 36
text = "Serge, Victor. Conquered City. Translated by Richard Greeman. London: Writers and Readers, 1975."
cites = [ { key = "serge1978conquered", how = "edition corrected: 1978" } ]

[[occurrence]]
note = 2
line = 37
text = "Serge, Victor. Memoirs of a Revolutionary. ... New York Review Books, 2002. p. 1"
cites = [ { key = "serge2012memoirs", locator = "1" } ]

[[occurrence]]
note = 3
line = 38
text = "Ibid p. 53"
cites = [ { key = "serge2012memoirs", locator = "53", how = "ibid" } ]

[[occurrence]]
note = 4
line = 39
text = "A conversation."
nothing = "conversation"

[[occurrence]]
line = 30
text = "Memoirs of a Revolutionary"
cites = [ { key = "serge2012memoirs" } ]
unresolved = [ "a quotation with no source" ]
"""


@pytest.fixture
def mapped(tmp_path):
    shutil.copy(sergebib.bundled_path(), tmp_path / "bibliography.bib")
    (tmp_path / "citations").mkdir()
    (tmp_path / "citations" / "004_anonndessay.toml").write_text(textwrap.dedent(ESSAY), encoding="utf-8")
    return sergebib.load(tmp_path / "bibliography.bib")


def test_occurrences_in_document_order(mapped):
    occ = mapped.citations(document="anonndessay")
    assert [o.where for o in occ] == ["n. 1", "n. 2", "n. 3", "n. 4", "line 30"]
    assert occ[2].cites[0].key == "serge2012memoirs" and occ[2].cites[0].locator == "53"
    assert mapped.citation_map.problems == []


def test_a_work_knows_where_it_is_cited(mapped):
    memoirs = mapped["serge2012memoirs"]
    assert [o.where for o in memoirs.cited_in] == ["n. 2", "n. 3", "line 30"]
    assert memoirs in mapped.find(cited_in="anonndessay")


def test_notes_rerendered_in_a_note_style_follow_document_order(mapped):
    notes = render_notes(mapped, "anonndessay", style="chicago-notes-bibliography")
    assert [n.occurrence.note for n in notes] == [1, 2, 3, 4]
    assert notes[1].text.startswith("Victor Serge, Memoirs of a Revolutionary, trans. Peter Sedgwick and George Paizis")
    # subsequent form; citeproc-js prints no translator here: the disambiguate="true" branch
    # holds only where another cited work has the same short note
    assert notes[2].text == "Serge, Memoirs of a Revolutionary, 53."
    assert notes[3].text == "A conversation. [cites nothing: conversation]"


CHAPTERS = """
document = "anonndessay"
seed = "004"

[[occurrence]]
chapter = "1"
note = 1
line = 36
text = "Serge, Memoirs, p. 1"
cites = [ { key = "serge2012memoirs", locator = "1" } ]

[[occurrence]]
chapter = "1"
note = 2
line = 37
text = "Serge, Memoirs, p. 53"
cites = [ { key = "serge2012memoirs", locator = "53" } ]

[[occurrence]]
chapter = "2"
note = 1
line = 38
text = "Serge, Memoirs, p. 1"
cites = [ { key = "serge2012memoirs", locator = "1" } ]
"""


def test_notes_numbered_by_chapter_start_their_positions_again(tmp_path):
    # each note is rendered with its number; where the numbers start again (a new chapter), a
    # work's first note in the chapter is in full again, the later ones short (Chicago)
    shutil.copy(sergebib.bundled_path(), tmp_path / "bibliography.bib")
    (tmp_path / "citations").mkdir()
    (tmp_path / "citations" / "004_anonndessay.toml").write_text(textwrap.dedent(CHAPTERS), encoding="utf-8")
    notes = render_notes(sergebib.load(tmp_path / "bibliography.bib"), "anonndessay")
    assert notes[0].text.startswith("Victor Serge, Memoirs of a Revolutionary, trans. Peter Sedgwick")
    assert notes[1].text == "Serge, Memoirs of a Revolutionary, 53."
    assert notes[2].text == notes[0].text


def test_coverage_and_most_cited(mapped):
    [row] = coverage(mapped)
    assert (row["notes"], row["notes_citing"], row["notes_nothing"], row["prose"], row["resolved"]) == (4, 3, 1, 1, 4)
    assert row["unresolved"] == [("line 30", "a quotation with no source")]
    assert most_cited(mapped, 1) == [("serge2012memoirs", 3, {"anonndessay": 3})]


def test_check_reports_unknown_keys_duplicates_gaps_and_empty_occurrences(tmp_path, lib):
    path = tmp_path / "bad.toml"
    path.write_text(textwrap.dedent("""
        document = "anonndessay"
        seed = "004"

        [[occurrence]]
        note = 1
        line = 36
        text = "x"
        cites = [ { key = "nosuchkey" } ]

        [[occurrence]]
        note = 1
        line = 37
        text = "y"
        nothing = "commentary"

        [[occurrence]]
        note = 4
        line = 38
        text = "z"
        nothing = "commentary"

        [[occurrence]]
        note = 5
        line = 39
        text = "w"
    """), encoding="utf-8")
    occ, problems = read_citation_file(path, {k.lower() for k in lib.keys()})
    reasons = [(p.line, p.reason) for p in problems]
    assert (5, "n. 1: cited key 'nosuchkey' is not a record") in reasons  # line of the [[occurrence]]
    assert (11, "n. 1 appears twice") in reasons
    assert any(line == 23 and "needs `cites`, `nothing`" in r for line, r in reasons)
    assert any("anonndessay's notes: note(s) 2-3 are not mapped" in r for _, r in reasons)


def test_bad_toml_says_where(tmp_path, lib):
    path = tmp_path / "broken.toml"
    path.write_text('document = "x"\nseed = "004"\n[[occurrence]]\nnote = \n', encoding="utf-8")
    _, problems = read_citation_file(path, None)
    assert problems[0].line == 4 and "not valid TOML" in problems[0].reason


def test_cli_notes_coverage_most_cited(mapped):
    runner = CliRunner()
    path = str(mapped.path)
    notes = runner.invoke(main, ["-f", path, "notes", "anonndessay"])
    assert notes.exit_code == 0 and notes.output.splitlines()[2].startswith("3. Serge, Memoirs of a Revolutionary")
    cov = runner.invoke(main, ["-f", path, "coverage"])
    assert "anonndessay" in cov.output and "a quotation with no source" in cov.output
    top = runner.invoke(main, ["-f", path, "most-cited", "-n", "1"])
    assert top.output.split()[:2] == ["3", "serge2012memoirs"]
    assert runner.invoke(main, ["-f", path, "notes", "serge1951memoires"]).exit_code == 1


def test_a_duplicate_note_is_reported_once(tmp_path):
    shutil.copy(sergebib.bundled_path(), tmp_path / "bibliography.bib")
    (tmp_path / "citations").mkdir()
    text = 'document = "anonndessay"\nseed = "004"\n'
    for line in (36, 37):
        text += f'\n[[occurrence]]\nnote = 1\nline = {line}\ntext = "x"\nnothing = "commentary"\n'
    (tmp_path / "citations" / "004_anonndessay.toml").write_text(text, encoding="utf-8")
    lib = sergebib.load(tmp_path / "bibliography.bib")
    assert [(p.line, p.reason) for p in lib.citation_map.problems] == [(10, "n. 1 appears twice")]
