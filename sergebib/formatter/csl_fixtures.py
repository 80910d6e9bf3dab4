"""The official CSL processor test suite, run through our Processor.

A fixture (`processor-tests/humans/*.txt` of github.com/citation-style-language/test-suite) holds
sections between `>>== NAME ==>>` and `<<== NAME ==<<` lines: MODE (`citation` or
`bibliography`), RESULT (the expected output), CSL (the style), INPUT (CSL-JSON items) and,
optionally, CITATION-ITEMS (clusters, each rendered on its own line), CITATIONS (a sequence of
word-processor insertions, each `[citation, citations before, citations after]`), BIBENTRIES (sets
of registered items; the last one counts), BIBSECTION (a bibliography filter) and OPTIONS
(citeproc-js switches). Text outside the sections is ignored.

`run_fixture` renders a fixture in the conventions its RESULT is written in, which are those of
citeproc-js's test runner: HTML output with `&`, `<` and `>` as `&#38;`, `&#60;`, `&#62;`; a
bibliography wrapped in `<div class="csl-bib-body">` with one `  <div class="csl-entry">` line per
entry; citations one cluster per line; for CITATIONS, the final document's clusters numbered from
0 and marked `>>` when the last insertion changed them and `..` otherwise. The comparison with
RESULT is then exact, as in that runner.

`python -m sergebib.formatter.csl_fixtures [FOLDER]` prints the pass rate by category.
"""

from __future__ import annotations

import html as html_module
import json
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import backends, richtext
from .processor import POSITIONS, Cite, Cluster, Processor

# The default place of the suite beside a checkout: /work/main/../shared/csl-test-suite
DEFAULT_FOLDER = Path(__file__).resolve().parents[3] / "shared" / "csl-test-suite" / "processor-tests" / "humans"
ENV_VARIABLE = "CSL_TEST_SUITE"

_OPEN = re.compile(r"^.*>>=+\s*([A-Z][A-Z0-9-]*)\s*=+>>")
_CLOSE = re.compile(r"^.*<<=+\s*([A-Z][A-Z0-9-]*)\s*=+<<")
_JSON = {"INPUT", "CITATION-ITEMS", "CITATIONS", "BIBENTRIES", "BIBSECTION", "OPTIONS"}


class FixtureError(ValueError):
    """A fixture file that cannot be read (a section left open, bad JSON, no MODE)."""


@dataclass
class Fixture:
    name: str
    path: Path
    mode: str
    result: str
    csl: str
    input: list[dict[str, Any]]
    citation_items: list[list[dict[str, Any]]] | None = None
    citations: list[list[Any]] | None = None
    bibentries: list[list[str]] | None = None
    bibsection: dict[str, Any] | None = None
    options: dict[str, Any] | None = None
    sections: dict[str, str] = field(default_factory=dict, repr=False)

    @property
    def category(self) -> str:
        """The file name's prefix before the first underscore (`name`, `disambiguate`, ...)."""
        return self.name.split("_", 1)[0]


def folder() -> Path:
    """The fixture folder: $CSL_TEST_SUITE, or the suite beside the checkout."""
    given = os.environ.get(ENV_VARIABLE)
    return Path(given) if given else DEFAULT_FOLDER


def find_fixtures(where: Path) -> list[Path]:
    return sorted(where.glob("*.txt")) if where.is_dir() else []


def parse_fixture(path: Path) -> Fixture:
    text = path.read_text(encoding="utf-8-sig")
    sections: dict[str, list[str]] = {}
    current: str | None = None
    for number, line in enumerate(re.split(r"\r\n|\n", text), 1):
        if current is None:
            opened = _OPEN.match(line)
            if opened:
                current = opened.group(1)
                sections[current] = []
            continue
        closed = _CLOSE.match(line)
        if closed:
            if closed.group(1) != current:
                raise FixtureError(f"{path}:{number}: section {current} closed as {closed.group(1)}")
            current = None
        else:
            sections[current].append(line)
    if current is not None:
        raise FixtureError(f"{path}: section {current} is never closed")
    raw = {name: "\n".join(lines) for name, lines in sections.items()}
    for required in ("MODE", "RESULT", "CSL", "INPUT"):
        if required not in raw:
            raise FixtureError(f"{path}: no {required} section")
    data: dict[str, Any] = {}
    for name in _JSON & raw.keys():
        try:
            data[name] = json.loads(raw[name])
        except json.JSONDecodeError as exc:
            raise FixtureError(f"{path}: {name} is not valid JSON: {exc}") from None
    # the suite's own grinder names items that have no id ITEM-1, ITEM-2, ... by position
    items = [item if "id" in item else {**item, "id": f"ITEM-{n}"} for n, item in enumerate(data["INPUT"], 1)]
    return Fixture(name=path.stem, path=path, mode=raw["MODE"].strip(), result=raw["RESULT"], csl=raw["CSL"],
                   input=items, citation_items=data.get("CITATION-ITEMS"),
                   citations=data.get("CITATIONS"), bibentries=data.get("BIBENTRIES"),
                   bibsection=data.get("BIBSECTION"), options=data.get("OPTIONS"), sections=raw)


