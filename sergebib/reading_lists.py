"""Reading lists: works grouped under headings, each translation or reprint listed under its
original, every entry formatted by a CSL style, the whole rendered as text, Markdown, HTML or LaTeX."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .formatter.backends import render
from .formatter.cache import CachedProcessor
from .io.csl_json import to_csl_json
from .library import Library
from .model import RelationType, Work
from .vocabulary import GENRES, GROUP_PRIORITY, SECTIONS, VOCABULARY

if TYPE_CHECKING:  # the processor (citeproc-py) is imported only when something must be formatted
    from .formatter import Processor

_RELATION_LABEL = {RelationType.TRANSLATION_OF: "Translation", RelationType.REPRINT_OF: "Edition"}


@dataclass
class Item:
    work: Work
    text: str
    label: str | None = None  # "Translation", "Edition" for nested items
    children: list[Item] = field(default_factory=list)


@dataclass
class Group:
    heading: str
    items: list[Item]


def _group_key(work: Work, group_by: str | None) -> str:
    if group_by is None:
        return ""
    if group_by == "type":
        return work.type.value
    if group_by == "section":
        return next((k for k in SECTIONS if k in work.keywords), "other")
    if group_by == "keyword":
        return next((k for k in GROUP_PRIORITY if k in work.keywords), "other")
    raise ValueError(f"unknown grouping '{group_by}': use keyword, section, type or none")


def _heading(key: str, group_by: str | None) -> str:
    if group_by == "type":
        return key.capitalize()
    return VOCABULARY.get(key, "Other works")


def _order(group_by: str | None) -> list[str]:
    if group_by == "keyword":
        return [*GENRES, "other"]
    if group_by == "section":
        return [*SECTIONS, "other"]
    return []


def build_groups(works: list[Work], processor: Processor | CachedProcessor, group_by: str | None, output: str,
                 library: Library | None) -> list[Group]:
    selected = {w.key.lower() for w in works}
    lib = library or _library_of(works)

    def top_of(work: Work) -> Work:
        """The nearest ancestor (original) that is itself in the selection, else the work."""
        top, cur = work, work
        seen = {work.key.lower()}
        while lib is not None and (up := lib.original_of(cur)) is not None and up.key.lower() not in seen:
            seen.add(up.key.lower())
            cur = up
            if up.key.lower() in selected:
                top = up
        return top

    children: dict[str, list[Work]] = {}
    roots: list[Work] = []
    for work in works:
        top = top_of(work)
        if top is work:
            roots.append(work)
        else:
            children.setdefault(top.key.lower(), []).append(work)

    items = to_csl_json(works)
    order = {k.lower(): i for i, k in enumerate(processor.order(items))}

    def shown(work: Work) -> list[Work]:
        """The work and, under it, its translations and editions (chronologically), as listed."""
        kids = sorted(children.get(work.key.lower(), []), key=_chronological)
        return [work] + [w for kid in kids for w in shown(kid)]

    grouped: dict[str, list[Work]] = {}
    for root in sorted(roots, key=lambda w: order[w.key.lower()]):
        grouped.setdefault(_group_key(root, group_by), []).append(root)
    keys = [k for k in _order(group_by) if k in grouped] + sorted(k for k in grouped if k not in _order(group_by))
    # the style's subsequent-author-substitute ("———" for the names of the preceding entry)
    # follows the entries as listed, nesting included, and restarts with each group
    runs = [[w.key for root in grouped[k] for w in shown(root)] for k in keys]
    entries = processor.bibliography(items, output, runs=runs)
    formatted = {e.key.lower(): e.text for e in entries}
    # a work the style keeps out of bibliographies (Chicago: letters, unarchived manuscripts) is
    # listed in the style's first-note form, where the style itself would cite it
    by_key = {str(i["id"]).lower(): i for i in items}
    for key in entries.omitted:
        from .formatter import Cite

        note = processor.citations([by_key[key.lower()]], [[Cite(key)]], output)
        formatted[key.lower()] = note[0].text

    def item(work: Work, label: str | None) -> Item:
        kids = sorted(children.get(work.key.lower(), []), key=_chronological)
        return Item(work, formatted[work.key.lower()], label,
                    [item(k, _label(k, lib)) for k in kids])

    return [Group(_heading(k, group_by), [item(root, None) for root in grouped[k]]) for k in keys]


def _chronological(work: Work) -> tuple:
    start = work.date.start if work.date and work.date.start else None
    return (start.sort_key() if start else (9999, 0, 0), work.key)


def _label(work: Work, lib: Library | None) -> str:
    for rel in work.relations:
        if rel.type in _RELATION_LABEL:
            label = _RELATION_LABEL[rel.type]
            if work.language and rel.type is RelationType.TRANSLATION_OF:
                from .io.tables import BCP47_TO_BABEL

                label += f" ({BCP47_TO_BABEL.get(work.language, work.language).capitalize()})"
            return label
    return "Related"


def _library_of(works: list[Work]) -> Library | None:
    for w in works:
        if w._library is not None:
            return w._library  # type: ignore[return-value]
    return None


# --- document rendering --------------------------------------------------------------------
def _escape_heading(text: str, output: str) -> str:
    from .formatter import richtext

    return render(richtext.Span(None, [text]), output)


def render_document(title: str | None, groups: list[Group], output: str) -> str:
    lines: list[str] = []
    if output == "text":
        if title:
            lines += [title, "=" * len(title), ""]
        for g in groups:
            if g.heading:
                lines += [g.heading, "-" * len(g.heading)]
            lines += _text_items(g.items, 0)
            lines.append("")
    elif output == "markdown":
        if title:
            lines += [f"# {_escape_heading(title, output)}", ""]
        for g in groups:
            if g.heading:
                lines += [f"## {_escape_heading(g.heading, output)}", ""]
            lines += _md_items(g.items, 0)
            lines.append("")
    elif output == "html":
        lines.append('<article class="reading-list">')
        if title:
            lines.append(f"<h1>{html.escape(title)}</h1>")
        for g in groups:
            lines.append("<section>")
            if g.heading:
                lines.append(f"<h2>{html.escape(g.heading)}</h2>")
            lines += _html_items(g.items)
            lines.append("</section>")
        lines.append("</article>")
    elif output == "latex":
        if title:
            lines += [f"\\section*{{{_escape_heading(title, output)}}}", ""]
        for g in groups:
            if g.heading:
                lines.append(f"\\subsection*{{{_escape_heading(g.heading, output)}}}")
            lines += _latex_items(g.items)
            lines.append("")
    else:
        raise ValueError(f"unknown output '{output}': choose text, markdown, html or latex")
    return "\n".join(lines).rstrip() + "\n"


def _text_items(items: list[Item], depth: int) -> list[str]:
    out = []
    for it in items:
        prefix = "  " * depth + ("- " if depth == 0 else "└ ")
        label = f"{it.label}: " if it.label else ""
        out.append(f"{prefix}{label}{it.text}")
        out += _text_items(it.children, depth + 1)
    return out


def _md_items(items: list[Item], depth: int) -> list[str]:
    out = []
    for it in items:
        label = f"{it.label}: " if it.label else ""
        out.append(f"{'  ' * depth}- {label}{it.text}")
        out += _md_items(it.children, depth + 1)
    return out


def _html_items(items: list[Item]) -> list[str]:
    if not items:
        return []
    out = ["<ul>"]
    for it in items:
        label = f'<span class="relation">{html.escape(it.label)}:</span> ' if it.label else ""
        inner = "\n".join(_html_items(it.children))
        out.append(f'<li id="{html.escape(it.work.key)}">{label}{it.text}{inner}</li>')
    out.append("</ul>")
    return out


def _latex_items(items: list[Item]) -> list[str]:
    if not items:
        return []
    out = ["\\begin{itemize}"]
    for it in items:
        label = f"\\textit{{{it.label}:}} " if it.label else ""
        out.append(f"\\item {label}{it.text}")
        out += _latex_items(it.children)
    out.append("\\end{itemize}")
    return out


def build_reading_list(works: list[Work], *, style: str | Path, group_by: str | None, output: str,
                       title: str | None, locale: str | None, library: Library | None) -> str:
    if group_by in ("none", ""):
        group_by = None
    processor = CachedProcessor(style, locale)  # cached output (sergebib.formatter.cache)
    groups = build_groups(works, processor, group_by, output, library)
    return render_document(title, groups, output)
