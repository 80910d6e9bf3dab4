"""CSL 1.0.2 "Disambiguation": added names, added given names, the disambiguate condition, year-suffixes."""

from __future__ import annotations

import re
import warnings
from collections import Counter
from collections.abc import Iterator

from citeproc import frontend, model

from .conditions import TESTS_MET
from .lookups import unoptimised
from .names import NAMES_SEEN

# --- year-suffix disambiguation ------------------------------------------------------------------
# CSL 1.0.2, "Disambiguation" / disambiguate-add-year-suffix: "If set to "true" ("false" is the
# default), an alphabetic year-suffix is added to ambiguous cites (e.g. "Doe 2007, Doe 2007" becomes
# "Doe 2007a, Doe 2007b") and to their corresponding bibliographic entries. The assignment of the
# year-suffixes follows the order of the bibliographic entries, and additional letters are used once
# "z" is reached ("z", "aa", "ab", ..., "az", "ba", etc.). By default, the year-suffix is appended to
# the first year rendered through cs:date in the cite and in the bibliographic entry, but its
# location can be controlled by explicitly rendering the "year-suffix" variable using cs:text."
# Cites are ambiguous here when their renderings as subsequent cites are identical (see disambiguate).


_NOT_IDENTIFYING = ("accessed",)
# citeproc-js compares cites without their decorations (getAmbiguousCite, suppress_decorations):
# formatting (our private-use marks, see richtext) and quotation marks are not what tells works apart
_FORMATTING = re.compile("[\ue000-\uf8ff]")


def _letters(n: int) -> str:
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out


def _letter_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord("a") + 1
    return n


def _ambiguous(render, keys: list[str]) -> list[list[str]]:
    groups: dict[str, list[str]] = {}
    for key in keys:
        groups.setdefault(render(key), []).append(key)
    return [group for group in groups.values() if len(group) > 1]


def _name_count(reference: object) -> int:
    return max((len(reference.get(v) or []) for v in model.NAMES if isinstance(reference.get(v), list)), default=0)


# --- renderings kept ------------------------------------------------------------------------------
# Not a CSL rule, a cost: the procedures below render a cite again after each change to what
# disambiguation gives it, and often with nothing changed that the rendering reads.

_MISSING = object()
# what disambiguation changes on a reference and a cite's rendering reads; the last two are also
# written by the rendering (names.Name.process: the list names were added to, the names shown in
# full), for the bibliography
_READ = ("add_names", "given_levels", "names_added_to", "given_full")
_WRITTEN = ("names_added_to", "given_full")
_CONDITION = ("disambiguate", "disambiguate_steps")


def _frozen(value: object) -> object:
    return tuple(sorted(value.items())) if isinstance(value, dict) else value


class _Renders:
    """`render(key)` of disambiguate, kept per cite and per state of what the rendering reads:
    the fields of _READ and the disambiguate condition's (`disambiguate`, `disambiguate_steps`,
    read by conditions.If). A rendering is a function of these (the cite is rendered alone,
    as a subsequent cite, from a bibliography fixed while disambiguation runs); what it leaves
    behind is replayed from what it left: the names recorded (`seen`), the disambiguate tests
    it met (conditions.TESTS_MET) and the fields of _WRITTEN.

    The condition's steps: a rendering with `disambiguate_steps` s that met m <= s tests had
    them all hold, so it is the rendering with any s' >= m, and with the tests all on (no
    steps): that one is kept too, with m. A rendering with the condition off is that with it on
    at step 0 (no test holds), which counts the tests met: where it meets none, the condition on
    renders the same at any step."""

    def __init__(self, render, source: object, seen: dict[str, list]) -> None:  # noqa: ANN001
        self.plain, self.source, self.seen = render, source, seen
        self.exact: dict[tuple, tuple] = {}
        self.all_held: dict[tuple, tuple] = {}

    def __call__(self, key: str) -> str:
        reference = self.source[key]
        on = bool(reference.get("disambiguate"))
        steps = reference.get("disambiguate_steps") if on else None  # (read only where it is on)
        state = (key, on, *(_frozen(reference.get(field, _MISSING)) for field in _READ))
        outer = TESTS_MET.get()
        found = self.exact.get((state, steps))
        if found is None and on:
            held = self.all_held.get(state)
            if held is not None and (steps is None or held[2] <= steps):
                # all its tests held (none counted where there are no steps)
                text, names, met, left = held
                found = (text, names, [True] * met if steps is not None else [], left)
        if found is not None:
            text, names, tests, left = found
            self.seen[key] = list(names)
            if outer is not None:
                outer.extend(tests)
            for field, value in zip(_WRITTEN, left, strict=True):
                if value is not _MISSING:
                    reference[field] = value
            return text
        tests = []
        token = TESTS_MET.set(tests)
        saved = {field: reference.get(field, _MISSING) for field in _CONDITION}
        if not on:
            # rendered with the condition on at step 0, which holds no test (the same text),
            # so that the tests it meets are counted
            reference["disambiguate"], reference["disambiguate_steps"] = True, 0
        try:
            text = self.plain(key)
        finally:
            TESTS_MET.reset(token)
            if not on:
                for field, value in saved.items():
                    if value is _MISSING:
                        reference.pop(field, None)
                    else:
                        reference[field] = value
            if outer is not None and on:  # (where the condition is off, no test is counted)
                outer.extend(tests)
        left = tuple(reference.get(field, _MISSING) for field in _WRITTEN)
        names = tuple(self.seen[key])
        self.exact[(state, steps)] = (text, names, tuple(tests) if on else (), left)
        if on and steps is not None and all(tests):
            self.all_held[state] = (text, names, len(tests), left)
        elif not on and not tests:  # no test met: the rendering with the condition on too
            self.all_held.setdefault((key, True, *state[2:]), (text, names, 0, left))
        return text


