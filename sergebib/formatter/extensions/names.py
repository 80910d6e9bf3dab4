"""cs:name and cs:names."""

from __future__ import annotations

import re

from citeproc import model

from .common import inherited
from .markup import _Seamed

_GIVEN_TOKEN = re.compile(r"[^\s.]+\.?")


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
        full = inherited(self, "initialize", "true") != "false"
        if self.get_option("initialize-with-hyphen", context) and "-" in given:
            return "-".join(self._initials(part, mark, full).rstrip() for part in given.split("-"))
        return self._initials(given.replace("-", " "), mark, full)

    def process(self, item, variable, context=None, sort_options=None, **kwargs):  # noqa: ANN001, ANN201
        # CSL 1.0.2, "Disambiguation" / disambiguate-add-names: in a cite, at least `add_names`
        # names are shown (see disambiguate); et-al is dropped when all of them are
        added = item.reference.get("add_names") if hasattr(item, "reference") else None
        where = self if context is None else context
        if added and where.xpath_search("./ancestor-or-self::cs:citation"):
            names = item.reference.get(variable) or []
            use_first = max(self.get_option("et-al-use-first", context, sort_options), added)
            options = dict(sort_options or {})
            options["et-al-use-first"] = options["et-al-subsequent-use-first"] = use_first
            if use_first >= len(names):
                options["et-al-min"] = options["et-al-subsequent-min"] = len(names) + 1
            sort_options = options
        return super().process(item, variable, context, sort_options, **kwargs)

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


