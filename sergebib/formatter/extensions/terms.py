"""A term capitalized where it opens a note or a sentence, as citeproc-js prints "Ibid."."""

from __future__ import annotations

import re

from citeproc.string import String

from .common import RENDERING, prints_nothing

# citeproc-js's terminal punctuation (CSL.TERMINAL_PUNCTUATION without the space)
_TERMINAL = ":.;!?"
# markup tags, and the private-use sentinels our formatter marks affixes with (markup.mark_data)
_TAGS = re.compile("<[^>]+>|[\ue000-\uf8ff]")
_TRAILING = re.compile("[\"'\u201d\u2019\u00bb\u202f\u00a0 ]+$")


def prefix_starts_sentence(prefix: str) -> bool:
    """A cite prefix after which a term starts a new sentence: it ends in terminal punctuation
    (closing quotation marks and spaces aside) and has more than one word ("This has been
    said. "; a single word with a full stop, "Cf. ", is taken for an abbreviation)."""
    test = _TRAILING.sub("", _TAGS.sub("", prefix))
    return test[-1:] in _TERMINAL and test != "" and " " in prefix.strip()


class TermCapitals:
    """Mixed into every element class (see extensions._element_classes).

    CSL 1.0.2 has a term printed as the locale defines it ("ibid."); it does not say what
    happens where the term opens a note. citeproc-js, the reference processor whose output the
    CSL test suite holds, capitalizes the first character of a term (cs:text term="...") that
    is the first thing rendered in a citation, or that follows a cite prefix ending a sentence,
    in every style class but in the citations of in-text styles; and at the start of every
    bibliographic entry. A note begins a sentence, so "Ibid." is the form Chicago notes print.

    The state, whether anything was rendered before in the citation ("predecessor"), is kept
    in the rendering state of the cite or entry (common.RENDERING), which Layout sets."""

    def wrap(self, string):  # noqa: ANN001, ANN201
        wrapped = super().wrap(string)
        state = RENDERING.get()
        # (where "predecessor" is true already, nothing to set, and the output is not looked at)
        if state is not None and not state.get("predecessor") and wrapped is not None and not prints_nothing(wrapped):
            state["predecessor"] = True
        return wrapped

    def render(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201
        # an element that renders nothing (a group suppressed because its variables are empty)
        # leaves the state as it found it, as citeproc-js restores it for a suppressed group
        state = RENDERING.get()
        before = state.get("predecessor") if state is not None else None
        if before:
            # nothing the element renders can make "predecessor" false again (an element sets
            # it true, or back to what it found, which is true from here on): no state to
            # restore, and no need to look at the output (a cost, not a rule)
            return super().render(*args, **kwargs)
        try:
            out = super().render(*args, **kwargs)
        except Exception:
            if state is not None:
                state["predecessor"] = before
            raise
        if state is not None and (out is None or prints_nothing(out)):
            state["predecessor"] = before
        return out

    def _term(self, item):  # noqa: ANN001, ANN202
        text = super()._term(item)
        state = RENDERING.get()
        if state is None or state.get("predecessor", True) or prints_nothing(text):
            return text
        # (whether the cite or entry is rendered for the bibliography is the layout's to say: a
        # macro's elements lie outside cs:bibliography)
        if self.get_root().get("class") == "in-text" and not state.get("bibliography"):
            return text
        plain = str(text)
        return String(plain[:1].upper() + plain[1:])


# The elements TermCapitals has nothing to do for (a cost, not a rule): they have no affixes to
# wrap and no term, and their output is their children's joined, so it prints nothing only where
# every child printed nothing and so left the state as it found it (each child's own render sees
# to that, also when it raises); a condition that fails raises before any child renders. Their
# classes are built without TermCapitals unless unoptimised (see extensions._element_classes).
TRANSPARENT = frozenset({"choose", "if", "else-if", "else", "macro"})


# CSL 1.0.2, "Terms" / "Locale Files - Terms": "If a style uses a term in a form that is undefined (e.g.,
# "verb-short" for a term for which only long and verb forms are defined), there is fallback to other
# forms: "verb-short" first falls back to "verb", "symbol" first falls back to "short", and "verb" and
# "short" both fall back to "long"."
_FORM_FALLBACK: dict[str, str | None] = {"verb-short": "verb", "symbol": "short", "verb": None, "short": None}


class TermFallback:
    """Mixed into every element class (see extensions._element_classes): a term asked for in a form
    the locales do not define is looked up in the form it falls back to (citeproc-py gave up)."""

    def get_term(self, name, form=None, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN201
        term = super().get_term(name, form, *args, **kwargs)
        while term is None and form in _FORM_FALLBACK:
            form = _FORM_FALLBACK[form]
            term = super().get_term(name, form, *args, **kwargs)
        return term
