"""Oracle check: the bundled bibliography formatted by sergebib and by citeproc-js (the reference CSL
processor, npm package `citeproc`, run with node), entry by entry; every entry that differs is listed.

    python tools/oracle.py                      # the six styles of issue #5, whole bibliography
    python tools/oracle.py --style apa --limit 100 --report /tmp/oracle.md

For each style: the bibliography (both sides get the same CSL-JSON, the same .csl file and
citeproc-py's locale files, so only the processors differ); for note styles also a document of
notes: every work once (first notes), then every work three times running (a subsequent note, an
ibid, an ibid with a locator). Output is compared as HTML, the way the CSL test suite compares it.
citeproc-js is installed with npm into tools/.node (git-ignored) on first use.

Differences that are citeproc-js's (a bug by the CSL 1.0.2 specification, or where the specification
says what we print) are listed in tools/oracle_explained.toml, each under a cause with the rule that
shows it; a difference counts as explained only when its style, part and key are listed and both
listed fragments are found in the two outputs. The exit status is 1 when any difference is
unexplained or any listed one no longer occurs (stale), like the conformance runner's ratchet.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import citeproc  # noqa: E402

import sergebib  # noqa: E402
from sergebib.formatter import Cite, Cluster, Processor  # noqa: E402
from sergebib.formatter.csl_fixtures import html  # noqa: E402

STYLES = ["chicago-notes-bibliography", "chicago-author-date", "apa", "modern-language-association",
          "mhra-notes", "harvard-cite-them-right"]
LOCALES = Path(citeproc.__file__).parent / "data" / "locales"
NODE_DIR = HERE / ".node"
EXPLAINED = HERE / "oracle_explained.toml"
_ENTRY = re.compile(r'^\s*<div class="csl-entry">(.*)</div>\s*$', re.S)


def node_command() -> list[str]:
    node = shutil.which("node")
    if node is None:
        sys.exit("oracle: node is not installed (needed to run citeproc-js)")
    if not (NODE_DIR / "node_modules" / "citeproc").is_dir():
        if shutil.which("npm") is None:
            sys.exit("oracle: npm is not installed (needed to install citeproc-js)")
        print("installing citeproc-js (npm install citeproc@2) into tools/.node ...", file=sys.stderr)
        subprocess.run(["npm", "install", "--silent", "--prefix", str(NODE_DIR), "citeproc@2"], check=True)
    return [node, "--stack-size=8000", str(HERE / "oracle.js")]


def reference(job: dict) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(job, f)
    try:
        done = subprocess.run(node_command() + [f.name], check=True, capture_output=True, text=True,
                              env={"NODE_PATH": str(NODE_DIR / "node_modules"), "PATH": "/usr/bin:/bin"})
    finally:
        Path(f.name).unlink()
    return json.loads(done.stdout)


@dataclass(frozen=True)
class Explained:
    """One listed difference: where it occurs and the two fragments that make it this cause."""

    cause: str
    style: str
    part: str
    key: str
    ours: str
    cjs: str

    def matches(self, style: str, part: str, key: str, ours: str, cjs: str) -> bool:
        return (style, part, key) == (self.style, self.part, self.key) and self.ours in ours and self.cjs in cjs


def load_explained(path: Path = EXPLAINED) -> tuple[dict[str, str], list[Explained]]:
    """-> ({cause: reason}, listed differences), one per style and part of each [[entry]]."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    causes = {name: cause["reason"] for name, cause in data.get("causes", {}).items()}
    listed = []
    for n, entry in enumerate(data.get("entry", []), 1):
        if entry.get("cause") not in causes:
            raise ValueError(f"{path.name}: entry {n} ({entry.get('key')}): unknown cause {entry.get('cause')!r}")
        if not entry.get("ours") or not entry.get("cjs"):
            raise ValueError(f"{path.name}: entry {n} ({entry.get('key')}): needs both fragments, ours and cjs")
        listed += [Explained(entry["cause"], style, part, entry["key"], entry["ours"], entry["cjs"])
                   for style in entry["styles"] for part in entry["parts"]]
    return causes, listed


def explain(style: str, diff: tuple[str, str, str, str], listed: list[Explained]) -> str | None:
    """The cause a difference is listed under, or None when it is unexplained."""
    part, key, ours, cjs = diff
    return next((e.cause for e in listed if e.matches(style, part, key, ours, cjs)), None)


def _plain(entry: str) -> str:
    match = _ENTRY.match(entry)
    return (match.group(1) if match else entry).strip()


def notes(keys: list[str]) -> tuple[list[Cluster], list[str]]:
    """The document of notes, and what each note is (first, subsequent, ibid, ibid-with-locator)."""
    clusters, kinds = [], []
    for key in keys:
        clusters.append(Cluster([Cite(key)], note=len(clusters) + 1))
        kinds.append("first")
    for key in keys:
        for kind, cite in (("subsequent", Cite(key)), ("ibid", Cite(key)), ("ibid-with-locator", Cite(key, "12"))):
            clusters.append(Cluster([cite], note=len(clusters) + 1))
            kinds.append(kind)
    return clusters, kinds


