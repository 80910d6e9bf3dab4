#!/usr/bin/env python3
"""The two set-up commands, needing nothing but python3:

    python3 tasks.py demo    # build .venv, install sergebib, print the default reading list
    python3 tasks.py test    # build .venv, install sergebib with test tools, run the tests

Each creates (or reuses) the virtual environment `.venv` beside this file and installs the
project into it with a plain, non-editable `pip install .`, so the demo and the installed-package
tests see exactly what a user gets.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"


def run(*cmd: str | Path, **kw) -> None:
    result = subprocess.run([str(c) for c in cmd], cwd=ROOT, **kw)
    if result.returncode != 0:
        sys.exit(result.returncode)


def ensure_venv(extras: str = "") -> None:
    if not PY.exists():
        print(f"creating {VENV.relative_to(ROOT)} ...", file=sys.stderr)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
        run(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    target = f".{extras}" if extras else "."
    print(f"installing sergebib{extras} into {VENV.relative_to(ROOT)} ...", file=sys.stderr)
    # --force-reinstall of the project only (not its dependencies) so edited sources are picked up.
    run(PY, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", target)
    run(PY, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps",
        "--force-reinstall", ".")


def ensure_biber() -> None:
    """biber validates bibliography.bib against biblatex's datamodel (tests/test_biber.py).
    Install it where we can (Debian, as root); elsewhere that test says it is skipped."""
    if shutil.which("biber"):
        return
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        print("installing biber (Debian package) for the datamodel test ...", file=sys.stderr)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        quiet = {"stdout": subprocess.DEVNULL, "env": env}
        subprocess.run(["apt-get", "update", "-qq"], **quiet)
        subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "biber"], **quiet)


def demo() -> None:
    ensure_venv()
    run(BIN / "sergebib", "reading-list")


def test() -> None:
    ensure_venv("[test]")
    ensure_biber()
    run(PY, "-m", "pytest", *sys.argv[2:])


if __name__ == "__main__":
    commands = {"demo": demo, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        sys.exit(2)
    commands[sys.argv[1]]()