# --- given names -------------------------------------------------------------------------------
# CSL 1.0.2, "Disambiguation" / disambiguate-add-givenname: "ambiguous names (names that are
# identical in their "short" or initialized "long" form, but differ when initials are added or the
# full given name is shown) are expanded". A name's expansion is a level, the index of one of the
# forms Name.expansion_steps lists (0: the style's own); levels are kept on the reference as
# `given_levels`, {(variable, index of the name): level}, and read by Name.process in cites.

_WITH_INITIALS = ("all-names-with-initials", "primary-name-with-initials")


def _person(name: object) -> tuple:
    return tuple(name.get(part) for part in ("given", "family", "dropping-particle", "non-dropping-particle",
                                             "suffix", "literal"))


def _allowed(steps: list[tuple[str, bool]], rule: str) -> list[int]:
    """The levels a rule may use. "all-names-with-initials": "name expansion is limited to
    showing initials (see step 1(a) above). No disambiguation attempt is made when
    initialize-with is not set or when initialize is set to "false"."""
    if rule not in _WITH_INITIALS:
        return list(range(1, len(steps)))
    return [n for n in range(1, len(steps)) if steps[n] == ("long", False)]


def _levels_apart(occurrences: list[tuple], rule: str) -> dict[int, int]:
    """occurrences [(element, context, name)] of names that look alike -> {index: level}: each
    person's lowest level at which it differs from every other person among them ("Each name is
    progressively transformed until it is disambiguated. Names that cannot be disambiguated
    remain in their original form."). The same person at several places gets one level."""
    persons: dict[tuple, list[int]] = {}
    for at, (_, _, name) in enumerate(occurrences):
        persons.setdefault(_person(name), []).append(at)
    if len(persons) < 2:
        return {}
    out: dict[int, int] = {}
    for person, places in persons.items():
        element, context, name = occurrences[places[0]]
        steps = element.expansion_steps(context)
        for level in _allowed(steps, rule):
            mine = element.name_key(name, steps[level], context)
            others = set()
            for other, other_places in persons.items():
                if other != person:
                    e, c, n = occurrences[other_places[0]]
                    other_steps = e.expansion_steps(c)
                    others.add(e.name_key(n, other_steps[min(level, len(other_steps) - 1)], c))
            if mine not in others:
                out.update((at, level) for at in places)
                break
    return out


def _raise_level(reference: object, variable: str, index: int, level: int) -> bool:
    levels = reference.get("given_levels") or {}
    if levels.get((variable, index), 0) >= level:
        return False
    reference["given_levels"] = {**levels, (variable, index): level}
    return True


