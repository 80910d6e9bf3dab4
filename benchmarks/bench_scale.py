"""How cost grows: synthetic bibliographies of N entries, loaded and formatted as whole processes;
time per entry and peak memory (max RSS). Prints figures, never pass/fail.

    python benchmarks/bench_scale.py [--sizes 1000,10000,100000] [--format-max 10000] [--sample 1000]
                                     [--style apa]

Times are wall (CPU) seconds; ms/entry is from CPU time, which a busy machine inflates less; the
formatting's CPU includes its worker processes (formatter.workers), whose largest peak memory is
"child MB" (they share most of their pages with the parent).
Every run is cold: the caches are off (SERGEBIB_NO_CACHE=1), except the "load, cached" column (a
second load of the same file through the parsed-library cache, in a temporary cache directory).
Bibliographies above --format-max are loaded whole but only a sample of their first --sample
entries is formatted (formatting 100,000 entries would take hours at today's speed).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
from pathlib import Path

from _run import PY, ROOT

# wall time, and CPU time (what a busy machine does not inflate), of the load and of the work
PROBE = ("import resource, sys, time, sergebib; c = time.process_time(); t = time.perf_counter(); "
         "lib = sergebib.load(sys.argv[1]); t1, c1 = time.perf_counter(), time.process_time(); {work}; "
         "t2, c2 = time.perf_counter(), time.process_time(); "
         "k = resource.getrusage(resource.RUSAGE_CHILDREN); "
         "print(t1 - t, t2 - t1, c1 - c, c2 - c1 + k.ru_utime + k.ru_stime, "
         "resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, k.ru_maxrss)")


def measure(path: Path, work: str, env: dict[str, str]) -> tuple[float, float, float, float, float, float]:
    """-> (load s, work s, load CPU s, work CPU s, peak MB, children's peak MB) of one process;
    the work's CPU includes that of the processes it forked (formatter.workers)."""
    out = subprocess.run([PY, "-c", PROBE.format(work=work), str(path)], check=True, capture_output=True,
                         text=True, cwd=ROOT, env=env).stdout.split()
    return float(out[0]), float(out[1]), float(out[2]), float(out[3]), int(out[4]) / 1024, int(out[5]) / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--format-max", type=int, default=10000, help="format whole bibliographies up to this size")
    ap.add_argument("--sample", type=int, default=1000, help="entries formatted from larger bibliographies")
    ap.add_argument("--style", default="apa")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    cold = {**os.environ, "SERGEBIB_NO_CACHE": "1"}
    warm = {**os.environ, "SERGEBIB_CACHE_DIR": str(tmp / "cache")}
    warm.pop("SERGEBIB_NO_CACHE", None)
    print(f"style {args.style}; whole processes; caches off except 'cached load'; seconds as wall (CPU)")
    print(f"{'entries':>8} {'load s':>14} {'ms/entry':>9} {'MB':>7} {'cached s':>14} | "
          f"{'formatted':>9} {'format s':>16} {'ms/entry':>9} {'MB':>7} {'child MB':>9}")
    for size in (int(s) for s in args.sizes.split(",")):
        path = tmp / f"synthetic-{size}.bib"
        subprocess.run([PY, str(ROOT / "benchmarks" / "synthetic.py"), str(size), str(path)], check=True,
                       stdout=subprocess.DEVNULL, cwd=ROOT)
        load, _, load_cpu, _, load_mb, _ = measure(path, "pass", cold)
        measure(path, "pass", warm)  # fills the parsed-library cache
        cached, _, cached_cpu, _, _, _ = measure(path, "pass", warm)
        row = (f"{size:8} {load:6.2f} ({load_cpu:5.2f}) {1000 * load_cpu / size:9.3f} {load_mb:7.0f} "
               f"{cached:6.2f} ({cached_cpu:5.2f}) |")
        count = size if size <= args.format_max else min(args.sample, size)
        _, fmt, _, fmt_cpu, fmt_mb, child_mb = measure(
            path, f"sergebib.format_bibliography(list(lib)[:{count}], style={args.style!r})", cold)
        row += (f" {count:9} {fmt:7.1f} ({fmt_cpu:6.1f}) {1000 * fmt_cpu / count:9.2f} {fmt_mb:7.0f}"
                f" {child_mb:9.0f}")
        print(row, flush=True)


if __name__ == "__main__":
    main()
