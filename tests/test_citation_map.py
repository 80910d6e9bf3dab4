"""The bundled citation map checked against the source documents: note numbers, the record each
citation resolves to, and the locator, for a sample of occurrences per document (ibid chains,
short titles, several works in one note). Expected values are read off the seed lines."""

from pathlib import Path

import pytest

from sergebib.citations import coverage

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds is not beside the checkout")


def seed_line(prefix: str, line: int) -> str:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8").splitlines()[line - 1]


def note(lib, document, number, chapter=None):
    found = [o for o in lib.citations(document) if o.note == number and o.chapter == chapter]
    assert len(found) == 1, (document, chapter, number)
    return found[0]


# (document, chapter, note, words on the seed line, [(key, locator)])
SAMPLES = [
    # 004: the note names the 2002 NYRB Memoirs with a misspelt translator; the edition is of 2012
    ("anonndessay", None, 2, "Memoirs of a Revolutionary. Translated by Peter Sedgwick & George Paizas",
     [("serge2012memoirs", "1")]),
    ("anonndessay", None, 3, "Ibid p. 53", [("serge2012memoirs", "53")]),
    ("anonndessay", None, 12, "Ibid pp387-389", [("serge2012memoirs", "387-389")]),
    ("anonndessay", None, 13, "The Case of Comrade Tulayev. Translated by Willard Trask", [("serge2004case", "71")]),
    ("anonndessay", None, 14, "Memoirs, p. 378", [("serge2012memoirs", "378")]),  # short title
    ("anonndessay", None, 15, "Unforgiving Years. Translated by Richard Greeman", [("serge2008unforgiving", "17")]),
    ("anonndessay", None, 17, "Ibid. p.341", [("serge2012memoirs", "341")]),  # ibid after a short title
]


@needs_seeds
@pytest.mark.parametrize("document, chapter, number, words, cites", SAMPLES,
                         ids=[f"{d}-{c or ''}{n}" for d, c, n, _, _ in SAMPLES])
def test_sampled_notes_resolve_as_the_source_says(lib, document, chapter, number, words, cites):
    occ = note(lib, document, number, chapter)
    assert words in seed_line(occ.seed, occ.line)
    assert words in occ.text
    assert [(c.key, c.locator) for c in occ.cites] == cites


def test_every_endnote_of_the_essay_is_mapped(lib):
    notes = [o.note for o in lib.citations("anonndessay") if o.note is not None]
    assert notes == list(range(1, 18))
    assert all(o.cites or o.nothing for o in lib.citations("anonndessay") if o.note is not None)


def test_prose_mentions_in_the_blog_and_review(lib):
    bayha = {c.key for o in lib.citations("bayha2024victor") for c in o.cites}
    assert {"serge1948affaire", "crossman1949god", "solzhenitsyn1973arkhipelag"} <= bayha
    review = {c.key for o in lib.citations("anonndreview") for c in o.cites}
    assert {"koestler1940darkness", "koestler2019darkness", "serge1969men", "serge1930hommes"} <= review


def test_coverage_rows_add_up(lib):
    for row in coverage(lib):
        assert row["notes_citing"] + row["notes_nothing"] <= row["notes"]
        assert row["resolved"] >= row["notes_citing"]
