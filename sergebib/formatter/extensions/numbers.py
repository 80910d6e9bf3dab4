"""Page ranges and cs:number."""

from __future__ import annotations

import re

from citeproc import model

from .markup import _Seamed

# CSL 1.0.2, "Appendix V - Page Range Formats": page ranges are "expanded" (321–328), "minimal"
# (321–8), "minimal-two" (321–28) or "chicago" (= "chicago-15"; "chicago-16"), the Chicago Manual
# of Style's rules: under 100 or a multiple of 100, expanded; 101–109 and the like, minimal; 110–199
# and the like, minimal-two (chicago-15: a four-digit range changing three digits or more is
# expanded). A shortened second number is first expanded from the first ("110-5" = 110–115). The
# parts of a range are numbers with the same prefix ("n11564-n1568"); other ranges ("N110-5")
# print as written, without spaces around the hyphen, as citeproc-js prints them.
_PAGE_PART = re.compile(r"^(.*?)(\d+)$")


def _page_range(first: str, last: str, fmt: str, delimiter: str) -> str:
    a, b = _PAGE_PART.match(first), _PAGE_PART.match(last)
    if not a or not b or a.group(1) != b.group(1):
        return f"{first}-{last}"
    prefix, lo, hi = a.group(1), a.group(2), b.group(2)
    if len(hi) < len(lo):
        hi = lo[:len(lo) - len(hi)] + hi
    if int(hi) < int(lo):
        return f"{first}-{last}"
    if fmt in ("chicago", "chicago-15", "chicago-16"):
        n = int(lo)
        if n < 100 or n % 100 == 0:
            fmt = "expanded"
        elif n % 100 < 10:
            fmt = "minimal"
        elif fmt != "chicago-16" and len(lo) == len(hi) == 4 and sum(map(str.__ne__, lo, hi)) >= 3:
            fmt = "expanded"
        else:
            fmt = "minimal-two"
    short = hi
    if fmt in ("minimal", "minimal-two") and len(hi) == len(lo):
        common = next((i for i, (x, y) in enumerate(zip(lo, hi, strict=True)) if x != y), len(hi))
        keep = len(hi) - common
        if fmt == "minimal-two":
            keep = max(keep, min(2, len(hi)))
        short = hi[len(hi) - max(keep, 1):]
    return f"{prefix}{lo}{delimiter}{prefix + short if short == hi else short}"


class PageRanges:
    def _process(self, value, variable):  # noqa: ANN001, ANN202
        fmt = self.get_root().get("page-range-format")
        if variable != "page" or not fmt:
            return super()._process(value, variable)
        delimiter = str(self.get_single_term(name="page-range-delimiter") or "") or "\u2013"
        out = []
        for part in re.split(r"(\s*[,&]\s*)", str(value)):
            pieces = re.split(r"\s*[-\u2013]+\s*", part)
            out.append(_page_range(pieces[0], pieces[1], fmt, delimiter) if len(pieces) == 2 else part)
        return "".join(out)


class Number(_Seamed, PageRanges, model.Number):
    _nested_affixes = False  # citeproc-js prints a number's affixes as written


