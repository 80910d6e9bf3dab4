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
