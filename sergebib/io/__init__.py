"""Formats in and out of the record model: biblatex/BibTeX and CSL-JSON, through declarative tables."""
