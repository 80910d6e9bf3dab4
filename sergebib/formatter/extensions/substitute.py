"""cs:substitute, and the suppression of substituted variables in the rest of a cite or entry."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from citeproc import model

from .common import RENDERING
from .lookups import Lookups

# Variables that are not read from the item's data (a locator, numbers the processor assigns)
_NOT_DATA = frozenset({"locator", "citation-number", "first-reference-note-number", "year-suffix",
                       "citation-label"})


def _done(state: dict) -> set[str]:
    """The variables suppressed now: those substituted earlier in the cite or entry, and those
    called so far by the cs:substitute child being rendered (see Substitute.render)."""
    done = set(state.get("suppressed", ()))
    for called in state.get("substituting", ()):
        done |= called
    return done


@contextmanager
def _hidden(reference: dict, variables: set[str]) -> Iterator[None]:
    """The item's data without `variables` (and their short forms) while an element renders."""
    keys = {v.replace("-", "_") for v in variables}
    keys |= {f"{k}_short" for k in keys}
    kept = {k: dict.pop(reference, k) for k in keys if dict.__contains__(reference, k)}
    try:
        yield
    finally:
        reference.update(kept)


class SuppressesSubstituted:
    """Mixed into the elements that render variables (cs:text, cs:names, cs:date, cs:number;
    see extensions.Style).

    CSL 1.0.2, "Substitute": "Substituted variables are suppressed in the rest of the output to
    prevent duplication." A variable that was substituted renders as if it were empty wherever it
    is called again in the cite or entry. As in citeproc-js, a variable called inside the
    cs:substitute child that substitutes counts as substituted from that call on, so that it is
    printed once even there."""

    def render(self, item, *args, **kwargs):  # noqa: ANN001, ANN201
        state = RENDERING.get()
        if state is None:
            return super().render(item, *args, **kwargs)
        # (the element's variables are fixed by parsing: read once; and where nothing was
        # substituted yet and no substitution is under way, nothing is suppressed or recorded)
        variables = self.__dict__.get("_data_variables")
        if variables is None:
            variables = frozenset(self.get("variable", "").split()) - _NOT_DATA
            if isinstance(self, Lookups):  # kept unless unoptimised
                self.__dict__["_data_variables"] = variables
        if not variables or not (state.get("substituting") or state.get("suppressed")):
            return super().render(item, *args, **kwargs)
        suppressed = variables & _done(state)
        if state.get("substituting"):
            state["substituting"][-1].update(variables)
        if not suppressed:
            return super().render(item, *args, **kwargs)
        with _hidden(item.reference, suppressed):
            return super().render(item, *args, **kwargs)


class Substitute(model.Substitute):
    def render(self, item, context=None, **kwargs):  # noqa: ANN001, ANN201
        # CSL 1.0.2, "Substitute": "The substitution is ... the first non-empty cs:substitute
        # child", and "A shorthand version of cs:names without child elements, which inherits
        # the attributes values set on the cs:name and cs:et-al child elements of the original
        # cs:names element, may also be used." The variables the substituting child called
        # are then suppressed in the rest of the cite or entry (SuppressesSubstituted). A child
        # that calls no variable (a term) ends the substitution even when it prints nothing, as
        # in citeproc-js.
        state = RENDERING.get()
        if state is None:
            return super().render(item, context=context, **kwargs)
        parent = self.getparent()
        stack = state.setdefault("substituting", [])
        for child in self.iterchildren():
            called: set[str] = set()
            stack.append(called)
            try:
                if isinstance(child, model.Names) and child.name is None:
                    text = child.render(item, names_context=parent, context=context, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except model.VariableError:
                text = None
            finally:
                stack.pop()
            if text:
                state.setdefault("suppressed", set()).update(called)
                return text
            if not child.calls_variable():
                return None
        return None
