"""cs:name and cs:names."""

from __future__ import annotations

import re
from contextvars import ContextVar

from citeproc import model
from citeproc.source import Name as _SourceName
from citeproc.string import String

from ..richtext import SENTINELS
from .common import inherited
from .markup import DATA_DQ, DATA_SQ, _Seamed

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
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return key in self.name

    def get(self, key: str, default: object = None) -> object:
        # the parts as _NameList._one_name reads them (the same choices as parts())
        if "literal" in self.name:
            return self.name.get(key, default)
        if self.short and key in ("given", "dropping-particle", "suffix"):
            return default
        value = self.name.get(key, default)
        if key == "given" and self.full and value:
            return _FullGiven(value)
        return value


# --- reading CSL-JSON names ----------------------------------------------------------------------
# CSL 1.0.2, "Name Particles": "Western names frequently contain one or more name particles (e.g.
# "de" in the Dutch name "W. de Koning"). These name particles can be either kept or dropped
# when only the surname is shown ... [as the] non-dropping-particle [or] dropping-particle".
# CSL-JSON items often carry particles inside "family" ("van Gogh") or "given" ("Alexander
# von"), and suffixes after a comma in "given" ("John, III"; "John,! Jr." for a suffix printed
# after a comma). citeproc-js, the suite's reference, splits them out (its name parsing); so do we,
# on the way in (read_names): lowercase words at the start of "family" (or words joined to it by
# an apostrophe or hyphen: "d'Aubignac", "al-One") are the non-dropping particle; lowercase words
# at the end of "given" the dropping particle. A family name in double quotes is kept whole
# ("\"van Happel\""), and nothing is parsed where the item gives particles itself, has no given
# name, or sets "parse-names": false.
_APOSTROPHES = "'\u2019\u02bb" + DATA_SQ
_JOINING = _APOSTROPHES + "-"  # a particle ending so is written against the family name
_FAMILY_CHUNK = re.compile(f"^([^ ]+(?:[-{_APOSTROPHES}]| ) *)(.+)$", re.S)
_SUFFIX_COMMA = re.compile(r"\s*,!*\s*")
_MARKS = "".join(SENTINELS) + DATA_DQ + DATA_SQ


def _is_particle(chunk: str) -> bool:
    """A chunk starting (after apostrophes, hyphens and spaces) with a lowercase letter."""
    core = chunk.lstrip(_JOINING + " " + "".join(SENTINELS))
    return bool(core) and core[0].upper() != core[0]


def _split_family(family: str) -> tuple[str, str]:
    """"van der Vlist" -> ("van der", "Vlist"); "d'Aubignac" -> ("d'", "Aubignac")."""
    found, rest = "", family
    while (match := _FAMILY_CHUNK.match(rest)) and _is_particle(match.group(1)):
        found, rest = found + match.group(1), match.group(2)
    particle = found.strip()
    if found.endswith(" ") and particle.endswith(tuple(_APOSTROPHES)):
        particle += " "  # "d' Aubignac" keeps its space
    return particle, rest


def _split_given(given: str) -> tuple[str, str]:
    """"Alexander von" -> ("Alexander", "von")."""
    words = given.split(" ")
    dropped: list[str] = []
    while len(words) > 1 and words[-1] and _is_particle(words[-1]):
        dropped.insert(0, words.pop())
    return " ".join(words), " ".join(dropped)


def parse_name(name: dict) -> None:
    """Particles and suffix of one CSL-JSON name, split out in place (see above)."""
    family, given = name.get("family"), name.get("given")
    if "literal" in name or not isinstance(family, str) or str(name.get("parse-names", "")).lower() in ("false", "0"):
        return
    if len(family) > 1 and family[0] == family[-1] and family[0] in ('"', DATA_DQ):
        name["family"] = family[1:-1]
        return
    if not given or not isinstance(given, str) or name.get("non-dropping-particle") or name.get("static-particles"):
        return
    particle, rest = _split_family(family)
    if particle:
        name["non-dropping-particle"], name["family"] = particle, rest
    comma = _SUFFIX_COMMA.search(given)
    if comma and not name.get("suffix"):
        if "!" in comma.group():
            name["comma-suffix"] = True
        name["suffix"], given = given[comma.end():], given[:comma.start()]
        name["given"] = given
    if not name.get("dropping-particle"):
        given, particle = _split_given(given)
        if particle:
            name["given"], name["dropping-particle"] = given, particle


