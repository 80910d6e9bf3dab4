"""Every change we make to citeproc-py's behaviour lives in this subpackage, each naming the CSL
rule it implements.

citeproc-py is used as it ships (style parsing, locales, element classes); we only pass it our
own *formatter* and, where its evaluation departs from the CSL 1.0.2 specification, override the
element method concerned in one of these modules (by area: names, dates, disambiguation,
conditions, quotes, text_case, numbers, punctuation, text, layout, sorting). Nothing here edits
citeproc-py's files.
"""

from __future__ import annotations

from citeproc import frontend, model
from lxml import etree

from .conditions import ElseIf, If, StyleElement
from .dates import Date, DatePart, raw_date, read_dates
from .disambiguation import disambiguate
from .display import Layout, _Displayed
from .grouping import Name
from .lookups import SHORTCUTS, CitationItem, Lookups, SortShortcut, read_switch, unoptimised
from .markup import RICH_FORMATTER, _NormalFormatting, mark_data
from .names import Names, read_names
from .numbers import Number
from .sorting import Key, ProbeEnd, Sort
from .substitute import Substitute, SuppressesSubstituted
from .terms import TRANSPARENT, TermCapitals, TermFallback
from .text import CountsVariables, Group, Label, Term, Text
from .variables import read_variables

__all__ = ["RICH_FORMATTER", "CitationItem", "Style", "disambiguate", "mark_data", "raw_date", "read_dates",
           "read_names", "read_variables"]

# --- element overrides -------------------------------------------------------------------------
# citeproc-py builds a style's element objects through an lxml class lookup keyed by tag name.
# `Style` below registers our subclasses in that lookup, so an override applies to every style
# we load and to nothing else.
_CSL_NS = "http://purl.org/net/xbiblio/csl"

OVERRIDES: dict[str, type] = {"name": Name, "date": Date, "style": StyleElement, "if": If, "else-if": ElseIf,
                              "text": Text, "layout": Layout, "key": Key, "names": Names,
                              "date-part": DatePart, "number": Number, "label": Label,
                              "group": Group, "substitute": Substitute, "term": Term,
                              "sort": Sort}
# the elements that render variables also suppress those already substituted (see substitute.py)
# and count the variables they print (for cs:group, see text.py)
_MIXINS: dict[str, tuple[type, ...]] = {tag: (CountsVariables, SuppressesSubstituted)
                                         for tag in ("text", "names", "date", "number")}

_CLASSES: dict[str, type] = {}


def _element_classes() -> dict[str, type]:
    if not _CLASSES:
        classes = {cls.__name__.replace("_", "-").lower(): cls
                   for cls in model.CitationStylesElement.__subclasses__()}
        classes.update(OVERRIDES)
        # every element: capitals of terms; display blocks; explicit normal formatting; and, unless unoptimised,
        # look-ups kept once per style
        mixins: tuple[type, ...] = (TermCapitals, TermFallback, _Displayed, _NormalFormatting)
        by_tag = dict(_MIXINS)
        if not unoptimised():
            mixins = (Lookups, *mixins)
            by_tag["sort"] = (SortShortcut,)
            by_tag["names"] = (ProbeEnd, *by_tag["names"])
        # (and, unless unoptimised, shortcuts put before citeproc-py's Affixed and Formatted)
        after = {tag: () if unoptimised() else tuple(short for base, short in SHORTCUTS if issubclass(cls, base))
                 for tag, cls in classes.items()}
        # (and, unless unoptimised, no TermCapitals where it has nothing to do: see terms.TRANSPARENT)
        bare = tuple(m for m in mixins if m is not TermCapitals)
        own = {tag: mixins if unoptimised() or tag not in TRANSPARENT else bare for tag in classes}
        _CLASSES.update({tag: type(cls.__name__, (*own[tag], *by_tag.get(tag, ()), cls, *after[tag]), {})
                         for tag, cls in classes.items()})
    return _CLASSES


class _ExtendedXML(frontend.CitationStylesXML):
    def __init__(self, f: object, validate: bool = True) -> None:
        lookup = etree.ElementNamespaceClassLookup()
        namespace = lookup.get_namespace(_CSL_NS)
        namespace[None] = model.CitationStylesElement
        namespace.update(_element_classes())
        self.parser = etree.XMLParser(remove_comments=True, encoding="UTF-8", no_network=True)
        self.parser.set_element_class_lookup(lookup)
        self.xml = etree.parse(f, self.parser)
        self.root = self.xml.getroot()


class Style(frontend.CitationStylesStyle, _ExtendedXML):
    """citeproc-py's style, built with our element classes (MRO puts _ExtendedXML's parsing under
    CitationStylesStyle's style lookup and locale handling). Schema validation is not run: styles
    in the official repository are valid, and our own are checked by a test."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        read_switch()  # SERGEBIB_UNOPTIMISED, read once per style parsed (see lookups.read_switch)
        super().__init__(*args, **kwargs)
