"""Integrity checks, with the line and field of each problem."""

import sergebib
from sergebib.validate import expected_key, validate


def test_the_bundled_bibliography_has_no_errors(lib):
    problems = validate(lib, dataset=True)
    errors = [p for p in problems if p.severity == "error"]
    assert errors == []
    # the one warning is a documented case: the thesis lists "L'Anarchisme" twice (003:6461, 6499)
    assert [p.key for p in problems] == ["sergendanarchismeb"]


def test_problems_name_line_key_field_and_reason(write_bib):
    path = write_bib("""
        @book{serge1930hommes,
          author = {Serge, Victor},
          title = {Les Hommes dans la prison},
          date = {1930},
          related = {nosuchkey},
          relatedtype = {translationof},
        }

        @book{Serge1930Hommes,
          title = {Duplicate},
          date = {1930},
        }

        @article{greeman1967victor,
          author = {Greeman, Richard},
          title = {Victor Serge},
          date = {1967},
        }
    """)
    problems = validate(sergebib.load(path))
    found = {(p.key, p.field, p.line): p.reason for p in problems}
    assert "related key 'nosuchkey' does not exist" in found[("serge1930hommes", "related", 5)]
    assert "duplicate key" in found[("Serge1930Hommes", None, 9)]
    assert "needs journaltitle" in found[("greeman1967victor", "journaltitle", 14)]


def test_dataset_rules_require_provenance_language_and_vocabulary(write_bib):
    path = write_bib("@book{serge1930hommes,\n  author = {Serge, Victor},\n  title = {T},\n  date = {1930},\n"
                     "  keywords = {novels},\n}\n")
    reasons = " | ".join(p.reason for p in validate(sergebib.load(path), dataset=True))
    assert "no `sources`" in reasons and "no `langid`" in reasons and "'novels' is not in the controlled" in reasons


def test_a_section_source_needs_the_section_keyword(write_bib):
    path = write_bib("@book{serge1977lutte,\n  author = {Serge, Victor},\n  title = {T},\n  date = {1977},\n"
                     "  langid = {french},\n  keywords = {serge, weissman:I.A},\n"
                     "  sources = {003:6318 [I.A.36]; 003:6382 [I.D.9]},\n}\n")
    reasons = [p.reason for p in validate(sergebib.load(path), dataset=True)]
    assert "cited at 003:6382 [I.D.9] but lacks the keyword 'weissman:I.D'" in reasons
    assert not any("weissman:I.A'" in r for r in reasons)


def test_relation_cycles_are_errors(write_bib):
    path = write_bib("""
        @book{a1930x,
          title = {A},
          date = {1930},
          related = {b1930x},
          relatedtype = {reprintof},
        }

        @book{b1930x,
          title = {B},
          date = {1930},
          related = {a1930x},
          relatedtype = {reprintof},
        }
    """)
    assert any("relation cycle" in p.reason for p in validate(sergebib.load(path)))


def test_the_key_scheme(lib):
    assert expected_key(lib["serge1951memoires"]) == "serge1951memoires"
    assert expected_key(lib["serge1939sil"]) == "serge1939sil"  # S'il: apostrophe dropped
    assert expected_key(lib["serge1930an"]) == "serge1930an"  # L'An: elided article skipped
    assert expected_key(lib["leretif1911contre"], lib.persons) == "leretif1911contre"  # pseudonym kept whole
