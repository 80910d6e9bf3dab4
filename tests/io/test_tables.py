"""Walk every row of the mapping tables in both directions."""

import pytest

from sergebib.io import tables
from sergebib.io.biblatex_reader import read_biblatex
from sergebib.io.biblatex_writer import format_entry
from sergebib.io.csl_json import work_from_csl, work_to_csl
from sergebib.model import EDTFDate, Name, Work, WorkType
from sergebib.model.names import Contributor, Role

SAMPLE = {"text": "Sample text", "date": EDTFDate.parse("1930-05"), "language": "fr"}


# Rows of a simple kind; relations, keywords and sources rows are walked by the round-trip tests
# (tests/io/test_biblatex.py, test_csl_json.py), and title is in every sample.
SIMPLE_ROWS = [f for f in tables.FIELDS if f.kind in ("names", "text", "date", "language") and f.attr != "title"]


@pytest.mark.parametrize("spec", SIMPLE_ROWS, ids=lambda s: s.bib)
def test_each_field_row_maps_both_ways(spec):
    data = {"key": "serge1930sample", "type": "book", "title": "Sample"}
    if spec.kind == "names":
        data["contributors"] = [Contributor(role=Role(spec.attr), name=Name.parse("Serge, Victor"))]
    else:
        data[spec.attr] = "9781590170786" if spec.attr == "isbn" else SAMPLE[spec.kind]
    work = Work(**data)
    text = format_entry(work)
    assert f"  {spec.bib} = {{" in text
    assert read_biblatex(text).items[0] == work
    assert work_from_csl(work_to_csl(work)) == work


@pytest.mark.parametrize("spec", tables.TYPES, ids=lambda s: s.type.value)
def test_each_type_row_maps_both_ways(spec):
    extra = {"journaltitle": "Esprit"} if spec.type in (WorkType.ARTICLE, WorkType.REVIEW) else {}
    extra |= {"booktitle": "Le Tropique et le Nord"} if spec.type is WorkType.CHAPTER else {}
    work = Work(key="serge1930sample", type=spec.type, title="Sample", **extra)
    text = format_entry(work)
    assert text.startswith(f"@{tables.write_type(spec.type, 'journaltitle' in extra, False)[0]}{{")
    assert read_biblatex(text).items[0] == work
    assert work_to_csl(work)["type"] in (spec.csl, "article-journal", "interview")
    assert work_from_csl(work_to_csl(work)) == work


def test_every_language_row_is_unique_both_ways():
    assert len(tables.BABEL_TO_BCP47) == len(tables.BCP47_TO_BABEL) == len(tables.LANGUAGES)


@pytest.mark.parametrize("wtype", list(WorkType), ids=lambda t: t.value)
def test_every_type_exports_to_classic_bibtex(wtype):
    from sergebib.io.biblatex_writer import format_entry_classic

    container = {} if wtype is WorkType.PERIODICAL else {"journaltitle": "Esprit", "booktitle": "Book"}
    work = Work(key="serge1930sample", type=wtype, title="Sample", **container)
    text, _ = format_entry_classic(work)
    assert text.startswith("@") and "title = {Sample}" in text
