"""A long bibliography's entries rendered in several processes (issue #6). Not a CSL rule, a cost:
rendering the entries is about half of formatting a large bibliography, and it runs on one core.

Once the items are sorted and disambiguated, an entry's text depends on the other entries only
through subsequent-author-substitute (CSL 1.0.2, "Reference Grouping": names "that also occur in
the preceding entry"): the preceding entry that renders (an entry the style leaves out is no
"preceding entry", see extensions.layout.Layout.render_bibliography). So the entries are cut into
contiguous chunks, each rendered in a child process forked after disambiguation (it inherits the
parsed style and the disambiguated items, nothing is pickled but indices and the texts returned),
starting at the nearest earlier entry of its run that renders, whose text is dropped: each entry
is rendered after the same predecessor as in one pass. The parent keeps the order, ticks the
progress bar (formatter.progress) as each chunk comes back, and needs nothing a child sets while
rendering (what rendering an entry changes: the layout's per-entry attributes, the style's kept
look-ups (extensions.lookups), the contextvars of one rendering; the parent's copies stay as
disambiguation left them, which a later citations() or bibliography() reads as it would anyway).

A chunk a child fails to render (an exception, or a child killed) is rendered again in the parent,
in order: the same exception is then raised there, with its type, message and traceback, as
without workers; nothing hangs on a dead child (concurrent.futures reports a broken pool).

Used only where "fork" is available (Linux; macOS and Windows start processes by "spawn", which
would parse everything again), with more than one CPU and at least MIN_ENTRIES entries.
`SERGEBIB_WORKERS=N` sets the number of processes (1: no workers; default: os.cpu_count(); not
the idle CPUs by the load average, which a run just ended still holds up for a minute, so that
back-to-back runs would differ; on a busy machine the children cost ~10% more CPU, no time), and
`SERGEBIB_UNOPTIMISED=1` turns them off too (the benchmark that checks byte-identical output
compares with that)."""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor, wait
from typing import Any

from .extensions.lookups import unoptimised
from .progress import ticking

ENV = "SERGEBIB_WORKERS"
# Fewer entries are rendered in this process: forking and collecting cost ~0.1 s, the time of
# about 20 entries; below a few hundred the gain is small and timings vary (measured crossover)
MIN_ENTRIES = 300
# Each process takes several chunks, so that the progress bar advances while they work and an
# early finisher takes more; each chunk renders one or two entries more (its predecessor)
CHUNKS_PER_WORKER = 4

# What the children render: (layout, runs), set in the parent just before forking
_job: tuple[Any, Sequence[Sequence[Any]]] | None = None
# For tests: how many chunks the last call rendered in children, and the children's process ids
stats: dict[str, Any] = {"chunks": 0, "pids": set()}


def workers_wanted(count: int) -> int:
    """How many processes render `count` entries (1: this one alone). Never from a process with
    other threads (a lock another thread holds when forking stays held in the child) or from a
    daemonic multiprocessing child (which may not have children)."""
    if (unoptimised() or count < MIN_ENTRIES or "fork" not in multiprocessing.get_all_start_methods()
            or threading.active_count() > 1 or multiprocessing.current_process().daemon):
        return 1
    given = os.environ.get(ENV, "").strip()
    try:
        wanted = int(given) if given else (os.cpu_count() or 1)
    except ValueError:
        wanted = 1
    return max(1, min(wanted, count // 2))


def render_bibliography(layout: Any, runs: Sequence[Sequence[Any]]) -> list[str | None]:
    """The layout's text of each item of each run (None for an item it leaves out), in order, as
    `layout.render_bibliography` gives them run after run; ticks the progress bar per item."""
    total = sum(len(run) for run in runs)
    count = workers_wanted(total)
    stats["chunks"], stats["pids"] = 0, set()
    if count < 2:
        return [text for run in runs for text in layout.render_bibliography(ticking(run))]
    size = max(1, -(-total // (count * CHUNKS_PER_WORKER)))
    chunks = [(r, start, min(start + size, len(run))) for r, run in enumerate(runs)
              for start in range(0, len(run), size)]
    return _render_in_children(layout, runs, chunks, count)


def _render_in_children(layout: Any, runs: Sequence[Sequence[Any]], chunks: list[tuple[int, int, int]],
                        count: int) -> list[str | None]:
    global _job
    results: list[list[str | None] | None] = [None] * len(chunks)
    # buffered output would be written again by each child as it exits
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    _job = (layout, runs)
    # the objects alive now are left out of the children's garbage collections, which would
    # otherwise write to (and so copy) every page of the heap they share with this process
    # (unless the caller froze objects itself: then unfreezing is not ours to do)
    freeze = gc.get_freeze_count() == 0
    if freeze:
        gc.freeze()
    pool = ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork"), initializer=_child_start)
    try:
        futures: dict[Future, int] = {pool.submit(_render_chunk, *chunk): i for i, chunk in enumerate(chunks)}
        pending = set(futures)
        while pending:
            done, pending = wait(pending, return_when="FIRST_COMPLETED")
            for future in done:
                i = futures[future]
                answer = None if future.cancelled() or future.exception() is not None else future.result()
                if answer is None:
                    # a failure: the chunks after it are not needed if it fails again here
                    for other, j in futures.items():
                        if j > i:
                            other.cancel()
                    continue
                pid, texts = answer
                results[i] = texts
                stats["chunks"] += 1
                stats["pids"].add(pid)
                _, start, stop = chunks[i]
                for _ in ticking(range(start, stop)):
                    pass
    finally:
        # (on an interruption here, the chunks not started are dropped and those being rendered
        # are let finish: the children ignore Ctrl-C, which is this process's to handle)
        pool.shutdown(wait=True, cancel_futures=True)
        _job = None
        if freeze:
            gc.unfreeze()
    out: list[str | None] = []
    for (r, start, stop), texts in zip(chunks, results, strict=True):
        if texts is None:
            # rendered here, after the same predecessor: raises as it would have without workers
            texts = _render_range(layout, runs[r], start, stop, ticking)
        out += texts
    return out


def _child_start() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _render_chunk(run_index: int, start: int, stop: int) -> tuple[int, list[str | None]] | None:
    """In a child: (its process id, the texts of entries start..stop of the run), or None if
    rendering failed (the parent renders the chunk again, and so raises what it raises)."""
    assert _job is not None
    layout, runs = _job
    try:
        return os.getpid(), _render_range(layout, runs[run_index], start, stop)
    except Exception:
        return None


def _render_range(layout: Any, run: Sequence[Any], start: int, stop: int,
                  wrap: Any = None) -> list[str | None]:
    """The texts of run[start:stop], each rendered after its predecessor as in one pass over the
    run: the nearest earlier item that renders (the entry whose names "———" stands for) is found,
    then rendered first in the same pass, its text dropped. `wrap` (ticking) wraps the range."""
    back = start - 1
    while back >= 0 and layout.render_bibliography([run[back]])[0] is None:
        back -= 1
    items = run[start:stop] if wrap is None else wrap(run[start:stop])
    if back < 0:
        return [_text(t) for t in layout.render_bibliography(items)]
    return [_text(t) for t in layout.render_bibliography(_chained(run[back], items))[1:]]


def _chained(first: Any, items: Any) -> Any:
    yield first
    yield from items


def _text(rendered: Any) -> str | None:
    return None if rendered is None else str(rendered)
