"""The controlled keyword vocabulary (documented in docs/data-conventions.md and the README),
with the headings reading lists use for each group, in the order groups are printed."""

from __future__ import annotations

GENRES: dict[str, str] = {
    "novel": "Novels",
    "short-story": "Short stories",
    "poetry": "Poetry",
    "memoir": "Memoirs",
    "diary": "Diaries and notebooks",
    "history": "History",
    "politics": "Politics",
    "essay": "Essays and criticism",
    "correspondence": "Correspondence",
    "journalism": "Journalism",
    "translation-by-serge": "Translations by Serge",
    "manuscript": "Unpublished manuscripts",
    "confiscated": "Works confiscated by the Soviet censorship",
}
# When a work carries several genre keywords, it is listed under the most specific one.
GROUP_PRIORITY: tuple[str, ...] = ("translation-by-serge", "confiscated", "manuscript", "correspondence",
                                   "journalism", "novel", "short-story", "poetry", "memoir", "diary",
                                   "history", "politics", "essay")
assert set(GROUP_PRIORITY) == set(GENRES)

SECTIONS: dict[str, str] = {
    "weissman:I.A": "I.A Works on history, literature and politics",
    "weissman:I.B": "I.B Novels and short stories",
    "weissman:I.C": "I.C Poetry",
    "weissman:I.D": "I.D Published correspondence",
    "weissman:I.E": "I.E Unpublished correspondence",
    "weissman:I.F": "I.F Works confiscated by the Soviet censorship",
    "weissman:I.G": "I.G Translations (Russian into French)",
    "weissman:I.H": "I.H Unpublished manuscripts",
    "weissman:I.I": "I.I Journalism",
    "weissman:II": "II Interviews",
    "weissman:III": "III Intelligence files on Victor Serge",
    "weissman:IV.A": "IV.A Theses",
    "weissman:IV.B": "IV.B Articles, reviews and essays about Serge",
    "weissman:IV.C": "IV.C General secondary sources",
}
OTHER: dict[str, str] = {
    "serge": "Works by Victor Serge",
    "secondary": "Works about Serge",
    "context": "Historical and general works",
    "interview": "Interviews",
    "intelligence-file": "Intelligence files",
    "source-document": "The source documents",
}
VOCABULARY: dict[str, str] = {**GENRES, **SECTIONS, **OTHER}


def is_known(keyword: str) -> bool:
    return keyword in VOCABULARY
