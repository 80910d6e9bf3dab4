"""cs:key: sort keys without our sentinels."""

from __future__ import annotations

import re

from citeproc import model

from .markup import _CLOSERS, _OPENERS, DATA_DQ, DATA_SQ, QUOTE_CLOSE, QUOTE_IN, QUOTE_OPEN, QUOTE_OUT, SEAM

_SORT_NOISE = re.compile(
    f"[{QUOTE_IN}{QUOTE_OUT}{QUOTE_OPEN}{QUOTE_CLOSE}{DATA_DQ}{DATA_SQ}{_OPENERS}{_CLOSERS}{SEAM}]")


class Key(model.Key):
    def sort_keys(self, items, context):  # noqa: ANN001, ANN201
        # sort keys rendered through macros, or taken from field text, must not carry our
        # quotation and formatting sentinels
        keys = super().sort_keys(items, context)
        return [_SORT_NOISE.sub("", str(k)) if k is not None and _SORT_NOISE.search(str(k)) else k for k in keys]


