"""Reading and writing biblatex: the canonical form, lenient reading, classic BibTeX export."""

from pathlib import Path

import bibtexparser
from hypothesis import given, settings
from hypothesis import strategies as st

import sergebib
from sergebib.io.biblatex_reader import RawBlock, read_biblatex
from sergebib.io.biblatex_writer import format_entry, write_bibtex
from sergebib.model import EDTFDate, Name, Relation, SourceRef, Work
from sergebib.model.names import Contributor, Role


def test_the_bundled_bibliography_round_trips_byte_for_byte(lib):
    original = sergebib.bundled_path().read_text(encoding="utf-8")
    assert lib.to_biblatex() == original


def test_fmt_form_is_stable_for_a_messy_file(write_bib):
    path = write_bib("""
        @BOOK{Serge1951Memoires, title={M{\\'e}moires d'un r{\\'e}volutionnaire},
        author = "Serge, Victor", year = 1951, LANGID = {french}, publisher={Seuil}, mycustom = {kept}}
    """)
    lib = sergebib.load(path)
    text = lib.to_biblatex()
    assert "title = {Mémoires d'un révolutionnaire}" in text  # LaTeX escapes decoded to UTF-8
    assert "mycustom = {kept}" in text  # unknown fields survive
    assert read_biblatex(text).items and sergebib.load(write_bib(text, "again.bib")).to_biblatex() == text


def test_a_malformed_file_keeps_every_entry_and_says_where(write_bib):
    path = write_bib("""
        @book{good1930a,
          title = {Good},
          date = {1930},
        }

        @book{baddate1930b,
          title = {Bad date},
          date = {1930-13},
        }

        @book{broken,
          title = {never closed
    """)
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        lib = sergebib.load(path)
    assert caught and "could not be read" in str(caught[0].message)
    assert list(lib.keys()) == ["good1930a"]
    problems = {p.key or "?": p for p in lib.problems}
    bad = problems["baddate1930b"]
    assert (bad.line, bad.field) == (8, "date") and "between 1 and 12" in bad.reason
    assert any(p.line == 11 and "cannot parse" in p.reason for p in lib.problems)
    saved = lib.to_biblatex()
    assert "date = {1930-13}" in saved and "title = {never closed" in saved  # nothing lost


def test_strict_loading_raises_with_all_problems(write_bib):
    path = write_bib("@book{a1930b,\n  title = {A},\n  langid = {klingon},\n}\n")
    try:
        sergebib.load(path, strict=True)
    except sergebib.BibliographyError as exc:
        assert "klingon" in str(exc) and ":3:" in str(exc)
    else:
        raise AssertionError("strict load accepted an unknown language")


def test_entry_types_follow_the_table():
    chapter = Work(key="serge1972seisme", type="chapter", title="Le Séisme", booktitle="Le Tropique et le Nord",
                   contributors=[Contributor(role=Role.AUTHOR, name=Name.parse("Serge, Victor"))])
    assert format_entry(chapter).startswith("@inbook{")  # no editor: a part of an authored book
    edited = chapter.model_copy(update={"contributors": chapter.contributors + [
        Contributor(role=Role.EDITOR, name=Name.parse("Craig, David"))]})
    assert format_entry(edited).startswith("@incollection{")
    poem = Work(key="serge1951mexique", type="poem", title="Mexique", journaltitle="Contemporains")
    assert format_entry(poem).startswith("@article{serge1951mexique,\n  entrysubtype = {poem},")


def test_classic_bibtex_is_latex_escaped_and_parses_back(lib):
    works = [lib["serge1963memoirs"], lib["serge1951memoires"], lib["greeman1993return"]]
    text, notes = write_bibtex(works)
    parsed = {e.key: e for e in bibtexparser.parse_string(text).entries}
    assert set(parsed) == {w.key for w in works}
    memoires = parsed["serge1951memoires"]
    assert memoires.entry_type == "book" and memoires["year"] == "1951"
    assert "\\'" in memoires["title"] and "é" not in memoires["title"]  # LaTeX, not UTF-8
    assert parsed["greeman1993return"]["journal"] == "International Socialism"
    assert "Translated by Peter Sedgwick" in parsed["serge1963memoirs"]["note"]
    assert any("'sources' is not a classic BibTeX field" in n for n in notes)  # kept, and said


# --- property: record -> biblatex -> record ---------------------------------------------------------
_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Co", "Zl", "Zp"),
                                       exclude_characters="{}\\%@#,\"="), min_size=1, max_size=30).map(
    lambda s: " ".join(s.split())).filter(lambda s: s and "--" not in s)
_names = st.lists(st.builds(lambda f, g: Name(family=f.capitalize(), given=g.capitalize()),
                            st.from_regex(r"[A-Za-zéü]{2,10}", fullmatch=True),
                            st.from_regex(r"[A-Za-zéü]{2,10}", fullmatch=True)), max_size=3)
_dates = st.sampled_from(["1930", "1937-01", "1933-06-25", "1929/1930", "1948?", "XXXX"]).map(EDTFDate.parse)


@settings(max_examples=60, deadline=None)
@given(title=_text, authors=_names, translators=_names, date=_dates, publisher=st.none() | _text,
       keywords=st.lists(st.sampled_from(["serge", "novel", "poetry", "context"]), unique=True),
       line=st.integers(1, 9000), related=st.booleans())
def test_any_record_round_trips_through_biblatex(title, authors, translators, date, publisher, keywords,
                                                 line, related):
    work = Work(key="serge1930hommes", type="book", title=title, date=date, publisher=publisher,
                language="fr", keywords=keywords, sources=[SourceRef(document="003", line=line, label="I.B.1")],
                relations=[Relation(type="translationof", target="x1920y")] if related else [],
                contributors=[Contributor(role=Role.AUTHOR, name=n) for n in authors]
                + [Contributor(role=Role.TRANSLATOR, name=n) for n in translators])
    items = read_biblatex(format_entry(work)).items
    assert len(items) == 1 and not isinstance(items[0], RawBlock)
    assert items[0] == work


def test_raw_blocks_keep_comments_and_strings(write_bib):
    path: Path = write_bib("% a comment\n\n@string{rieder = {Rieder}}\n\n@book{a1930b,\n  title = {A},\n}\n")
    lib = sergebib.load(path)
    assert [type(i).__name__ for i in lib.items] == ["RawBlock", "RawBlock", "Work"]
    assert lib.to_biblatex().startswith("% a comment\n\n@string{rieder = {Rieder}}")


def test_latex_specials_are_escaped_in_the_file_and_plain_in_the_record(write_bib):
    work = Work(key="medvedev1980nikolai", type="book", title="Nikolai Bukharin", publisher="W. W. Norton & Company",
                annotation="see https://example.org/a_b?x=50%25 #1")
    text = format_entry(work)
    assert "publisher = {W. W. Norton \\& Company}" in text  # LaTeX would choke on a bare &
    assert "annotation = {see https://example.org/a\\_b?x=50\\%25 \\#1}" in text
    assert read_biblatex(text).items[0] == work
    # the dashes and ties of ordinary text are not touched when undoing our escapes
    tricky = work.model_copy(update={"note": "pp. 1--2 & ~3"})
    assert read_biblatex(format_entry(tricky)).items[0].note == "pp. 1--2 & ~3"
