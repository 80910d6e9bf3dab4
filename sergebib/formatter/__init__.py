"""Everything CSL: style lookup, the processor, our citeproc-py extensions and output backends.

The names below are imported on first use, so that `sergebib.formatter.cache` (a cache hit needs
no style parsing) does not import citeproc-py and lxml."""

from typing import TYPE_CHECKING

from .._lazy import lazy_attributes

if TYPE_CHECKING:
    from .processor import Cite, Cluster, Entry, Processor, StyleError
    from .styles import StyleNotFoundError, available_styles, resolve_style

__all__ = ["Cite", "Cluster", "Entry", "Processor", "StyleError", "StyleNotFoundError", "available_styles",
           "resolve_style"]
_HOME = {"Cite": ".processor", "Cluster": ".processor", "Entry": ".processor", "Processor": ".processor",
         "StyleError": ".processor", "StyleNotFoundError": ".styles", "available_styles": ".styles",
         "resolve_style": ".styles"}


__getattr__ = lazy_attributes(__name__, _HOME)
