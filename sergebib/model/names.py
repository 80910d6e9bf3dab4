"""Personal and corporate names, and the roles people play in a work."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, model_validator


class Role(StrEnum):
    """Contributor roles, in the order they are written back to biblatex."""

    AUTHOR = "author"
    EDITOR = "editor"
    TRANSLATOR = "translator"
    INTRODUCTION = "introduction"
    FOREWORD = "foreword"
    AFTERWORD = "afterword"
    RECIPIENT = "recipient"
    INTERVIEWER = "interviewer"
    REALAUTHOR = "realauthor"  # the person behind a pseudonym or borrowed name


class Name(BaseModel):
    """A name as printed: `family, given`, with a particle ("de", "von") kept apart so that
    sorting and key-making use the family name; organisations are `literal`."""

    model_config = ConfigDict(frozen=True)

    family: str | None = None
    given: str | None = None
    particle: str | None = None
    suffix: str | None = None
    literal: str | None = None

    @model_validator(mode="after")
    def _check(self) -> Name:
        if self.literal is not None:
            if any((self.family, self.given, self.particle, self.suffix)):
                raise ValueError("a literal name cannot also have name parts")
            if not self.literal.strip():
                raise ValueError("empty name")
        elif not (self.family and self.family.strip()):
            raise ValueError("a personal name needs a family name (or use a literal name)")
        return self

    @classmethod
    def parse(cls, text: str) -> Name:
        """Parse one biblatex name (`von Last, Jr, First`, `First von Last`, `{Literal}`)."""
        from bibtexparser.middlewares.names import parse_single_name_into_parts

        text = " ".join(text.split())
        if text.startswith("{") and text.endswith("}") and _balanced(text[1:-1]):
            return cls(literal=text[1:-1])
        parts = parse_single_name_into_parts(text, strict=False)

        def join(words: list[str]) -> str | None:
            return " ".join(_unbrace(w) for w in words) or None

        return cls(family=join(parts.last), given=join(parts.first), particle=join(parts.von),
                   suffix=join(parts.jr))

    def to_biblatex(self) -> str:
        if self.literal is not None:
            return "{" + self.literal + "}"
        family = str(self.family)
        if " " in family and (not (self.given or self.suffix) or _has_lowercase_word(family)):
            # BibTeX would split it ("González y Contreras" -> von "González y"): keep one unit
            family = "{" + family + "}"
        if self.particle:
            family = f"{self.particle} {family}"
        out = family
        if self.suffix:
            out += f", {self.suffix}"
        if self.given:
            out += f", {self.given}"
        return out

    @property
    def display(self) -> str:
        """`Given particle Family`, for people reading."""
        if self.literal is not None:
            return self.literal
        bits = [self.given, self.particle, self.family]
        text = " ".join(b for b in bits if b)
        return f"{text}, {self.suffix}" if self.suffix else text

    @property
    def sort_name(self) -> str:
        if self.literal is not None:
            return self.literal
        return ", ".join(b for b in (self.family, self.given, self.particle) if b)


def _unbrace(word: str) -> str:
    if word.startswith("{") and word.endswith("}") and _balanced(word[1:-1]):
        return word[1:-1]
    return word


def _has_lowercase_word(text: str) -> bool:
    return any(w[:1].islower() for w in text.split())


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += ch == "{"
        depth -= ch == "}"
        if depth < 0:
            return False
    return depth == 0


class Contributor(BaseModel):
    """A name in a role; `person` is the registry id it resolves to, where known."""

    model_config = ConfigDict(frozen=True)

    role: Role
    name: Name
    person: str | None = None
