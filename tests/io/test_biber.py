"""biber, biblatex's own backend, validates bibliography.bib against the datamodel we declare."""

import re
import shutil
from pathlib import Path

import pytest

import sergebib
from sergebib.io.biber_datamodel import EXPECTED_GAPS, custom_fields, extended_config, validate_with_biber

needs_biber = pytest.mark.skipif(shutil.which("biber") is None,
                                 reason="biber is not installed (Debian package 'biber'); datamodel not checked")


def test_our_custom_fields_are_declared_once_from_the_table():
    assert {name for name, _, _ in custom_fields()} == {"recipient", "interviewer", "realauthor",
                                                         "archivelocation", "sources"}


@needs_biber
def test_bundled_bibliography_passes_biber_datamodel_validation(tmp_path, lib):
    code, warnings = validate_with_biber(sergebib.bundled_path(), tmp_path)
    assert code == 0
    # The only complaints allowed are the documented gaps (EXPECTED_GAPS), for exactly the records
    # that have them: unsigned articles and web pages whose address the sources do not give.
    flagged = {}
    for w in warnings:
        match = re.search(r"Entry '([^']+)' \(.*?\): (.*)", w)
        assert match, w
        flagged.setdefault(match.group(2), set()).add(match.group(1))
    from sergebib.io.biblatex_writer import entry_type

    unsigned = {w.key for w in lib if entry_type(w) == "article" and not w.authors}
    no_url = {w.key for w in lib if entry_type(w) == "online" and not w.url}
    assert flagged == {k: v for k, v in {EXPECTED_GAPS["article"]: unsigned,
                                          EXPECTED_GAPS["online"]: no_url}.items() if v}


@needs_biber
def test_biber_does_flag_a_broken_entry(tmp_path):
    bad = tmp_path / "in" / "bad.bib"
    bad.parent.mkdir()
    bad.write_text("@book{x1930y,\n  title = {X},\n  date = {1930},\n  nosuchfield = {1},\n}\n", encoding="utf-8")
    code, warnings = validate_with_biber(bad, tmp_path)
    assert any("nosuchfield" in w for w in warnings)
    assert any("Missing mandatory field 'author'" in w for w in warnings)


def test_extended_config_is_valid_xml_with_our_fields():
    default = Path("/usr/share/perl5/Biber/biber-tool.conf")
    if not default.is_file():
        pytest.skip("biber's default configuration is not installed")
    conf = extended_config(default.read_bytes()).decode()
    assert '<field fieldtype="field" datatype="literal">sources</field>' in conf
