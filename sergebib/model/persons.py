"""One registry of persons with their name variants and pseudonyms, so that a query by person
finds every form in which that person is printed (Victor Serge = Kibal'chich = Le Rétif = R. Albert)."""

from __future__ import annotations

import functools
import tomllib
import unicodedata
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from .names import Name


class Person(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    name: str  # preferred form, "Family, Given"
    variants: tuple[str, ...] = ()
    pseudonyms: tuple[str, ...] = ()
    note: str | None = None

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.variants, *self.pseudonyms)


@functools.lru_cache(maxsize=8192)  # names recur across records (load resolves every contributor)
def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form for matching names and text."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join("".join(c if c.isalnum() else " " for c in text.casefold()).split())


def name_forms(name: Name) -> set[str]:
    """Folded strings a name can be matched under: `family given`, `given family`, literal."""
    if name.literal is not None:
        return {fold(name.literal)}
    family = " ".join(p for p in (name.particle, name.family) if p)
    forms = {fold(family)} if not name.given else set()
    if name.given:
        forms |= {fold(f"{family} {name.given}"), fold(f"{name.given} {family}")}
    return forms


class PersonRegistry(BaseModel):
    persons: list[Person] = Field(default_factory=list)

    def model_post_init(self, __context: object) -> None:
        self._index: dict[str, str] = {}
        for person in self.persons:
            for variant in person.all_names:
                for form in name_forms(Name.parse(variant)):
                    self._index.setdefault(form, person.id)

    @classmethod
    def load(cls, path: Path | None = None) -> PersonRegistry:
        if path is None:
            text = resources.files("sergebib.data").joinpath("persons.toml").read_text("utf-8")
        else:
            text = Path(path).read_text("utf-8")
        data = tomllib.loads(text)
        return cls(persons=[Person(id=pid, **fields) for pid, fields in data.items()])

    def resolve(self, name: Name) -> str | None:
        for form in name_forms(name):
            if form in self._index:
                return self._index[form]
        return None

    def get(self, person_id: str) -> Person | None:
        return next((p for p in self.persons if p.id == person_id), None)

    def matching(self, query: str) -> set[str]:
        """Ids of persons any of whose names contains the query (folded)."""
        q = fold(query)
        return {p.id for p in self.persons if any(q in fold(n) for n in p.all_names)}
