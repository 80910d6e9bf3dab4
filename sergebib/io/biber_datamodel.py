"""The biber configuration that declares our extensions to biblatex's datamodel, generated from the
field table (`tables.FIELDS`, custom=True) so each declaration lives in one place.

biber's tool mode validates entries against its default datamodel. We start from that datamodel
(read from the installed biber) and change only this:
- our custom fields are declared, and allowed on every entry type;
- standard fields our conventions use are allowed on every type (biblatex's non-standard types
  @letter and @review have no field list of their own; a newspaper article may have a place);

biber merges a configuration's datamodel into its built-in one, so its mandatory-field rules
cannot be relaxed here. Two of them meet data we will not invent: an unsigned article has no
author, and a web page whose address the sources do not give has no url. `EXPECTED_GAPS` names
these; tests accept biber's warnings of exactly those kinds, for exactly those records.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from lxml import etree

from .tables import FIELDS

EXTRA_ON_ALL_TYPES = (
    "author", "title", "subtitle", "titleaddon", "shorttitle", "location", "library", "number", "pages",
    "pagetotal", "howpublished", "note", "addendum", "journaltitle", "journalsubtitle", "booktitle",
    "maintitle", "series", "publisher", "institution", "organization", "origtitle", "origlanguage",
    "origlocation", "origpublisher", "translator", "editor", "editortype", "introduction", "foreword",
    "afterword", "edition", "volume", "issue", "issuetitle", "url", "isbn", "type", "langid", "keywords",
    "annotation", "related", "relatedtype", "xref", "pubstate", "entrysubtype",
    # biber splits dates into parts and checks the parts
    *(f"{d}{p}" for d in ("", "orig", "event", "url") for p in
      ("year", "month", "day", "endyear", "endmonth", "endday")),
)
EXPECTED_GAPS = {"article": "Missing mandatory field 'author'",
                 "online": "Missing mandatory field - one of 'url, doi, eprint' must be defined"}


def custom_fields() -> list[tuple[str, str, str]]:
    """(name, fieldtype, datatype) of each field we declare."""
    return [(f.bib, "list", "name") if f.kind == "names" else (f.bib, "field", "literal")
            for f in FIELDS if f.custom]


def biber_tool_conf() -> Path | None:
    """The default tool-mode configuration of the installed biber, or None without biber."""
    exe = shutil.which("biber")
    if exe is None:
        return None
    result = subprocess.run([exe, "--tool-config"], capture_output=True, text=True, timeout=60)
    lines = result.stdout.strip().splitlines()
    path = Path(lines[-1]) if lines else None
    return path if path and path.is_file() else None


def extended_config(default_conf: bytes) -> bytes:
    root = etree.fromstring(default_conf)
    dm = root.find(".//datamodel")
    fields = dm.find("fields")
    for name, ftype, dtype in custom_fields():
        el = etree.SubElement(fields, "field", fieldtype=ftype, datatype=dtype)
        el.text = name
    # the <entryfields> block without <entrytype> lists the fields valid for every type
    everywhere = next(ef for ef in dm.findall("entryfields") if ef.find("entrytype") is None)
    present = {f.text for f in everywhere.findall("field")}
    for name in [n for n, _, _ in custom_fields()] + list(EXTRA_ON_ALL_TYPES):
        if name not in present:
            etree.SubElement(everywhere, "field").text = name
            present.add(name)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def validate_with_biber(bib: Path, workdir: Path) -> tuple[int, list[str]] | None:
    """Run `biber --tool --validate-datamodel` with our datamodel; -> (exit code, warnings), or
    None when biber is not installed."""
    default = biber_tool_conf()
    if default is None:
        return None
    conf = workdir / "sergebib-biber.conf"
    conf.write_bytes(extended_config(default.read_bytes()))
    target = workdir / bib.name
    target.write_bytes(bib.read_bytes())
    result = subprocess.run(["biber", "--tool", "--validate-datamodel", f"--configfile={conf.name}",
                             target.name], capture_output=True, text=True, timeout=600, cwd=workdir)
    lines = (result.stdout + result.stderr).splitlines()
    return result.returncode, [ln for ln in lines if ln.startswith(("WARN - ", "ERROR - "))]
