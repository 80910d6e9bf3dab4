"""CSL 1.0.2 name variables citeproc-py lacks or could not look up (extensions/variables.py, terms.py)."""

from sergebib.formatter import Cite, Processor

from .test_csl_rules import style


def test_reviewed_author_is_a_name_variable_with_its_verb_label():
    # bugreports_ByBy: reviewed-author (CSL 1.0.2) read as names; its "verb-short" label falls back to "verb"
    xml = style('<group delimiter=", "><text variable="title" prefix="Review of "/>'
                '<names variable="reviewed-author"><label form="verb-short" suffix=" "/><name and="text"/></names>'
                '</group>')
    items = [{"id": "a", "type": "article-journal", "title": "My Title",
              "reviewed-author": [{"family": "Burtle", "given": "Beaver"}]}]
    [entry] = Processor(xml).citations(items, [[Cite("a")]])
    assert entry.text == "Review of My Title, by Beaver Burtle"


def test_hyphenated_name_variables_are_printed():
    # bugreports_GreekStyleProblems: a container-author printed after its prefix
    xml = style('<text variable="title"/><names variable="container-author" prefix=", in: "><name/></names>')
    items = [{"id": "a", "type": "chapter", "title": "Ο Καρυωτάκης και οι Σάτιρες",
              "container-author": [{"family": "Καρυωτάκης", "given": "Κώστας"}]}]
    [entry] = Processor(xml).citations(items, [[Cite("a")]])
    assert entry.text == "Ο Καρυωτάκης και οι Σάτιρες, in: Κώστας Καρυωτάκης"