# --- rendering -----------------------------------------------------------------------------------

# citeproc-js's HTML for the display blocks, whitespace included
_DISPLAY = {"block": ('\n\n    <div class="csl-block">', "</div>\n"),
            "left-margin": ('\n    <div class="csl-left-margin">', "</div>"),
            "right-inline": ('<div class="csl-right-inline">', "</div>\n  "),
            "indent": ('<div class="csl-indent">', "</div>\n  ")}


def html(tree: richtext.Span) -> str:
    """Our HTML backend's output, with citeproc-js's numeric character references, its whitespace
    around display blocks, and its `style="baseline"` for vertical-align="baseline" (where we
    print the CSS property, `vertical-align:baseline;`)."""
    out = backends.render(tree, "html", html_display=_DISPLAY)
    out = out.replace('<span style="vertical-align:baseline;">', '<span style="baseline">')
    return out.replace("&lt;", "&#60;").replace("&gt;", "&#62;").replace("&amp;", "&#38;")


def _cite(data: dict[str, Any]) -> Cite:
    locator = data.get("locator")
    position = data.get("position")
    if isinstance(position, int):
        position = POSITIONS[position]
    return Cite(str(data["id"]), locator=None if locator in (None, "") else str(locator),
                label=data.get("label") or "page", prefix=data.get("prefix"), suffix=data.get("suffix"),
                suppress_author=bool(data.get("suppress-author")), author_only=bool(data.get("author-only")),
                position=position, near_note=bool(data.get("near-note")))


def _registered(fixture: Fixture) -> list[str]:
    """The items citeproc-js's runner registers before citing: the last BIBENTRIES set, or all."""
    if fixture.bibentries:
        return [str(k) for k in fixture.bibentries[-1]]
    return list(dict.fromkeys(str(item["id"]) for item in fixture.input))  # an id given twice: once (the last item)


def _matches(item: dict[str, Any], test: dict[str, Any]) -> bool:
    value = item.get(test["field"])
    if test["value"] == "":
        return value in (None, "", [])
    return value == test["value"] or (isinstance(value, list) and test["value"] in value)


def _bibsection(items: list[dict[str, Any]], keys: list[str], spec: dict[str, Any] | None) -> list[str]:
    if not spec:
        return keys
    by_key = {str(i["id"]): i for i in items}
    kept = []
    for key in keys:
        item = by_key.get(key, {})
        keep = True
        if "select" in spec:
            keep = all(_matches(item, t) for t in spec["select"])
        elif "include" in spec:
            keep = any(_matches(item, t) for t in spec["include"])
        elif "exclude" in spec:
            keep = not any(_matches(item, t) for t in spec["exclude"])
        if "quash" in spec and all(_matches(item, t) for t in spec["quash"]):
            keep = False
        if keep:
            kept.append(key)
    return kept


# What citeproc-js prints for a citation, or an entry of a numbered bibliography, that renders
# nothing (our Processor returns an empty citation, and lists such entries in Entries.omitted)
NO_PRINTED_FORM = "[CSL STYLE ERROR: reference with no printed form.]"