def _disambiguate_names(source: object, seen: dict[str, list], keys: list[str], rule: str) -> set[str]:
    """Global name disambiguation, for the rules other than "by-cite": "all-names": "Name
    expansion has the dual purpose of disambiguating cites and names. All rendered ambiguous
    names, in both ambiguous and unambiguous cites, are subject to disambiguation";
    "primary-name": "As "all-names", but disambiguation is limited to the first name of each
    cite" (likewise the -with-initials rules). As in citeproc-js, the names et-al abbreviation
    hides count too, for disambiguate-add-names may show them. Names are grouped by their
    unexpanded form in one pass (a dictionary), not compared pairwise. -> the keys changed."""
    primary = rule.startswith("primary-name")
    groups: dict[tuple, list[tuple]] = {}
    for key in keys:
        records = seen.get(key) or []
        for element, context, variable, _ in records[:1] if primary else records:
            names = source[key].get(variable) or []
            steps = element.expansion_steps(context)
            for index, name in enumerate(names[:1] if primary else names):
                look = element.name_key(name, steps[0], context)
                groups.setdefault(look, []).append((element, context, name, key, variable, index))
    changed = set()
    for members in groups.values():
        if len(members) < 2:
            continue
        levels = _levels_apart([m[:3] for m in members], rule)
        for at, level in levels.items():
            _, _, _, key, variable, index = members[at]
            if _raise_level(source[key], variable, index, level):
                changed.add(key)
    return changed


def _expand_cites(source: object, seen: dict[str, list], pending, rule: str,  # noqa: ANN001
                  done: set[tuple[int, int]]) -> Iterator[list[str]]:
    """By-cite expansion for a set of cites rendered alike (`pending()`, the cites still
    ambiguous): the names shown, position by position, each expanded as far as tells its
    persons apart ("by-cite": "Only ambiguous names in ambiguous cites are affected, and
    disambiguation stops after the first name that eliminates cite ambiguity"). Yields the keys
    whose names changed after each position, so that the caller can re-render and stop.
    Positions in `done` were expanded among more cites already, which needed at least the
    levels fewer cites need: they are skipped (and positions examined here are added)."""
    keys = pending()
    records = {key: seen.get(key) or [] for key in keys}
    for r in range(min(len(found) for found in records.values())):
        for index in range(min(records[key][r][3] for key in keys)):
            keys = pending()
            if not keys:
                return
            if (r, index) in done:
                continue
            done.add((r, index))
            occurrences, where = [], []
            for key in keys:
                element, context, variable, _ = records[key][r]
                names = source[key].get(variable) or []
                if index < len(names):
                    occurrences.append((element, context, names[index]))
                    where.append((key, variable))
            changed = []
            for at, level in _levels_apart(occurrences, rule).items():
                key, variable = where[at]
                if _raise_level(source[key], variable, index, level):
                    changed.append(key)
            if changed:
                yield changed


