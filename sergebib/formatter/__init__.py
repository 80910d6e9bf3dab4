"""Everything CSL: style lookup, the processor, our citeproc-py extensions and output backends."""

from .processor import Cite, Cluster, Entry, Processor, StyleError
from .styles import StyleNotFoundError, available_styles, resolve_style

__all__ = ["Cite", "Cluster", "Entry", "Processor", "StyleError", "StyleNotFoundError", "available_styles",
           "resolve_style"]
