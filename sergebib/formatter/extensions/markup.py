"""The formatter citeproc-py renders through, and the sentinels our extensions leave in its output:
formatting marks, element seams, quotation marks and rich text read from the data."""

from __future__ import annotations

import re
from types import SimpleNamespace

from citeproc.string import String

from ..richtext import CLOSE, OPEN, mark


def _wrapper(style: str) -> type[str]:
    class Wrapped(str):
        def __new__(cls, text: object) -> str:
            return str.__new__(cls, mark(style, str(text)))  # type: ignore[arg-type]

    Wrapped.__name__ = f"{style.title()}Marked"
    return Wrapped


# The formatter module interface citeproc-py expects (see citeproc.formatter.html), producing
# sentinel-marked strings that richtext.parse turns into a tree.
# CSL 1.0.2 "Formatting": font-style italic/oblique, font-weight bold/light, font-variant
# small-caps, text-decoration underline, vertical-align sup/sub. `light` has no common rendering
# in any of our outputs and is rendered as normal weight (citeproc-js does the same in text).
RICH_FORMATTER = SimpleNamespace(
    preformat=lambda text: text,
    Italic=_wrapper("italic"),
    Oblique=_wrapper("italic"),
    Bold=_wrapper("bold"),
    Light=str,
    Underline=_wrapper("underline"),
    Superscript=_wrapper("superscript"),
    Subscript=_wrapper("subscript"),
    SmallCaps=_wrapper("smallcaps"),
)



# The ends of each rendering element's output, where punctuation is merged (see merge_at_seams)
SEAM = "\ue030"


class _Seamed:
    def wrap(self, string):  # noqa: ANN001, ANN201
        wrapped = super().wrap(string)
        if wrapped is None or not str(wrapped):
            return wrapped
        return String(SEAM) + wrapped + String(SEAM)


# Text rendered with quotes="true" is marked, around its closing quotation mark, with two more
# private-use sentinels, so that the punctuation which ends up after it once affixes and
# delimiters are joined can be settled when the whole cite or entry is rendered (Layout below).
QUOTE_IN, QUOTE_OUT = "\ue020", "\ue021"
# quotes="true" itself is marked (QUOTE_OPEN ... QUOTE_CLOSE) and typeset with the other quotation
# marks of the cite or entry (see typeset_quotes)
QUOTE_OPEN, QUOTE_CLOSE = "\ue024", "\ue025"
# Straight quotation marks in the data and in cite affixes (not in the style's own text, which is
# printed as written) are marked on the way in (mark_data) and typeset with the rest.
DATA_DQ, DATA_SQ = "\ue026", "\ue027"


_TAG = re.compile(r"(<[^<>]*>)")
# Rich text in field values and cite affixes, as CSL-JSON writes it (CSL 1.0.2, "Rich Text
# Markup" in the CSL-JSON schema's documentation, and citeproc-js): <i>, <b>, <sup>, <sub> and
# <sc> become our formatting marks; <span class="nocase"> is read by citeproc-py itself.
_DATA_TAGS = {"i": "italic", "b": "bold", "sup": "superscript", "sub": "subscript", "sc": "smallcaps"}
_DATA_TAG = re.compile(r"^<(/?)(i|b|sup|sub|sc)>$")


def mark_data(value: str) -> str:
    """Field text for citeproc-py: markup tags as formatting marks, straight quotation marks
    outside tags marked for typeset_quotes (`<span class="nocase">` stays intact)."""
    out = []
    for part in _TAG.split(value):
        tag = _DATA_TAG.match(part)
        if tag:
            style = _DATA_TAGS[tag.group(2)]
            out.append(CLOSE[style] if tag.group(1) else OPEN[style])
        elif part.startswith("<") and part.endswith(">"):
            out.append(part)
        else:
            out.append(part.replace('"', DATA_DQ).replace("'", DATA_SQ))
    return "".join(out)

_CLOSERS = "".join(CLOSE.values())
_OPENERS = "".join(OPEN.values())
_QUOTED = re.compile(f"{QUOTE_IN}([^{QUOTE_OUT}]*){QUOTE_OUT}([{_CLOSERS}]*)([.,]?)")
_MARKERS = re.compile(f"[{QUOTE_IN}{QUOTE_OUT}{QUOTE_OPEN}{QUOTE_CLOSE}{DATA_DQ}{DATA_SQ}]")