def _document(fixture: Fixture, processor: Processor) -> tuple[list[str], list[str], list[str]]:
    """Replay CITATIONS: -> (citation ids, their renderings, and the ids the last insertion changed).

    Each insertion names the citations before and after it with their note numbers; citations it
    does not name have been deleted. The document is re-rendered after every insertion."""
    defined: dict[str, Cluster] = {}
    order: list[str] = []
    rendered: dict[str, str] = {}
    changed: list[str] = []
    first_notes: dict[str, int | None] = {}
    citation_layout = re.search(r"<citation\b.*?</citation>", fixture.csl, re.S)
    numbered = bool(citation_layout) and 'variable="citation-number"' in citation_layout.group()
    counted = 'class="note"' in fixture.csl and 'disambiguate="true"' in fixture.csl
    numbers: dict[str, int] = {}
    counts: Counter = Counter()
    for step in fixture.citations or []:
        citation, before, after = step[0], step[1], step[2]
        cid = str(citation.get("citationID", f"CITATION-{len(defined)}"))
        note = (citation.get("properties") or {}).get("noteIndex") or None
        defined[cid] = Cluster([_cite(c) for c in citation["citationItems"]], note)
        for other, other_note in [*before, *after]:
            if str(other) in defined:
                defined[str(other)] = Cluster(defined[str(other)].cites, other_note or None)
        order = [str(c) for c, _ in before] + [cid] + [str(c) for c, _ in after]
        entries = processor.citations(fixture.input, [defined[c] for c in order], "html")
        now = {c: html(e.tree) for c, e in zip(order, entries, strict=True)}
        # citeproc-js also returns the citations of an item whose first-reference-note-number
        # changed (its first note moved), though their text may be the same
        notes = _first_notes([defined[c] for c in order]) if "position=" in fixture.csl else {}
        moved = {key for key, n in notes.items() if key in first_notes and first_notes[key] != n}
        first_notes = notes
        # and those of an item whose registry entry changed: its citation number, where citations print
        # one; in a note style testing `disambiguate`, whether it is cited once or more
        keys = list(dict.fromkeys(cite.key for c in order for cite in defined[c].cites))
        now_numbers = {k: n for n, k in enumerate(processor.order(fixture.input, keys))} if numbered else {}
        moved |= {key for key, n in now_numbers.items() if key in numbers and numbers[key] != n}
        numbers = now_numbers
        now_counts = Counter(cite.key for c in order for cite in defined[c].cites) if counted else Counter()
        moved |= {key for key, n in now_counts.items() if key in counts and (counts[key] < 2) != (n < 2)}
        counts = now_counts
        changed = [c for c in order if c == cid or rendered.get(c) != now[c]
                   or any(cite.key in moved for cite in defined[c].cites)]
        rendered = now
    return order, [rendered[c] for c in order], changed


def _first_notes(clusters: list[Cluster]) -> dict[str, int | None]:
    """The note number of each item's first citation in a note, for the items cited twice or more."""
    first: dict[str, int | None] = {}
    count: Counter = Counter()
    for cluster in clusters:
        for cite in cluster.cites:
            count[cite.key] += 1
            if cluster.note is not None:
                first.setdefault(cite.key, cluster.note)
    return {key: n for key, n in first.items() if count[key] > 1}


def run_fixture(fixture: Fixture) -> str:
    """The fixture's output in its RESULT's conventions (see the module's docstring)."""
    if fixture.options:
        raise NotImplementedError(f"fixture OPTIONS (citeproc-js switches) are not supported: {fixture.options}")
    if fixture.mode not in ("citation", "bibliography"):
        raise FixtureError(f"{fixture.path}: unknown MODE {fixture.mode!r}")
    processor = Processor(fixture.csl)
    items = fixture.input
    if fixture.mode == "citation":
        if fixture.citations is not None:
            order, texts, changed = _document(fixture, processor)
            return "\n".join(f"{'>>' if c in changed else '..'}[{i}] {t}"
                             for i, (c, t) in enumerate(zip(order, texts, strict=True)))
        registered = _registered(fixture)
        if fixture.citation_items is not None:
            clusters = [[_cite(c) for c in cluster] for cluster in fixture.citation_items]
        else:  # one cluster of every registered item, in the registry's (bibliography's) order
            clusters = [[Cite(k) for k in processor.order(items, registered)]]
        entries = processor.citations(items, clusters, "html", registered=registered, independent=True)
        return "\n".join(html(e.tree) or NO_PRINTED_FORM for e in entries)
    if fixture.citations is not None and not fixture.bibentries:
        order, _, _ = _document(fixture, processor)
        keys = list(dict.fromkeys(key for c in order for key in _cluster_keys(fixture, c)))
    else:
        keys = _registered(fixture)
    keys = _bibsection(items, keys, fixture.bibsection)
    entries = processor.bibliography(items, "html", keys=keys)
    texts = [html(e.tree) for e in entries]
    citation = re.search(r"<citation\b.*?<layout\b.*?</layout>", fixture.csl, re.S)
    if entries.omitted and citation and 'variable="citation-number"' in citation.group().split("<layout", 1)[1]:
        # a numbered style (citations print citation-number) keeps the place and number of an
        # entry that prints nothing
        by_key = {e.key: t for e, t in zip(entries, texts, strict=True)}
        ordered = processor.order(items, keys)
        texts = [by_key.get(k) or f"{n}. {NO_PRINTED_FORM}" for n, k in enumerate(ordered, 1)]
    body = "".join(f'  <div class="csl-entry">{text}</div>\n' for text in texts)
    return f'<div class="csl-bib-body">\n{body}</div>'


