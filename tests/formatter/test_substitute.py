"""cs:substitute (sergebib.formatter.extensions.substitute); expected texts are citeproc-js's, from
the CSL test suite fixtures named."""

from sergebib.formatter import Cite, Processor


def style(citation: str, bibliography: str = "", macros: str = "", terms: str = "") -> str:
    locale = f"<locale><terms>{terms}</terms></locale>" if terms else ""
    return f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>{locale}{macros}
  <citation><layout>{citation}</layout></citation>
  {f'<bibliography><layout suffix=".">{bibliography}</layout></bibliography>' if bibliography else ''}
</style>"""


def test_a_substituted_variable_is_not_printed_again():
    # CSL 1.0.2 "Substitute": "Substituted variables are suppressed in the rest of the output"
    # (magic_SuppressDuplicateVariableRendering)
    processor = Processor(style(
        '<text prefix="Should print this: " variable="title"/>'
        '<text prefix=" … and this: " variable="title"/>'
        '<names variable="author" prefix=" … but this only once: "><name/>'
        '<substitute><names variable="editor"/></substitute></names>'
        '<names variable="editor"><name/></names>'))
    items = [{"id": "a", "type": "book", "title": "Book A", "editor": [{"literal": "Blob"}]}]
    [cite] = processor.citations(items, [[Cite("a")]])
    assert cite.text == "Should print this: Book A … and this: Book A … but this only once: Blob"


def test_a_variable_called_twice_in_the_substituting_macro_is_printed_once():
    # substitute_SuppressOrdinaryVariable: the macro that substitutes renders the editors twice
    macros = """<macro name="editor">
      <names variable="editor"><name/><label prefix=" " form="short"/></names>
      <names variable="editor"><name/><label prefix=" "/></names></macro>"""
    processor = Processor(style('<text variable="title"/>', """<group delimiter=". ">
        <names variable="translator"><name/><substitute><text macro="editor"/>
          <text variable="title" quotes="true"/></substitute></names>
        <text variable="title" font-style="italic"/><text variable="publisher"/></group>""", macros))
    items = [{"id": "a", "type": "book", "title": "The Title", "publisher": "The Publisher",
              "editor": [{"family": "Doe", "given": "John-boy"}]}]
    assert processor.bibliography(items)[0].text == "John-boy Doe ed. The Title. The Publisher."


def test_a_term_ends_the_substitution_even_when_empty():
    # substitute_SubstituteOnlyOnceTermEmpty: the first child, an empty term, is the substitution
    processor = Processor(style(
        '<group delimiter=" "><group><text value="Content:"/></group><names variable="translator">'
        '<substitute><text term="editor"/><text term="author"/></substitute></names></group>',
        terms='<term name="author">Author Term Value</term><term name="editor"></term>'))
    [cite] = processor.citations([{"id": "a", "type": "book"}], [[Cite("a")]])
    assert cite.text == "Content:"


def test_a_shorthand_names_inside_a_choose_inherits_the_original_name_and_label():
    # CSL 1.0.2 "Substitute": the shorthand cs:names inherits cs:name (and, as citeproc-js has it,
    # cs:label) also inside cs:choose, as chicago-author-date writes it: "Broué, Pierre, ed."
    # (citeproc-js, via tools/oracle.py), not "P. Broué"
    processor = Processor(style(
        '<text variable="title"/>',
        '<group delimiter=". "><names variable="author"><name name-as-sort-order="first"/>'
        '<label form="short" prefix=", "/><substitute><choose><if type="book">'
        '<names variable="editor"/></if></choose></substitute></names>'
        '<text variable="title"/><names variable="editor" prefix="Edited by "/></group>'))
    items = [{"id": "a", "type": "book", "title": "Le Mouvement communiste en France",
              "editor": [{"family": "Broué", "given": "Pierre"}]}]
    [entry] = processor.bibliography(items)
    assert entry.text == "Broué, Pierre, ed. Le Mouvement communiste en France."
