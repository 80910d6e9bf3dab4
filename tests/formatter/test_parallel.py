"""A long bibliography rendered by several processes (formatter.workers) prints exactly what one
process prints: "———" for the names of the preceding entry across the chunks' seams, entries the
style leaves out, runs of a grouped list; failures in a child surface as without workers."""

from __future__ import annotations

import multiprocessing
import os

import pytest

from sergebib.formatter import Processor, workers
from sergebib.formatter.extensions import layout as layout_module
from sergebib.formatter.extensions import lookups
from sergebib.formatter.progress import reporting

pytestmark = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                                reason="no 'fork' start method on this platform (no workers)")

# An author-date list: "———" for a repeated author (CSL 1.0.2, subsequent-author-substitute);
# letters (personal_communication) render nothing, so they are left out and are no "preceding entry"
STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
  <info><id/><title/><updated>2024-01-01T00:00:00+00:00</updated></info>
  <citation><layout><text variable="title"/></layout></citation>
  <bibliography subsequent-author-substitute="———">
    <sort><key variable="author"/><key variable="issued"/><key variable="title"/></sort>
    <layout suffix="."><choose><if type="book"><group delimiter=". ">
      <names variable="author"><name name-as-sort-order="first" and="text"/></names>
      <date variable="issued"><date-part name="year"/></date>
      <text variable="title" font-style="italic"/></group></if></choose></layout></bibliography>
</style>"""

FAMILIES = ["Serge", "Trotsky", "Istrati", "Weissman", "Greeman", "Cotterill"]


def _items(count: int) -> list[dict]:
    """Works of a few authors (so most entries repeat the preceding author), some with two
    authors, and letters in runs of one to three (left out of the list)."""
    items = []
    for i in range(count):
        family = FAMILIES[(i * 7) % len(FAMILIES)]
        authors = [{"family": family, "given": "Victor"}]
        if i % 5 == 0:
            authors.append({"family": FAMILIES[(i + 1) % len(FAMILIES)], "given": "Anne"})
        kind = "personal_communication" if i % 11 in (3, 4, 5) or i % 17 == 0 else "book"
        items.append({"id": f"w{i:04d}", "type": kind, "title": f"Title {i % 13}", "author": authors,
                      "issued": {"date-parts": [[1900 + i % 47]]}})
    return items


def _format(monkeypatch: pytest.MonkeyPatch, count: int | None, items: list[dict], **options) -> tuple:
    if count is None:
        monkeypatch.delenv(workers.ENV, raising=False)
    else:
        monkeypatch.setenv(workers.ENV, str(count))
    entries = Processor(STYLE).bibliography(items, "html", **options)
    return [(e.key, e.text) for e in entries], entries.omitted


def test_entries_rendered_by_two_processes_are_those_of_one(monkeypatch):
    items = _items(workers.MIN_ENTRIES + 40)
    one = _format(monkeypatch, 1, items)
    assert workers.stats["chunks"] == 0
    two = _format(monkeypatch, 2, items)
    # the workers were used: every chunk came back from a child process
    assert workers.stats["chunks"] == 2 * workers.CHUNKS_PER_WORKER
    assert workers.stats["pids"] and os.getpid() not in workers.stats["pids"]
    assert two == one
    entries, omitted = one
    assert len(omitted) > 30
    # a repeated author is substituted (and the first entry keeps its names)
    assert not entries[0][1].startswith("———")
    assert sum(text.startswith("———. ") for _, text in entries) > 100


def test_every_seam_between_chunks_gives_the_same_entries(monkeypatch):
    # chunks of one or two entries: a chunk starts after every kind of predecessor, among them
    # runs of left-out letters, whose predecessor is the entry before them
    monkeypatch.setattr(workers, "MIN_ENTRIES", 10)
    monkeypatch.setattr(workers, "CHUNKS_PER_WORKER", 40)
    items = _items(120)
    one = _format(monkeypatch, 1, items)
    three = _format(monkeypatch, 3, items)
    assert workers.stats["chunks"] > 40
    assert three == one
    assert sum(text.startswith("———") for _, text in one[0]) > 40


def test_runs_of_a_grouped_list_restart_the_substitution_in_workers(monkeypatch):
    monkeypatch.setattr(workers, "MIN_ENTRIES", 10)
    items = _items(90)
    # the works in groups, by author within each group
    keys = [i["id"] for i in sorted(items, key=lambda i: i["author"][0]["family"])]
    runs = [keys[:40], keys[40:41], keys[41:]]
    one = _format(monkeypatch, 1, items, runs=runs)
    two = _format(monkeypatch, 2, items, runs=runs)
    assert workers.stats["chunks"] > 0
    assert two == one
    entries = dict(one[0])
    # the first entry of each group shows its names
    for run in runs:
        assert not entries[next(key for key in run if key in entries)].startswith("———")
    assert sum(text.startswith("———") for text in entries.values()) > 20


def test_unoptimised_and_short_lists_use_no_workers(monkeypatch):
    monkeypatch.delenv(workers.ENV, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert workers.workers_wanted(workers.MIN_ENTRIES) == 2
    assert workers.workers_wanted(workers.MIN_ENTRIES - 1) == 1
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert workers.workers_wanted(10_000) == 1
    monkeypatch.setenv(workers.ENV, "2")
    assert workers.workers_wanted(10_000) == 2
    monkeypatch.setenv(workers.ENV, "1")
    assert workers.workers_wanted(10_000) == 1
    monkeypatch.setenv(workers.ENV, "3")
    assert workers.workers_wanted(10_000) == 3
    # (the switch as read when a style is parsed or a bibliography made: lookups.read_switch)
    monkeypatch.setattr(lookups, "_UNOPTIMISED", True)
    assert workers.workers_wanted(10_000) == 1


def test_the_progress_bar_advances_once_per_item(monkeypatch):
    monkeypatch.setattr(workers, "MIN_ENTRIES", 10)
    items = _items(60)
    ticks: list[int] = []
    with reporting(ticks.append):
        _format(monkeypatch, 2, items)
    assert workers.stats["chunks"] > 0
    assert sum(ticks) == len(items)


def _failing_at(monkeypatch: pytest.MonkeyPatch, key: str) -> None:
    original = layout_module.Layout.render_bibliography

    def failing(self, citation_items):  # noqa: ANN001, ANN202
        def checked():
            for item in citation_items:
                if item.key == key:
                    raise ValueError(f"cannot render {key}")
                yield item
        return original(self, checked())

    monkeypatch.setattr(layout_module.Layout, "render_bibliography", failing)


def test_an_exception_in_a_child_is_raised_as_without_workers(monkeypatch):
    monkeypatch.setattr(workers, "MIN_ENTRIES", 10)
    items = _items(80)
    _failing_at(monkeypatch, "w0031")
    with pytest.raises(ValueError, match="^cannot render w0031$"):
        _format(monkeypatch, 1, items)
    with pytest.raises(ValueError, match="^cannot render w0031$"):
        _format(monkeypatch, 2, items)


def test_a_child_that_dies_does_not_hang_the_parent(monkeypatch):
    monkeypatch.setattr(workers, "MIN_ENTRIES", 10)
    items = _items(80)
    one = _format(monkeypatch, 1, items)
    parent = os.getpid()
    original = workers._render_range

    def dying(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        if os.getpid() != parent:
            os._exit(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(workers, "_render_range", dying)
    # every chunk is then rendered again in this process, after the same predecessor
    assert _format(monkeypatch, 2, items) == one
    assert workers.stats["chunks"] == 0
