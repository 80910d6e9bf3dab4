"""cs:text, cs:label and cs:group."""

from __future__ import annotations

import re

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import MixedString, NoCase, String

from .citation_label import citation_label
from .common import RENDERING, XML_LANG, prints_nothing
from .lookups import kept, unoptimised
from .markup import QUOTE_CLOSE, QUOTE_OPEN, _Seamed, mark_data
from .numbers import NUMERIC_VARIABLES, PageRanges, is_plural
from .sorting import labels_left_out
from .substitute import SuppressesSubstituted
from .text_case import lower, protect_markup, title_case, upper

_LOCATOR_RANGE = re.compile(r"\s*[-\u2013]\s*")


class CountsVariables:
    """Mixed into the elements that render variables (cs:text, cs:names, cs:date, cs:number;
    see extensions.Style): each call of a variable, and each one that printed something, is
    counted in the cite or entry being rendered, for cs:group's suppression rule (Group)."""

    def render(self, item, *args, **kwargs):  # noqa: ANN001, ANN201
        variable, after = self._counted_kept
        state = RENDERING.get()
        if state is None or variable is None or variable == "year-suffix":
            return super(after, self).render(item, *args, **kwargs)
        state["called"] = state.get("called", 0) + 1
        text = super().render(item, *args, **kwargs)
        if text is not None and not prints_nothing(text):
            state["rendered"] = state.get("rendered", 0) + 1
        return text

    @kept
    def _counted_kept(self) -> tuple[str | None, type]:
        """(the element's variable, the class after which its render goes on when nothing is
        counted): its attribute, fixed by parsing, read once unless unoptimised. An element that
        renders no variable of the data (none, or year-suffix) has nothing to suppress either: its
        render then goes on past SuppressesSubstituted, where that comes next (a cost, not a rule)."""
        variable = self.get("variable")
        if unoptimised():
            return variable, CountsVariables
        mro = type(self).__mro__
        follows = mro[mro.index(CountsVariables) + 1]
        if (variable is None or variable == "year-suffix") and follows is SuppressesSubstituted:
            return variable, SuppressesSubstituted
        return variable, CountsVariables


def _counts() -> tuple[int, int] | None:
    state = RENDERING.get()
    return None if state is None else (state.get("called", 0), state.get("rendered", 0))


def _count_as_printed(text: object) -> None:
    # a group or macro that prints something counts, for the groups around it, as a variable
    # printed (as in citeproc-js, where `<group><text variable="title"/><group><text value="x"/>
    # </group></group>` prints "x" for an item without a title)
    state = RENDERING.get()
    if state is not None and text is not None and not prints_nothing(text):
        state["rendered"] = state.get("rendered", 0) + 1


def _only_empty_variables(before: tuple[int, int] | None) -> bool:
    """Whether the element rendered since the counts `before` called variables, all empty."""
    after = _counts()
    if before is None or after is None:
        return False
    return after[0] > before[0] and after[1] == before[1]



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
        variable = self.get("variable")
        if variable == "first-reference-note-number":
            note = item.get("first_note")
            return None if note is None else str(note)
        # CSL 1.0.2 "Appendix IV": citation-label, assigned by the processor where the item has
        # none (see citation_label); as in citeproc-js it carries the item's year-suffix
        if variable == "citation-label":
            return citation_label(item.reference) + (item.reference.get("year_suffix") or "")
        if variable == "locator" and item.has_locator:
            return self._locator(item)
        # CSL 1.0.2, "Number Variables": a numeric variable rendered by cs:text is read as numbers
        # too (ranges with an en dash, see PageRanges._process), as citeproc-js reads it
        if variable in NUMERIC_VARIABLES and variable not in ("page", "page-first") and self.get("form") != "short":
            repressed = context.get_layout().repressed
            if self.tag in repressed and variable in repressed[self.tag]:
                return None
            if variable == "locator":
                return self._process(item.locator.identifier, item.locator.label)
            return self._process(item.reference[variable.replace("-", "_")], variable)
        return super()._variable(item, context)

    def _locator(self, item):  # noqa: ANN001, ANN202
        # The locator as citeproc-js prints it: read like field text (quotation marks), without
        # surrounding spaces (" 666"); a range's hyphen ("100 - 103") as an en dash without
        # spaces, and for a page locator in the style's page-range-format (CSL 1.0.2, "Appendix
        # V - Page Range Formats"); a hyphen escaped with a backslash ("327\-30") printed as a
        # hyphen, not read as a range.
        value = mark_data(str(item.locator.identifier).strip())
        if "\\-" in value:
            return value.replace("\\-", "-")
        if item.locator.label == "page" and self.get_root().get("page-range-format"):
            return self._process(value, "page")
        return _LOCATOR_RANGE.sub("\u2013", value)

    def process(self, item, context=None, **kwargs):  # noqa: ANN001, ANN201
        # CSL 1.0.2, "Sorting": the name options of cs:key "affect all names generated via macros
        # called by cs:key", also through macros those call; citeproc-py dropped the options at a
        # cs:text macro call (the same options carry Layout's probe of the names rendered)
        macro, value_only = self._text_kind
        if macro and kwargs.get("sort_options") is not None:
            try:
                language = item.reference.language[:2]
            except VariableError:
                language = self.get_root().get("default-locale", "en")[:2]
            called = self.get_macro(self.get("macro"))
            where = self if context is None else context
            return called.render(item, where, sort_options=kwargs["sort_options"]), language
        # a cs:text value is read like field text (rich text and quotation marks), as citeproc-js
        # reads it; affixes are printed as written
        before = _counts() if macro else None  # (read for a macro only, below)
        text, language = super().process(item, context, **kwargs)
        if value_only:
            text = String(mark_data(self.get("value")))
        # a macro is rendered as citeproc-js renders it, as a group: a macro whose variables are
        # all empty prints nothing, not even its terms (see Group)
        if macro:
            if _only_empty_variables(before):
                text = None
            _count_as_printed(text)
        return text, language

    @kept
    def _text_kind(self) -> tuple[bool, bool]:
        """(whether the element calls a macro, whether it prints only its value): read from its
        attributes, which parsing fixed, so kept unless unoptimised (a cost, not a rule)."""
        attributes = self.attrib
        return ("macro" in attributes,
                not any(a in attributes for a in ("variable", "macro", "term")) and "value" in attributes)

    def case(self, text, language=None):  # noqa: ANN001, ANN201
        # title case by the rules above (see title_case); citeproc-py capitalized words inside
        # compounds wrongly and lowercased the last word of a title when it was a stop word.
        # As before, only English items are title-cased (CSL 1.0.2 "Non-English Items").
        # CSL 1.0.2, "Text-case": lowercase and uppercase leave nocase spans and text in small
        # caps, superscript or subscript as written ("a Smith pencil"), in the item's language
        # (see upper, lower)
        text_case = self.get("text-case")
        if text_case is None and not unoptimised():
            return text  # (citeproc-py's answer without text-case, without asking it; a cost, not a rule)
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