def _apostrophes(name: dict) -> None:
    # a straight single quote in a particle is an apostrophe ("’t Hooft", "in ’t Veld"), never
    # an opening quotation mark (citeproc-js)
    for key in ("non-dropping-particle", "dropping-particle"):
        if isinstance(name.get(key), str):
            name[key] = name[key].replace(DATA_SQ, "\u2019")


def read_names(source: object) -> None:
    """Every personal name of every item parsed as citeproc-js reads CSL-JSON names (that
    hyphenated name variables are found under their CSL names is variables.read_variables')."""
    for reference in source.values():
        for value in reference.values():
            if isinstance(value, list):
                for name in value:
                    if isinstance(name, _SourceName):
                        parse_name(name)
                        _apostrophes(name)


# --- rendering a name list -----------------------------------------------------------------------
# CSL 1.0.2, "Name-part Order", non-Latin and non-Cyrillic names: "[family] [given]", whatever
# the options. citeproc-js takes a name to be such when its family name has no letter of the
# Latin, Greek, Cyrillic, Hebrew, Arabic or Thai alphabets, and writes it without a space
# ("我妻栄"), or with one where the given name is in one of those scripts.
_ROMANESQUE = re.compile("[a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05d4"
                         "\u05d6-\u05ff\u1f00-\u1fff\u0600-\u06ff\u200c\u200d\u200e\u0218-\u021b\u202a-\u202e]")


def _unmarked(text: str) -> str:
    """`text` without our formatting and quotation sentinels (to read its letters)."""
    return "".join(c for c in text if c not in _MARKS)


def _join(parts: list[str | None], separator: str) -> str:
    return separator.join(p for p in parts if p)


def _with_particle(particle: str | None, family: str | None) -> str:
    """A non-dropping particle ending in an apostrophe or hyphen is written against the family name
    ("d’Aubignac", "al-One")."""
    if particle and family and particle.rstrip().endswith(tuple(_JOINING)):
        return particle + family
    return _join([particle, family], " ")


