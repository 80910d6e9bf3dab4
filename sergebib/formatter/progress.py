"""Progress of long formatting runs, reported to whoever asked (the command line's progress bar).

The processor passes the items it renders through `ticking`; `reporting(callback)` makes
`callback(1)` be called after each item, for the current context only. Without a callback,
`ticking` returns the items unchanged (no cost)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")
_callback: ContextVar[Callable[[int], object] | None] = ContextVar("sergebib_progress", default=None)


def ticking(items: Iterable[T]) -> Iterable[T]:
    """`items`, calling the current progress callback after each one is consumed."""
    callback = _callback.get()
    if callback is None:
        return items
    return _tick(items, callback)


def _tick(items: Iterable[T], callback: Callable[[int], object]) -> Iterator[T]:
    for item in items:
        yield item
        callback(1)


@contextmanager
def reporting(callback: Callable[[int], object]) -> Iterator[None]:
    token = _callback.set(callback)
    try:
        yield
    finally:
        _callback.reset(token)
