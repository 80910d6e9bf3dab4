"""Re-rendering a source document's notes in a chosen note style, from the citation map: each
note becomes one citation cluster, rendered in document order so that the style's ibid and
subsequent forms follow the notes' own sequence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .citations import Occurrence
from .formatter import Cite, Cluster, Processor
from .library import Library

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


@dataclass(frozen=True)
class RenderedNote:
    occurrence: Occurrence
    text: str  # the citation in the style, or the note's own words where it cites nothing


def render_notes(lib: Library, document: str, style: str | Path = "chicago-notes-bibliography",
                 output: str = "text", locale: str | None = None) -> list[RenderedNote]:
    occurrences = [o for o in lib.citations(document) if o.note is not None]
    cited = {c.key.lower(): lib[c.key] for o in occurrences for c in o.cites}
    items = lib.to_csl_json(list(cited.values()))
    # each note is a cluster with its number, so that the style's positions follow the notes:
    # ibid after the preceding note, near-note by note distance, first-reference-note-number
    # (CSL 1.0.2 "Choose" / position, "Note Distance"). Where the notes are numbered anew (a new
    # chapter), positions start again (see extensions.conditions.track_position); the whole
    # document is one sequence, so works are told apart (disambiguation) across chapters.
    cited_notes = [o for o in occurrences if o.cites]
    clusters = [Cluster([Cite(lib[c.key].key, c.locator, c.label) for c in o.cites], note=o.note)
                for o in cited_notes]
    entries = Processor(style, locale).citations(items, clusters, output) if clusters else []
    rendered = {id(o): entry.text for o, entry in zip(cited_notes, entries, strict=True)}
    out = []
    for occ in occurrences:
        if occ.cites:
            text = rendered[id(occ)]
            if occ.unresolved:
                text += " [unresolved: " + "; ".join(occ.unresolved) + "]"
        elif occ.unresolved:
            text = "[unresolved: " + "; ".join(occ.unresolved) + "]"
        else:
            words = " ".join(occ.text.split())
            # the verbatim note often begins with its own number, "12." or a superscript "¹²"
            words = re.sub(rf"^(?:{occ.printed or occ.note}\.|[{_SUPERSCRIPTS}]+)\s*", "", words)
            text = f"{words} [cites nothing: {occ.nothing}]"
        out.append(RenderedNote(occ, text))
    return out


def format_notes(notes: list[RenderedNote]) -> str:
    lines, chapter = [], object()
    for n in notes:
        if n.occurrence.chapter != chapter and n.occurrence.chapter is not None:
            chapter = n.occurrence.chapter
            lines += ["" if lines else None, f"Chapter {chapter}"]
        lines.append(f"{n.occurrence.note}. {n.text}")
    return "\n".join(x for x in lines if x is not None) + "\n"
