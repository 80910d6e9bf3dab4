"""The look-ups kept on a parsed style (extensions.lookups) change the cost, never the output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import sergebib

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import json, sys
import sergebib
works = list(sergebib.load())[::25]
out = {style: [e.text for e in sergebib.format_bibliography(works, style=style, output="html")]
       for style in sys.argv[1:]}
print(json.dumps(out))
"""
STYLES = ["apa", "chicago-notes-bibliography", "modern-language-association", "ieee"]


def _formatted(unoptimised: bool) -> dict[str, list[str]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SERGEBIB_NO_CACHE": "1"}
    env["SERGEBIB_UNOPTIMISED"] = "1" if unoptimised else "0"
    done = subprocess.run([sys.executable, "-c", SCRIPT, *STYLES], env=env, cwd=ROOT,
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_the_same_entries_with_and_without_the_kept_lookups() -> None:
    optimised, plain = _formatted(False), _formatted(True)
    assert len(optimised["apa"]) == len(list(sergebib.load())[::25])
    for style in STYLES:
        assert optimised[style] == plain[style], style


def test_a_bibliography_registers_each_known_work_once_in_order_of_first_citation() -> None:
    from citeproc import Citation, CitationItem
    from citeproc.source.json import CiteProcJSON

    from sergebib.formatter.extensions import RICH_FORMATTER, Style
    from sergebib.formatter.extensions.lookups import Bibliography

    source = CiteProcJSON([{"id": key, "type": "book", "title": key} for key in ("a", "b", "c")])
    bib = Bibliography(Style("apa"), source, RICH_FORMATTER)
    unknown: list[str] = []
    for keys in (["b", "a"], ["a", "x"], ["c", "b"]):
        bib.register(Citation([CitationItem(k) for k in keys]), lambda item: unknown.append(item.key))
    assert list(bib.keys) == [item.key for item in bib.items] == ["b", "a", "c"]
    assert "c" in bib.keys and "x" not in bib.keys and unknown == ["x"]
    assert bib.keys.index("c") == 2 and bib.items[2].number == 3  # citation numbers, by first citation
    bib.sort()  # (apa: by author, here none, then title)
    assert list(bib.keys) == ["a", "b", "c"] and bib.keys.index("b") == 1 and "b" in bib.keys
    assert not bib.items[0].is_bad()
