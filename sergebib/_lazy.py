"""Names a package exports but imports on first use (start-up time, issue #6)."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable


def lazy_attributes(package: str, homes: dict[str, str]) -> Callable[[str], object]:
    """A module `__getattr__` for `package`: `homes` maps each name to the module that defines it
    (relative to the package); the name is imported when first asked for, then kept."""

    def __getattr__(name: str) -> object:
        if name in homes:
            value = getattr(importlib.import_module(homes[name], package), name)
            setattr(sys.modules[package], name, value)
            return value
        raise AttributeError(f"module '{package}' has no attribute '{name}'")

    return __getattr__
