"""Look-ups whose answers are fixed once a style is parsed, kept instead of redone. Not CSL rules, a
cost: citeproc-py answers them by XPath queries over the style at every call (a term, a macro, an
inherited option, the enclosing layout), and asks macros again and again whether they call a
variable (cs:group's suppression rule). The style and locale trees are not changed after parsing,
so an XPath query from a given element always has the same answer.

`SERGEBIB_UNOPTIMISED=1` in the environment leaves all of this out, for the benchmark that checks the
output is byte-identical without it. The classes of the elements are built once, when the first style
is parsed; the switch itself is read again whenever a style is parsed or a bibliography made (see
read_switch), not at every call."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any

import citeproc
from citeproc import model

_ABSENT = object()


def _switch_set() -> bool:
    return os.environ.get("SERGEBIB_UNOPTIMISED", "") not in ("", "0")


_UNOPTIMISED = _switch_set()


def read_switch() -> bool:
    """Read SERGEBIB_UNOPTIMISED from the environment again (a style parsed, a bibliography made):
    unoptimised() is asked hundreds of thousands of times per bibliography, and os.environ is a
    mapping that encodes and decodes at every look-up (a cost, not a rule)."""
    global _UNOPTIMISED
    _UNOPTIMISED = _switch_set()
    return _UNOPTIMISED


def unoptimised() -> bool:
    """Whether SERGEBIB_UNOPTIMISED was set when a style was last parsed or a bibliography made."""
    return _UNOPTIMISED


class kept:  # noqa: N801 (used as a decorator, like functools.cached_property)
    """An attribute computed at its first reading and then kept as the object's own attribute,
    unless unoptimised: for what parsing fixed (an element's attributes, a cite's reference). A
    descriptor without __set__ (as functools.cached_property), so that once kept, the attribute is
    read from the object without calling anything (a cost, not a rule)."""

    def __init__(self, compute: Callable[[Any], Any]) -> None:
        self.compute = compute
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: object, owner: type | None = None) -> Any:  # noqa: ANN401
        if obj is None:
            return self
        value = self.compute(obj)
        if not _UNOPTIMISED:
            obj.__dict__[self.name] = value
        return value


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

    def get_root(self):  # noqa: ANN201
        # the trees are not changed after parsing, so no element moves to another tree: its root
        # is the one it was parsed under (kept on the element's object)
        root = self.__dict__.get("_root")
        if root is None:
            root = self.__dict__["_root"] = super().get_root()
            if "_proxies" not in root.__dict__:
                # lxml makes a new Python object for an element whenever none is alive, and the
                # answers kept here are kept on that object: hold every element's object as long
                # as the tree, so that each is made once and keeps its answers
                root.__dict__["_proxies"] = list(root.iter())
        return root

    def __getattr__(self, name: str):  # noqa: ANN204
        # citeproc-py answers an attribute the element object does not have by finding the
        # child element of that tag (`self.layout`, `self.name`, `self.sort`; None where there
        # is none) at every access: the children are fixed by parsing. (An attribute set on
        # the object, `layout.first_names`, is found before this is asked.)
        found = self.__dict__.get("_children")
        if found is None:
            found = self.__dict__["_children"] = {}
        try:
            return found[name]
        except KeyError:
            child = found[name] = super().__getattr__(name)
            return child

    def get_layout(self):  # noqa: ANN201
        # the cs:layout the element lies in (citeproc-py asks at every variable a cs:text renders,
        # for the variables its layout represses): fixed by parsing. (An element outside any
        # layout raises, as before, and keeps nothing.)
        layout = self.__dict__.get("_layout")
        if layout is None:
            layout = self.__dict__["_layout"] = super().get_layout()
        return layout

    def get_macro(self, name: str):  # noqa: ANN201
        # the style's cs:macro of that name (citeproc-py builds and runs an XPath query for it
        # at every call, more than any other look-up)
        table = self.get_root().__dict__.setdefault("_macro_table", {})
        try:
            return table[name]
        except KeyError:
            macro = table[name] = super().get_macro(name)
            return macro

    def get_date(self, form: str):  # noqa: ANN201
        # a localized date format (cs:date form="text" or "numeric") of the first of the style's
        # locales that defines it, fixed once the locales are read; a cs:locale's own not kept
        root = self.get_root()
        if isinstance(root, model.Locale):
            return super().get_date(form)
        table = root.__dict__.setdefault("_date_table", {})
        if form not in table:
            table[form] = super().get_date(form)
        return table[form]

    def is_locale_date(self) -> bool:
        # whether the cs:date lies in a cs:locale: fixed by parsing
        known = self.__dict__.get("_locale_date")
        if known is None:
            known = self.__dict__["_locale_date"] = super().is_locale_date()
        return known

    def get_formatter(self):  # noqa: ANN201
        # citeproc-py's answer, asking for the root once instead of twice (it reads the formatter
        # at every call: the formatter itself is not kept, the bibliography sets it on the style)
        root = self.get_root()
        return root.style.formatter if isinstance(root, model.Locale) else root.formatter

    def calls_variable(self) -> bool:
        # cs:group's suppression rule asks each child whether it calls a variable, recursively;
        # the answer reads the style only (the element's attributes, its children, the macros it
        # calls), which parsing fixed
        known = self.__dict__.get("_calls_variable")
        if known is None:
            known = self.__dict__["_calls_variable"] = super().calls_variable()
        return known

    def get_option(self, name, *args, **kwargs):  # noqa: ANN001, ANN201
        # cs:name's inheritable options (citeproc-py's Name.get_option(name, context,
        # sort_options)): the element's attribute, else that of the enclosing cs:citation or
        # cs:bibliography of `context` (or of the element), else cs:style's, else the default;
        # a sort key's override (`sort_options[name]`) wins. All of it is fixed by the style but
        # the override, which is part of the key kept under.
        if not isinstance(self, model.Name):
            return super().get_option(name, *args, **kwargs)
        context = kwargs.get("context", args[0] if args else None)
        sort_options = kwargs.get("sort_options", args[1] if len(args) > 1 else None)
        override = sort_options[name] if isinstance(sort_options, dict) and name in sort_options else _ABSENT
        key = (name, context, override)
        table = self.__dict__.get("_options")
        if table is None:
            table = self.__dict__["_options"] = {}
        try:
            return table[key]
        except KeyError:
            value = table[key] = super().get_option(name, *args, **kwargs)
            return value
        except TypeError:  # an override that cannot be a key: not kept
            return super().get_option(name, *args, **kwargs)

    def _type(self, item):  # noqa: ANN001, ANN202
        # the type condition (cs:if type="..."): the listed types are the element's attribute,
        # fixed by parsing, so they are split and lowercased once; the item's type is read once
        # per test instead of once per listed type (citeproc-py finds the item's reference anew
        # each time), and not at all where none is listed, as before
        types = self.__dict__.get("_types")
        if types is None:
            types = self.__dict__["_types"] = [typ.lower() for typ in self.get("type").split()]
        if not types:
            return []
        reference = item.reference
        kind = dict.get(reference, "type", _ABSENT)  # (the item's own type, without the attribute look-up)
        if kind is _ABSENT:
            kind = reference.type
        return [typ == kind for typ in types]

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


class SortShortcut:
    """Mixed into cs:sort (see extensions._element_classes), before our own Sort."""

    def sort(self, items, context):  # noqa: ANN001, ANN201
        # A single cite (each citation rendered to test for ambiguity holds one) or none is in its
        # order already: citeproc-py renders its sort keys only to sort a one-item list. Rendering
        # a sort key leaves nothing behind that the rendering after it reads: the one attribute it
        # sets, the layout's `repressed`, is reset before each cite is rendered (Layout._render_cite),
        # and no cite or entry is being rendered (extensions.common.RENDERING, the layout's
        # first_names) when cites are sorted. Only a key that fails to render (an exception) would
        # have shown, by stopping the whole rendering.
        if len(items) < 2:
            return list(items)
        return super().sort(items, context)


class CitationItem(citeproc.CitationItem):
    """A cite that finds its reference once: citeproc-py looks it up (cite -> citation ->
    bibliography -> source) at every variable and condition it evaluates, hundreds of times per
    entry. A cite belongs to one citation of one bibliography for its whole life."""

    reference = kept(citeproc.CitationItem.reference.fget)


def names_rendered_at_most(layout: model.Layout) -> int:
    """At most how many cs:names elements one rendering of `layout` renders, counted over the
    style (fixed by parsing, so kept): each cs:names once (its cs:substitute is part of it),
    the children of an element summed, the branches of a cs:choose the most of any one (only
    one is rendered), a macro counted where it is called. 2 stands for "more than one"."""
    known = layout.__dict__.get("_names_at_most")
    if known is None:
        known = layout.__dict__["_names_at_most"] = min(_names_in(layout, ()), 2)
    return known


def _names_in(element: model.CitationStylesElement, calling: tuple[str, ...]) -> int:
    tag = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
    if tag == "names":
        return 1
    if tag == "text" and "macro" in element.attrib:
        name = element.get("macro")
        if name in calling:  # a macro that calls itself (not valid CSL): counted as many
            return 2
        return _names_in(element.get_macro(name), (*calling, name))
    counts = [_names_in(child, calling) for child in element.iterchildren()]
    if tag == "choose":
        return max(counts, default=0)
    return sum(counts)


# Formatting attributes citeproc-py's Formatted.format reads (CSL 1.0.2, "Formatting")
_FORMATTING = ("font-style", "font-variant", "font-weight", "text-decoration", "vertical-align")


class BareAffixes(model.Affixed):
    """Put just before citeproc-py's Affixed in the classes that have it (see
    extensions._element_classes). Its wrap turns the whole text into a string twice to look at
    the seams with the prefix and suffix, also where the element has neither; then its answer
    is the text itself (an empty affix joins nothing), returned without the look."""

    @kept
    def _affixed(self) -> bool:
        # (whether the element has an affix: its attributes, fixed by parsing, read once)
        return "prefix" in self.attrib or "suffix" in self.attrib

    def wrap(self, string):  # noqa: ANN001, ANN201
        if string is not None and not self._affixed:
            return string
        return super().wrap(string)


class Unformatted(model.Formatted):
    """Put just before citeproc-py's Formatted (see extensions._element_classes): an element
    without formatting attributes leaves the text as it is (each of the five steps of
    Formatted.format, ours in markup._NormalFormatting included, keeps it when its attribute is
    absent), without the five look-ups."""

    @kept
    def _formatted(self) -> bool:
        # (whether the element has formatting attributes: fixed by parsing, read once)
        return any(name in self.attrib for name in _FORMATTING)

    def format(self, string):  # noqa: ANN001, ANN201
        if not self._formatted:
            return str(string) if isinstance(string, (int, float)) else string
        return super().format(string)


SHORTCUTS: tuple[tuple[type, type], ...] = ((model.Affixed, BareAffixes), (model.Formatted, Unformatted))


class _Keys(list):
    """The keys registered with a bibliography, in order, found by hash: citeproc-py asks a plain
    list `key not in self.keys` for every cite registered (CitationStylesBibliography.register)
    and every cite rendered (CitationItem.is_bad), and `keys.index(key)` for citation numbers and
    the order of cites: each a scan of the list, quadratic in the number of works (100,000 works:
    minutes). The keys are unique (register adds a key once); only append and extend are used."""

    def __init__(self, keys: Iterable[str] = ()) -> None:
        super().__init__()
        self._at: dict[str, int] = {}
        self.extend(keys)

    def append(self, key: str) -> None:
        self._at.setdefault(key, len(self))
        super().append(key)

    def extend(self, keys: Iterable[str]) -> None:
        for key in keys:
            self.append(key)

    def __contains__(self, key: object) -> bool:
        return key in self._at

    def index(self, key: str, *bounds: int) -> int:  # type: ignore[override]
        if bounds or key not in self._at:
            return super().index(key, *bounds)  # (a ValueError as from a list)
        return self._at[key]


class Bibliography(citeproc.CitationStylesBibliography):
    """citeproc-py's bibliography, its keys found by hash (see _Keys), also once sorted."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        read_switch()
        super().__init__(*args, **kwargs)
        self.keys = _Keys()

    def sort(self) -> None:
        super().sort()
        self.keys = _Keys(self.keys)
