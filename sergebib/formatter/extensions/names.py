"""cs:name and cs:names."""

from __future__ import annotations

import re
from contextvars import ContextVar

from citeproc import model

from .common import inherited
from .markup import _Seamed

_GIVEN_TOKEN = re.compile(r"[^\s.]+\.?")

# While disambiguation probes a cite, the cs:name elements that render in it are recorded here, as
# (element, context, variable, names shown), so that it can expand those names (see disambiguate).
NAMES_SEEN: ContextVar[list | None] = ContextVar("sergebib_names_seen", default=None)


class _FullGiven(str):
    """A given name shown in full although the style initializes it (an expanded name)."""


class _Expanded:
    """A name as one step of CSL 1.0.2 "Expansion of Individual Names" shows it, for a list
    rendered in the long form: `short` shows the family name alone (the style's short form),
    `full` the given name uninitialized."""

    __slots__ = ("name", "short", "full")

    def __init__(self, name: object, short: bool, full: bool) -> None:
        self.name, self.short, self.full = name, short, full

    def parts(self) -> tuple:
        given, family, dropping, non_dropping, suffix = self.name.parts()
        if "literal" in self.name:
            return given, family, dropping, non_dropping, suffix
        if self.short:
            return None, " ".join(p for p in (non_dropping, family) if p) or None, None, None, None
        if self.full and given:
            given = _FullGiven(given)
        return given, family, dropping, non_dropping, suffix

    def __getattr__(self, attribute: str) -> object:
        return getattr(self.name, attribute)

    def __getitem__(self, key: str) -> object:
        return self.name[key]

    def __contains__(self, key: object) -> bool:
        return key in self.name

    def get(self, key: str, default: object = None) -> object:
        return self.name.get(key, default)


