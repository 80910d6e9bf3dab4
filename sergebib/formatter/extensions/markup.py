"""The formatter citeproc-py renders through, and the sentinels our extensions leave in its output:
formatting marks, element seams, quotation marks and rich text read from the data."""

from __future__ import annotations

import re
from types import SimpleNamespace

from citeproc.string import MixedString, String, normalize_seam

from ..richtext import CLOSE, OPEN, mark
from .common import prints_nothing
from .lookups import kept, unoptimised


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


class _NormalFormatting:
    """CSL 1.0.2, "Formatting": font-style "normal", font-weight "normal", font-variant "normal"
    and vertical-align "baseline" are values of their own: set on an element inside italics
    (bold, small caps, superscript), its text is printed upright (normal weight, normal variant,
    on the baseline). citeproc-py took them for the absence of formatting; they are marked here
    and printed by the backends only inside the formatting they undo."""

    def _normal(self, name: str, normal: str, style: str, text):  # noqa: ANN001, ANN202
        if self.get(name) == normal:
            return _wrapper(style)(text)
        return None

    def font_style(self, text):  # noqa: ANN001, ANN201
        return self._normal("font-style", "normal", "no-italic", text) or super().font_style(text)

    def font_weight(self, text):  # noqa: ANN001, ANN201
        return self._normal("font-weight", "normal", "no-bold", text) or super().font_weight(text)

    def font_variant(self, text):  # noqa: ANN001, ANN201
        return self._normal("font-variant", "normal", "no-smallcaps", text) or super().font_variant(text)

    def vertical_align(self, text):  # noqa: ANN001, ANN201
        return self._normal("vertical-align", "baseline", "baseline", text) or super().vertical_align(text)


# the marks of _NormalFormatting, which print nothing outside the formatting they undo
RESET_MARKS = "".join(OPEN[s] + CLOSE[s] for s in ("no-italic", "no-bold", "no-smallcaps", "baseline"))


# The ends of each rendering element's output, where punctuation is merged (see merge_at_seams)
SEAM = "\ue030"


# Parentheses written in the affixes of cs:group, cs:names, cs:date and cs:text macro (the elements
# whose affixes citeproc-js passes through its `checkNestedBrace`), in cite affixes and in the
# citation's layout affixes are marked on the way out, so that Layout can print those nested in
# other affix parentheses as square brackets (see nest_affix_parens); everywhere else they are
# printed as written (plain_affix_parens).
AFFIX_OPEN, AFFIX_CLOSE = "\ue032", "\ue033"


def mark_affix_parens(affix: str) -> str:
    return affix.replace("(", AFFIX_OPEN).replace(")", AFFIX_CLOSE) if affix else affix


def plain_affix_parens(text: str) -> str:
    return text.replace(AFFIX_OPEN, "(").replace(AFFIX_CLOSE, ")")


def nest_affix_parens(text: str) -> str:
    """citeproc-js behaviour (`checkNestedBrace`, for styles of class "note", in citations only),
    after the typographic convention of the Chicago Manual of Style (6.101, "parentheses within
    parentheses" become brackets): counted in rendering order over the affixes of a citation, an
    affix "(" at odd nesting depth prints "[" and the ")" that closes it prints "]". Parentheses
    in field data and in the style's text are printed as written and not counted."""
    out, depth = [], 0
    for char in text:
        if char == AFFIX_OPEN:
            out.append("[" if depth > 0 and depth % 2 else "(")
            depth += 1
        elif char == AFFIX_CLOSE:
            out.append("]" if depth % 2 == 0 else ")")
            depth -= 1
        else:
            out.append(char)
    return "".join(out)


def wrap_marking_parens(element: object, string: object) -> object:
    """citeproc-py's Affixed.wrap of `string` in `element`'s affixes, with the affixes'
    parentheses marked (see AFFIX_OPEN)."""
    prefix = String(mark_affix_parens(element.get("prefix", "")))
    text = prefix + normalize_seam(prefix, string)
    return text + normalize_seam(text, String(mark_affix_parens(element.get("suffix", ""))))


class _Seamed:
    # whether this element's affix parentheses are marked (see AFFIX_OPEN)
    _nested_affixes = True

    @kept
    def _seamed_affixes(self) -> tuple[bool, bool]:
        """(whether the element has a suffix, whether its affixes' parentheses are marked): read
        from its attributes, which parsing fixed, so kept unless unoptimised (a cost, not a rule)."""
        affixes = self.get("prefix", "") + self.get("suffix", "")
        return bool(self.get("suffix")), bool(self._nested_affixes and ("(" in affixes or ")" in affixes))

    def wrap(self, string):  # noqa: ANN001, ANN201
        suffix, marked = self._seamed_affixes
        if string is not None and suffix:
            # the element's own output ends here: a suffix is punctuation of the style, not of the
            # field text (see quotes._FIELD_PUNCTUATION); merged with it at this seam
            string = string + String(SEAM)
        if string is not None and marked:
            wrapped = wrap_marking_parens(self, string)
        else:
            wrapped = super().wrap(string)
        if wrapped is None or prints_nothing(wrapped):
            return wrapped
        return seamed(wrapped)


