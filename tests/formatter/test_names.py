"""Personal names (sergebib.formatter.extensions.names): how CSL-JSON names are read and how
cs:name renders them, one CSL 1.0.2 rule each. Expected strings are citeproc-js's, from the CSL
test-suite fixtures named in each test."""

from sergebib.formatter import Cite, Processor


def style(name: str, attributes: str = "", names: str = "", bibliography: bool = False) -> str:
    layout = f'<layout><names variable="author"{names}>{name}</names></layout>'
    return f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0"{attributes}>
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation>{'<layout><text value="-"/></layout>' if bibliography else layout}</citation>
  {f'<bibliography>{layout}</bibliography>' if bibliography else ''}
</style>"""


def cite(csl: str, *authors: dict, **item: object) -> str:
    items = [{"id": "a", "type": "book", "author": list(authors), **item}]
    return Processor(csl).citations(items, [[Cite("a")]], "html")[0].text


def entry(csl: str, *authors: dict) -> str:
    items = [{"id": "a", "type": "book", "author": list(authors)}]
    return Processor(csl).bibliography(items, "html")[0].text


def test_particles_are_read_from_family_and_given_names():
    # name_ParseNames, bugreports_parseName: lowercase words before the family name are its
    # non-dropping particle, lowercase words after the given name the dropping particle;
    # a family name in double quotes is taken whole
    sorted_names = style('<name name-as-sort-order="all" delimiter="; "/>', ' demote-non-dropping-particle="never"')
    assert cite(sorted_names, {"family": "van Gogh", "given": "Vincent"},
                {"family": "Humboldt", "given": "Alexander von"}) == "van Gogh, Vincent; Humboldt, Alexander von"
    demoted = style('<name name-as-sort-order="all"/>', ' demote-non-dropping-particle="display-and-sort"')
    assert cite(demoted, {"family": "von Hoppel", "given": "Gustav"}) == "Hoppel, Gustav von"
    assert cite(demoted, {"family": '"van Happel"', "given": "Eduard"}) == "van Happel, Eduard"


def test_particles_joined_by_an_apostrophe_or_hyphen():
    # name_ParsedDroppingParticleWithApostrophe, name_HyphenatedNonDroppingParticle2
    affixed = style('<name><name-part name="family" prefix="(" suffix=")"/></name>',
                    ' demote-non-dropping-particle="never"')
    assert cite(affixed, {"family": "Aubignac", "given": "François Hédelin d'"}) == "François Hédelin (d’Aubignac)"
    assert cite(style("<name/>"), {"family": "al-One", "given": "Alan"}) == "Alan al-One"


def test_suffixes_written_in_the_given_name():
    # magic_NameSuffixNoComma, magic_NameSuffixWithComma, name_ArticularWithComma
    plain = style("<name/>")
    assert cite(plain, {"family": "Doe", "given": "John, III"}) == "John Doe III"
    assert cite(plain, {"family": "Doe", "given": "John,! Jr."}) == "John Doe, Jr."
    jeffrey = {"family": "Doe", "given": "Jeffrey", "suffix": "Jr.", "comma-suffix": True}
    assert cite(plain, jeffrey) == "Jeffrey Doe, Jr."


def test_name_part_formatting_and_affixes_around_particles():
    # name_FormattingOfParticles: family formatting reaches the non-dropping particle only;
    # name_namepartAffixes: the family affixes enclose particles and suffix
    upper = style('<name><name-part name="family" text-case="uppercase"/></name>')
    assert cite(upper, {"family": "Meer", "given": "Gerard", "dropping-particle": "van",
                        "non-dropping-particle": "der"}) == "Gerard van DER MEER"
    affixes = style('<name><name-part name="family" prefix="(" suffix=")"/>'
                    '<name-part name="given" prefix="[" suffix="]"/></name>')
    assert cite(affixes, {"family": "Fontaine", "given": "Jean", "dropping-particle": "de",
                          "non-dropping-particle": "La", "suffix": "III"}) == "[Jean] (de La Fontaine III)"


def test_non_latin_names_are_written_family_first_without_a_space():
    # name_AsianGlyphs
    assert cite(style("<name/>"), {"family": "我妻", "given": "栄"}) == "我妻栄"


def test_et_al_needs_use_first_and_follows_the_inverted_name():
    # nameattr_EtAlUseFirstOnCitationInBibliography: et-al-min alone does not truncate;
    # name_AfterInvertedName: delimiter-precedes-et-al / -last="after-inverted-name"
    three = [{"family": "Doe", "given": "John"}, {"family": "Roe", "given": "Jane"},
             {"family": "Snoakes", "given": "Richard"}]
    assert entry(style('<name et-al-min="3" delimiter=", "/>', bibliography=True), *three) == \
        "John Doe, Jane Roe, Richard Snoakes"
    inverted = style('<name name-as-sort-order="first" et-al-min="3" et-al-use-first="1" and="text" '
                     'delimiter-precedes-et-al="after-inverted-name" delimiter-precedes-last="after-inverted-name"/>')
    assert cite(inverted, {"family": "Doebuck", "given": "Jonathan"}, *three[1:]) == "Doebuck, Jonathan, et al."
    assert cite(inverted, {"family": "Appleby", "given": "Aloysius"},
                {"family": "Brown", "given": "Bobby"}) == "Appleby, Aloysius, and Bobby Brown"


def test_et_al_use_first_zero_renders_nothing():
    # etal_UseZeroFirst
    two = [{"family": "Doe", "given": "John"}, {"family": "Roe", "given": "Jane"}]
    csl = style('<name et-al-min="2" et-al-use-first="0"/>', bibliography=True)
    items = [{"id": "a", "type": "book", "author": two, "title": "T"}]
    assert Processor(csl.replace("</names>", '</names><text variable="title"/>', 1)).bibliography(items)[0].text == "T"


def test_subsequent_cites_use_the_subsequent_et_al_options():
    # bugreports_EtAlSubsequent
    csl = style("<name/>").replace("<citation>", '<citation et-al-min="5" et-al-use-first="1" '
                                   'et-al-subsequent-min="3" et-al-subsequent-use-first="1">')
    items = [{"id": "a", "type": "book", "author": [
        {"family": "Doe", "given": "John"}, {"family": "Roe", "given": "Jane"},
        {"family": "Harper", "given": "Katie"}, {"family": "Clutterbuck", "given": "Emmanuel"}]}]
    texts = [e.text for e in Processor(csl).citations(items, [[Cite("a")], [Cite("a")]])]
    assert texts == ["John Doe, Jane Roe, Katie Harper, Emmanuel Clutterbuck", "John Doe et al."]