class Name(model.Name):
    def initialize(self, given: str, mark: str, context: object) -> str:
        # CSL 1.0.2, "Name" attributes, initialize-with: "When set, given names are converted to
        # initials. The attribute value is added after each initial ("." results in "J.J.
        # Doe")." and `initialize`: "When set to 'false', given names are no longer initialized
        # when 'initialize-with' is set. However, the value of 'initialize-with' is still added
        # after initials present in the full name (e.g. with initialize set to 'false',
        # initialize-with set to '.', and given set to 'James T', 'James T.' is rendered)."
        # citeproc-py ignored `initialize`. Given names are read as citeproc-js reads them: a
        # single capital ("M", "M.") is an initial; a word ending in a period ("Ph.", "Ts.") is an
        # abbreviation, kept and treated like an initial; other words are names, initialized or
        # kept; lowercase words (particles) are kept. With initialize-with-hyphen (default
        # true) the parts of "Jean-Paul" become "J.-P.".
        # A name expanded by disambiguation to its full given name is rendered "with initialize
        # set to "false"" (CSL 1.0.2, "Expansion of Individual Names", step 1(b)).
        full = inherited(self, "initialize", "true") != "false" and not isinstance(given, _FullGiven)
        if self.get_option("initialize-with-hyphen", context) and "-" in given:
            return "-".join(self._initials(part, mark, full).rstrip() for part in given.split("-"))
        return self._initials(given.replace("-", " "), mark, full)

    def process(self, item, variable, context=None, sort_options=None, **kwargs):  # noqa: ANN001, ANN201
        # CSL 1.0.2, "Disambiguation" / disambiguate-add-names: in a cite, at least `add_names`
        # names are shown (see disambiguate); et-al is dropped when all of them are
        reference = getattr(item, "reference", None)
        added = reference.get("add_names") if reference is not None else None
        levels = (reference.get("given_levels") or {}) if reference is not None else {}
        levels = {i: n for (v, i), n in levels.items() if v == variable and n}
        seen = NAMES_SEEN.get() if sort_options is None else None  # sort keys are not cites
        if not (added or levels or seen is not None):
            return super().process(item, variable, context, sort_options, **kwargs)
        where = self if context is None else context
        if not where.xpath_search("./ancestor-or-self::cs:citation"):
            return super().process(item, variable, context, sort_options, **kwargs)
        names = reference.get(variable) or []
        options = dict(sort_options or {})
        if added:
            use_first = max(self.get_option("et-al-use-first", context, sort_options), added)
            options["et-al-use-first"] = options["et-al-subsequent-use-first"] = use_first
            if use_first >= len(names):
                options["et-al-min"] = options["et-al-subsequent-min"] = len(names) + 1
        if seen is not None:
            seen.append((self, context, variable, self._shown(len(names), context, options)))
        if not levels:
            return super().process(item, variable, context, options, **kwargs)
        # disambiguate-add-givenname: each name at the expansion step disambiguation chose
        steps = self.expansion_steps(context)
        chosen = {i: steps[min(n, len(steps) - 1)] for i, n in levels.items()}
        long_form = steps[0][0] == "long" or any(form == "long" for form, _ in chosen.values())
        if long_form:
            options["form"] = "long"
        shown = [_Expanded(name, long_form and chosen.get(i, steps[0])[0] == "short", chosen.get(i, steps[0])[1])
                 for i, name in enumerate(names)]
        reference[variable] = shown
        try:
            return super().process(item, variable, context, options, **kwargs)
        finally:
            reference[variable] = names

    def _shown(self, count: int, context: object, options: dict) -> int:
        """How many names of a list of `count` et-al abbreviation leaves shown."""
        et_al_min = self.get_option("et-al-min", context, options)
        if count > 1 and et_al_min and count >= et_al_min:
            return min(count, self.get_option("et-al-use-first", context, options))
        return count

    def expansion_steps(self, context: object) -> list[tuple[str, bool]]:
        """The forms a name can take, as (form, full given name), from the style's own (step 0).

        CSL 1.0.2, "Disambiguation" / disambiguate-add-givenname, "Expansion of Individual
        Names": "1. If initialize-with is set and initialize has its default value of "true",
        then: (a) Initials can be shown by rendering the name with a form value of "long"
        instead of "short" (e.g. "Doe" becomes "J. Doe"). (b) Full given names can be shown
        instead of initials by rendering the name with initialize set to "false" (e.g. "J. Doe"
        becomes "John Doe"). 2. If initialize-with is not set, full given names can be shown by
        rendering the name with a form value of "long" instead of "short"."""
        form = self.get_option("form", context)
        initializing = (self.get_option("initialize-with", context) is not None
                        and inherited(self, "initialize", "true") != "false")
        steps = [(form, not initializing)]
        if form == "short" and initializing:
            steps.append(("long", False))
        if form == "short" or initializing:
            steps.append(("long", True))
        return steps if form in ("short", "long") else steps[:1]

    def name_key(self, name: object, step: tuple[str, bool], context: object) -> tuple:
        """What distinguishes `name` when rendered at expansion `step`, for comparing names."""
        given, family, dropping, non_dropping, suffix = name.parts()
        if "literal" in name:
            return ("literal", family)
        form, full = step
        if form == "short":
            return (non_dropping, family)
        mark = self.get_option("initialize-with", context)
        if given and mark is not None:  # as rendered: "J.J." and "J. J." are alike
            given = self.initialize(_FullGiven(given) if full else given, mark, context)
        return (given, dropping, non_dropping, family, suffix)

    @staticmethod
    def _initials(given: str, mark: str, full: bool) -> str:
        out = ""
        previous_initial = False
        for token in _GIVEN_TOKEN.findall(given):
            core = token.rstrip(".")
            if not core:
                continue
            if token.endswith(".") or (len(core) == 1 and core.isupper()):
                unit, initial = core, True
            elif core[0].isupper() and full:
                unit, initial = core[0], True
            else:
                unit, initial = core, False
            if initial:
                if out and not previous_initial:
                    out += " "
                out += unit + mark
            else:
                if out and not out.endswith(" "):
                    out += " "
                out += unit
            previous_initial = initial
        return out.rstrip()


class Names(_Seamed, model.Names):
    def render(self, item, *args, **kwargs):  # noqa: ANN001, ANN201
        # The first cs:names element rendered in a bibliography entry records its names (without
        # its affixes) for subsequent-author-substitute (Layout.render_bibliography).
        context = kwargs.get("context")
        found = (self if context is None else context).xpath_search("./ancestor-or-self::cs:layout[1]")
        state = getattr(found[0], "first_names", None) if found else None
        if state is None or "names" in state:
            return super().render(item, *args, **kwargs)
        state["names"] = None  # claimed: names rendered inside this element do not count
        if state.get("suppress"):
            return None  # a cite collapsed into its group (Layout.render_citation)
        text = self.process(item, *args, **kwargs)
        if text:
            state["names"] = str(text)
        return self.markup(text)