def _cluster_keys(fixture: Fixture, cid: str) -> list[str]:
    for step in reversed(fixture.citations or []):
        if str(step[0].get("citationID")) == cid:
            return [str(c["id"]) for c in step[0]["citationItems"]]
    return []


@dataclass
class Outcome:
    fixture: Fixture
    output: str | None
    error: BaseException | None = None

    @property
    def passed(self) -> bool:
        return self.error is None and self.output == self.fixture.result


def outcome(fixture: Fixture) -> Outcome:
    try:
        return Outcome(fixture, run_fixture(fixture))
    except Exception as exc:  # a fixture that crashes the processor is a failure, not a crash
        return Outcome(fixture, None, exc)


# --- the expected-failures list ------------------------------------------------------------------
# A first reason for each failing fixture, from what the fixture exercises and how our output
# differs. The list is then kept by hand; `main --write` only adds fixtures it does not yet name.

_MARKUP = re.compile(r"<(i|b|sc|sup|sub|span)[ >]", re.I)
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def _straight(text: str) -> str:
    return text.translate(_QUOTES)


# What a fixture's name says it exercises, for the features not implemented yet
_BY_NAME = [
    (r"(?i)collapse|CiteGroup|GroupedBy", "collapse: cite grouping and collapsing not implemented"),
    (r"(?i)ibid|position_|NearNote|FirstReferenceNoteNumber|Supra|integration_",
     "positions: ibid, subsequent, near-note, first-reference-note-number (note numbers)"),
    (r"(?i)AddNames|Givenname|disambiguate_",
     "disambiguation: add names, add given names, disambiguate condition"),
    (r"Initial", "names: initials (initialize, initialize-with, hyphens, existing initials)"),
    (r"(?i)particle|parseName|Parsed", "names: particles (parsing, demote-non-dropping-particle, capitals)"),
    (r"Count", 'names: form="count"'),
    (r"Asian|Arabic|Hebrew|Glyph|Cyrillic", "names: non-Latin names (order, delimiters)"),
    (r"(?i)etal", "names: et-al options (et-al-use-last, use-first 0, subsequent forms)"),
    (r"NameSuffix|SurnameSuffix|Articular", "names: name suffixes (comma-suffix, Jr., III)"),
    (r"Season", "dates: seasons"),
    (r"Ordinal", "numbers: ordinals (gendered terms, superscript characters)"),
    (r"Plural", "labels: plural detection"),
    (r"(?i)capitaliz|Caps", "terms: capitalization at the start of a note or sentence (citeproc-js)"),
    (r"^sort_", "sorting: keys (macros, names, dates, particles) and collation"),
    (r"^substitute_|SubstituteSuppress", "substitute: suppression of substituted variables"),
    (r"FullMonty|Punctuation|Delimiter|Spacing|Space", "punctuation: spacing and punctuation merging"),
]