def disambiguate(style: frontend.CitationStylesStyle, bibliography: object, cited: list[str] | None = None) -> None:
    """Disambiguate the cites of `bibliography.items` (registered, and sorted where the style
    sorts its bibliography), in the order of CSL 1.0.2 "Disambiguation" ("A cite is ambiguous
    when it matches multiple bibliographic entries"). As in citeproc-js (getAmbiguousCite), a
    cite is compared in the form of a subsequent cite (position "subsequent", near-note): the
    short form of a note style, where works are told apart only by what the short form shows;
    what disambiguation adds then holds in every position (and, for the condition, in the
    bibliography):

    - with a givenname-disambiguation-rule other than "by-cite", names are first disambiguated
      throughout (_disambiguate_names);
    - Step (1), disambiguate-add-names: "Names that would otherwise be hidden as a result of et-al
      abbreviation are added one by one to all members of a set of ambiguous cites, until no
      more cites in the set can be disambiguated by adding names" (`add_names` on the
      reference, read by Name.process); Step (2), disambiguate-add-givenname ("by-cite"):
      then the ambiguous names shown are expanded, one name after another, until the cites
      are told apart, and "the names still hidden as a result of et-al abbreviation after the
      disambiguation attempt of disambiguate-add-names are added one by one to all members of
      a set of ambiguous cites, until no more cites in the set can be disambiguated by adding
      expanded names". After each step, cites left ambiguous keep the names and expansions of
      the last change that told any cite of their set apart, or return to what they had
      before the step where none did (as citeproc-js does);
    - the disambiguate="true" condition (If), tested true for cites still ambiguous: "the
      element content is only rendered if it disambiguates two otherwise identical citations";
    - disambiguate-add-year-suffix (`year_suffix`), in bibliography order.
    `cited`: the works in the order a document first cites them, where that is not the order of
    `bibliography.items`."""
    citation_element = style.root.citation
    if citation_element is None:
        return
    add_names = citation_element.get("disambiguate-add-names") == "true"
    add_givenname = citation_element.get("disambiguate-add-givenname") == "true"
    rule = citation_element.get("givenname-disambiguation-rule", "by-cite")
    year_suffix = citation_element.get("disambiguate-add-year-suffix") == "true"
    condition = bool(style.root.xpath_search("//cs:if[@disambiguate='true'] | //cs:else-if[@disambiguate='true']"))
    if not (add_names or add_givenname or year_suffix or condition):
        return
    from citeproc import Citation

    from .lookups import CitationItem  # finds its reference once (a cost, not a rule)

    source = bibliography.source
    keys = [item.key for item in bibliography.items]
    # the order in which a document first cites the works (citeproc-js registers them so)
    registered = {key: n for n, key in enumerate(cited or keys)}
    seen: dict[str, list] = {}
    marks = "".join(str(citation_element.layout.get_single_term(name=name))
                    for name in ("open-quote", "close-quote", "open-inner-quote", "close-inner-quote"))
    undecorated = str.maketrans("", "", marks)

    def plain_render(key: str) -> str:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # `position` is read by our If, not citeproc-py
            # compared as a subsequent cite close to its previous one (citeproc-js: position
            # "subsequent", near-note)
            item = CitationItem(key, position="subsequent", near_note=True)
        probe = Citation([item])
        probe.bibliography = bibliography
        names: list = []
        token = NAMES_SEEN.set(names)
        # the date a work was accessed tells when it was read, not which work it is: cites that
        # differ only there are ambiguous (as in citeproc-js, which then adds "n.d.-a", "n.d.-b")
        hidden = {name: source[key].pop(name) for name in _NOT_IDENTIFYING if name in source[key]}
        try:
            text = citation_element.layout.render_citation_alone(probe)
        finally:
            NAMES_SEEN.reset(token)
            source[key].update(hidden)
        seen[key] = names
        return _FORMATTING.sub("", text).translate(undecorated)

    render = plain_render if unoptimised() else _Renders(plain_render, source, seen)

    first = {key: render(key) for key in keys}  # the cites' renderings, kept up to date

    def ambiguous() -> list[list[str]]:
        return _ambiguous(first.__getitem__, keys)

    if add_givenname and rule != "by-cite":
        first.update({key: render(key) for key in _disambiguate_names(source, seen, keys, rule)})
    stepped: set[str] = set()  # the cites citeproc-js's whole procedure was run on (_run_set)
    if add_names or (add_givenname and rule == "by-cite"):
        for group in ambiguous():
            # (in a note style citeproc-js runs a set again as later notes cite its works again:
            # _disambiguate_set and _steps_after_expansion model that)
            if (add_names and condition and not year_suffix and (rule == "by-cite" or not add_givenname)
                    and style.root.get("class") != "note" and all(len(seen.get(key) or []) == 1 for key in group)):
                _run_set(group, source, seen, render, first, registered, add_givenname)
                stepped.update(group)
                continue
            _disambiguate_set(group, source, seen, render, first, add_names, add_givenname and rule == "by-cite")
    if condition:
        # the conditions are turned on one at a time (`disambiguate_steps`, read by If) until the
        # cites of a set differ, as citeproc-js does; those that never do keep them all
        tests = len(style.root.xpath_search("//cs:if[@disambiguate='true'] | //cs:else-if[@disambiguate='true']"))
        for group in ambiguous():
            if stepped.intersection(group):
                continue
            if add_givenname and rule == "by-cite" and not year_suffix:
                # citeproc-js steps the conditions right after expanding names by cite (its
                # modes disNames, disExtraText; with year-suffixes, disYears comes between)
                by_citing = sorted(group, key=lambda key: registered.get(key, len(keys)))
                _steps_after_expansion(by_citing, source, seen, render, first)
                continue
            pending = group
            for steps in range(1, tests + 1):
                for key in pending:
                    source[key]["disambiguate"] = True
                    source[key]["disambiguate_steps"] = steps
                first.update({key: render(key) for key in pending})
                rendered = [first[key] for key in group]
                pending = [key for key in pending if rendered.count(first[key]) > 1]
                if not pending:
                    break
            for key in pending:
                source[key].pop("disambiguate_steps", None)
            first.update({key: render(key) for key in pending})
    if year_suffix:
        for group in ambiguous():
            for n, key in enumerate(group):
                source[key]["year_suffix"] = _letters(n)


