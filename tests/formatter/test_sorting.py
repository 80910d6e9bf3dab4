"""cs:sort and cs:key (sergebib.formatter.extensions.sorting): CSL 1.0.2 "Sorting", keys compared
by the Unicode Collation Algorithm in the style's locale."""

import pytest

from sergebib.formatter import Processor
from sergebib.formatter.extensions.sorting import collation_key


def style(keys: str, layout: str = '<text variable="title"/>', locale: str = "en-US", extra: str = "") -> str:
    return f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0"
        default-locale="{locale}"{extra}>
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <macro name="author"><names variable="author"><name name-as-sort-order="first" and="text"
      delimiter=", " delimiter-precedes-last="always"/><label form="short" prefix=" "/></names></macro>
  <macro name="year"><date variable="issued"><date-part name="year"/></date></macro>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography><sort>{keys}</sort><layout>{layout}</layout></bibliography>
</style>"""


def person(family: str, given: str = "") -> dict:
    return {"family": family, "given": given}


def titles(xml: str, items: list[dict]) -> list[str]:
    return [e.text for e in Processor(xml).bibliography(items)]


def book(key: str, title: str, **fields: object) -> dict:
    return {"id": key, "type": "book", "title": title, **fields}


def test_accented_and_cyrillic_names_sort_by_the_unicode_collation_algorithm():
    # code-point order put "Ébert" and "Čapek" after "Zola"; collation puts them under E and C,
    # and Cyrillic after Latin (not interleaved by code point)
    names = ["Zola", "Иванов", "Ébert", "Dupont", "Fabre", "Čapek", "Œuvres", "Agnès"]
    items = [book(str(i), n, author=[person(n, "X")]) for i, n in enumerate(names)]
    order = titles(style('<key variable="author"/>'), items)
    assert order == ["Agnès", "Čapek", "Dupont", "Ébert", "Fabre", "Œuvres", "Zola", "Иванов"]


def test_macro_keys_collate_too():
    items = [book("1", "Fabre", author=[person("Fabre", "A")]), book("2", "Ébert", author=[person("Ébert", "A")]),
             book("3", "Dupont", author=[person("Dupont", "A")])]
    assert titles(style('<key macro="author"/>'), items) == ["Dupont", "Ébert", "Fabre"]


def test_collation_follows_the_style_locale():
    # in Swedish, "Ö" is a letter after "Z"; in German it sorts with "O"
    items = [book("1", "Östberg", author=[person("Östberg")]), book("2", "Zetterlund", author=[person("Zetterlund")]),
             book("3", "Olsson", author=[person("Olsson")])]
    assert titles(style('<key variable="author"/>', locale="sv-SE"), items) == ["Olsson", "Zetterlund", "Östberg"]
    assert titles(style('<key variable="author"/>', locale="de-DE"), items) == ["Olsson", "Östberg", "Zetterlund"]
    # a locale given to the processor overrides the style's default-locale
    german_style = style('<key variable="author"/>', locale="de-DE")
    swedish = [e.text for e in Processor(german_style, "sv-SE").bibliography(items)]
    assert swedish == ["Olsson", "Zetterlund", "Östberg"]


def test_case_and_accents_do_not_count_and_the_given_order_breaks_ties():
    # "Sorting is case-insensitive": equal keys keep the next key's order, then the given order
    items = [book("1", "b", author=[person("ebert")], issued={"date-parts": [[2001]]}),
             book("2", "a", author=[person("Ébert")], issued={"date-parts": [[2000]]}),
             book("3", "c", author=[person("EBERT")], issued={"date-parts": [[2001]]})]
    assert titles(style('<key variable="author"/><key variable="issued"/>'), items) == ["a", "b", "c"]


def test_punctuation_is_ignored_and_numbers_compare_as_numbers():
    # test suite sort_NameVariable: "Jacob [F]linders" between Doe and Roe; sort_Quotes
    items = [book("1", "Roe", author=[person("Roe", "Jane")]), book("2", "Doe", author=[person("Doe", "John")]),
             book("3", "Flinders", author=[person("[F]linders", "Jacob")])]
    assert titles(style('<key variable="author"/>'), items) == ["Doe", "Flinders", "Roe"]
    volumes = [book(str(n), f"Volume {n}") for n in (10, 9, 100)]
    assert titles(style('<key variable="title"/>'), volumes) == ["Volume 9", "Volume 10", "Volume 100"]


def test_spaces_count_a_short_word_first():
    # test suite sort_LeadingA: "A Hansen" before "Ab Delrahman"; and "Doe, John" before
    # "Doefield, Jane" (each part of a name is its own key)
    items = [book("1", "Ab", author=[person("Ab Delrahman", "Hussein")]),
             book("2", "A", author=[person("A Hansen", "Martin")]),
             book("3", "Doefield", author=[person("Doefield", "Jane")]),
             book("4", "Doe", author=[person("Doe", "John")])]
    assert titles(style('<key variable="author"/>'), items) == ["A", "Ab", "Doe", "Doefield"]


def test_empty_keys_sort_last_in_both_directions():
    items = [book("1", "none"), book("2", "1999", issued={"date-parts": [[1999]]}),
             book("3", "2005", issued={"date-parts": [[2005]]})]
    assert titles(style('<key variable="issued"/>'), items) == ["1999", "2005", "none"]
    assert titles(style('<key variable="issued" sort="descending"/>'), items) == ["2005", "1999", "none"]
    assert titles(style('<key macro="year" sort="descending"/>'), items) == ["2005", "1999", "none"]


def test_dates_less_specific_first_ranges_after_single_dates_and_bc_first():
    # "2000, May 2000, May 1st 2000"; "2000, 2000–2002"; "100BC, 50BC, 50AD"
    dates = {"May 1": [[2000, 5, 1]], "May": [[2000, 5]], "range": [[2000], [2002]], "2000": [[2000]],
             "50AD": [[50]], "100BC": [[-100]]}
    items = [book(str(n), title, issued={"date-parts": parts}) for n, (title, parts) in enumerate(dates.items())]
    assert titles(style('<key variable="issued"/>'), items) == ["100BC", "50AD", "2000", "range", "May", "May 1"]


def test_dates_in_a_macro_key_use_only_the_parts_the_macro_renders():
    # test suite sort_ConditionalMacroDates: the book's year alone (2002) precedes full dates
    macro = """<macro name="issued-date"><group prefix="[" suffix="]"><choose><if type="book">
      <date variable="issued"><date-part name="year" form="long"/></date></if><else>
      <date variable="issued"><date-part name="year" form="long" suffix="-"/><date-part name="month"
      form="numeric" suffix="-"/><date-part name="day" form="numeric"/></date></else></choose></group></macro>"""
    xml = style('<key macro="issued-date"/>').replace("<citation>", macro + "<citation>")
    items = [{"id": "1", "type": "article-journal", "title": "Title 2", "issued": {"date-parts": [[2002, 12, 25]]}},
             {"id": "2", "type": "book", "title": "Title 3", "issued": {"date-parts": [[2002, 11, 30]]}},
             {"id": "3", "type": "article-journal", "title": "Title 1", "issued": {"date-parts": [[2002, 10, 25]]}}]
    assert titles(xml, items) == ["Title 3", "Title 1", "Title 2"]


def test_a_date_range_in_a_macro_key_sorts_by_its_start_after_single_dates():
    # citeproc-js (npm citeproc 2.4, tools/oracle.js) on this style and these items: a range of 1921
    # precedes a date of 1922, and follows the single dates of 1921 when the macro renders the year
    xml = style('<key macro="year"/><key macro="date"/>').replace(
        "<citation>", '<macro name="date"><date variable="issued" form="numeric" date-parts="year-month"/></macro>'
        "<citation>")
    dates = {"A 1922-09": [[1922, 9, 1]], "B 1921-10/12": [[1921, 10], [1921, 12]], "C 1921-10": [[1921, 10]],
             "D 1921-03/04": [[1921, 3], [1921, 4]], "E 1921-01": [[1921, 1]]}
    items = [book(str(n), title, issued={"date-parts": parts}) for n, (title, parts) in enumerate(dates.items())]
    assert titles(xml, items) == ["E 1921-01", "C 1921-10", "D 1921-03/04", "B 1921-10/12", "A 1922-09"]


def test_numeric_variables_sort_as_numbers():
    items = [book(str(n), f"v{n}", volume=str(n)) for n in (12, 3, 101)]
    assert titles(style('<key variable="volume"/>'), items) == ["v3", "v12", "v101"]


def test_names_in_a_macro_key_leave_out_labels_and_the_and_term():
    # test suite sort_WithAndInOneEntry: "Colaresi, Rasler, and Thompson" before "Colaresi and
    # Thompson"; sort_DropNameLabelInSort: an editor's "ed." does not count
    items = [book("1", "two", author=[person("Colaresi", "M"), person("Thompson", "W")]),
             book("2", "three", author=[person("Colaresi", "M"), person("Rasler", "K"), person("Thompson", "W")])]
    assert titles(style('<key macro="author"/>'), items) == ["three", "two"]
    edited = [book("1", "edited", editor=[person("Doe", "John")]),
              book("2", "Eamon", author=[person("Doe", "John Eamon")]),
              book("3", "written", author=[person("Doe", "John")])]
    xml = style('<key macro="editor"/><key variable="title" sort="descending"/>').replace(
        "<citation>", '<macro name="editor"><names variable="author editor"><name/><label form="short" prefix=" "/>'
        "</names></macro><citation>")
    assert titles(xml, edited) == ["written", "edited", "Eamon"]


def test_names_min_and_use_first_on_the_key():
    # CSL 1.0.2: names-min / names-use-first on cs:key override the macro's et-al options: with
    # one name kept, the second author does not count and the title decides
    items = [book("1", "B", author=[person("Doe", "J"), person("Zimmer", "A")]),
             book("2", "A", author=[person("Doe", "J"), person("Adams", "A")])]
    assert titles(style('<key macro="author"/><key variable="title"/>'), items) == ["A", "B"]
    limited = '<key macro="author" names-min="2" names-use-first="1"/><key variable="title" sort="descending"/>'
    assert titles(style(limited), items) == ["B", "A"]


def test_the_et_al_term_is_left_out_of_macro_keys():
    # test suite sort_AguStyleReverseGroups: with one name kept, "Smith" and "Smith et al." are the
    # same key, so the next key (here the title, descending) decides
    items = [book("1", "A", author=[person("Smith", "A")]),
             book("2", "B", author=[person("Smith", "A"), person("Jones", "T"), person("Roberts", "L")])]
    keys = '<key macro="author" names-min="1" names-use-first="1"/><key variable="title" sort="descending"/>'
    assert titles(style(keys), items) == ["B", "A"]


@pytest.mark.parametrize("locale", ["en-US", "fr-FR"])
def test_a_sort_key_is_built_once_per_string(locale: str):
    key = collation_key(locale)
    assert key("Ébert") == key("ebert") < key("Fabre")
    assert collation_key(locale) is key  # one collator per locale


def test_without_icu_the_fallback_key_still_folds_accents_case_and_punctuation():
    # where no ICU binding installs, keys lose locale tailoring but keep the primary-level rules
    from sergebib.formatter.extensions.sorting import _fallback_key

    words = ["Zola", "Ébert", "dupont", "Fabre", "Vol. 10", "[V]ol. 9"]
    assert sorted(words, key=_fallback_key) == ["dupont", "Ébert", "Fabre", "[V]ol. 9", "Vol. 10", "Zola"]
    assert _fallback_key("Ébert") == _fallback_key("ebert")