class _NameList(model.Name):
    """cs:name's rendering of a name list: et-al, delimiters, "and", name order and name-part
    formatting, as CSL 1.0.2 "Name" specifies (citeproc-py's own `process` is replaced)."""

    def _explicit(self, name: str, context: object, sort_options: dict | None) -> str | None:
        """An inheritable name option as set by the style (cs:key, cs:name, cs:citation or
        cs:bibliography, cs:style), None where the style leaves it unset."""
        if sort_options and name in sort_options:
            return sort_options[name]
        if self.get(name) is not None:
            return self.get(name)
        found = (self if context is None else context).xpath_search(
            "./ancestor-or-self::*[self::cs:citation or self::cs:bibliography][1]")
        if found and found[0].get(name) is not None:
            return found[0].get(name)
        return self.get_root().get(name)

    def _subsequent(self, item: object, context: object) -> bool:
        where = self if context is None else context
        if not where.xpath_search("./ancestor-or-self::cs:citation"):
            return False
        imposed = item.get("position") if hasattr(item, "get") else None
        if imposed:
            return imposed != "first"
        tracked = item.get("tracked") if hasattr(item, "get") else None
        return bool(tracked) and "first" not in tracked

    def _et_al_limits(self, item: object, context: object, sort_options: dict | None) -> tuple[int, int | None]:
        # CSL 1.0.2, "Name" / et-al-min, et-al-use-first: "Use of these two attributes enables
        # et-al abbreviation" (both must be set: citeproc-js does not truncate when only
        # et-al-min is); et-al-subsequent-min, -use-first: "If used, the values of these
        # attributes replace those of et-al-min and et-al-use-first for subsequent cites".
        minimum = self._explicit("et-al-min", context, sort_options)
        first = self._explicit("et-al-use-first", context, sort_options)
        if self._subsequent(item, context):
            minimum = self._explicit("et-al-subsequent-min", context, sort_options) or minimum
            first = self._explicit("et-al-subsequent-use-first", context, sort_options) or first
        return int(minimum or 0), None if first is None else int(first)

    def process(self, item, variable, context=None, sort_options=None, **kwargs):  # noqa: ANN001, ANN201
        names = list(item.reference.get(variable) or [])

        def option(name: str) -> object:
            return self.get_option(name, context, sort_options)

        minimum, use_first = self._et_al_limits(item, context, sort_options)
        truncated = bool(minimum) and use_first is not None and len(names) >= minimum and use_first < len(names)
        shown = names[:use_first] if truncated else names
        if option("form") == "count":
            return len(shown)
        if not shown:
            # et-al-use-first="0": nothing is rendered (citeproc-js)
            return None
        # CSL 1.0.2, "Name" / et-al-use-last: "When set to "true" ... the name list is truncated
        # to the first et-al-use-first names, followed by the delimiter, an ellipsis character,
        # and the last name of the original list. This only applies if the original name list
        # has at least two more names than the truncated name list."
        use_last = truncated and option("et-al-use-last") and len(names) - len(shown) >= 2
        order = option("name-as-sort-order")
        # a literal name (an institution) is never inverted
        inverted = [(order == "all" or (order == "first" and i == 0)) and "literal" not in name
                    for i, name in enumerate(shown)]
        rendered = [self._one_name(name, inv, item, context, sort_options)
                    for name, inv in zip(shown, inverted, strict=True)]
        self.rendered_names(rendered)
        delimiter = option("delimiter")
        if use_last:
            last = self._one_name(names[-1], order == "all", item, context, sort_options)
            ellipsis = self.unicode_character("horizontal ellipsis")
            return delimiter.join(rendered) + delimiter + ellipsis + " " + last
        if truncated:
            et_al = self.et_al()
            if not et_al:
                return delimiter.join(rendered)
            # delimiter-precedes-et-al: "contextual" (default): the delimiter is only used for
            # name lists truncated to two or more names; "after-inverted-name": only after a
            # name inverted by name-as-sort-order; "always"; "never"
            rule = option("delimiter-precedes-et-al")
            before = self._precedes(rule, len(rendered) >= 2, inverted[-1])
            plain = _unmarked(str(et_al))
            space = " " if _ROMANESQUE.match(plain[:1]) else ""  # "Zither等" (citeproc-js)
            return delimiter.join(rendered) + (delimiter if before else space) + et_al
        and_ = option("and")
        if sort_options and sort_options.get("name-as-sort-order") == "all":
            # CSL 1.0.2 "Sorting": a macro key renders its names with name-as-sort-order "all";
            # citeproc-js joins them with spaces, without delimiter or "and" term (which would
            # sort "Colaresi and Thompson" before "Colaresi, Rasler, and Thompson")
            return " ".join(rendered)
        if and_ is None or len(rendered) < 2:
            return delimiter.join(rendered)
        # "and": "Specifies the delimiter between the second to last and last name of the names
        # in a name variable"; delimiter-precedes-last: "contextual" (default): the delimiter is
        # only used for lists of three or more names; "after-inverted-name"; "always"; "never"
        term = str(self.get_single_term(name="and") if and_ == "text" else self.preformat("&"))
        before = self._precedes(option("delimiter-precedes-last"), len(rendered) >= 3, inverted[-2])
        # as in citeproc-js, the term is set off by spaces only on a side where it has a letter
        # of a spaced script (or "&"): the Hebrew "ו" joins the names around it
        plain = _unmarked(term)
        space_before = " " if plain[:1] == "&" or _ROMANESQUE.match(plain[:1]) else ""
        space_after = " " if plain[-1:] in (".", ";", ":", "&") or _ROMANESQUE.match(plain[-1:]) else ""
        return (delimiter.join(rendered[:-1]) + (delimiter if before else space_before) + term + space_after
                + rendered[-1])

    def rendered_names(self, names: list[str]) -> None:
        """Each name of a list as rendered, before they are joined (see grouping.Name)."""

    @staticmethod
    def _precedes(rule: str, contextual: bool, after_inverted: bool) -> bool:
        return (rule == "always" or (rule == "contextual" and contextual)
                or (rule == "after-inverted-name" and after_inverted))

    def _parts(self) -> dict[str, model.Name_Part]:
        return {part.get("name"): part for part in self.findall("cs:name-part", self.nsmap)}

    def _one_name(self, name: dict, inverted: bool, item: object, context: object,
                  sort_options: dict | None) -> str:
        """One name in the order and form the options ask for."""
        parts = self._parts()

        # CSL 1.0.2, "Name-part Formatting": "The cs:name-part element ... may carry formatting
        # and text-case attributes ... [name="given"] affects given and dropping-particle,
        # [name="family"] affects family and non-dropping-particle". Each is formatted on its own
        # ("<b>de</b> <b>Gaulle</b>"), and affixes go around the whole block of the name part.
        def decorate(part: str, text: str | None) -> str | None:
            element = parts.get(part)
            if not text or element is None:
                return text
            return str(element.format(element.case(String(text))))

        def affixed(part: str, text: str) -> str:
            element = parts.get(part)
            if not text or element is None:
                return text
            return element.get("prefix", "") + text + element.get("suffix", "")

        if "literal" in name:
            # a literal name is formatted as a family name (as citeproc-py did, and citeproc-js)
            return affixed("family", decorate("family", name["literal"]))
        given, family = name.get("given"), name.get("family")
        dropping, particle = name.get("dropping-particle"), name.get("non-dropping-particle")
        suffix = name.get("suffix")
        initialize_with = self.get_option("initialize-with", context, sort_options)
        if given and family and initialize_with is not None:  # a lone given name ("Banksy") stays whole
            given = self.initialize(given, initialize_with, context)
        short = self.get_option("form", context, sort_options) == "short"
        if short:
            given = dropping = suffix = None
        demote = self.get_root().get("demote-non-dropping-particle", "display-and-sort")
        if sort_options and sort_options.get("name-as-sort-order") == "all":
            # sort keys (cs:key): citeproc-js sorts "van Gogh" under G unless demotion is
            # "never"; apostrophes in particles do not count ("’t Hooft" sorts as "t Hooft")
            dropping, particle = (p.translate({ord(c): None for c in _APOSTROPHES}) if p else p
                                  for p in (dropping, particle))
            if demote == "never":
                head = _join([_join([particle, family, dropping], " "), given], self.get_option(
                    "sort-separator", context, sort_options))
            else:
                head = _join([family, _join([given, dropping, particle], " ")],
                             self.get_option("sort-separator", context, sort_options))
            return _join([head, suffix], " ")
        g, d = decorate("given", given), decorate("given", dropping)
        f, n = decorate("family", family), decorate("family", particle)
        plain_family = _unmarked(family or "")
        if not _ROMANESQUE.search(plain_family):
            plain_given = _unmarked(given or "")
            latin_given = bool(plain_given) and bool(_ROMANESQUE.match(plain_given))
            return _join([n, f, g], " " if latin_given else "")
        if short:
            return affixed("family", _with_particle(n, f))
        if inverted:
            # CSL 1.0.2, "Name" / name-as-sort-order: "the name is rendered in the "family,
            # given" order", with demote-non-dropping-particle: "display-and-sort" (default):
            # "the non-dropping-particle is demoted ... in inverted names ("Gogh, Vincent
            # van")"; "never", "sort-only": it stays with the family name ("van Gogh, Vincent").
            # sort-separator: "Sets the delimiter for name-parts that have switched positions".
            separator = self.get_option("sort-separator", context, sort_options)
            if demote == "display-and-sort":
                head, tail = f, _join([g, d, n], " ")
            else:
                head, tail = _with_particle(n, f), _join([g, d], " ")
            return _join([_join([affixed("family", head), affixed("given", tail)], separator), suffix], separator)
        # CSL 1.0.2, "Name Particles": displayed names read "[given] [dropping-particle]
        # [non-dropping-particle] [family] [suffix]"; a dropping particle ending in an apostrophe
        # or hyphen joins the family name ("d’Aubignac"), as in citeproc-js. A suffix follows a
        # comma where the name asks for it ("comma-suffix": "Doe, Jr.").
        if d and not n and dropping.endswith(tuple(_JOINING)):
            f, d = d + (f or ""), None
        block = _join([d, _with_particle(n, f)], " ")
        comma = str(name.get("comma-suffix", "")).lower() in ("true", "1")
        block = _join([block, suffix], ", " if comma else " ")
        given_block, family_block = affixed("given", g), affixed("family", block)
        if given_block and family_block and (given_block[-1].isspace() or family_block[0].isspace()):
            return given_block + family_block  # an affix already spaces them (suffix="&#160;")
        return _join([given_block, family_block], " ")


