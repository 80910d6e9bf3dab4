"""citeproc-js's stepping of a set of ambiguous cites with disambiguate-add-names, by-cite
disambiguate-add-givenname and the disambiguate condition, in an in-text style
(sergebib.formatter.extensions.disambiguation._run_set). The expected strings are citeproc-js's
(npm citeproc 2, run on these items with the MLA style, 9th edition)."""

from sergebib.formatter import Cite, Processor


def work(key: str, kind: str, title: str, *authors: str) -> dict:
    """A work by authors given as "Family, Given"; an article in a journal, titles in Spanish
    where the title says so (no English title case)."""
    item = {"id": key, "type": kind, "title": title, "issued": {"date-parts": [[1942]]},
            "author": [dict(zip(("family", "given"), a.split(", "), strict=True)) for a in authors]}
    if kind == "article-journal":
        item["container-title"] = "The Nation"
    if title.startswith(("¡", "Los ", "A los", "L'")):
        item["language"] = "es"
    return item


def in_text(items: list[dict]) -> list[str]:
    processor = Processor("modern-language-association")
    return [e.text for e in processor.citations(items, [[Cite(i["id"])] for i in items], "html")]


SERGE = [
    work("assassinat", "pamphlet", "L'Assassinat politique et l'URSS", "Serge, Victor", "Wullens, Maurice",
         "Rosmer, Alfred"),
    work("gpu", "pamphlet", "¡La GPU prepara un nuevo crimen!", "Serge, Victor", "Gorkin, Julián", "Pivert, Marceau",
         "Regler, Gustav"),
    work("problemas", "book", "Los problemas del socialismo en nuestro tiempo", "Serge, Victor", "Gorkin, Julián",
         "Pivert, Marceau", "Chevalier, Paul"),
    work("ciudadanos", "personal_communication", "A los ciudadanos", "Serge, Victor", "Gorkin, Julián",
         "Pivert, Marceau"),
    work("letter", "article-journal", "[Letter]", "Serge, Victor", "Gorkin, Julián", "Pivert, Marceau"),
]


def test_names_are_added_up_to_the_names_of_the_shortest_list():
    # "Serge et al." five times: a third name tells the two works of four authors from the three of
    # three; citeproc-js adds no fourth (the set's first cite has three names), and the two are
    # told apart by the condition's title
    assert in_text(SERGE) == [
        "(Serge, Wullens, et al.)",
        "(Serge, Gorkin, Pivert, et al., <i>¡La GPU prepara un nuevo crimen!</i>)",
        "(Serge, Gorkin, Pivert, et al., <i>Los problemas del socialismo en nuestro tiempo</i>)",
        "(Serge, Gorkin, and Pivert, “A los ciudadanos”)",
        "(Serge, Gorkin, and Pivert, “[Letter]”)",
    ]


def test_cites_split_off_after_names_are_done_get_the_condition_text():
    # initials tell "D. L. Macdonald" from Dwight's and Nancy's works, but citeproc-js works
    # through the cites unlike the set's first (by key: Nancy's "a") only once names can do no
    # more: they all get the title. (Were D. L.'s work the set's first, it would be told apart by
    # its name at once: "(D. L. Macdonald)".)
    items = [work("a", "book", "Homage to the Spanish Exiles", "Macdonald, Nancy"),
             work("b", "book", "Memoirs of a Revolutionist", "Macdonald, Dwight"),
             work("c", "article-journal", "Wallace Stevens and Victor Serge", "Macdonald, D. L."),
             work("d", "book", "Letters", "Macdonald, Nancy"),
             work("e", "book", "Politics", "Macdonald, Dwight")]
    assert in_text(items) == [
        "(N. Macdonald, <i>Homage to the Spanish Exiles</i>)",
        "(D. Macdonald, <i>Memoirs of a Revolutionist</i>)",
        "(D. L. Macdonald, “Wallace Stevens and Victor Serge”)",
        "(N. Macdonald, <i>Letters</i>)",
        "(D. Macdonald, <i>Politics</i>)",
    ]
