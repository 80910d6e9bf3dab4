"""Reading lists: Serge's works grouped by genre, translations and editions under their originals."""

import html.parser

import pytest

import sergebib


@pytest.fixture(scope="module")
def serge_works(lib):
    return lib.find(keyword="serge")


def test_text_list_groups_by_genre_and_nests_translations(lib, serge_works):
    text = sergebib.reading_list(serge_works, output="text", title="Victor Serge", library=lib)
    lines = text.splitlines()
    assert lines[0] == "Victor Serge"
    headings = [lines[i] for i in range(1, len(lines) - 1) if set(lines[i + 1]) == {"-"}]
    assert headings[:3] == ["Novels", "Short stories", "Poetry"]
    original = next(i for i, ln in enumerate(lines) if ln.startswith("- Serge, Victor. L’Affaire Toulaév."))
    following = lines[original + 1: original + 6]
    assert any(ln.startswith("  └ Translation (English): Serge, Victor. The Case of Comrade Tulayev. "
                             "Translated by Willard R. Trask.") for ln in following)


def test_serges_translations_are_grouped_as_such_not_as_novels(lib, serge_works):
    text = sergebib.reading_list(serge_works, output="text", title="Serge", library=lib)
    novels = text.split("\nNovels\n")[1].split("\nShort stories\n")[0]
    translations = text.split("\nTranslations by Serge\n")[1]
    assert "Le Ciment" not in novels and "Le Ciment" in translations


def test_markdown_list(lib, serge_works):
    md = sergebib.reading_list(serge_works, output="markdown", library=lib)
    assert "## Novels" in md
    assert "- Serge, Victor. *Les Hommes dans la prison*. Paris: Rieder, 1930." in md
    assert "  - Translation (English): Serge, Victor. *Men in Prison*." in md


def test_html_list_is_well_formed(lib, serge_works):
    out = sergebib.reading_list(serge_works, output="html", library=lib)

    class Checker(html.parser.HTMLParser):
        def __init__(self):
            super().__init__()
            self.stack: list[str] = []

        def handle_starttag(self, tag, attrs):
            self.stack.append(tag)

        def handle_endtag(self, tag):
            assert self.stack and self.stack.pop() == tag, f"unbalanced </{tag}>"

    checker = Checker()
    checker.feed(out)
    assert checker.stack == []
    assert "<l>" not in out  # citeproc-py's non-HTML tag never reaches our output
    assert '<li id="serge1951memoires">' in out


def test_latex_list(lib, serge_works):
    tex = sergebib.reading_list(serge_works, output="latex", library=lib)
    assert tex.count("\\begin{itemize}") == tex.count("\\end{itemize}") > 5
    assert "\\subsection*{Novels}" in tex and "\\emph{Les Hommes dans la prison}" in tex


def test_a_translation_whose_original_is_not_selected_stands_alone(lib):
    english = lib.find(keyword="novel", language="en")
    text = sergebib.reading_list(english, output="text", library=lib)
    assert "- Serge, Victor. Men in Prison. Translated by Richard Greeman." in text
    assert "Les Hommes dans la prison" not in text.split("Men in Prison")[0]


def test_each_thesis_section_in_a_standard_style(lib):
    poetry = lib.find(keyword="weissman:I.C")
    text = sergebib.reading_list(poetry, style="chicago-notes-bibliography", group_by="section",
                                 output="text", library=lib)
    assert text.startswith("I.C Poetry\n")
    assert "Serge, Victor. Résistance. Cahiers Les Humbles. Les Humbles, 1938." in text


def test_bad_grouping_is_refused(lib, serge_works):
    with pytest.raises(ValueError, match="unknown grouping"):
        sergebib.reading_list(serge_works, group_by="colour", library=lib)


def test_a_style_given_as_xml_text_lists_omitted_works_in_note_form(lib):
    from sergebib.formatter import resolve_style

    xml = resolve_style("chicago-notes-bibliography").read_text(encoding="utf-8")
    text = sergebib.reading_list([lib["sergendan"], lib["serge1938resistance"]], style=xml, output="text",
                                 group_by=None, library=lib)
    assert "- Serge, Victor. Résistance." in text
    assert "- Victor Serge, “L’An II de la révolution russe,” unpublished manuscript" in text


