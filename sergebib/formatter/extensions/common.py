"""State and helpers shared by the element overrides."""

from __future__ import annotations

from contextvars import ContextVar

from citeproc.string import MixedString, String
from lxml import etree


def inherited(element: etree.ElementBase, name: str, default: str) -> str:
    """An inheritable name option: the element, then cs:citation/cs:bibliography, then cs:style."""
    if element.get(name) is not None:
        return element.get(name)
    for ancestor in element.iterancestors():
        if ancestor.get(name) is not None:
            return ancestor.get(name)
    return default



RENDERING: ContextVar[dict | None] = ContextVar("sergebib_rendering", default=None)


def context_in_bibliography(element, context) -> bool:  # noqa: ANN001
    return bool((element if context is None else context).xpath_search("./ancestor-or-self::cs:bibliography"))


# the xml:lang attribute of cs:locale and cs:style, as lxml names it
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def prints_nothing(text: object) -> bool:
    """`not str(text)`, without joining the text: citeproc-py's rich strings (MixedString) are
    lists of pieces whose str() joins them all, recursively, and every element asks whether
    what it rendered is empty (a cost, not a rule: the answer is the same)."""
    kind = type(text)
    if kind is String or kind is str or kind.__str__ is str.__str__:
        return len(text) == 0  # a str (or String, NoCase, ...) prints itself
    if kind.__str__ is MixedString.__str__:
        for piece in text:
            if not prints_nothing(piece):
                return False
        return True
    return not str(text)
