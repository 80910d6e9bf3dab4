"""cs:style's note-distance default, cite positions (track_position) and cs:if / cs:else-if."""

from __future__ import annotations

from contextvars import ContextVar

from citeproc import model

from .common import RENDERING
from .lookups import kept, unoptimised

# the disambiguate tests a cite rendered for disambiguation meets, counted by If (citeproc-js's
# disambiguate_maxMax): once every one of them holds, turning on more changes nothing
TESTS_MET: ContextVar[list | None] = ContextVar("sergebib_disambiguate_tests_met", default=None)


class StyleElement(model.Style):
    # CSL 1.0.2, "Note Distance": near-note-distance defaults to 5. citeproc-py declares the
    # default on cs:citation but looks the option up on cs:style, where a style that does not set
    # it makes every near-note test crash (KeyError).
    _default_options = {**model.Style._default_options, "near-note-distance": 5}


_IMPOSED = {"first": {"first"}, "subsequent": {"subsequent"}, "ibid": {"subsequent", "ibid"},
            "ibid-with-locator": {"subsequent", "ibid", "ibid-with-locator"}}


def _note(cite) -> int | None:  # noqa: ANN001
    return cite.citation.get("note")


def _same_locator(a, b) -> bool:  # noqa: ANN001
    return (a.locator.label, str(a.locator.identifier)) == (b.locator.label, str(b.locator.identifier))


def _in_sequence(cite, earlier: list) -> list:  # noqa: ANN001
    """The cites of `earlier` that `cite` follows on: those with a note number if it has one,
    else those without; after the last place where note numbers go back."""
    now = _note(cite)
    same_kind = [c for c in earlier if (_note(c) is None) == (now is None)]
    if now is None:
        return same_kind
    numbers = [_note(c) for c in same_kind] + [now]
    start = 0
    for i in range(1, len(numbers)):
        if numbers[i] < numbers[i - 1]:
            start = i
    return same_kind[start:]


def track_position(cite, earlier: list, distance: int) -> None:  # noqa: ANN001
    """The positions of `cite` after the cites rendered before it in the document (`earlier`),
    kept on the cite (`tracked`, and `first_note` for first-reference-note-number).

    CSL 1.0.2, "Choose" / position: "first": the first cite of the item; "subsequent": any later
    one. "ibid": "the current cite immediately follows on another cite, within the same citation,
    that references the same item, or the current cite is the first cite in the citation, and the
    previous citation consists of a single cite referencing the same item"; then "if neither cite
    has a locator" ibid; the current has one and the preceding not, or both have different ones,
    ibid-with-locator; both the same, ibid; only the preceding has one, neither. As citeproc-js
    reads "the previous citation" in a note style, it is all the citations of the preceding note.
    "near-note": "the current cite is ... cited in a note that lies within near-note-distance of
    the note of the preceding cite of the same item" (note numbers; without them citeproc-py's
    count of citations is kept). "first-reference-note-number" is the note number of the first cite
    of the item (CSL 1.0.2, "Number Variables").

    What counts as earlier (_in_sequence): as citeproc-js has it, citations outside notes (no
    note number) are a sequence of their own beside the notes, and where note numbers go back
    (notes numbered anew in a new chapter) the positions start again."""
    earlier = _in_sequence(cite, earlier)
    same = [c for c in earlier if c.key == cite.key]
    if not same:
        cite["tracked"] = {"first"}
        return
    holds = {"subsequent"}
    cite["first_note"] = _note(same[0])
    last = earlier[-1]
    if last.citation is cite.citation:
        preceding = [last]
    else:
        note = _note(last)
        preceding = []
        for c in reversed(earlier):
            if c.citation is not last.citation and (note is None or _note(c) != note or _note(cite) == note):
                break
            preceding.append(c)
    if len(preceding) == 1 and preceding[0].key == cite.key:
        before = preceding[0]
        if not cite.has_locator and not before.has_locator:
            holds.add("ibid")
        elif cite.has_locator and (not before.has_locator or not _same_locator(cite, before)):
            holds |= {"ibid", "ibid-with-locator"}
        elif cite.has_locator:
            holds.add("ibid")
    now, then = _note(cite), _note(same[-1])
    if now is not None and then is not None:
        cite["near"] = now - then <= distance
    cite["tracked"] = holds


_CONDITIONS = {"type": "_type", "variable": "_variable", "is-numeric": "_is_numeric",
               "is-uncertain-date": "_is_uncertain_date", "locator": "_locator", "position": "_position"}


