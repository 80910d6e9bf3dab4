"""Macro look-ups kept on the parsed style."""

from __future__ import annotations

from citeproc import model


class _MacroLookup:
    """Not a CSL rule, a cost: citeproc-py finds a macro by an XPath query at every call, and asks
    macros again and again whether they call a variable (cs:group's suppression rule); both
    answers are fixed for a style, so they are kept on the parsed style (macros by name on the
    root element, the answer on the macro, kept alive by the root's table)."""

    def get_macro(self, name):  # noqa: ANN001, ANN201
        root = self.get_root()
        table = getattr(root, "macro_table", None)
        if table is None:
            table = root.macro_table = {}
        if name not in table:
            table[name] = super().get_macro(name)
        return table[name]


class Macro(model.Macro):
    def calls_variable(self) -> bool:
        known = getattr(self, "calls_a_variable", None)
        if known is None:
            known = self.calls_a_variable = super().calls_variable()
        return known

