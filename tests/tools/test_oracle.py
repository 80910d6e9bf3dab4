"""tools/oracle.py's list of explained differences (tools/oracle_explained.toml): a difference from
citeproc-js counts as explained only where it is listed and looks like its cause."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import oracle  # noqa: E402


def test_every_listed_difference_names_a_cause_with_its_reason_and_a_style_the_oracle_runs():
    causes, listed = oracle.load_explained()
    assert listed and set(causes) == {e.cause for e in listed}  # no cause without a difference
    assert all("CSL 1.0.2" in reason for reason in causes.values())
    assert {e.style for e in listed} <= set(oracle.STYLES)
    assert {e.part for e in listed} <= {"bibliography", "note: first", "note: subsequent", "note: ibid",
                                        "note: ibid-with-locator"}


def test_a_difference_is_explained_only_where_listed_and_with_both_fragments():
    _, listed = oracle.load_explained()
    ours = ("Serge, Victor. (1925) 1970. <i>Ce que tout …</i>. Maspero. Originally published as <i>Les Coulisses"
            " d’une Sûreté générale</i>.")
    cjs = ours.replace("Sûreté générale", "Sûreté Générale")
    diff = ("bibliography", "serge1970ce", ours, cjs)
    assert oracle.explain("chicago-author-date", diff, listed) == "title-case-original-title"
    # the same work differing in another way, in another style, or another work: unexplained
    assert oracle.explain("chicago-author-date", ("bibliography", "serge1970ce", ours, ours + "."), listed) is None
    assert oracle.explain("apa", diff, listed) is None
    assert oracle.explain("chicago-author-date", ("bibliography", "serge1970cf", ours, cjs), listed) is None


def test_an_entry_with_an_unknown_cause_or_a_missing_fragment_is_refused(tmp_path: Path):
    path = tmp_path / "explained.toml"
    path.write_text('[causes.a]\nreason = "r"\n[[entry]]\ncause = "b"\nkey = "k"\nstyles = ["apa"]\n'
                    'parts = ["bibliography"]\nours = "x"\ncjs = "y"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="entry 1 \\(k\\): unknown cause 'b'"):
        oracle.load_explained(path)
    path.write_text('[causes.a]\nreason = "r"\n[[entry]]\ncause = "a"\nkey = "k"\nstyles = ["apa"]\n'
                    'parts = ["bibliography"]\nours = "x"\ncjs = ""\n', encoding="utf-8")
    with pytest.raises(ValueError, match="needs both fragments"):
        oracle.load_explained(path)
