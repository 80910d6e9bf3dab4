"""subsequent-author-substitute and its rules (sergebib.formatter.extensions.grouping): CSL 1.0.2
"Reference Grouping", names compared as each entry renders them."""

import pytest

from sergebib.formatter import Processor

NAME = ('<name and="symbol" delimiter=", " delimiter-precedes-last="never" delimiter-precedes-et-al="never" '
        'et-al-min="4" et-al-use-first="2"/>')


def style(rule: str | None, names: str = NAME, dash: str = "---") -> str:
    rule_attribute = f' subsequent-author-substitute-rule="{rule}"' if rule else ""
    return f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography subsequent-author-substitute="{dash}"{rule_attribute}>
    <layout suffix="."><group delimiter=". "><names variable="author">{names}<label form="short" prefix=" "/>
      <substitute><names variable="editor"/><text variable="title"/></substitute></names>
      <date variable="issued"><date-part name="year"/></date></group></layout>
  </bibliography>
</style>"""


def person(family: str) -> dict:
    return {"family": family, "given": ""}


# The example of CSL 1.0.2, "Reference Grouping". Its partial-each and partial-first results keep
# "Doe" in 2001, 2003 and 2005, which its rule text does not ("Matching starts with the first name,
# and continues up to the first mismatch"): here the rule text is followed.
AUTHORS = [["Doe"], ["Doe"], ["Doe", "Johnson", "Williams"], ["Doe", "Smith"], ["Doe", "Stevens", "Miller"],
           ["Doe", "Stevens", "Miller"], ["Doe", "Williams", "Brown", "Jones"], ["Doe", "Williams", "Brown", "Jones"]]
ITEMS = [{"id": str(n), "type": "book", "author": [person(a) for a in authors], "issued": {"date-parts": [[year]]}}
         for n, (authors, year) in enumerate(zip(AUTHORS, range(1999, 2007), strict=True))]


@pytest.mark.parametrize(("rule", "expected"), [
    (None, ["Doe. 1999.", "---. 2000.", "Doe, Johnson & Williams. 2001.", "Doe & Smith. 2002.",
            "Doe, Stevens & Miller. 2003.", "---. 2004.", "Doe, Williams et al. 2005.", "---. 2006."]),
    ("complete-each", ["Doe. 1999.", "---. 2000.", "Doe, Johnson & Williams. 2001.", "Doe & Smith. 2002.",
                       "Doe, Stevens & Miller. 2003.", "---, --- & ---. 2004.", "Doe, Williams et al. 2005.",
                       "---, --- et al. 2006."]),
    ("partial-each", ["Doe. 1999.", "---. 2000.", "---, Johnson & Williams. 2001.", "--- & Smith. 2002.",
                      "---, Stevens & Miller. 2003.", "---, --- & ---. 2004.", "---, Williams et al. 2005.",
                      "---, --- et al. 2006."]),
    ("partial-first", ["Doe. 1999.", "---. 2000.", "---, Johnson & Williams. 2001.", "--- & Smith. 2002.",
                       "---, Stevens & Miller. 2003.", "---, Stevens & Miller. 2004.", "---, Williams et al. 2005.",
                       "---, Williams et al. 2006."]),
])
def test_the_four_rules(rule, expected):
    assert [e.text for e in Processor(style(rule)).bibliography(ITEMS)] == expected


def test_a_label_is_not_a_name():
    # test suite sort_SeparateAuthorsAndOthers: "Doe, John." then "--- ed." (the editor
    # substituted for the author, with its label)
    doe = [{"family": "Doe", "given": "John"}]
    items = [{"id": "a", "type": "book", "author": doe, "issued": {"date-parts": [[2001]]}},
             {"id": "b", "type": "book", "editor": doe, "issued": {"date-parts": [[2002]]}}]
    xml = style(None, '<name name-as-sort-order="first" sort-separator=", "/>')
    assert [e.text for e in Processor(xml).bibliography(items)] == ["Doe, John. 2001.", "--- ed. 2002."]


def test_a_substituted_title_is_compared_too():
    # test suite name_SubstitutePartialEach: no author, the title stands in and is replaced
    items = [{"id": "a", "type": "book", "title": "Title One"}, {"id": "b", "type": "book", "title": "Title One"}]
    assert [e.text for e in Processor(style("partial-each")).bibliography(items)] == ["Title One.", "---."]


def test_names_that_only_look_alike_are_kept():
    # the names as rendered are compared, not a piece of the entry's text: "Doe" is not "Doe & Smith"
    items = [{"id": "a", "type": "book", "author": [person("Doe"), person("Smith")],
              "issued": {"date-parts": [[2001]]}},
             {"id": "b", "type": "book", "author": [person("Doe")], "issued": {"date-parts": [[2002]]}}]
    assert [e.text for e in Processor(style(None)).bibliography(items)] == ["Doe & Smith. 2001.", "Doe. 2002."]


def test_runs_restart_the_substitution():
    # a caller showing entries in groups: the first entry of each group shows its names
    entries = Processor(style(None)).bibliography(ITEMS, runs=[["0", "1"], ["4", "5", "2"]])
    assert [e.text for e in entries] == ["Doe. 1999.", "---. 2000.", "Doe, Stevens & Miller. 2003.", "---. 2004.",
                                         "Doe, Johnson & Williams. 2001."]
    assert [e.key for e in entries] == ["0", "1", "4", "5", "2"]


def test_an_entry_the_style_leaves_out_is_not_the_preceding_entry():
    # the letter renders to nothing in this bibliography (as Chicago and MHRA leave letters to the
    # notes); the entry after it follows the first book, whose author it shares
    csl = style(None).replace('<layout suffix=".">', '<layout suffix="."><choose><if type="personal_communication">'
                              '</if><else>').replace("</group></layout>", "</group></else></choose></layout>")
    items = [{"id": "a", "type": "book", "author": [person("Doe")], "issued": {"date-parts": [[1999]]}},
             {"id": "b", "type": "personal_communication", "author": [person("Doe")],
              "issued": {"date-parts": [[2000]]}},
             {"id": "c", "type": "book", "author": [person("Doe")], "issued": {"date-parts": [[2001]]}}]
    entries = Processor(csl).bibliography(items)
    assert [e.text for e in entries] == ["Doe. 1999.", "---. 2001."]
    assert entries.omitted == ["b"]


def test_the_et_al_term_is_not_compared_and_is_replaced_with_the_names():
    # citeproc-js (npm citeproc 2.4, run on this style and these items): "Avrich, Paul, et al."
    # after "Avrich, Paul" renders the same names and is replaced whole ("---. 2002.", not
    # "---, et al."); "Avrich, Paul, and Bo Bee" is not
    one, two, three = ({"family": f, "given": g} for f, g in (("Avrich", "Paul"), ("Bee", "Bo"), ("Cee", "Cy")))
    items = [{"id": str(n), "type": "book", "author": authors, "issued": {"date-parts": [[2000 + n]]}}
             for n, authors in enumerate([[one], [one, two, three], [one], [one, two]], 1)]
    xml = style(None, '<name et-al-min="3" et-al-use-first="1" name-as-sort-order="first" and="text" '
                      'delimiter=", " delimiter-precedes-last="always"/>')
    assert [e.text for e in Processor(xml).bibliography(items)] == ["Avrich, Paul. 2001.", "---. 2002.", "---. 2003.",
                                                                   "Avrich, Paul, and Bo Bee. 2004."]