def classify(result: Outcome) -> str:
    fx, out = result.fixture, result.output
    csl = fx.csl
    if result.error is not None:
        message = str(result.error).splitlines()[0] if str(result.error) else ""
        if "ref_type" in message:
            message = 'an INPUT item without "type" (citeproc-py\'s CiteProcJSON requires one)'
        elif "near-note-distance" in message:
            message = "near-note-distance has no default in citeproc-py's style options"
        return f"error: {type(result.error).__name__}: {message[:100]}"
    assert out is not None
    expected = fx.result
    affixes = json.dumps([fx.citation_items, fx.citations])
    if (_MARKUP.search(json.dumps(fx.input)) or _MARKUP.search(affixes)) and "&#60;" in out:
        return "rich text: nodecor and style spans, markup in names and numbers"
    if "disambiguate-add-year-suffix" in csl and re.search(r"\d[a-z]\b", expected):
        return "disambiguation: year-suffix after add-names/given names, or with collapsing"
    for pattern, reason in _BY_NAME:
        if re.search(pattern, fx.name):
            return reason
    disambiguation = fx.category == "disambiguate" or "disambig" in fx.name.lower()
    if disambiguation and (re.search(r"disambiguate-add-(names|givenname)", csl) or 'disambiguate="true"' in csl):
        return "disambiguation: add names, add given names, disambiguate condition"
    collapsing = re.search(r'\bcollapse="', csl) or "cite-group-delimiter" in csl
    if fx.category == "collapse" or (collapsing and len(out) > len(expected)):
        return "collapse: cite grouping and collapsing not implemented"
    if any(expected.count(f'"csl-{d}"') != out.count(f'"csl-{d}"') for d in ("block", "left-margin", "right-inline",
                                                                              "indent")):
        return "display: blocks (display, second-field-align) differ"
    substitute = re.search(r'subsequent-author-substitute="([^"]*)"', csl)
    dash = html_module.unescape(substitute.group(1)) if substitute else None
    if fx.mode == "bibliography" and dash is not None and (
            (dash and expected.count(dash) > out.count(dash)) or "SubsequentAuthorSubstitute" in fx.name):
        return "bibliography: subsequent-author-substitute not implemented"
    if _straight(expected) == _straight(out):
        return "quotes: typographic quotes, apostrophes and alternating nested quotes"
    moved = re.sub(r"([\"'])([.,])", r"\2\1", _straight(out))
    if _straight(expected) == moved:
        return "quotes: punctuation-in-quote (English locales) not implemented"
    if expected.lower() == out.lower() or _straight(expected).lower() == _straight(out).lower():
        return "text-case: title/sentence case rules (stop words, nocase, non-English items)"
    if fx.citations is not None or 'position="' in csl or any(
            "position" in c for cluster in fx.citation_items or [] for c in cluster):
        return "positions: ibid, subsequent, near-note, first-reference-note-number (note numbers)"
    if fx.category == "page":
        return "page ranges: roman numerals and chicago-16 details"
    if "<sort" in csl and sorted(expected.splitlines()) == sorted(out.splitlines()):
        return "sorting: order differs (collation, name and date keys)"
    squash = re.compile(r"[\s.,;:]")
    if squash.sub("", expected) == squash.sub("", out):
        return "punctuation: spacing and punctuation merging"
    return f"{fx.category}: output differs (not yet analysed)"


def write_expected_failures(path: Path, outcomes: list[Outcome]) -> None:
    """Write the TOML list of expected failures, grouped by reason; reasons already in the file
    are kept, fixtures that now pass are dropped."""
    import tomllib

    known = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    reasons = {o.fixture.name: known.get(o.fixture.name) or classify(o) for o in outcomes if not o.passed}
    groups: dict[str, list[str]] = {}
    for name, reason in sorted(reasons.items()):
        groups.setdefault(reason, []).append(name)
    lines = ["# CSL test-suite fixtures we are known to fail (tests/formatter/test_conformance.py), each with",
             "# the reason; grouped by reason. A fixture that starts passing must be removed from this list.",
             "# Generated by `python -m sergebib.formatter.csl_fixtures --write FILE`, then kept by hand.", ""]
    for reason in sorted(groups, key=lambda r: (-len(groups[r]), r)):
        lines.append(f"# --- {reason} ({len(groups[reason])})")
        lines += [f"{name} = {json.dumps(reason, ensure_ascii=False)}" for name in groups[reason]]
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def rate_table(results: dict[str, bool]) -> str:
    """`{fixture name: passed}` -> a pass-rate table, overall and by category."""
    total, passed = Counter(), Counter()
    for name, ok in results.items():
        category = name.split("_", 1)[0]
        total[category] += 1
        passed[category] += ok
    lines = [f"{'category':<14} {'passed':>6} {'total':>6} {'rate':>7}"]
    for category in sorted(total):
        lines.append(f"{category:<14} {passed[category]:>6} {total[category]:>6} "
                     f"{100 * passed[category] / total[category]:>6.1f}%")
    n, p = sum(total.values()), sum(passed.values())
    lines.append(f"{'(all)':<14} {p:>6} {n:>6} {100 * p / n if n else 0:>6.1f}%")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """[FOLDER] [--write EXPECTED_FAILURES.toml]: print the pass rates (and update the list)."""
    args = list(sys.argv[1:] if argv is None else argv)
    target = None
    if "--write" in args:
        at = args.index("--write")
        target = Path(args[at + 1])
        del args[at:at + 2]
    where = Path(args[0]) if args else folder()
    paths = find_fixtures(where)
    if not paths:
        print(f"no fixtures in {where}", file=sys.stderr)
        return 2
    outcomes = [outcome(parse_fixture(path)) for path in paths]
    print(rate_table({o.fixture.name: o.passed for o in outcomes}))
    if target is not None:
        write_expected_failures(target, outcomes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
