"""cs:layout: each cite and entry rendered, cites grouped and collapsed, authors substituted."""

from __future__ import annotations

import re

from citeproc import model
from citeproc.string import String

from .common import RENDERING
from .conditions import track_position
from .disambiguation import _letter_index
from .grouping import probe_names, substitute_names
from .lookups import names_rendered_at_most, unoptimised
from .markup import RESET_MARKS, SEAM, mark_affix_parens, nest_affix_parens, plain_affix_parens, wrap_marking_parens
from .names import NAMES_SEEN
from .punctuation import _SEAM_NOISE, _merge_punctuation, merge_at_seams, settle_spaces
from .quotes import mark_affix, settle_quotes, typeset_quotes
from .terms import prefix_starts_sentence


class Layout(model.Layout):
    def render_children(self, item, *args, **kwargs):  # noqa: ANN001, ANN201
        # each cite and each entry is rendered here: track what it has rendered so far
        # (a citation-label carries the year-suffix too: citeproc-js behaviour, see citation_label)
        explicit = self.get_root().xpath_search("//cs:text[@variable='year-suffix' or @variable='citation-label']")
        suffix = None if explicit else item.reference.get("year_suffix")
        # "predecessor": whether the citation has printed anything before (terms.TermCapitals)
        state = {"suffix": suffix, "date": None, "predecessor": getattr(self, "term_start", False),
                 "bibliography": self.getparent().tag.endswith("bibliography")}
        token = RENDERING.set(state)
        try:
            return super().render_children(item, *args, **kwargs)
        finally:
            RENDERING.reset(token)
            self.term_end = state["predecessor"]

    def render_citation_alone(self, citation) -> str:  # noqa: ANN001
        """A cite rendered as if it were the first and only one, for disambiguation."""
        return str(self.getparent().render(citation, [], lambda item: None))

    def _punctuation_in_quote(self) -> bool:
        return (self.get_locale_option("punctuation-in-quote") or "false").lower() == "true"

    def _finish(self, text: str, piq: bool, citation: bool = False) -> str:
        terms = {name: str(self.get_single_term(name=name)) for name in
                 ("open-quote", "close-quote", "open-inner-quote", "close-inner-quote")}
        # affix parentheses nested in others become brackets in the citations of note styles
        # only (citeproc-js behaviour, see nest_affix_parens)
        nested = citation and self.get_root().get("class") == "note"
        text = nest_affix_parens(text) if nested else plain_affix_parens(text)
        return settle_spaces(_merge_punctuation(settle_quotes(typeset_quotes(merge_at_seams(text), terms), piq)))

    def render_citation(self, citation, callback):  # noqa: ANN001, ANN201
        """CSL 1.0.2, "Sorting": "Cites within a citation are sorted ... When cs:sort is absent
        [in cs:citation], cites are rendered in the order they were given". citeproc-py first put
        them in the order the works were first cited in the document; we keep the given order
        and only apply the style's own sort."""
        known = [cite for cite in citation.cites if not cite.is_bad()]
        sort = self.getparent().sort
        ordered = sort.sort(known, self) if sort is not None else known
        rendered_cites = []
        citation_element = self.getparent()
        distance = int(citation_element.get("near-note-distance")
                       or self.get_root().get("near-note-distance") or 5)
        predecessor = False  # nothing printed yet in the citation (terms.TermCapitals)
        for cite in ordered:
            for name in ("tracked", "near", "first_note"):
                cite.pop(name, None)
            if getattr(citation_element, "cites", None) is not None:
                track_position(cite, citation_element.cites, distance)
            if cite.get("prefix"):
                predecessor = not prefix_starts_sentence(cite.get("prefix"))
            rendered, names = self._render_cite(cite, predecessor=predecessor)
            predecessor = self.term_end
            if rendered is not None:
                rendered_cites.append((cite, rendered, names))
                self.getparent().cites.append(cite)
        pieces = self._collapse(rendered_cites)
        for cite in citation.cites:
            if cite.is_bad():
                pieces.append((callback(cite) or f"{cite.key}?", False))
        if not pieces:
            return self._finish("", self._punctuation_in_quote(), citation=True)
        delimiter = self.get("delimiter", "")
        after_collapse = citation_element.get("after-collapse-delimiter", delimiter)
        # cite suffixes that end with punctuation (" is one source,")
        closing = {mark_affix(suffix) for suffix in (c.get("suffix") for c in ordered)
                   if suffix and suffix.rstrip()[-1:] in tuple(",;.:")}
        joined = pieces[0][0]
        for (before, collapsed), (piece, _) in zip(pieces, pieces[1:], strict=False):
            # a cite whose prefix opens with punctuation (", cited in ...") takes the place of
            # the delimiter, as citeproc-js has it (CSL 1.0.2 leaves affix punctuation to the
            # processor: "Delimiter", "Affixes"); so does the punctuation a cite's suffix ends
            # with (" is one source," + "; " + "Jones": " is one source, Jones")
            if str(piece).lstrip(_SEAM_NOISE)[:1] in (",", ";", ".", ":"):
                joined = joined + piece
                continue
            between = after_collapse if collapsed else delimiter
            if any(str(before).endswith(suffix) for suffix in closing):
                between = between.lstrip(",;.:")
            joined = joined + String(between) + piece
        # the layout's affixes, with their parentheses marked (see nest_affix_parens)
        text = self.format(wrap_marking_parens(self, joined))
        return self._finish(str(text) if text is not None else "", self._punctuation_in_quote(), citation=True)

    def _render_cite(self, cite, suppress_names: bool = False, predecessor: bool = True):  # noqa: ANN001, ANN202
        """-> (the cite with its prefix and suffix, or None; the names its first cs:names
        rendered). With `suppress_names`, that cs:names renders nothing. `predecessor`: whether
        the citation printed anything before the cite (terms.TermCapitals)."""
        self.repressed = {}
        self.first_names = {"suppress": True} if suppress_names else {}
        self.term_start = predecessor
        try:
            rendered = self.render_children(cite)
        except model.VariableError:
            rendered = None
        finally:
            state = self.first_names
            del self.first_names
            del self.term_start
        if rendered is None:
            return None, None
        prefix, suffix = (mark_affix_parens(mark_affix(cite.get(name, ""))) for name in ("prefix", "suffix"))
        return prefix + rendered + suffix, state.get("names")

    def _collapse(self, rendered_cites: list) -> list:
        """[(cite, text, names)] -> [(text, collapsed)], grouped and collapsed.

        CSL 1.0.2, "Cite Grouping": "cites with identical rendered names are grouped together"
        at the place of the first of them, when cite-group-delimiter is set or collapse is
        "year", "year-suffix" or "year-suffix-ranged"; the cites of a group are delimited by
        cite-group-delimiter (default ", "). "Cite Collapsing": with collapse="year", "the names
        of subsequent cites in a group are suppressed" ("(Doe 2000, 2001; Jones 2000)");
        "citation-number" collapses "ranges of cite numbers ... (e.g. "[1–3]")" where three or
        more follow one another; after-collapse-delimiter (default: the layout's delimiter)
        follows a collapsed group or range. A cite with a prefix or suffix is not collapsed; one
        with a locator is (its names suppressed, but not its year-suffix), and after-collapse-
        delimiter follows it, as citeproc-js has it; a range of cite numbers takes no cite with a
        locator. A collapsed cite left empty is dropped. For "year-suffix" and
        "year-suffix-ranged" see _year_suffixes."""
        element = self.getparent()
        collapse = element.get("collapse")
        if collapse == "citation-number":
            return self._collapse_numbers(rendered_cites)
        grouping = element.get("cite-group-delimiter") is not None or collapse in (
            "year", "year-suffix", "year-suffix-ranged")
        if not grouping:
            return [(text, False) for _, text, _ in rendered_cites]
        groups: dict[object, list] = {}
        # citeproc-js moves a cite to the group of its names only where the citation is sorted
        # (cs:sort); otherwise only neighbouring cites with the same names form a group
        moving = element.find("{http://purl.org/net/xbiblio/csl}sort") is not None
        run, last = 0, None
        for cite, text, names in rendered_cites:
            if not moving and (names or "") != last:
                run, last = run + 1, names or ""
            key = names or "" if moving else (run, names or "")
            groups.setdefault(key, []).append((cite, text))  # no names: one group too (citeproc-js)
        # between the cites of a group: citeproc-js (CSL 1.0.2 leaves it to the default ", " of
        # cite-group-delimiter) takes the layout's delimiter where after-collapse-delimiter is set,
        # cite-group-delimiter where that is, ", " in an in-text style and the layout's delimiter
        # in a note style ("(Smith 2000a; 2000b)")
        explicit_after = element.get("after-collapse-delimiter")
        if explicit_after is None and element.get("cite-group-delimiter") is not None:
            group_delimiter = String(element.get("cite-group-delimiter"))
        elif explicit_after is None and self.get_root().get("class") == "in-text":
            group_delimiter = String(", ")
        else:
            group_delimiter = String(self.get("delimiter", ""))
        after_collapse = String(element.get("after-collapse-delimiter", self.get("delimiter", "")))
        # year-suffix-delimiter defaults to the layout's delimiter (as citeproc-js and the test
        # suite have it, to cite-group-delimiter where the style sets that)
        suffix_delimiter = String(element.get("year-suffix-delimiter", element.get(
            "cite-group-delimiter", self.get("delimiter", ""))))
        out = []
        for members in groups.values():
            # [(text, year key or None, year-suffix, has a locator)] for each cite of the group
            shown = []
            for n, (cite, text) in enumerate(members):
                plain = not any(cite.get(k) for k in ("prefix", "suffix"))
                short = None
                letter = cite.reference.get("year_suffix")
                if collapse is not None and plain and (n or not _short_form_unread(self, collapse, letter, cite)):
                    short, _ = self._render_cite(cite, suppress_names=True)
                    if n and short is None:
                        continue  # nothing left once its names are suppressed (as citeproc-js)
                if n and short is not None:
                    text = short
                key = None
                if (collapse in ("year-suffix", "year-suffix-ranged") and short is not None and letter
                        and not cite.get("locator")):
                    bare = re.sub(f"[{SEAM}{RESET_MARKS}]", "", str(short))  # font-style="normal" marks too
                    key = re.sub(rf"(\d){re.escape(letter)}", r"\1", bare, count=1)
                    key = key if key != bare else None
                shown.append((text, key, letter, bool(cite.get("locator"))))
            texts = []
            for text, key, letter, located in shown:
                if texts and key is not None and texts[-1][1] == key:
                    texts[-1][2].append((text, letter))
                else:
                    texts.append((text, key, [(text, letter)], located))
            runs = [(run, located) for _, _, run, located in texts]
            joined = self._year_suffixes(runs[0][0], collapse == "year-suffix-ranged", suffix_delimiter)
            for (before, located), (run, _) in zip(runs, runs[1:], strict=False):
                # after year-suffixes collapsed, and after a cite with a locator ("Wong 1999, 328;
                # 2000"), after-collapse-delimiter (as citeproc-js has it)
                joined = joined + (after_collapse if len(before) > 1 or located else group_delimiter)
                joined = joined + self._year_suffixes(run, collapse == "year-suffix-ranged", suffix_delimiter)
            # after-collapse-delimiter, where set, follows every group, but a lone cite without a
            # locator with collapse="year-suffix" (as citeproc-js has it)
            alone = len(shown) == 1 and not (shown and shown[-1][3]) and collapse == "year-suffix"
            out.append((joined, (explicit_after is not None and not alone)
                        or (len(members) > 1 and collapse is not None)))
        return out

    def _year_suffixes(self, run: list, ranged: bool, delimiter: str):  # noqa: ANN202
        """CSL 1.0.2, "Cite Collapsing": with collapse="year-suffix", cites of a group that share
        their year show only their year-suffix after the first ("(Doe 2000a, b)"), delimited by
        year-suffix-delimiter; "year-suffix-ranged" also collapses three or more consecutive
        suffixes into a range ("2000a–c")."""
        if len(run) == 1:
            return run[0][0]
        texts = [run[0][0]] + [String(letter) for _, letter in run[1:]]
        order = [_letter_index(letter) for _, letter in run]
        pieces, start = [], 0
        for i in range(1, len(run) + 1):
            if i < len(run) and order[i] == order[i - 1] + 1:
                continue
            if ranged and i - start >= 3:
                pieces.append(texts[start] + String("\u2013" + run[i - 1][1]))
            else:
                pieces.extend(texts[start:i])
            start = i
        joined = pieces[0]
        for piece in pieces[1:]:
            joined = joined + delimiter + piece
        return joined

    def _collapse_numbers(self, rendered_cites: list) -> list:
        out: list = []
        run: list = []

        def flush() -> None:
            if len(run) >= 3:
                out.append((run[0][1] + String("\u2013") + run[-1][1], True))
            else:
                out.extend((text, False) for _, text in run)
            run.clear()

        for cite, text, _ in rendered_cites:
            plain = not any(cite.get(k) for k in ("prefix", "suffix", "locator"))
            if plain and run and cite.number == run[-1][0].number + 1:
                run.append((cite, text))
                continue
            flush()
            if plain:
                run.append((cite, text))
            else:
                out.append((text, False))
        flush()
        return out

    def render_bibliography(self, citation_items):  # noqa: ANN001, ANN201
        """-> one text per item, None for an item that renders to nothing (citeproc-py drops
        those, which loses the pairing of items and entries).

        CSL 1.0.2, "Reference Grouping" / subsequent-author-substitute: "If set, the value of
        this attribute replaces names in a bibliographic entry that also occur in the preceding
        entry. ... Substitution is limited to the names of the first cs:names element rendered."
        The names are compared as rendered, by the rule of subsequent-author-substitute-rule
        (complete-all, complete-each, partial-each, partial-first; see grouping.substitute_names).
        The items are one run: a caller showing entries in groups renders each group apart."""
        piq = self._punctuation_in_quote()
        bibliography = self.getparent()
        substitute = bibliography.get("subsequent-author-substitute")
        if not getattr(self, "substitute_authors", True):
            substitute = None
        rule = bibliography.get("subsequent-author-substitute-rule", "complete-all")
        out: list[str | None] = []
        previous = None
        for item in citation_items:
            self.first_names: dict[str, str | None] = {}
            try:
                rendered = super().render_bibliography([item])
            finally:
                state = self.first_names
                del self.first_names
            if not rendered:
                # an item the style leaves out of the bibliography is no "preceding entry"
                out.append(None)
                continue
            text = str(rendered[0])
            names = state.get("names")
            current = probe_names(self, item) if names and substitute is not None else None
            if current is not None and previous is not None and names in text:
                at = text.index(names)
                text = text[:at] + substitute_names(names, current, previous, rule, substitute) + text[at + len(names):]
            previous = current
            out.append(self._finish(text, piq))
        return out




def _short_form_unread(layout: Layout, collapse: str, letter: str | None, cite) -> bool:  # noqa: ANN001
    """Whether the first cite of a group can skip rendering its short form (names suppressed):
    _collapse reads it only for its year key (year-suffix collapsing, a cite with a
    year-suffix and no locator). Not a CSL rule, a cost (a second rendering of every cite).
    Rendering leaves nothing behind but, while disambiguation renders, the names each cs:names
    shows (names.NAMES_SEEN): skipped only where the short form renders no names (the layout
    renders at most one cs:names, the one suppressed)."""
    if unoptimised() or (collapse in ("year-suffix", "year-suffix-ranged") and letter and not cite.get("locator")):
        return False
    return NAMES_SEEN.get() is None or names_rendered_at_most(layout) <= 1