def check(style: str, items: list[dict], with_notes: bool) -> tuple[dict[str, int], list[tuple[str, str, str, str]]]:
    """-> ({part: entries compared}, [(part, key, ours, citeproc-js)] for every difference)."""
    processor = Processor(style)
    clusters, kinds = notes([str(i["id"]) for i in items]) if with_notes else ([], [])
    job = {"style": str(processor.style_path), "locales": str(LOCALES), "items": items,
           "clusters": [{"note": c.note, "cites": [{"id": x.key, "locator": x.locator, "label": x.label}
                                                   for x in c.cites]} for c in clusters]}
    theirs = reference(job)
    counts: dict[str, int] = {}
    diffs = []
    if processor.has_bibliography:
        entries = processor.bibliography(items, "html")
        ours = {e.key: html(e.tree) for e in entries}
        reference_entries = {key: _plain(text) for key, text in theirs["bibliography"]}
        counts["bibliography"] = len(set(ours) | set(reference_entries))
        for key in sorted(set(ours) | set(reference_entries)):
            a, b = ours.get(key, "(omitted)"), reference_entries.get(key, "(omitted)")
            if a != b:
                diffs.append(("bibliography", key, a, b))
        order_ours = [e.key for e in entries if e.key in reference_entries]
        order_theirs = [k for k, _ in theirs["bibliography"] if k in ours]
        if order_ours != order_theirs:
            at = next(i for i, (x, y) in enumerate(zip(order_ours, order_theirs, strict=False)) if x != y)
            diffs.append(("bibliography order", f"position {at + 1}", order_ours[at], order_theirs[at]))
    if clusters:
        ours_notes = processor.citations(items, clusters, "html")
        for kind, cluster, mine, reference_text in zip(kinds, clusters, ours_notes, theirs["citations"], strict=True):
            counts[kind] = counts.get(kind, 0) + 1
            a, b = html(mine.tree), (reference_text or "").strip()
            if a != b:
                diffs.append((f"note: {kind}", cluster.cites[0].key, a, b))
    return counts, diffs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--style", action="append", help="a style (repeatable; default: the six of issue #5)")
    parser.add_argument("--limit", type=int, help="only the first N works of the bibliography")
    parser.add_argument("--no-notes", action="store_true", help="bibliographies only")
    parser.add_argument("--report", type=Path, help="write every difference to this Markdown file")
    args = parser.parse_args(argv)
    causes, listed = load_explained()
    library = sergebib.load()
    items = library.to_csl_json()[:args.limit] if args.limit else library.to_csl_json()
    lines = ["# Oracle: sergebib vs citeproc-js", "",
             f"{len(items)} works of the bundled bibliography.", ""]
    print(f"{'style':<30} {'part':<26} {'entries':>7} {'differ':>7} {'explained':>9}")
    total, unexplained, by_cause, stale = 0, 0, dict.fromkeys(causes, 0), []
    for style in args.style or STYLES:
        start = time.perf_counter()
        with_notes = not args.no_notes and Processor(style).style.root.get("class") == "note"
        counts, diffs = check(style, items, with_notes)
        found = [explain(style, d, listed) for d in diffs]
        for part, n in counts.items():
            mine = [c for d, c in zip(diffs, found, strict=True) if d[0] in (part, f"note: {part}")]
            print(f"{style:<30} {part:<26} {n:>7} {len(mine):>7} {sum(c is not None for c in mine):>9}")
        if any(d[0] == "bibliography order" for d in diffs):
            print(f"{style:<30} {'bibliography order':<26} {'':>7} {'differs':>7}")
        print(f"{'':<30} ({time.perf_counter() - start:.0f} s)", file=sys.stderr)
        total += len(diffs)
        unexplained += found.count(None)
        for cause in found:
            if cause is not None:
                by_cause[cause] += 1
        parts = {f"note: {p}" if p not in ("bibliography",) else p for p in counts}
        keys = {i["id"] for i in items}
        stale += [e for e in listed if e.style == style and e.part in parts and e.key in keys
                  and not any(e.matches(style, *d) for d in diffs)]
        lines += [f"## {style}: {len(diffs)} differences, {found.count(None)} unexplained", ""]
        for (part, key, ours, theirs), cause in zip(diffs, found, strict=True):
            lines += [f"- {part}, `{key}`: {cause or '**unexplained**'}", f"  - sergebib:    {ours}",
                      f"  - citeproc-js: {theirs}"]
        lines.append("")
    lines += ["## Causes", ""] + [f"- **{c}** ({by_cause[c]}): {causes[c].strip()}" for c in causes if by_cause[c]]
    if args.report:
        args.report.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"report: {args.report}")
    print(f"{total} differences in all: {total - unexplained} explained, {unexplained} unexplained")
    for cause, n in by_cause.items():
        if n:
            print(f"  {n:4}  {cause}")
    for e in stale:
        print(f"stale: {e.style}, {e.part}, {e.key} ({e.cause}) no longer differs that way; remove it from "
              f"{EXPLAINED.name}")
    return 1 if unexplained or stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
