"""The Library: look-up, queries, and navigation between originals, translations, editions, parts."""

import pytest

from sergebib.model import WorkType


def test_mapping_protocol(lib):
    memoires = lib["serge1951memoires"]
    assert memoires.title == "Mémoires d'un révolutionnaire"
    assert lib["SERGE1951MEMOIRES"] is memoires  # keys compare case-insensitively
    assert len(lib) == len(list(lib)) == len(lib.find()) > 900
    assert "serge1951memoires" in lib and "nope" not in lib


def test_an_unknown_key_suggests_close_ones(lib):
    with pytest.raises(KeyError, match="did you mean serge1951memoires"):
        lib["serge1951memoire"]


def test_find_combines_criteria(lib):
    works = lib.find(author="Serge", type="book", language="fr", year=(1930, 1940), text="révolution")
    assert works and all(w.language == "fr" and 1930 <= w.year <= 1940 for w in works)
    assert "serge1930an" in {w.key for w in works}  # L'An I de la révolution russe
    assert all("revolution" in w.full_title.lower().replace("é", "e") for w in works)


def test_text_search_ignores_accents_and_case(lib):
    assert {w.key for w in lib.find(text="MEMOIRES D'UN REVOLUTIONNAIRE")} >= {"serge1951memoires"}


def test_author_query_finds_every_form_of_a_person(lib):
    by_serge = {w.key for w in lib.find(author="Serge")}
    assert "leretif1911contre" in by_serge  # signed "Le Rétif"
    assert "istrati1929soviets" in by_serge  # printed under Istrati's name, written by Serge
    assert {w.key for w in lib.find(author="Le Rétif")} == by_serge


def test_type_book_includes_novels_and_keyword_novel_selects_genre(lib):
    novels = lib.find(type="novel")
    assert novels and all(w.type is WorkType.NOVEL for w in novels)
    assert set(novels) <= set(lib.find(type="book")) if False else {w.key for w in novels} <= {
        w.key for w in lib.find(type="book")}
    assert "serge1948affaire" in {w.key for w in lib.find(keyword="novel")}


def test_navigation_both_ways(lib):
    affaire = lib["serge1948affaire"]
    tulayev = lib["serge1950case"]
    assert tulayev.original is affaire
    assert tulayev in affaire.translations
    assert lib["serge2004case"].original is tulayev  # the NYRB edition reprints Trask's translation
    assert lib.root_of(lib["serge2004case"]) is affaire
    assert lib["serge2004case"] in tulayev.editions


def test_parts_of_a_collection(lib):
    tropique = lib["serge1972tropique"]
    part_keys = {w.key for w in tropique.parts}
    assert {"serge1972seisme", "serge1972mer"} <= part_keys
    assert lib["serge1972seisme"].parent is tropique


def test_source_documents_are_records_and_citations_are_traceable(lib):
    thesis = lib["weissman1991victor"]
    assert thesis.type is WorkType.THESIS and "source-document" in thesis.keywords
    cited = lib.find(cited_in="weissman1991victor")
    in_map = {c.key for o in lib.citations("weissman1991victor") for c in o.cites}
    assert len(cited) > 800
    assert all(w.key in in_map or any(s.document == "003" for s in w.sources) for w in cited)
