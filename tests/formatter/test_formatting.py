"""Formatting checked against hand-verified strings.

Each expected string below was checked against the style's rules and against citeproc-js
(npm `citeproc` 1.4.61) run on the same CSL-JSON; only renderings where both agree are used here.
Known differences from citeproc-js are the business of the conformance work (issue 5)."""

import pytest

import sergebib
from sergebib.formatter import Processor, StyleNotFoundError, available_styles, resolve_style


@pytest.mark.parametrize(
    "key, style, expected",
    [("serge1969men", "chicago-notes-bibliography",
      "Serge, Victor. <i>Men in Prison</i>. Translated by Richard Greeman. Doubleday, 1969. "
      "Originally published as <i>Les Hommes dans la prison</i> (Rieder, 1930)."),
     ("serge1938resistance", "chicago-notes-bibliography",
      "Serge, Victor. <i>Résistance</i>. Cahiers Les Humbles. Les Humbles, 1938."),
     ("serge1938resistance", "modern-language-association",
      "Serge, Victor. <i>Résistance</i>. Les Humbles, 1938. Cahiers Les Humbles."),
     ("serge1938resistance", "apa", "Serge, V. (1938). <i>Résistance</i>. Les Humbles.")],
)
def test_hand_verified_bibliography_entries(lib, key, style, expected):
    [entry] = sergebib.format_bibliography([lib[key]], style=style, output="html")
    assert entry.key == key
    assert entry.text == expected


def test_full_given_names_in_chicago_and_mla(lib):
    # CSL 1.0.2 name attribute initialize="false": these styles must not print "Serge, V."
    for style in ("chicago-notes-bibliography", "chicago-author-date", "modern-language-association"):
        [entry] = sergebib.format_bibliography([lib["serge1963memoirs"]], style=style)
        assert entry.text.startswith("Serge, Victor."), (style, entry.text)
    [apa] = sergebib.format_bibliography([lib["serge1963memoirs"]], style="apa")
    assert apa.text.startswith("Serge, V. (1963).")  # APA initializes, as it should


def test_existing_initials_get_the_initialize_with_punctuation():
    items = [{"id": "a", "type": "book", "title": "T", "author": [{"family": "Albert", "given": "R"}],
              "issued": {"date-parts": [[1922]]}}]
    [entry] = Processor("chicago-notes-bibliography").bibliography(items)
    assert entry.text.startswith("Albert, R.")


def test_same_year_date_ranges_render(lib):
    # citeproc-py crashed on these (see extensions.dates.Date)
    items = [{"id": "r", "type": "article-journal", "title": "T", "container-title": "Esprit",
              "issued": {"date-parts": [[1936, 4], [1936, 5]]}}]
    [entry] = Processor("sergebib-reading-list").bibliography(items)
    assert "April–May 1936" in entry.text


def test_a_citation_with_a_locator(lib):
    text = sergebib.format_citation([("serge1969men", "12")], style="apa", library=lib)
    assert text == "(Serge, 1930/1969, p. 12)"
    notes = sergebib.format_citation([("serge1969men", "12")], style="chicago-notes-bibliography", library=lib)
    assert notes.startswith("Victor Serge, Men in Prison, trans. Richard Greeman") and notes.endswith(", 12.")


@pytest.mark.parametrize("output, italic", [("html", "<i>Men in Prison</i>"), ("markdown", "*Men in Prison*"),
                                            ("latex", "\\emph{Men in Prison}"), ("text", "Men in Prison")])
def test_each_output_marks_italics_its_own_way(lib, output, italic):
    [entry] = sergebib.format_bibliography([lib["serge1969men"]], style="chicago-notes-bibliography", output=output)
    assert italic in entry.text


def test_styles_by_name_path_and_our_own(tmp_path):
    assert resolve_style("sergebib-reading-list").name == "sergebib-reading-list.csl"
    assert resolve_style("apa").is_file()
    assert resolve_style(str(resolve_style("apa"))) == resolve_style("apa")
    assert "sergebib-reading-list" in available_styles() and len(available_styles()) > 2000


def test_an_unknown_style_names_the_closest(lib):
    with pytest.raises(StyleNotFoundError, match="closest: chicago-notes-bibliography"):
        sergebib.format_bibliography([lib["serge1969men"]], style="chicago-note-bibliography")
    with pytest.raises(StyleNotFoundError, match="does not exist"):
        resolve_style("/no/such/style.csl")


def test_a_broken_style_file_is_a_clear_error(tmp_path, lib):
    bad = tmp_path / "bad.csl"
    bad.write_text("<style><unclosed></style>", encoding="utf-8")
    with pytest.raises(sergebib.formatter.StyleError, match="not a readable CSL file"):
        sergebib.format_bibliography([lib["serge1969men"]], style=bad)


def test_works_a_style_keeps_out_of_bibliographies_are_reported_not_misplaced(lib):
    # citeproc-js (1.4.61) also omits these from a Chicago bibliography and includes the
    # manuscript, not the letter, in APA's
    works = [lib["sergendan"], lib["serge1943letterb"], lib["serge1938resistance"]]
    chicago = sergebib.format_bibliography(works, style="chicago-notes-bibliography")
    assert [e.key for e in chicago] == ["serge1938resistance"]
    assert sorted(chicago.omitted) == ["serge1943letterb", "sergendan"]
    apa = sergebib.format_bibliography(works, style="apa", output="html")
    assert {e.key for e in apa} == {"sergendan", "serge1938resistance"} and apa.omitted == ["serge1943letterb"]
    # the apostrophe is typeset (’), as citeproc-js does with apostrophes in the data
    assert next(e.text for e in apa if e.key == "sergendan").startswith("Serge, V. (n.d.). <i>L’An II de la")
