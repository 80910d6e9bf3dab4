"""Reference grouping: subsequent-author-substitute and its four rules, comparing the names each
entry renders (CSL 1.0.2, "Reference Grouping")."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from .markup import SEAM
from .sorting import Name as _Name
from .sorting import ProbeDone, rendering_sort_key

# While an entry's names are probed, each cs:name's list of rendered names (one string a name)
_PROBED: ContextVar[list[list[str]] | None] = ContextVar("sergebib_probed_names", default=None)
# The probe renders names without the "and" term and with the et-al term after a space, so that
# cs:name joins exactly its rendered names (see Name.join)
_PROBE_OPTIONS = {"and": None, "delimiter-precedes-et-al": "never"}


class Name(_Name):
    def rendered_names(self, names: list[str]) -> None:
        # while probed, the names of a list are recorded one by one (see probe_names)
        probed = _PROBED.get()
        if probed is not None:
            probed.append([str(s) for s in names if s is not None])


@contextmanager
def _probing() -> Iterator[list[list[str]]]:
    lists: list[list[str]] = []
    token = _PROBED.set(lists)
    try:
        yield lists
    finally:
        _PROBED.reset(token)


@dataclass(frozen=True)
class RenderedNames:
    """The names of an entry's first cs:names: the whole list as rendered without labels, the
    "and" term and affixes (`text`, with the et-al term), and each name (`names`)."""

    text: str
    names: tuple[str, ...]


def probe_names(layout: Any, item: Any) -> RenderedNames | None:
    """The names the first cs:names element of `item`'s entry renders, or None. The entry is
    rendered once more as for a sort key (labels left out) with the "and" term left out."""
    layout.repressed = {}
    layout.first_names = {}
    try:
        with _probing() as lists, rendering_sort_key("names"):
            try:
                layout.render_children(item, sort_options=dict(_PROBE_OPTIONS))
            except ProbeDone:  # the first cs:names rendered, the rest is not read (sorting.ProbeEnd)
                pass
        text = layout.first_names.get("names")
    finally:
        del layout.first_names
    if not text:
        return None
    # a list of names is the first one recorded; a substituted title or other text has none
    # (the seams marking where elements meet are not part of the names)
    text = text.replace(SEAM, "")
    names = tuple(lists[0]) if lists and lists[0] and lists[0][0] in text else (text,)
    return RenderedNames(text, names)


def _spans(rendered: str, names: tuple[str, ...]) -> list[tuple[int, int]] | None:
    """Where each name stands in the names as the entry renders them (in order), or None."""
    spans, at = [], 0
    for name in names:
        found = rendered.find(name, at)
        if found < 0:
            return None
        spans.append((found, found + len(name)))
        at = found + len(name)
    return spans


def substitute_names(rendered: str, current: RenderedNames, previous: RenderedNames | None,
                     rule: str, dash: str) -> str:
    """`rendered` (the first cs:names' output in the entry, names and label) with names replaced by
    `dash` per `rule`.

    CSL 1.0.2, "Reference Grouping" / subsequent-author-substitute-rule:
    "complete-all" (default): "when all names of the name variable match those in the preceding
    bibliographic entry, the value of subsequent-author-substitute replaces the entire name list
    (including punctuation and terms like "et al" and "and"), except for the affixes set on the
    cs:names element"; "complete-each": "requires a complete match like complete-all, but now the
    value ... substitutes for each rendered name"; "partial-each": "when one or more rendered names
    in the name variable match those in the preceding bibliographic entry, the value ...
    substitutes for each matching name. Matching starts with the first name, and continues up to
    the first mismatch"; "partial-first": "as partial-each, but substitution is limited to the
    first name of the name variable". A label (cs:label, "ed.") is not a name and is kept."""
    if previous is None:
        return rendered
    spans = _spans(rendered, current.names)
    if spans is None:
        return rendered
    # "all rendered names" match: the names shown, not the et-al term after them ("Doe, John,
    # et al." after "Doe, John" is replaced whole, "et al." included), as citeproc-js compares them
    complete = current.names == previous.names
    if rule in ("complete-all", "complete-each"):
        if not complete:
            return rendered
        if rule == "complete-all":
            end = spans[-1][1]
            # the et-al term (rendered after the last name) belongs to the list
            tail = current.text[current.text.rfind(current.names[-1]) + len(current.names[-1]):].strip()
            if tail:
                found = rendered.find(tail, end)
                if found >= 0:
                    end = found + len(tail)
            return rendered[:spans[0][0]] + dash + rendered[end:]
        replaced = len(spans)
    else:
        replaced = 0
        for mine, theirs in zip(current.names, previous.names, strict=False):
            if mine != theirs:
                break
            replaced += 1
        if rule == "partial-first":
            replaced = min(replaced, 1)
    out = rendered
    for start, end in reversed(spans[:replaced]):
        out = out[:start] + dash + out[end:]
    return out
