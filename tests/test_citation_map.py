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
    # 000: Greeman's endnotes
    ("greeman1993return", None, 3, "R. Parry’s excellent The Bonnot Gang (London 1987)", [("parry1987bonnot", None)]),
    ("greeman1993return", None, 9, "Ibid.", [("sergendnote", None)]),  # after n. 8, "Note of the Author"
    ("greeman1993return", None, 12, "L. Werth, op. cit.", [("werthndpreface", None)]),  # op. cit. -> n. 10
    ("greeman1993return", None, 17, "V. Serge, Tulayev, p. l73; Le révolutionnaires, p. 828",
     [("sergendcase", "173"), ("sergendrevolutionnaires", "828")]),  # two works, short titles, OCR 'l73'
    ("greeman1993return", None, 22, "Ibid., p. 795.", [("sergendrevolutionnaires", "795")]),
    ("greeman1993return", None, 30, "I. Howe, Politics and the Novel (New York 1957), p. 234",
     [("howe1957politics", "234")]),
    # 003: Weissman's footnotes (numbering restarts per chapter)
    ("weissman1991victor", "1", 1, "From Lenin To Stalin</u>, Monad Press, New York, 1973, p. 13. First French edition",
     [("serge1973from", "13"), ("serge1937lenine", None)]),  # an edition and the original it names
    ("weissman1991victor", "1", 3, "Writers and Readers, London, 1984, p. 67. First published as",
     [("serge1984memoirs", "67"), ("serge1951memoires", None)]),
    ("weissman1991victor", "1", 15, "V.Serge, <u>Memoirs</u>, pps. 70-71.", [("serge1984memoirs", "70-71")]),
    # ibid after five lines of body text (a page break in the OCR), then again
    ("weissman1991victor", "1", 16, "Serge, <u>Ibid.</u> p. 71-2,", [("serge1984memoirs", "71-72")]),
    ("weissman1991victor", "1", 17, "<u>Ibid</u>. p. 74.", [("serge1984memoirs", "74")]),
    ("weissman1991victor", "1", 24, "Greeman, <u>ibid</u>., p, 155.", [("greeman1968victor", "155")]),
    ("weissman1991victor", "1", 51, "Suggested by Greeman, <u>op. cit.</u>, p. 184, and confirmed in an interview",
     [("greeman1968victor", "184"), ("kibalchich1986interview", None)]),
]


@needs_seeds
@pytest.mark.parametrize("document, chapter, number, words, cites", SAMPLES,
                         ids=[f"{d}-{c or ''}{n}" for d, c, n, _, _ in SAMPLES])
def test_sampled_notes_resolve_as_the_source_says(lib, document, chapter, number, words, cites):
    occ = note(lib, document, number, chapter)

    def norm(text: str) -> str:
        return " ".join(text.replace("\xa0", " ").split())

    assert norm(words) in norm(seed_line(occ.seed, occ.line))
    assert norm(words) in norm(occ.text)
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


def test_all_31_endnotes_of_greeman_are_mapped(lib):
    notes = [o for o in lib.citations("greeman1993return") if o.note is not None]
    assert [o.note for o in notes] == list(range(1, 32))
    assert all(o.cites or o.nothing for o in notes)


def test_the_thesis_footnotes_are_at_least_97_percent_mapped(lib):
    notes = [o for o in lib.citations("weissman1991victor") if o.note is not None]
    mapped = [o for o in notes if o.cites or o.nothing]
    assert len(notes) > 1000 and len(mapped) / len(notes) >= 0.97
    chapters = {o.chapter for o in notes}
    assert chapters == {"intro", "1", "2", "3", "4.I", "4.II", "5", "5.II"}
    for chapter in chapters:  # numbering restarts per chapter and runs without gaps
        numbers = [o.note for o in notes if o.chapter == chapter]
        assert numbers == list(range(1, len(numbers) + 1)), chapter
