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


def test_count_adds_up_the_names_of_all_variables():
    # name_AuthorEditorCount: form="count" counts the names shown after et-al truncation
    csl = style('<name form="count"/>', names="").replace('variable="author"', 'variable="author editor"')
    csl = csl.replace("<citation>", '<citation et-al-min="4" et-al-use-first="3">')
    people = [{"family": f"F{n}", "given": "G"} for n in range(6)]
    assert cite(csl, *people[:4], editor=people[4:]) == "5"


def test_initials_keep_markup_and_two_letter_initials():
    # name_InTextMarkupInitialize, name_LongAbbreviation, name_LowercaseSurnameSuffix
    sorted_initials = style('<name name-as-sort-order="all" sort-separator=", " initialize-with=". "/>',
                            bibliography=True)
    assert entry(sorted_initials, {"family": "<b>Doe</b>", "given": "<b>John</b> Quiggly"}) == \
        "<b>Doe</b>, <b>J.</b> Q."
    assert cite(style('<name initialize-with="."/>'), {"family": "Tserendorj", "given": "TSerendorjiin"}) == \
        "Ts. Tserendorj"
    assert cite(style('<name initialize-with=""/>'), {"family": "Chen", "given": "Guo-ping"}) == "G Chen"


def test_an_apostrophe_in_a_particle_is_typographic():
    # name_ParticlesDemoteNonDroppingNever
    csl = style('<name name-as-sort-order="all"/>', ' demote-non-dropping-particle="never"')
    assert cite(csl, {"family": "'t Familyname", "given": "Givenname"}) == "’t Familyname, Givenname"


def test_the_and_term_is_spaced_only_beside_letters_of_spaced_scripts():
    # name_HebrewAnd: the Hebrew "ו" (with a punctuation space) joins the names around it
    csl = style('<name and="text"/>').replace("<citation>", '<locale><terms><term name="and">ו\u2008</term>'
                                              '</terms></locale><citation>')
    assert cite(csl, {"family": "תפוח"}, {"family": "תפוז"}) == "תפוחו\u2008תפוז"


def test_hyphenated_name_variables_are_rendered():
    # name_EtAlWithCombined: citeproc-py never found collection-editor (nor container-author,
    # original-author, ...); a non-Latin et-al term follows the names without a space
    csl = style('<name delimiter="、" et-al-min="2" et-al-use-first="1"/><et-al/>').replace(
        'variable="author"', 'variable="collection-editor"').replace(
        'class="note"', 'class="note" default-locale="zh-TW"')
    items = [{"id": "a", "type": "book", "collection-editor": [
        {"family": "Zither", "given": "Ziggy"}, {"family": "Yoda", "given": "Yossarian"}]}]
    assert Processor(csl).citations(items, [[Cite("a")]])[0].text == "Ziggy Zither等"


def test_literal_and_lone_given_names_are_kept_as_written():
    # name_DelimiterAfterInverted: a literal name is not inverted, so no delimiter before "&";
    # name_OnlyGivenname: a name with no family name is not initialized
    csl = style('<name name-as-sort-order="all" and="symbol" initialize-with=". " '
                'delimiter-precedes-last="after-inverted-name"/>')
    assert cite(csl, {"literal": "Australian Government Productivity Commission"},
                {"literal": "New Zealand Productivity Commission"}) == \
        "Australian Government Productivity Commission &amp; New Zealand Productivity Commission"
    assert cite(style('<name initialize-with="."/>'), {"given": "Banksy"}) == "Banksy"


def test_a_spacing_affix_replaces_the_space_between_given_and_family():
    # name_WithNonBreakingSpace
    csl = style('<name><name-part name="given" suffix="&#160;"/></name>')
    assert cite(csl, {"family": "Doe", "given": "John"}) == "John\u00a0Doe"


def test_names_in_a_sort_key_are_compared_without_the_and_term():
    # sort_WithAndInOneEntry: "Colaresi, Rasler, and Thompson" sorts before "Colaresi and Thompson"
    csl = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <macro name="author"><names variable="author"><name form="short" and="text" delimiter=", "/></names></macro>
  <citation><sort><key macro="author"/></sort><layout delimiter="; "><text macro="author"/></layout></citation>
</style>"""
    items = [{"id": "a", "type": "book", "author": [{"family": "Colaresi"}, {"family": "Thompson"}]},
             {"id": "b", "type": "book", "author": [{"family": "Colaresi"}, {"family": "Rasler"},
                                                    {"family": "Thompson"}]}]
    text = Processor(csl).citations(items, [[Cite("a"), Cite("b")]])[0].text
    assert text == "Colaresi, Rasler, and Thompson; Colaresi and Thompson"