class If(model.If):
    def _position(self, item, context):  # noqa: ANN001, ANN202
        # CSL 1.0.2, "Choose" / position: "Whenever position="ibid-with-locator" tests true,
        # position="ibid" also tests true. And whenever position="ibid" or position="near-note"
        # test true, position="subsequent" also tests true." A citation item may carry the
        # position its document gives it (CSL-JSON `position`, `near-note`), as a word processor
        # plugin does; the processor then uses it instead of working it out. Otherwise the
        # positions worked out by track_position hold.
        imposed = item.get("position")
        tracked = item.get("tracked")
        if imposed is None and tracked is None:
            return super()._position(item, context)
        if context is not None and context.xpath_search("./ancestor::*[self::cs:bibliography]"):
            return [False]
        if imposed is not None:
            holds = set(_IMPOSED[imposed])
            if item.get("near_note") and imposed != "first":
                holds.add("near-note")
        else:
            holds = set(tracked)
            near = item.get("near")
            if near is None and "subsequent" in holds:
                positions = self.get("position").split()
                if "near-note" in positions:
                    near = super()._position(item, context)[positions.index("near-note")]
            if near:
                holds.add("near-note")
        return [position in holds for position in self.get("position").split()]

    def render(self, item, context=None, delimiter="", **kwargs):  # noqa: ANN001, ANN201
        # CSL 1.0.2, "Choose" / disambiguate: "When set to "true" (the only allowed value), the
        # element content is only rendered if it disambiguates two otherwise identical
        # citations" (see disambiguate); it is one more test, combined by `match`. As in
        # citeproc-js, it holds for an ambiguous item in every position of its cites and in its
        # bibliographic entry.
        disambiguate, others, match = self._tests_kept
        if not disambiguate:
            if unoptimised():
                return super().render(item, context, delimiter, **kwargs)
            # citeproc-py's tests, in its order, combined by `match` as it combines them (the
            # tests and the match kept: see _tests)
            if not self._holds([], others, match, item, context):
                raise model.ConditionFailed
            return self.render_children(item, context=context, delimiter=delimiter, **kwargs)
        ambiguous = bool(item.reference.get("disambiguate"))
        steps = item.reference.get("disambiguate_steps")
        state = RENDERING.get()
        if ambiguous and steps is not None and state is not None:
            # as citeproc-js, the conditions are tried one at a time: a cite's first `steps`
            # disambiguate tests (in the order its rendering meets them) hold, until the cites
            # differ (see disambiguate)
            met = state.get("disambiguate_met", 0)
            state["disambiguate_met"] = met + 1
            ambiguous = met < steps
            counted = TESTS_MET.get()
            if counted is not None:
                counted.append(ambiguous)
        if not self._holds([ambiguous], others, match, item, context):
            raise model.ConditionFailed
        return self.render_children(item, context=context, delimiter=delimiter, **kwargs)

    def _holds(self, results: list, others: tuple[str, ...], match: str, item, context) -> bool:  # noqa: ANN001
        """`results` and those of the tests named in `others`, combined by `match` (CSL 1.0.2,
        "Choose": "all" (default), "any", "none")."""
        for name in others:
            results += self._position(item, context) if name == "_position" else getattr(self, name)(item)
        return any(results) if match == "any" else (not any(results)) if match == "none" else all(results)

    @kept
    def _tests_kept(self) -> tuple[bool, tuple[str, ...], str]:
        """(whether the element tests disambiguate, the methods of its other tests in citeproc-py's
        order, its match): read from its attributes, which parsing fixed, so kept unless
        unoptimised (a cost, not a rule: citeproc-py looks at each of the six attributes, and at
        match twice, at every test)."""
        return (self.get("disambiguate") == "true", tuple(_CONDITIONS[n] for n in _CONDITIONS if n in self.attrib),
                self.get("match", "all"))

    @kept
    def _variables_kept(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(the variables the element tests, their Python names): its attribute, fixed by parsing."""
        names = self.get("variable").split()
        return tuple(names), tuple(n.replace("-", "_") for n in names)

    def _variable(self, item):  # noqa: ANN001, ANN202
        names, python_names = self._variables_kept
        if unoptimised():
            return self._with_first_note(item, names, super()._variable(item))
        # citeproc-py's test (a locator on the cite, any other variable in the item's data, by
        # its Python name), the names read once from the attribute, which parsing fixed (a cost,
        # not a rule)
        reference = item.reference
        results = ["locator" in item if name == "locator" else name in reference for name in python_names]
        return self._with_first_note(item, names, results)

    @staticmethod
    def _with_first_note(item, names, results):  # noqa: ANN001, ANN205
        # first-reference-note-number is set for a cite whose item was cited before in a note
        if "first-reference-note-number" not in names:
            return results  # (each result is already a bool: nothing to add)
        return [r or (n == "first-reference-note-number" and item.get("first_note") is not None)
                for n, r in zip(names, results, strict=True)]


class ElseIf(If, model.Else_If):
    pass


