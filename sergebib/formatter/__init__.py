"""Everything CSL: style lookup, the processor, our citeproc-py extensions and output backends."""

from .processor import Cite, Entry, Processor, StyleError
from .styles import StyleNotFoundError, available_styles, resolve_style

__all__ = ["Cite", "Entry", "Processor", "StyleError", "StyleNotFoundError", "available_styles",
           "resolve_style"]
