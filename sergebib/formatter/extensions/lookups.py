"""Look-ups whose answers are fixed once a style is parsed, kept instead of redone. Not CSL rules, a
cost: citeproc-py answers them by XPath queries over the style at every call (a term, a macro, an
inherited option, the enclosing layout), and asks macros again and again whether they call a
variable (cs:group's suppression rule). The style and locale trees are not changed after parsing,
so an XPath query from a given element always has the same answer.

`SERGEBIB_UNOPTIMISED=1` in the environment (read when the first style is parsed) leaves all of this
out, for the benchmark that checks the output is byte-identical without it."""

from __future__ import annotations

import os

import citeproc
from citeproc import model


def unoptimised() -> bool:
    return os.environ.get("SERGEBIB_UNOPTIMISED", "") not in ("", "0")


class Lookups:
    """Mixed into every element class of the styles we parse (see extensions.Style).

    Answers are kept in a table on the root element (whose proxy the parsed style keeps alive),
    keyed by the element itself: the table holds the element proxies, so none is collected and
    re-created while its answers are kept."""

    def xpath_search(self, expression: str) -> list:
        root = self.get_root()
        table = root.__dict__.get("_xpath_table")
        if table is None:
            table = root.__dict__["_xpath_table"] = {}
        key = (self, expression)
        found = table.get(key)
        if found is None:
            found = table[key] = super().xpath_search(expression)
        return list(found)

    def get_term(self, name, *args, **kwargs):  # noqa: ANN001, ANN201
        # a style element's answer depends on the style's locales only (citeproc-py's get_term
        # reads nothing else of the element it is asked from); a cs:locale's own is not kept
        root = self.get_root()
        if isinstance(self, model.Locale) or isinstance(root, model.Locale):
            return super().get_term(name, *args, **kwargs)
        table = root.__dict__.get("_term_table")
        if table is None:
            table = root.__dict__["_term_table"] = {}
        key = (name, args, tuple(sorted(kwargs.items())))
        if key not in table:
            table[key] = super().get_term(name, *args, **kwargs)
        return table[key]


class Macro(model.Macro):
    def calls_variable(self) -> bool:
        known = self.__dict__.get("calls_a_variable")
        if known is None:
            known = self.__dict__["calls_a_variable"] = super().calls_variable()
        return known


class CitationItem(citeproc.CitationItem):
    """A cite that finds its reference once: citeproc-py looks it up (cite -> citation ->
    bibliography -> source) at every variable and condition it evaluates, hundreds of times per
    entry. A cite belongs to one citation of one bibliography for its whole life."""

    @property
    def reference(self):  # noqa: ANN201
        found = self.__dict__.get("_reference")
        if found is None:
            found = super().reference
            if not unoptimised():
                self.__dict__["_reference"] = found
        return found