HAND_MADE = """
@book{doe1930a,
  entrysubtype = {novel},
  author = {Doe, John},
  title = {Alpha},
  date = {1930},
  publisher = {Rieder},
  keywords = {novel},
}
@book{doe1931b,
  entrysubtype = {novel},
  author = {Doe, John},
  title = {Beta},
  date = {1931},
  publisher = {Rieder},
  keywords = {novel},
}
@book{roe1932c,
  entrysubtype = {novel},
  author = {Roe, Jane},
  title = {Gamma},
  date = {1932},
  publisher = {Rieder},
  keywords = {novel},
}
@book{doe1930d,
  author = {Doe, John},
  title = {Delta},
  date = {1930},
  publisher = {Grasset},
  keywords = {poetry},
}
@book{doe1930e,
  author = {Doe, John},
  title = {Epsilon},
  date = {1930},
  publisher = {Grasset},
  keywords = {poetry},
}
"""


@pytest.fixture
def hand_made(write_bib):
    return sergebib.load(write_bib(HAND_MADE))


def test_repeated_authors_are_dashed_within_each_group(hand_made):
    # MLA asks for "———" in place of the preceding entry's names; in a reading list the first entry
    # of each group shows the names again
    text = sergebib.reading_list(list(hand_made), style="modern-language-association", output="text",
                                 library=hand_made)
    assert text.splitlines() == [
        "Novels", "------",
        "- Doe, John. Alpha. Rieder, 1930.",
        "- ———. Beta. Rieder, 1931.",
        "- Roe, Jane. Gamma. Rieder, 1932.",
        "",
        "Poetry", "------",
        "- Doe, John. Delta. Grasset, 1930.",
        "- ———. Epsilon. Grasset, 1930.",
    ]


def test_year_suffixes_for_two_works_of_one_author_and_year(hand_made):
    text = sergebib.reading_list(list(hand_made), style="apa", output="text", library=hand_made)
    # the bibliography's suffixes (1930a, 1930b, 1930c in APA's order), shown in every group
    assert "- Doe, J. (1930a). Alpha. Rieder." in text
    assert "- Doe, J. (1930b). Delta. Grasset." in text
    assert "- Doe, J. (1930c). Epsilon. Grasset." in text
    assert "- Doe, J. (1931). Beta. Rieder." in text


@pytest.fixture(scope="module")
def serge_1930s(lib):
    return lib.find(keyword="serge", year=(1930, 1932))


def test_bundled_reading_lists_name_serge_in_full_and_dash_repeats(lib, serge_1930s):
    mla = sergebib.reading_list(serge_1930s, style="modern-language-association", output="text", library=lib)
    novels = mla.split("Novels\n------\n")[1].split("\n\n")[0].splitlines()
    assert novels == ["- Serge, Victor. Les Hommes dans la prison. Rieder, 1930.",
                      "- ———. Naissance de notre force. Rieder, 1931.",
                      "- ———. Ville conquise. Rieder, 1932."]
    # every group starts with the names in full
    groups = [g.split("\n", 2)[2].splitlines() for g in mla.split("\n\n") if g.count("\n") > 1]
    assert len(groups) > 2 and not any(lines[0].startswith("- ———") for lines in groups)
    chicago = sergebib.reading_list(serge_1930s, style="chicago-notes-bibliography", output="text", library=lib)
    assert "- Serge, Victor. Les Hommes dans la prison. Rieder, 1930." in chicago


def test_bundled_reading_list_gives_serges_works_of_one_year_suffixes(lib, serge_1930s):
    # Serge's works of 1930 and of 1932 share author and year: author-date styles tell them apart
    apa = sergebib.reading_list(serge_1930s, style="apa", output="text", library=lib)
    assert "- Serge, V. (1930a). L’An I de la révolution russe. Librairie du Travail." in apa
    assert "- Serge, V. (1930b). Les Hommes dans la prison. Rieder." in apa
    assert "- Serge, V. (1932b). Ville conquise. Rieder." in apa
    chicago = sergebib.reading_list(serge_1930s, style="chicago-author-date", output="text", library=lib)
    assert "- Serge, Victor. 1930b. Les Hommes dans la prison. Rieder." in chicago