def _disambiguate_set(group: list[str], source: object, seen: dict[str, list], render, first: dict[str, str],
                      add_names: bool, by_cite: bool) -> None:  # noqa: ANN001
    """One set of cites rendered alike: names added (Step 1), then, `by_cite`, names expanded
    and hidden ones added with expansion (Step 2); see disambiguate. `first` is updated with
    the cites' new renderings; only cites whose names changed are rendered again."""

    def state(key: str) -> tuple:
        return source[key].get("add_names"), source[key].get("given_levels")

    before = {key: state(key) for key in group}
    pending = list(group)
    best, kept = 1, None  # the most distinct renderings of the set, and the cites' state then

    def settle(changed: list[str]) -> None:
        nonlocal pending, best, kept
        first.update({key: render(key) for key in changed})
        counts = Counter(first[key] for key in group)
        if len(counts) > best:
            best, kept = len(counts), {key: state(key) for key in group}
        pending = [key for key in pending if counts[first[key]] > 1]

    expanded: set[tuple[int, int]] = set()
    top = max(_name_count(source[key]) for key in group) if add_names else 0

    def attempt(expand: bool) -> None:
        # (names shown, names in the list) of each name list the cite renders: n names shown
        # change a cite only where et-al abbreviation hid some of them
        lists = {key: [(shown, len(source[key].get(variable) or [])) for _, _, variable, shown in seen.get(key) or []]
                 for key in pending}
        for n in [None, *range(1, top + 1)]:
            if n is not None:
                changed = [key for key in pending if any(shown < n <= size for shown, size in lists[key])]
                for key in changed:
                    source[key]["add_names"] = n
                if changed:
                    settle(changed)
            if expand and pending:
                for changed in _expand_cites(source, seen, lambda: pending, "by-cite", expanded):
                    settle(changed)
                    if not pending:
                        break
            if not pending:
                break

    def restore() -> None:
        restored = []
        for key in pending:  # what told none of the set apart is not kept
            names, levels = (kept or before)[key]
            if (names, levels) == state(key):
                continue
            restored.append(key)
            for field, value in (("add_names", names), ("given_levels", levels)):
                if value is None:
                    source[key].pop(field, None)
                else:
                    source[key][field] = value
        first.update({key: render(key) for key in restored})

    if add_names:
        attempt(False)
        restore()
    if by_cite and pending:
        attempt(True)
        restore()


# --- the disambiguate condition after by-cite given-name expansion ----------------------------------
# citeproc-js (CSL.Disambiguation) runs its steps on one configuration of the cites of a set (its
# "base": names shown and given-name levels), which it only moves forward, and keeps a copy (its
# "betterbase") of what helped, which the cites are registered with. When names cannot tell the
# cites apart, base is left with the first name fully expanded; the disambiguate conditions are then
# turned on one at a time (disExtraText), each step followed by a names step (disNames) on the same
# rendering. Whenever a step tells some of the cites apart (disNames's resolutions [a] to [d]),
# captureStepToBase copies into betterbase base's level of the name being stepped (the first one
# when a list of cites is new), or all of base's levels where base has met more name lists than
# betterbase knows: from then on, the cites registered carry the expanded given name that did not
# tell them apart. Cites told apart at once (two left, done) are registered without it. The set is
# run again as the document's citations are processed, starting from what its first work (as first
# cited) was registered with: once that carries the expansion, every cite of the set does. This is what
# citeproc-js prints, e.g. for three editions of one book in a note style's short form ("John Doe,
# Title, 1999"; two editions: "Doe, Title, 1999").


