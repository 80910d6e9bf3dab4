"""How cost grows: synthetic bibliographies of N entries, loaded and formatted as whole processes;
time per entry and peak memory (max RSS). Prints figures, never pass/fail.

    python benchmarks/bench_scale.py [--sizes 1000,10000,100000] [--format-max 1000] [--style apa]
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path

from _run import PY, ROOT

PROBE = ("import resource, sys, time, sergebib; t = time.perf_counter(); lib = sergebib.load(sys.argv[1]); "
         "{work}; print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")


def measure(path: Path, work: str) -> tuple[float, float]:
    out = subprocess.run([PY, "-c", PROBE.format(work=work), str(path)], check=True, capture_output=True,
                         text=True, cwd=ROOT).stdout.split()
    return float(out[0]), int(out[1]) / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--format-max", type=int, default=1000, help="format only bibliographies up to this size")
    ap.add_argument("--style", default="apa")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    print(f"{'entries':>8} {'load s':>8} {'ms/entry':>9} {'MB':>7} | {'format s':>9} {'ms/entry':>9} {'MB':>7}")
    for size in (int(s) for s in args.sizes.split(",")):
        path = tmp / f"synthetic-{size}.bib"
        subprocess.run([PY, str(ROOT / "benchmarks" / "synthetic.py"), str(size), str(path)], check=True,
                       stdout=subprocess.DEVNULL, cwd=ROOT)
        load, load_mb = measure(path, "pass")
        row = f"{size:8} {load:8.2f} {1000 * load / size:9.3f} {load_mb:7.0f} |"
        if size <= args.format_max:
            fmt, fmt_mb = measure(path, f"sergebib.format_bibliography(list(lib), style={args.style!r})")
            row += f" {fmt:9.2f} {1000 * fmt / size:9.2f} {fmt_mb:7.0f}"
        else:
            row += f" {'(skipped: above --format-max)':>27}"
        print(row)


if __name__ == "__main__":
    main()