class Label(_Seamed, model.Label):
    _nested_affixes = False  # citeproc-js prints a label's affixes as written

    def process(self, item, variable=None, plural=None, context=None, **kwargs):  # noqa: ANN001, ANN201
        # CSL 1.0.2, "Label": the term of the variable is printed "only if the selected variable
        # is non-empty"; citeproc-py printed a label ("p.") for an item without the variable.
        # (A label inside cs:names is given its variable by cs:names, which renders names.)
        # CSL 1.0.2, "Sorting Macros": "When sorting by name variables rendered within the macro,
        # any cs:label elements are excluded from the sort key values."
        if variable is not None and labels_left_out():
            return None
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
        # a locator with an escaped hyphen ("327\\-30") is one number (see Text._locator)
        if variable == "locator" and "\\-" in str(item.locator.identifier):
            return False
        value = item.locator.identifier if variable == "locator" else item.reference.get(variable.replace("-", "_"))
        if value is None:
            return False
        conjunctions = ("and", str(self.get_single_term(name="and") or ""))
        if variable.startswith("number-of"):
            return str(value).strip().isdigit() and int(str(value)) > 1 or is_plural(value, conjunctions)
        return is_plural(value, conjunctions)
    def case(self, text, language=None):  # noqa: ANN001, ANN201
        # CSL 1.0.2 "Text-case" / "Non-English Items": title case "only affects English-language"
        # text. A label prints a term of the locale, so it is English when the locale is (as
        # citeproc-js has it: "(R. Manheim, Trans.)" in APA); citeproc-py gave it no language
        # and never title-cased it.
        if language is None and self.get("text-case") == "title":
            locales = self.get_root().locales
            language = (locales[-1].get(XML_LANG) or "")[:2] if locales else None
        return super().case(text, language)


class Group(_Seamed, model.Group):
    def process(self, item, context=None, **kwargs):  # noqa: ANN001, ANN201
        # CSL 1.0.2, "Group": "cs:group and its child elements are suppressed if a) at least one
        # rendering element in cs:group calls a variable (either directly or via a macro), and b)
        # all variables that are called are empty." citeproc-py judged by the children's
        # elements, so that a macro printing only a term ("in ") counted as a variable
        # printed; the variables actually called and printed are counted (CountsVariables).
        before = _counts()
        text = super().process(item, context, **kwargs)
        if _only_empty_variables(before):
            raise model.VariableError
        _count_as_printed(text)
        return text




class Term(model.Term):
    # a term is read as XML text: one whose content is only whitespace (a line break and the
    # indentation of `<term name="and others">` ... `</term>`) is empty, as in citeproc-js, and
    # prints nothing (an empty et-al term: no et-al at all); other terms keep their spaces (" AD")
    @property
    def single(self):  # noqa: ANN201
        text = super().single
        return String("") if not str(text).strip() else text

    @property
    def multiple(self):  # noqa: ANN201
        text = super().multiple
        return String("") if not str(text).strip() else text