def seamed(text: object) -> MixedString:
    """String(SEAM) + text + String(SEAM) for a text that prints something, built as citeproc-py's
    concatenation builds it (its pieces between the two seams) without its look at each seam,
    which turns the whole text into a string twice: nothing is merged at a seam mark (neither a
    space nor punctuation). A cost, not a rule."""
    if unoptimised():
        return String(SEAM) + text + String(SEAM)
    return MixedString([String(SEAM), *(text if isinstance(text, list) else [text]), String(SEAM)])


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
# Markup" in the CSL-JSON schema's documentation, and citeproc-js): <i>, <b>, <sup>, <sub>, <sc>
# and <span style="font-variant:small-caps;"> become our formatting marks, <span class="nodecor">
# sets the formatting around it back to normal (and, as in citeproc-js, keeps its case, like
# nocase); <span class="nocase"> is read by citeproc-py itself. A tag without its pair is not
# markup and is printed as written (as citeproc-js prints it).
_DATA_TAGS = {"i": "italic", "b": "bold", "sup": "superscript", "sub": "subscript", "sc": "smallcaps"}
_DATA_TAG = re.compile(r"^<(/?)(i|b|sup|sub|sc)>$")
_SPAN_OPEN = {re.compile(r'^<span\s+class="nocase">$'): "nocase",
              re.compile(r'^<span\s+class="nodecor">$'): "nodecor",
              re.compile(r'^<span\s+style="\s*font-variant\s*:\s*small-caps\s*;?\s*">$'): "smallcaps"}
_NOCASE_OPEN, _NOCASE_CLOSE = '<span class="nocase">', "</span>"


def _tag(part: str) -> tuple[str, bool] | None:
    """A rich-text tag -> (its kind, opening?); spans are of kind "span" when closing."""
    tag = _DATA_TAG.match(part)
    if tag:
        return tag.group(2), not tag.group(1)
    if part == "</span>":
        return "span", False
    for pattern, style in _SPAN_OPEN.items():
        if pattern.match(part):
            return f"span:{style}", True
    return None


def _paired_tags(parts: list[str]) -> dict[int, str]:
    """{index of a tag in `parts`: its style} for the tags that open and close in pairs."""
    stack: list[tuple[int, str]] = []
    paired: dict[int, str] = {}
    for i, part in enumerate(parts):
        tag = _tag(part) if i % 2 else None
        if tag is None:
            continue
        kind, opening = tag
        if opening:
            stack.append((i, kind))
            continue
        for depth in range(len(stack) - 1, -1, -1):
            at, open_kind = stack[depth]
            if open_kind == kind or (kind == "span" and open_kind.startswith("span:")):
                style = open_kind.split(":")[-1]
                paired[at] = paired[i] = _DATA_TAGS.get(style, style)
                del stack[depth:]  # tags left open inside the pair have no pair
                break
    return paired


# citeproc-js behaviour, after French typographic convention (a narrow no-break space before the
# high punctuation marks ; : ! ? and inside guillemets « »; source quoted in citeproc-js,
# CSL.Output.Queue.append: "Source (;?!»«): http://en.wikipedia.org/wiki/Space_(punctuation)"):
# in every string it renders (field values, cs:text values, cite affixes; not the style's affixes
# and delimiters), a space before ":", ";", "?", "!" or "»" and a space after "«" become U+202F.
_BEFORE_HIGH_PUNCTUATION = re.compile(r" ([:;?!\u00bb])")


def french_spacing(text: str) -> str:
    return _BEFORE_HIGH_PUNCTUATION.sub("\u202f\\1", text).replace("\u00ab ", "\u00ab\u202f")


def mark_data(value: str) -> str:
    """Field text for citeproc-py: markup tags as formatting marks, straight quotation marks
    outside tags marked for typeset_quotes (`<span class="nocase">` stays intact)."""
    parts = _TAG.split(value)
    paired = _paired_tags(parts)
    out = []
    for i, part in enumerate(parts):
        style = paired.get(i)
        opening = bool(i % 2) and not part.startswith("</")
        if style == "nocase":
            out.append(_NOCASE_OPEN if opening else _NOCASE_CLOSE)
        elif style == "nodecor":
            out.append(_NOCASE_OPEN + OPEN[style] if opening else CLOSE[style] + _NOCASE_CLOSE)
        elif style is not None:
            out.append(OPEN[style] if opening else CLOSE[style])
        elif i % 2:
            out.append(part)  # not rich text, or a tag without its pair: left as it is
        else:
            out.append(french_spacing(part).replace('"', DATA_DQ).replace("'", DATA_SQ))
    return "".join(out)

_CLOSERS = "".join(CLOSE.values())
_OPENERS = "".join(OPEN.values())
# the quotation sentinels, all resolved when a cite or entry is finished (quotes.settle_quotes)
QUOTE_MARKS = QUOTE_IN + QUOTE_OUT + QUOTE_OPEN + QUOTE_CLOSE + DATA_DQ + DATA_SQ
_MARKERS = re.compile(f"[{QUOTE_MARKS}]")
