"""Bibliographic entries show the names their cites were given by disambiguation
(sergebib.formatter.extensions.names, Name._as_cited), as citeproc-js prints them."""

from sergebib.formatter import Processor

STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation et-al-min="3" et-al-use-first="1" disambiguate-add-names="true" disambiguate-add-givenname="true">
    <layout><names variable="author"><name form="short" and="text"/></names></layout></citation>
  <bibliography et-al-min="3" et-al-use-first="1"><layout><group delimiter=". "><names variable="author">
    <name name-as-sort-order="all" initialize-with=". " and="text"/></names><text variable="title"/></group></layout>
  </bibliography>
</style>"""


def person(family: str, given: str) -> dict:
    return {"family": family, "given": given}


def test_names_added_and_given_names_expanded_for_the_cites_show_in_the_bibliography():
    # citeproc-js (npm citeproc 2.4, run on this style and these items): the cites "Trotsky" need
    # the full given names and "Doe et al." the second name; the entries show them too, while
    # "Smith, A." (never ambiguous) keeps the bibliography's initials
    items = [{"id": "a", "type": "book", "title": "One", "author": [person("Trotsky", "Leon")]},
             {"id": "b", "type": "book", "title": "Two", "author": [person("Trotsky", "Lev")]},
             {"id": "c", "type": "book", "title": "Three",
              "author": [person("Doe", "Ann"), person("Roe", "Bea"), person("Poe", "Cy")]},
             {"id": "d", "type": "book", "title": "Four",
              "author": [person("Doe", "Ann"), person("Moe", "Dan"), person("Poe", "Cy")]},
             {"id": "e", "type": "book", "title": "Five", "author": [person("Smith", "Ann")]}]
    assert [e.text for e in Processor(STYLE).bibliography(items)] == [
        "Trotsky, Leon. One", "Trotsky, Lev. Two", "Doe, A., Roe, B., et al. Three", "Doe, A., Moe, D., et al. Four",
        "Smith, A. Five"]
