"""cs:key: sort keys without our sentinels."""

from __future__ import annotations

import re

from citeproc import model

from .citation_label import citation_label
from .markup import (
    _CLOSERS,
    _OPENERS,
    AFFIX_CLOSE,
    AFFIX_OPEN,
    DATA_DQ,
    DATA_SQ,
    QUOTE_CLOSE,
    QUOTE_IN,
    QUOTE_OPEN,
    QUOTE_OUT,
    SEAM,
    plain_affix_parens,
)

_SORT_NOISE = re.compile(
    f"[{QUOTE_IN}{QUOTE_OUT}{QUOTE_OPEN}{QUOTE_CLOSE}{DATA_DQ}{DATA_SQ}{_OPENERS}{_CLOSERS}{SEAM}]")

_NOISY = re.compile(f"{_SORT_NOISE.pattern}|[{AFFIX_OPEN}{AFFIX_CLOSE}]")


class Key(model.Key):
    def sort_keys(self, items, context):  # noqa: ANN001, ANN201
        # a citation-label is sorted as printed, generated where the item has none (see citation_label)
        if self.get("variable") == "citation-label":
            return [citation_label(item.reference) for item in items]
        # sort keys rendered through macros, or taken from field text, must not carry our
        # quotation and formatting sentinels
        keys = super().sort_keys(items, context)
        # (the parentheses of affixes are printed as written: see nest_affix_parens)
        return [plain_affix_parens(_SORT_NOISE.sub("", str(k))) if k is not None and _NOISY.search(str(k)) else k
                for k in keys]