class _Stepper:
    """The state citeproc-js keeps while it steps a set of cites (see above)."""

    def __init__(self, group: list[str], lists: int, carried: bool) -> None:
        self.lists = [group]  # the cites still ambiguous, in lists citeproc-js works through
        self.step = 0  # the disambiguate tests turned on
        self.name = 0  # the name being stepped (gname)
        self.known = lists  # the name lists betterbase knows
        self.met = lists  # the name lists base has met
        self.carried = carried  # whether betterbase has the expanded given name
        self.registered: dict[str, tuple[int, bool, int]] = {}

    def register(self, *keys: str) -> None:
        self.registered.update((key, (self.step, self.carried, self.known)) for key in keys)

    def capture(self) -> None:
        """captureStepToBase: base's level of the name stepped, or all of them where base has
        met more name lists."""
        if self.name == 0 or self.met > self.known:
            self.carried, self.known = True, max(self.known, self.met)

    def resolve(self, partners: list[str], others: list[str], clashes: list[int], maxed: bool) -> bool:
        """disNames's resolutions of the current list -> whether the next names step renders
        again without a change (initGivens)."""
        if clashes[1] == 0 and len(others) == 1:  # [a] both told apart
            self.capture()
            self.register(partners[0], others[0])
            self.lists[0] = []
        elif clashes[1] == 0:  # [b] the first told apart from all the others
            self.capture()
            self.register(partners[0])
            self.lists[0] = others
            return bool(others)
        elif len(others) == 1:  # [c] one told apart from all the others
            self.capture()
            self.register(others[0])
            self.lists[0] = partners
        elif clashes[1] < clashes[0]:  # [d] fewer alike than before
            self.capture()
            self.lists[0] = partners
            self.lists.append(others)
        elif maxed:  # [e] nothing more to try on names: the list is split
            self.lists[0] = others
            self.lists.append(partners)
        return False


def _stepped(members: list[str], source: object, render, lists, carried: bool, known: int) -> _Stepper:  # noqa: ANN001
    """One run of citeproc-js over the cites `members` (in its order): lists(key) is the number
    of name lists the cite's last rendering met."""
    state = _Stepper(members, known, carried)
    stepping_names, again, rounds = False, False, 0
    while state.lists:
        state.name, clashes = 0, [1, 0]
        while state.lists[0] and rounds < 10000:
            rounds += 1
            current, maxed = state.lists[0], False
            if again:  # after a resolution, the next names step renders again without a change
                again = False
            elif not stepping_names:
                state.step += 1
            else:  # base has the name expanded already: it adds a name, and is at its maximum
                state.name, maxed = 1, True
            texts, tests = {}, []
            for key in current:
                source[key]["disambiguate_steps"] = state.step
                tests = []
                token = TESTS_MET.set(tests)
                try:
                    texts[key] = render(key)
                finally:
                    TESTS_MET.reset(token)
                state.met = max(state.met, lists(key))
            partners = [key for key in current if texts[key] == texts[current[0]]]
            others = [key for key in current if texts[key] != texts[current[0]]]
            clashes = [clashes[1], len(partners) - 1]
            if not stepping_names and ((clashes[1] == 0 and len(others) < 2) or len(tests) <= state.step):
                state.register(*current)  # told apart, or every condition on: done
                state.lists[0] = []
                continue
            stepping_names = not maxed
            again = state.resolve(partners, others, clashes, maxed)
        state.lists.pop(0)
    return state


def _steps_after_expansion(group: list[str], source: object, seen: dict[str, list], render,  # noqa: ANN001
                           first: dict[str, str]) -> None:
    """The disambiguate conditions for a set of cites still ambiguous after by-cite given-name
    expansion (`group`, in the order the document first cites them), stepped as citeproc-js
    steps them (see above): each cite registered with the step it was told apart at
    (`disambiguate_steps`) and, after a capture, its first name expanded."""

    def lists(key: str) -> int:
        return len(seen.get(key) or [])

    def counts(key: str) -> str:  # citeproc-js orders the set by its names counts, then by id
        return ",".join(str(len(source[key].get(variable) or [])) for _, _, variable, _ in seen.get(key) or [])

    known = max(lists(key) for key in group)
    for key in group:
        source[key]["disambiguate"] = True
    state = _stepped(sorted(group, key=lambda key: (counts(key), key)), source, render, lists, False, known)
    for _ in range(3):  # again, from what its first cite was registered with, until that holds
        step, carried, known = before = state.registered.get(group[0], (0, False, known))
        for key in group:
            source[key]["disambiguate_steps"] = step
            render(key)
            known = max(known, lists(key))
        order = {key: (counts(key), key) for key in group}
        state = _stepped(sorted(group, key=order.__getitem__), source, render, lists, carried, known)
        if state.registered.get(group[0]) == before:
            break
    for key in group:
        steps, expanded, _ = state.registered.get(key, (None, False, 0))
        if steps is None:
            source[key].pop("disambiguate_steps", None)
        else:
            source[key]["disambiguate_steps"] = steps
        records = seen.get(key) or []
        names = (source[key].get(records[0][2]) or []) if records else []
        if expanded and names and "literal" not in names[0]:
            element, context, variable, _ = records[0]
            _raise_level(source[key], variable, 0, len(element.expansion_steps(context)) - 1)
        first[key] = render(key)


