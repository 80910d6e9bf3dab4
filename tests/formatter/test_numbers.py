"""Numbers, ordinals, labels and page ranges (sergebib.formatter.extensions.numbers and text);
the expected strings are citeproc-js's, from the CSL test suite's fixtures."""

from sergebib.formatter import Cite, Processor


def style(citation: str, locale: str = "", terms: str = "", options: str = "") -> str:
    default = f' default-locale="{locale}"' if locale else ""
    return f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0"{default}{options}>
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <locale><terms>{terms}</terms></locale>
  <citation><layout delimiter="; ">{citation}</layout></citation>
</style>"""


def cite(csl: str, items: list[dict], output: str = "html", **locator: str) -> str:
    clusters = [[Cite(str(i["id"]), **locator) for i in items]]
    return Processor(csl).citations(items, clusters, output)[0].text


def test_gendered_ordinals_and_ordinal_namespaces():
    # CSL 1.0.2 "Ordinal Suffixes": the gender-form of the variable's term (edition: feminine,
    # issue: masculine), else the neuter one, else "ordinal"; a locale defining ordinal terms
    # replaces all the ordinal terms of the locales below it (en-US's "3rd" is not used)
    terms = """<term name="ordinal">.ª</term><term name="ordinal-01">.ª</term>
      <term name="ordinal-01" gender-form="masculine">.º</term><term name="ordinal-01" gender-form="feminine">.ª</term>
      <term name="ordinal-02" gender-form="masculine">.ºº</term>
      <term name="issue" gender="masculine">issue</term><term name="edition" gender="feminine">edition</term>"""
    csl = style('<group delimiter=", "><text variable="title"/><group delimiter=" "><number variable="edition" '
                'form="ordinal"/><label variable="edition"/></group><group delimiter=" "><number variable="issue" '
                'form="ordinal"/><label variable="issue"/></group></group>', locale="fr-FR", terms=terms)
    items = [{"id": str(n), "type": "book", "title": title, "edition": str(n), "issue": str(n)}
             for n, title in ((1, "With One"), (2, "With Two"), (3, "With Three"))]
    assert cite(csl, items) == ("With One, 1.<sup>a</sup> edition, 1.<sup>o</sup> issue; "
                                "With Two, 2.<sup>a</sup> edition, 2.<sup>o</sup><sup>o</sup> issue; "
                                "With Three, 3.<sup>a</sup> edition, 3.<sup>a</sup> issue")


def test_french_feminine_ordinal_of_an_edition():
    # CSL 1.0.2 "Ordinal Suffixes" (match="whole-number", gender-form): fr-FR's "1ʳᵉ éd."
    csl = style('<number variable="edition" form="ordinal"/><text term="edition" form="short" prefix=" "/>',
                locale="fr-FR")
    items = [{"id": "a", "type": "book", "edition": 1}]
    assert cite(csl, items) == "1<sup>r</sup><sup>e</sup> éd."
    # plain text has no superscript: it keeps the locale's superscript characters (backends)
    assert cite(csl, items, output="text") == "1\u02b3\u1d49 éd."


def test_superscript_characters_are_superscript():
    # citeproc-js prints Unicode superscript characters as superscript letters, affixes included
    csl = style('<group prefix="(" suffix=")"><number variable="edition" prefix="ª"/></group>')
    assert cite(csl, [{"id": "a", "type": "book", "edition": "2"}]) == "(<sup>a</sup>2)"


def test_numeric_ranges_and_plural_labels():
    # CSL 1.0.2 "Label": plural for multiple numbers; ranges of numbers take an en dash, other
    # hyphens (escaped, or between words) stay as written
    csl = style('<group delimiter=" "><label variable="page"/><text variable="page"/></group>')
    pages = {"1-2": "pages 1–2", "i-ix": "pages i–ix", "3\\-B": "page 3-B",
             "Michaelson-Morely": "page Michaelson-Morely"}
    for page, expected in pages.items():
        assert cite(csl, [{"id": "a", "type": "book", "page": page}]) == expected
    issue = style('<text variable="issue" prefix="n. "/>')
    assert cite(issue, [{"id": "a", "type": "article-journal", "issue": "3-4"}]) == "n. 3–4"


def test_plural_of_number_of_volumes_and_localized_ampersand():
    # CSL 1.0.2 "Label": "number-of-volumes" is plural "when the number is higher than 1"
    csl = style('<group delimiter=" "><label variable="number-of-volumes"/><text variable="number-of-volumes"/>'
                '</group>', terms='<term name="number-of-volumes"><single>volume</single>'
                '<multiple>volumes</multiple></term>')
    items = [{"id": "a", "type": "book", "number-of-volumes": 1}, {"id": "b", "type": "book", "number-of-volumes": 2}]
    assert cite(csl, items) == "volume 1; volumes 2"
    amp = style('<group delimiter=" "><label variable="locator"/><text variable="locator"/></group>',
                terms='<term name="and" form="symbol">AMPERSAND</term>', options=' page-range-format="expanded"')
    assert cite(amp, [{"id": "a", "type": "book"}], locator="213 & 235") == "pages 213 AMPERSAND 235"


def test_roman_page_ranges_are_not_shortened():
    # CSL 1.0.2 "Appendix V - Page Range Formats" applies to arabic numbers; roman ranges keep both
    csl = style('<text variable="page"/>', options=' page-range-format="chicago-16"')
    assert cite(csl, [{"id": "a", "type": "book", "page": "xxv-xxviii"}]) == "xxv–xxviii"
    assert cite(csl, [{"id": "a", "type": "book", "page": "1496-1500"}]) == "1496–500"


def test_a_locator_with_its_own_labels_takes_no_label():
    # citeproc-js: a locator opening with a locator term ("vol.") is printed without the label
    csl = style('<group delimiter=", "><text variable="title"/><group delimiter=" "><label variable="locator" '
                'form="short"/><text variable="locator"/></group></group>',
                terms='<term name="folio" form="short">fol.</term>')
    items = [{"id": "a", "type": "book", "title": "Book Title"}]
    assert cite(csl, items, locator="vol. 1, fol. 186, 8 April 1544") == "Book Title, vol. 1, fol. 186, 8 April 1544"
    assert cite(csl, items, locator="12") == "Book Title, p. 12"
