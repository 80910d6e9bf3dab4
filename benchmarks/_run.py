"""Helpers for the benchmark scripts: time whole processes, take medians, find node's citeproc."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PY = sys.executable


def timed(cmd: list[str], runs: int, env: dict[str, str] | None = None) -> tuple[float, list[float]]:
    """Median wall time (s) of `runs` whole-process runs; the command must succeed."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def citeproc_js() -> list[str] | None:
    """`node benchmarks/citeproc_js.js`, installing the npm package `citeproc` beside it if needed."""
    node = shutil.which("node")
    if node is None:
        return None
    modules = HERE / ".node" / "node_modules" / "citeproc"
    if not modules.is_dir() and shutil.which("npm"):
        subprocess.run(["npm", "install", "--silent", "--prefix", str(HERE / ".node"), "citeproc@2"],
                       check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not modules.is_dir():
        return None
    return [node, "--stack-size=8000", str(HERE / "citeproc_js.js")]


def node_env_path() -> str:
    return str(HERE / ".node" / "node_modules")
