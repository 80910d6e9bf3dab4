"""cs:text, cs:label and cs:group."""

from __future__ import annotations

from citeproc import model
from citeproc.string import MixedString, NoCase, String

from .citation_label import citation_label
from .markup import QUOTE_CLOSE, QUOTE_OPEN, _Seamed, mark_data
from .numbers import PageRanges
from .text_case import title_case

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class Text(_Seamed, PageRanges, model.Text):
    @property
    def _nested_affixes(self) -> bool:  # type: ignore[override]
        # a cs:text macro is a group to citeproc-js, whose affixes it checks for nesting
        return "macro" in self.attrib

    def quote(self, string):  # noqa: ANN001, ANN201
        # CSL 1.0.2, "Formatting" / quotes: wrapped in quotation marks, which Layout typesets
        # (typeset_quotes, then settle_quotes for punctuation-in-quote)
        if self.get("quotes", "false").lower() != "true":
            return string
        return String(QUOTE_OPEN) + string + String(QUOTE_CLOSE)

    def _variable(self, item, context):  # noqa: ANN001, ANN202
        # CSL 1.0.2, "Number Variables": first-reference-note-number, "the number of a note
        # containing the first reference to the item" (see track_position)
        if self.get("variable") == "first-reference-note-number":
            note = item.get("first_note")
            return None if note is None else str(note)
        # CSL 1.0.2 "Appendix IV": citation-label, assigned by the processor where the item has
        # none (see citation_label); as in citeproc-js it carries the item's year-suffix
        if self.get("variable") == "citation-label":
            return citation_label(item.reference) + (item.reference.get("year_suffix") or "")
        return super()._variable(item, context)

    def process(self, item, context=None, **kwargs):  # noqa: ANN001, ANN201
        # a cs:text value is read like field text (rich text and quotation marks), as citeproc-js
        # reads it; affixes are printed as written
        text, language = super().process(item, context, **kwargs)
        if not any(a in self.attrib for a in ("variable", "macro", "term")) and "value" in self.attrib:
            text = String(mark_data(self.get("value")))
        return text, language

    def case(self, text, language=None):  # noqa: ANN001, ANN201
        # title case by the rules above (see title_case); citeproc-py capitalized words inside
        # compounds wrongly and lowercased the last word of a title when it was a stop word.
        # As before, only English items are title-cased (CSL 1.0.2 "Non-English Items").
        if self.get("text-case") != "title" or language != "en" or not str(text):
            return super().case(text, language)
        parts = list(text) if isinstance(text, MixedString) else [text]
        segments = [(str(p), isinstance(p, NoCase)) for p in parts]
        cased = title_case(segments)
        return MixedString([NoCase(t) if protected else String(t)
                            for t, (_, protected) in zip(cased, segments, strict=True)])


class Label(_Seamed, model.Label):
    _nested_affixes = False  # citeproc-js prints a label's affixes as written

    def process(self, item, variable=None, plural=None, context=None, **kwargs):  # noqa: ANN001, ANN201
        # CSL 1.0.2, "Label": the term of the variable is printed "only if the selected variable
        # is non-empty"; citeproc-py printed a label ("p.") for an item without the variable.
        # (A label inside cs:names is given its variable by cs:names, which renders names.)
        if variable is None:
            name = self.get("variable", "")
            if name == "locator":
                if not item.has_locator:
                    return None
            elif not item.reference.get(name.replace("-", "_")):
                return None
        return super().process(item, variable, plural, context, **kwargs)

    def case(self, text, language=None):  # noqa: ANN001, ANN201
        # CSL 1.0.2 "Text-case" / "Non-English Items": title case "only affects English-language"
        # text. A label prints a term of the locale, so it is English when the locale is (as
        # citeproc-js has it: "(R. Manheim, Trans.)" in APA); citeproc-py gave it no language
        # and never title-cased it.
        if language is None and self.get("text-case") == "title":
            locales = self.get_root().locales
            language = (locales[-1].get(_XML_LANG) or "")[:2] if locales else None
        return super().case(text, language)


class Group(_Seamed, model.Group):
    pass


