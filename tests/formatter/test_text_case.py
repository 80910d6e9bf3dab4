"""Text case (sergebib.formatter.extensions.text_case and text); the expected strings are
citeproc-js's, from the CSL test suite's fixtures."""

from sergebib.formatter import Cite, Processor


def style(text: str) -> str:
    return f"""<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout>{text}</layout></citation>
</style>"""


def cased(text_case: str, title: str, **fields: str) -> str:
    items = [{"id": "a", "type": "book", "title": title, **fields}]
    csl = style(f'<text variable="title" text-case="{text_case}"/>')
    return Processor(csl).citations(items, [[Cite("a")]], "html")[0].text


def test_title_case_leaves_small_caps_superscript_and_subscript_as_written():
    # citeproc-js reads <sc>, <sup> and <sub> as implicitly nocase
    assert cased("title", "My <sc>small caps phrase</sc> in a title") == \
        'My <span style="font-variant:small-caps;">small caps phrase</span> in a Title'
    assert cased("title", "My <sup>superscript phrase</sup> in a title") == \
        "My <sup>superscript phrase</sup> in a Title"


def test_title_case_stop_words_greek_letters_and_compounds():
    # CSL 1.0.2 "Title case conversion" stop words (with citeproc-js's further ones: "de",
    # "under"); a Greek letter is left as written; the first part of a compound is capitalized
    assert cased("title", "Supplément aux annales du Service des Antiquités de l'Égypte, Cahier") == \
        "Supplément Aux Annales Du Service Des Antiquités de l’Égypte, Cahier"
    assert cased("title", "Saline solution of β-carotine") == "Saline Solution of β-Carotine"
    assert cased("title", "employee pro-environmental behavior") == "Employee Pro-Environmental Behavior"


def test_lowercase_and_uppercase_keep_nocase_spans():
    title = 'This is a pen that is a <span class="nocase">Smith</span> pencil'
    assert cased("lowercase", title) == "this is a pen that is a Smith pencil"
    assert cased("uppercase", title) == "THIS IS A PEN THAT IS A Smith PENCIL"


def test_uppercase_follows_the_items_language():
    # Turkish dotted and dotless i
    assert cased("uppercase", "ic and ıd TR", language="tr") == "İC AND ID TR"
    assert cased("uppercase", "ia and ıb EN", language="en") == "IA AND IB EN"
