"""cs:text, cs:label and cs:group."""

from __future__ import annotations

import re

from citeproc import model
from citeproc.string import MixedString, NoCase, String

from .markup import QUOTE_CLOSE, QUOTE_OPEN, _Seamed, mark_data
from .numbers import NUMERIC_VARIABLES, PageRanges, Superscripted, is_plural
from .text_case import lower, protect_markup, title_case, upper


class Text(Superscripted, _Seamed, PageRanges, model.Text):
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
        # CSL 1.0.2, "Number Variables": a numeric variable rendered by cs:text is read as numbers
        # too (ranges with an en dash, see PageRanges._process), as citeproc-js reads it
        variable = self.get("variable")
        if variable in NUMERIC_VARIABLES and variable not in ("page", "page-first") and self.get("form") != "short":
            repressed = context.get_layout().repressed
            if self.tag in repressed and variable in repressed[self.tag]:
                return None
            if variable == "locator":
                return self._process(item.locator.identifier, item.locator.label)
            return self._process(item.reference[variable.replace("-", "_")], variable)
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
        # CSL 1.0.2, "Text-case": lowercase and uppercase leave nocase spans and text in small
        # caps, superscript or subscript as written ("a Smith pencil"), in the item's language
        # (see upper, lower)
        text_case = self.get("text-case")
        if text_case in ("lowercase", "uppercase") and str(text):
            change = upper if text_case == "uppercase" else lower
            parts = list(text) if isinstance(text, MixedString) else [text]
            segments = protect_markup([(str(p), isinstance(p, NoCase)) for p in parts])
            return MixedString([NoCase(t) if protected else String(change(t, language))
                                for t, protected in segments])
        if text_case != "title" or language != "en" or not str(text):
            return super().case(text, language)
        parts = list(text) if isinstance(text, MixedString) else [text]
        segments = protect_markup([(str(p), isinstance(p, NoCase)) for p in parts])
        cased = title_case(segments)
        return MixedString([NoCase(t) if protected else String(t)
                            for t, (_, protected) in zip(cased, segments, strict=True)])


# CSL 1.0.2, "Appendix III - Locators": the locator types
LOCATOR_TYPES = ("act", "appendix", "article-locator", "book", "canon", "chapter", "column", "elocation", "equation",
                 "figure", "folio", "issue", "line", "note", "opus", "page", "paragraph", "part", "rule", "scene",
                 "section", "sub-verbo", "supplement", "table", "timestamp", "title-locator", "verse", "version",
                 "volume")


class Label(Superscripted, _Seamed, model.Label):
    def process(self, item, variable=None, plural=None, context=None, **kwargs):  # noqa: ANN001, ANN201
        # CSL 1.0.2, "Label": the term of the variable is printed "only if the selected variable
        # is non-empty"; citeproc-py printed a label ("p.") for an item without the variable.
        # (A label inside cs:names is given its variable by cs:names, which renders names.)
        if variable is None:
            name = self.get("variable", "")
            if name == "locator":
                if not item.has_locator or self._labelled(str(item.locator.identifier)):
                    return None
            elif not item.reference.get(name.replace("-", "_")):
                return None
        return super().process(item, variable, plural, context, **kwargs)

    def _labelled(self, locator: str) -> bool:
        """A locator that opens with the short term of a locator type ("vol. 1, fol. 186") carries
        its own labels: citeproc-js then prints no label before it."""
        head = re.match(r"^\s*([^\W\d_]+\.)\s*\d", locator)
        if head is None:
            return False
        for name in LOCATOR_TYPES:
            term = self.get_term(name, "short")
            if term is not None and head.group(1) in (str(term.single), str(term.multiple)):
                return True
        return False

    def _is_plural(self, item) -> bool:  # noqa: ANN001
        # CSL 1.0.2, "Label": plural "when it contains multiple numbers (e.g. "page 1", "pages
        # 1-3", "volume 2", "volumes 2 & 4"), or, in the case of the "number-of-pages" and
        # "number-of-volumes" variables, when the number is higher than 1" (see is_plural)
        variable = self.get("variable", "")
        value = item.locator.identifier if variable == "locator" else item.reference.get(variable.replace("-", "_"))
        if value is None:
            return False
        conjunctions = ("and", str(self.get_single_term(name="and") or ""))
        if variable.startswith("number-of"):
            return str(value).strip().isdigit() and int(str(value)) > 1 or is_plural(value, conjunctions)
        return is_plural(value, conjunctions)


class Group(_Seamed, model.Group):
    pass