class Name(_NameList):
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
            parts = given.split("-")
            if full:  # a lowercase part is dropped with its hyphen ("Guo-ping" -> "G.", citeproc-js)
                parts = parts[:1] + [p for p in parts[1:] if not _is_particle(p)]
            return "-".join(self._initials(part, mark, full).rstrip() for part in parts)
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
            return self._as_cited(item, variable, context, sort_options, added, levels, **kwargs)
        names = reference.get(variable) or []
        options = dict(sort_options or {})
        if added:
            use_first = max(self.get_option("et-al-use-first", context, sort_options), added)
            options["et-al-use-first"] = options["et-al-subsequent-use-first"] = use_first
            reference["names_added_to"] = variable  # the list the cite shows more of (see _as_cited)
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
        # which names the cite shows with their full given names (for the bibliography, _as_cited)
        reference["given_full"] = {(variable, i): (levels[i], chosen[i][1]) for i in chosen}
        reference[variable] = shown
        try:
            return super().process(item, variable, context, options, **kwargs)
        finally:
            reference[variable] = names

    def _as_cited(self, item, variable, context, sort_options, added, levels, **kwargs):  # noqa: ANN001, ANN202
        """The names of a bibliographic entry with the names its cites were given by disambiguation.

        citeproc-js behaviour (CSL 1.0.2, "Disambiguation", speaks of the bibliography for the
        year-suffix only): an entry shows at least as many names as disambiguate-add-names added
        to its cites ("Serge, Victor, Julián Gorkin, and Marceau Pivert" where the cites need
        three names), and given names in full where disambiguate-add-givenname expanded them
        fully ("Trotsky, Leon" / "Trotsky, Léon"); its own forms are never shortened. Sort keys
        are left as they are."""
        from .sorting import in_sort_key  # (sorting builds on this module)

        # (the expansion recorded for the level the name still has)
        full = {i for (v, i), (level, whole) in (item.reference.get("given_full") or {}).items()
                if v == variable and whole and levels.get(i) == level}
        reference = item.reference
        added = added if reference.get("names_added_to") == variable else None
        if in_sort_key() or not (added or full):
            return super().process(item, variable, context, sort_options, **kwargs)
        names = reference.get(variable) or []
        options = dict(sort_options or {})
        if added and added > self.get_option("et-al-use-first", context, sort_options):
            options["et-al-use-first"] = added
            if added >= len(names):
                options["et-al-min"] = len(names) + 1
        if not full:
            return super().process(item, variable, context, options, **kwargs)
        reference[variable] = [_Expanded(name, False, i in full) for i, name in enumerate(names)]
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
            # formatting marks around a name ("<b>John</b>") stay around its initial ("<b>J.</b>")
            body = core.strip("".join(SENTINELS))
            lead, trail = core[:core.index(body)] if body else "", core[core.index(body) + len(body):] if body else ""
            if not body:
                continue
            if token.endswith(".") or (len(body) == 1 and body.isupper()):
                unit, initial = body, True
            elif body[0].isupper() and full:
                # a name written with two capitals ("TSerendorjiin") keeps both in its initial
                # ("Ts."), as citeproc-js does for Mongolian names
                two = len(body) > 2 and body[1].isupper() and body[2].islower()
                unit, initial = body[0] + body[1].lower() if two else body[0], True
            else:
                unit, initial = core, False
            if initial:
                if out and not previous_initial:
                    out += " "
                out += lead + unit + mark.rstrip() + trail + mark[len(mark.rstrip()):]
            else:
                if out and not out.endswith(" "):
                    out += " "
                out += unit
            previous_initial = initial
        return out.rstrip()


class Names(_Seamed, model.Names):
    def process(self, item, names_context=None, context=None, **kwargs):  # noqa: ANN001, ANN201
        # CSL 1.0.2, "Name" / form="count": "returns the total number of names that would
        # otherwise be rendered by the use of the cs:names element (taking into account
        # name truncation)", over all its variables (citeproc-py joined the counts as text)
        if names_context is None and self.name is None and self.label is None:
            # CSL 1.0.2, "Substitute": a shorthand cs:names "inherits the attribute values set on
            # the cs:name and cs:et-al child elements of the original cs:names element", also
            # where it stands in a cs:choose inside cs:substitute (citeproc-py passed them to
            # direct children only); as in citeproc-js, the original's cs:label comes with them
            found = self.xpath_search("./ancestor::cs:substitute[1]/parent::cs:names[1]")
            if found:
                names_context = found[0]
        name = (self if names_context is None else names_context).name
        if name is not None and name.get("form", "") == "count":
            total = sum(name.process(item, role, context=context, sort_options=kwargs.get("sort_options")) or 0
                        for role in self.get("variable").split() if item.reference.get(role))
            if total:
                return str(total)
        return super().process(item, names_context, context, **kwargs)

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