# --- added names, expanded given names and the disambiguate condition, stepped together -----------
# With disambiguate-add-names and the disambiguate condition (and no year-suffixes), citeproc-js runs
# one procedure over a set of cites rendered alike (CSL.Disambiguation.runDisambig), which CSL 1.0.2
# describes only as its steps ("Disambiguation": "(1) disambiguate-add-names, (2)
# disambiguate-add-givenname, (3) disambiguate-add-year-suffix" and the condition, "the element content
# is only rendered if it disambiguates two otherwise identical citations"). It works through lists of
# cites, the first being the set ordered by the size of its name list (compared as text, then by
# key); one
# configuration of the cites (its "base": the names shown, each name's given-name level, the
# disambiguate tests on) only moves forward: a name's given name is expanded (by-cite), then a name is
# added, up to as many names as the first cite of the set has. After each step the cites of the list
# are compared with its first: when that one is told apart, or one other, they are registered with
# what helped so far (its "betterbase"), and the list goes on without them; when fewer are alike than
# before, the list is split in two, the cites unlike its first going to a list of their own, worked
# through later. When names can do no more, the disambiguate tests are turned on one at a time (its
# disExtraText), and the list's cites are registered together once they differ. A list worked through
# after that starts with the tests already on: its cites get the condition's text even where their
# names alone would tell them apart ("Serge, Gorkin, Pivert, et al., <title>" for two works whose
# fourth authors differ, "D. L. Macdonald, <title>" beside six works by Dwight and Nancy Macdonald).
# For an in-text style citeproc-js runs a set once, with all its works (updateItems); in a note
# style it runs it again as later notes cite the works again, which _disambiguate_set and
# _steps_after_expansion model instead.


def _levels_for(element: object, context: object, level: int) -> int:
    """citeproc-js's given-name level (0: as the style has it, 1: initials, 2: full) as one of
    Name.expansion_steps: a step it does not have is the same as the one before."""
    steps = element.expansion_steps(context)
    if len(steps) >= 3:
        return min(level, len(steps) - 1)
    if len(steps) == 2:
        return min(level, 1) if steps[0][0] == "short" else max(level - 1, 0)
    return 0


def _run_set(group: list[str], source: object, seen: dict[str, list], render, first: dict[str, str],  # noqa: ANN001
             cited: dict[str, int], givens: bool) -> None:
    """One set of cites rendered alike, with one name list each, stepped as citeproc-js steps it
    (see above); `givens`: by-cite given-name expansion is a step too. Each cite is left with what
    it was registered with: `add_names`, `given_levels`, `disambiguate_steps`."""
    order = sorted(group, key=lambda key: cited.get(key, len(cited)))
    registered = _run_once(order, source, seen, render, givens)
    for key in group:
        config = registered.get(key, {"names": None, "givens": {}, "dis": 0})
        _probe(key, config, source, seen, render)
        if not config["dis"]:
            source[key].pop("disambiguate", None)
            source[key].pop("disambiguate_steps", None)
        first[key] = render(key)


def _probe(key: str, config: dict, source: object, seen: dict[str, list], render) -> tuple[str, list]:  # noqa: ANN001
    """The cite of `key` rendered with a configuration of citeproc-js's (names shown, given-name
    levels, disambiguate tests on) -> (its text, the disambiguate tests it met)."""
    element, context, variable, _ = seen[key][0]
    reference = source[key]
    if config["names"]:
        reference["add_names"] = config["names"]
    else:
        reference.pop("add_names", None)
    levels = {(variable, i): _levels_for(element, context, n) for i, n in config["givens"].items() if n}
    levels = {at: n for at, n in levels.items() if n}
    if levels:
        reference["given_levels"] = levels
    else:
        reference.pop("given_levels", None)
    reference["disambiguate"] = True
    reference["disambiguate_steps"] = config["dis"]
    tests: list = []
    token = TESTS_MET.set(tests)
    try:
        text = render(key)
    finally:
        TESTS_MET.reset(token)
    if seen.get(key):  # as in citeproc-js, the base holds the names the cite just showed
        config["names"] = seen[key][0][3]
    return text, tests


