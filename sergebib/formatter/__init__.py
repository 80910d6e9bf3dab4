"""Everything CSL: style lookup, the processor, our citeproc-py extensions and output backends.

The names below are imported on first use, so that `sergebib.formatter.cache` (a cache hit needs
no style parsing) does not import citeproc-py and lxml."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .processor import Cite, Cluster, Entry, Processor, StyleError
    from .styles import StyleNotFoundError, available_styles, resolve_style

__all__ = ["Cite", "Cluster", "Entry", "Processor", "StyleError", "StyleNotFoundError", "available_styles",
           "resolve_style"]
_HOME = {"Cite": ".processor", "Cluster": ".processor", "Entry": ".processor", "Processor": ".processor",
         "StyleError": ".processor", "StyleNotFoundError": ".styles", "available_styles": ".styles",
         "resolve_style": ".styles"}


def __getattr__(name: str) -> object:
    if name in _HOME:
        import importlib

        value = getattr(importlib.import_module(_HOME[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'sergebib.formatter' has no attribute '{name}'")
