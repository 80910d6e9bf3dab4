"""The CSL 1.0.2 variables citeproc-py does not know.

CSL 1.0.2, Appendix IV "Variables", lists the name variables; citeproc-py's list (`citeproc.NAMES`,
shared by its CSL-JSON reader, its cs:names and its sort keys) stops at those of CSL 1.0.1, so a
`reviewed-author` or `director` in the data was read as a plain string and cs:names printed nothing
for it. Extending that one shared list (in place, so every module that imported it sees the names)
makes them name variables everywhere.
"""

from __future__ import annotations

import citeproc
from citeproc.source import Reference

# CSL 1.0.2, Appendix IV, "Name Variables" (in citeproc-py's spelling, '-' as '_')
CSL_NAME_VARIABLES: tuple[str, ...] = (
    "author", "chair", "collection_editor", "compiler", "composer", "container_author", "contributor", "curator",
    "director", "editor", "editor_translator", "editorial_director", "executive_producer", "guest", "host",
    "illustrator", "interviewer", "narrator", "organizer", "original_author", "performer", "producer", "recipient",
    "reviewed_author", "script_writer", "series_creator", "translator")


def add_name_variables() -> None:
    """Make every CSL 1.0.2 name variable one to citeproc-py (idempotent)."""
    for variable in CSL_NAME_VARIABLES:
        if variable not in citeproc.NAMES:
            citeproc.NAMES.append(variable)
        if variable not in citeproc.VARIABLES:
            citeproc.VARIABLES.append(variable)


add_name_variables()


class _Reference(Reference):
    """A citeproc-py reference that also answers to a variable's CSL name ('container-author').

    citeproc-py stores variables under Python names ('container_author'), but its cs:names looks
    each one up under the name the style gives, so a hyphenated name variable (container-author,
    original-author, reviewed-author, ...) was never found and printed nothing. CSL 1.0.2,
    Appendix IV: these are the variables' names; the lookups accept both spellings.
    """

    # (the base classes named, not found through super(): these are asked hundreds of thousands
    # of times per bibliography; a cost, not a rule)
    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key.replace("-", "_") if isinstance(key, str) else key)

    def __getitem__(self, key: str) -> object:
        return Reference.__getitem__(self, key.replace("-", "_") if isinstance(key, str) else key)

    def __setitem__(self, key: str, value: object) -> None:
        super().__setitem__(key.replace("-", "_") if isinstance(key, str) else key, value)

    def get(self, key: str, default: object = None) -> object:
        return super().get(key.replace("-", "_") if isinstance(key, str) else key, default)


def read_variables(source: dict) -> None:
    """Let every reference of a citeproc-py `source` be looked up by CSL variable names."""
    for reference in source.values():
        if type(reference) is Reference:
            object.__setattr__(reference, "__class__", _Reference)  # CustomDict's own __setattr__ stores keys