def _run_once(order: list[str], source: object, seen: dict[str, list], render,  # noqa: ANN001, C901
              givens: bool) -> dict[str, dict]:
    """One run of citeproc-js over a set (`order`: as first cited), from the cites as the style
    has them -> the configuration each cite is registered with."""
    group = order
    record = {key: seen[key][0] for key in group}

    def total(key: str) -> int:
        return len(source[key].get(record[key][2]) or [])

    def probe(key: str, config: dict) -> tuple[str, list]:
        return _probe(key, config, source, seen, render)

    def copy(config: dict) -> dict:
        return {"names": config["names"], "givens": dict(config["givens"]), "dis": config["dis"]}

    # the base: from the first cite as registered (as the style has it), then each other cite
    # (betterbase is a copy of the base after the first cite)
    base = {"names": None, "givens": {}, "dis": 0}
    better = None
    for key in order:
        probe(key, base)
        better = better or copy(base)
    items = sorted(group, key=lambda key: (str(total(key)), key))
    names_max = total(items[0])
    width = max(total(key) for key in group)  # the names that have a given-name level
    lists: list[list] = [[base, items]]
    registered: dict[str, dict] = {}
    state = {"mode": 0, "init": True, "gname": 0, "clashes": [1, 0], "partners": [], "others": [], "tests": []}

    def register(key: str, config: dict) -> None:
        registered[key] = copy(config)

    def increment() -> bool:
        if state["init"]:
            state["init"] = False
            return False
        if state["mode"] == 1:
            base["dis"] += 1
            better["dis"] += 1
            return False
        gname, add = state["gname"], not givens
        if givens:
            if gname < width and base["givens"].get(gname, 0) < 2:
                base["givens"][gname] = base["givens"].get(gname, 0) + 1
            else:
                add = True
        if add and gname < names_max:
            base["names"] = (base["names"] or 1) + 1
            state["gname"] = gname = gname + 1
        return gname == names_max and (not givens or gname >= width or base["givens"].get(gname, 0) == 2)

    def capture() -> None:
        gname = state["gname"]
        if gname < width:
            better["givens"][gname] = base["givens"].get(gname, 0)
        better["names"] = base["names"]

    def names_step(maxed: bool) -> None:
        clashes, partners, others = state["clashes"], state["partners"], state["others"]
        if clashes[1] == 0 and len(others) == 1:
            capture()
            register(others[0], better)
            register(partners[0], better)
            lists[0] = [better, []]
        elif clashes[1] == 0:
            capture()
            register(partners[0], better)
            lists[0] = [better, others]
            if others:
                state["init"] = True
        elif len(others) == 1:
            capture()
            register(others[0], better)
            lists[0] = [better, partners]
        elif clashes[1] < clashes[0]:
            capture()
            lists[0] = [better, partners]
            lists.append([better, others])
        elif maxed:
            lists[0] = [better, others]
            lists.append([better, partners])

    def extra_step() -> None:
        clashes, others, tests = state["clashes"], state["others"], state["tests"]
        done = clashes[1] == 0 and len(others) < 2
        count, tried = sum(1 for t in tests if t), len(tests)
        if not done and (not base["dis"] or count != tried):
            state["mode"] = 0
            base["dis"] = better["dis"] = count
            if not count:
                state["init"] = True
                base["dis"] = 1
            else:
                names_step(False)
        else:
            config = lists[0][0]
            for key in lists[0][1]:
                register(key, config)
            lists[0] = [better, []]

    rounds = 0
    while lists and rounds < 10000:
        state["gname"], state["clashes"] = 0, [1, 0]
        while lists[0][1] and rounds < 10000:
            rounds += 1
            maxed = increment()
            current = lists[0][1]
            text, state["tests"] = probe(current[0], base)
            partners, others = [current[0]], []
            for key in current[1:]:
                other, state["tests"] = probe(key, base)
                (partners if other == text else others).append(key)
            state["clashes"] = [state["clashes"][1], len(partners) - 1]
            state["partners"], state["others"] = partners, others
            if state["mode"] == 0:
                names_step(maxed)
                if maxed:
                    state["mode"] = 1
            else:
                extra_step()
        lists.pop(0)
    return registered
