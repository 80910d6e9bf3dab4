"""CSL variables written in an item's `note` field, read as the item's variables."""

from __future__ import annotations

import re
from typing import Any

# citeproc-js behaviour (CSL.parseNoteFieldHacks, on by default; the "cheater syntax" Zotero
# documents for entering CSL variables it has no field for): lines "name: value" at the start of
# the note field, or "{:name: value}" within it, give the item variables. Names are lower-case
# words with "-" and "_" (or all capitals: "DOI"); "type" replaces the item's type, a date
# variable ("issued: 1951-03-02") replaces the item's date, any other variable is set only where
# the item has none; a name variable ("author: Family || Given", or a literal name without "||")
# may be given on several lines, one name each. The note itself is left as it is (as citeproc-js
# leaves it).
_FIELDS = re.compile(r"\{:(?:[\-_a-z]+|[A-Z]+):[^}]+\}")
_FIELD = re.compile(r"^([\-_a-z]+|[A-Z]+):\s*([^}]+)$")
# citeproc-js's lists (CSL.NAME_VARIABLES, CSL.DATE_VARIABLES)
NAME_VARIABLES = frozenset(
    "author chair collection-editor compiler composer container-author contributor curator director editor "
    "editor-translator editorial-director executive-producer guest host illustrator interviewer narrator "
    "organizer original-author performer producer recipient reviewed-author script-writer series-creator "
    "translator commenter".split())
DATE_VARIABLES = frozenset("locator-date issued event-date accessed original-date publication-date available-date "
                           "submitted alt-issued alt-event".split())
_ISO = re.compile(r"^(\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def _date(value: str) -> dict[str, Any]:
    """"1951", "1951-03", "1951-03-02", or a range of those split by "/"; anything else raw."""
    parts = []
    for end in value.split("/"):
        match = _ISO.match(end.strip())
        if match is None:
            return {"raw": value}
        parts.append([int(p) for p in match.groups() if p is not None])
    return {"date-parts": parts}


def _lines(note: str) -> list[str]:
    """The note's lines, each "{:name: value}" put on a line of its own (as long as nothing but
    other fields precedes it, except on the first line)."""
    lines = note.split("\n")
    for i, line in enumerate(lines):
        texts = _FIELDS.split(line)
        fields = _FIELDS.findall(line)
        for j, field in enumerate(fields):
            before = texts[j]
            if before.strip() and (i > 0 or j > 0) and not _FIELD.match(before):
                break
            fields[j] = "\n" + field[2:-1].strip() + "\n"
        lines[i] = "".join(t + f for t, f in zip(texts, [*fields, ""], strict=True))
    return "\n".join(lines).split("\n")


def read_note_fields(item: dict[str, Any]) -> dict[str, Any]:
    """`item` with the variables its note field gives it (see above)."""
    note = item.get("note")
    if not isinstance(note, str) or not note:
        return item
    out = dict(item)
    names: dict[str, list[dict[str, str]]] = {}
    for i, line in enumerate(_lines(note)):
        field = _FIELD.match(line)
        if not line.strip():
            continue
        if field is None:
            if i == 0:
                continue  # text may precede the fields on the first line only
            break
        key, value = field.group(1), field.group(2).strip()
        if key == "type":
            out["type"] = value
        elif key in DATE_VARIABLES or key.removeprefix("alt-") in DATE_VARIABLES:
            out[key] = _date(value)
        elif not out.get(key):
            if key.removeprefix("alt-") in NAME_VARIABLES:
                parts = re.split(r"\s*\|\|\s*", value)
                if len(parts) == 1:
                    names.setdefault(key, []).append({"literal": parts[0]})
                elif len(parts) == 2:
                    names.setdefault(key, []).append({"family": parts[0], "given": parts[1]})
            else:
                out[key] = value
    out.update(names)
    return out
