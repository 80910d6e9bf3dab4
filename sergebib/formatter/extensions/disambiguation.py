"""CSL 1.0.2 "Disambiguation": added names, the disambiguate condition, year-suffixes."""

from __future__ import annotations

import warnings

from citeproc import frontend, model

# --- year-suffix disambiguation ------------------------------------------------------------------
# CSL 1.0.2, "Disambiguation" / disambiguate-add-year-suffix: "If set to "true" ("false" is the
# default), an alphabetic year-suffix is added to ambiguous cites (e.g. "Doe 2007, Doe 2007" becomes
# "Doe 2007a, Doe 2007b") and to their corresponding bibliographic entries. The assignment of the
# year-suffixes follows the order of the bibliographic entries, and additional letters are used once
# "z" is reached ("z", "aa", "ab", ..., "az", "ba", etc.). By default, the year-suffix is appended to
# the first year rendered through cs:date in the cite and in the bibliographic entry, but its
# location can be controlled by explicitly rendering the "year-suffix" variable using cs:text."
# Cites are ambiguous here when their first-position renderings are identical (see disambiguate).


def _letters(n: int) -> str:
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out


def _letter_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord("a") + 1
    return n


def _ambiguous(render, keys: list[str]) -> list[list[str]]:
    groups: dict[str, list[str]] = {}
    for key in keys:
        groups.setdefault(render(key), []).append(key)
    return [group for group in groups.values() if len(group) > 1]


def _name_count(reference: object) -> int:
    return max((len(reference.get(v) or []) for v in model.NAMES if isinstance(reference.get(v), list)), default=0)


def disambiguate(style: frontend.CitationStylesStyle, bibliography: object, citations: bool = True) -> None:
    """Disambiguate the cites of `bibliography.items` (registered, and sorted where the style
    sorts its bibliography), in the order of CSL 1.0.2 "Disambiguation":

    - disambiguate-add-names: "Names that would otherwise be hidden as a result of et-al
      abbreviation are added one by one to all members of a set of ambiguous cites, until no
      more cites in the set can be disambiguated by adding names" (`add_names` on the
      reference, read by Name.process). Where that fails and a year-suffix can still tell the
      cites apart, or where added names told none of them apart, their names return to the
      style's count (as citeproc-js does);
    - the disambiguate="true" condition (If), tested true for cites still ambiguous: "the
      element content is only rendered if it disambiguates two otherwise identical citations";
    - disambiguate-add-year-suffix (`year_suffix`), in bibliography order.
    Adding given names (disambiguate-add-givenname) is not implemented yet. Without `citations`
    (a bibliography alone), later cites' forms are not examined."""
    citation_element = style.root.citation
    if citation_element is None:
        return
    add_names = citation_element.get("disambiguate-add-names") == "true"
    year_suffix = citation_element.get("disambiguate-add-year-suffix") == "true"
    condition = bool(style.root.xpath_search("//cs:if[@disambiguate='true'] | //cs:else-if[@disambiguate='true']"))
    if not (add_names or year_suffix or condition):
        return
    from citeproc import Citation, CitationItem

    source = bibliography.source
    keys = [item.key for item in bibliography.items]

    def render(key: str, position: str | None = None) -> str:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # `position` is read by our If, not citeproc-py
            item = CitationItem(key) if position is None else CitationItem(key, position=position)
        probe = Citation([item])
        probe.bibliography = bibliography
        return citation_element.layout.render_citation_alone(probe)

    first = {key: render(key) for key in keys}  # first-position renderings, kept up to date

    def ambiguous() -> list[list[str]]:
        return _ambiguous(first.__getitem__, keys)

    if add_names:
        for group in ambiguous():
            pending = list(group)
            best, best_n = 1, None  # the most distinct renderings of the set, and where first
            for n in range(1, max(_name_count(source[k]) for k in group) + 1):
                for key in pending:
                    source[key]["add_names"] = n
                rendered = {key: render(key) for key in group}
                if len(set(rendered.values())) > best:
                    best, best_n = len(set(rendered.values())), n
                pending = [k for k in pending if list(rendered.values()).count(rendered[k]) > 1]
                if not pending:
                    break
            for key in pending:  # names that did not help are not added
                if best_n is None or year_suffix:
                    source[key].pop("add_names", None)
                else:
                    source[key]["add_names"] = best_n
            first.update({key: render(key) for key in group})
    if condition:
        for group in ambiguous():
            for key in group:
                source[key]["disambiguate"] = {"first"}
            first.update({key: render(key) for key in group})
        if citations:
            # a note style's later cites have a short form of their own, ambiguous or not apart
            # from the first cite's (citeproc-js disambiguates cites in the form they are
            # rendered in); the condition is false in bibliographies
            for group in _ambiguous(lambda key: render(key, "subsequent"), keys):
                for key in group:
                    source[key]["disambiguate"] = source[key].get("disambiguate", set()) | {"subsequent"}
    if year_suffix:
        for group in ambiguous():
            for n, key in enumerate(group):
                source[key]["year_suffix"] = _letters(n)


