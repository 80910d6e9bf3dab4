"""CSL-JSON: what citeproc and Zotero read; record -> CSL-JSON -> record loses nothing."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

import sergebib
from sergebib.io.csl_json import date_from_csl, work_from_csl, work_to_csl
from sergebib.model import EDTFDate


def test_every_bundled_record_round_trips(lib):
    for work in lib:
        back = work_from_csl(json.loads(json.dumps(work_to_csl(work))))
        assert back == work.model_copy(update={"contributors": [c.model_copy(update={"person": None})
                                                               for c in work.contributors]}), work.key


def test_csl_variables_for_a_translation(lib):
    item = work_to_csl(lib["serge1963memoirs"])
    assert item["type"] == "book" and item["id"] == "serge1963memoirs"
    assert item["translator"] == [{"family": "Sedgwick", "given": "Peter"}]
    assert item["issued"] == {"date-parts": [[1963]]}
    assert item["original-date"] == {"date-parts": [[1951]]}
    assert item["language"] == "en"


def test_case_protection_and_dashes_become_csl_markup(lib):
    item = work_to_csl(lib["serge1951memoires"])
    assert item["title"] == "Mémoires d'un révolutionnaire: 1901–1941"
    from sergebib.io.text import bib_text_to_csl

    assert bib_text_to_csl("Histoire de l'{URSS}", "title") == 'Histoire de l\'<span class="nocase">URSS</span>'
    assert bib_text_to_csl("377--386", "pages") == "377-386"


def test_importing_foreign_csl_json(tmp_path):
    path = tmp_path / "zotero.json"
    path.write_text(json.dumps([
        {"id": "Serge1930", "type": "book", "title": "Les Hommes dans la prison", "language": "fr",
         "author": [{"family": "Serge", "given": "Victor"}], "issued": {"date-parts": [["1930"]]},
         "publisher": "Rieder", "publisher-place": "Paris"},
        {"id": "bad", "type": "no-such-type", "title": "X"},
    ]), encoding="utf-8")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lib = sergebib.load_csl_json(path)
    work = lib["serge1930"]
    assert work.publisher == "Rieder" and work.location == "Paris" and work.year == 1930
    assert any("no-such-type" in p.reason for p in lib.problems)


def test_csl_dates():
    assert date_from_csl({"date-parts": [[1929], [1930]]}) == EDTFDate.parse("1929/1930")
    assert date_from_csl({"date-parts": [[1948]], "circa": True}) == EDTFDate.parse("1948~")


@settings(max_examples=40, deadline=None)
@given(st.integers(1800, 2030), st.integers(1, 12) | st.none(), st.booleans())
def test_dates_survive_csl(year, month, circa):
    text = f"{year}" + (f"-{month:02d}" if month else "") + ("~" if circa else "")
    date = EDTFDate.parse(text)
    from sergebib.io.csl_json import date_to_csl

    assert date_from_csl(date_to_csl(date)) == date
