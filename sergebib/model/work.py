"""The record: one `Work` per edition, with its contributors, dates, relations and provenance."""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .dates import EDTFDate
from .names import Contributor, Name, Role

KEY_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_:.\-]*$")
SOURCE_RE = re.compile(r"^(?P<doc>\d{3}):(?P<start>\d+)(?:-(?P<end>\d+))?(?: \[(?P<label>[^\]]+)\])?$")


class WorkType(StrEnum):
    """What the documents cite; `biblatex_fields.TYPE_TABLE` maps each to biblatex and CSL."""

    BOOK = "book"
    NOVEL = "novel"
    COLLECTION = "collection"
    CHAPTER = "chapter"
    PAMPHLET = "pamphlet"
    ARTICLE = "article"
    POEM = "poem"
    REVIEW = "review"
    THESIS = "thesis"
    LETTER = "letter"
    CORRESPONDENCE = "correspondence"
    MANUSCRIPT = "manuscript"
    INTERVIEW = "interview"
    ARCHIVAL = "archival"
    PERIODICAL = "periodical"
    WEBPAGE = "webpage"
    MISC = "misc"


class RelationType(StrEnum):
    TRANSLATION_OF = "translationof"
    REPRINT_OF = "reprintof"
    REVIEW_OF = "reviewof"


class Relation(BaseModel):
    model_config = ConfigDict(frozen=True)

    type: RelationType
    target: str


class SourceRef(BaseModel):
    """A place in one of the five documents that cites the work: `003:6312-6314 [I.A.33]`."""

    model_config = ConfigDict(frozen=True)

    document: str
    line: int
    end_line: int | None = None
    label: str | None = None

    @classmethod
    def parse(cls, text: str) -> SourceRef:
        match = SOURCE_RE.match(text.strip())
        if not match:
            raise ValueError(f"'{text}' is not a source reference of the form DOC:LINE[-LINE] [label]")
        end = match.group("end")
        return cls(
            document=match.group("doc"),
            line=int(match.group("start")),
            end_line=int(end) if end else None,
            label=match.group("label"),
        )

    def __str__(self) -> str:
        text = f"{self.document}:{self.line}"
        if self.end_line is not None:
            text += f"-{self.end_line}"
        if self.label:
            text += f" [{self.label}]"
        return text


class Work(BaseModel):
    """One bibliographic record. Fields follow biblatex names where biblatex has one;
    `extra` keeps any field the model does not know so nothing is lost on a round trip."""

    model_config = ConfigDict(validate_assignment=True, extra="forbid")

    key: str
    type: WorkType
    entrysubtype: str | None = None  # leftover subtype, e.g. "newspaper" on an article
    contributors: list[Contributor] = Field(default_factory=list)
    editortype: str | None = None

    title: str | None = None
    subtitle: str | None = None
    titleaddon: str | None = None
    shorttitle: str | None = None
    journaltitle: str | None = None
    journalsubtitle: str | None = None
    booktitle: str | None = None
    maintitle: str | None = None
    issuetitle: str | None = None

    language: str | None = None  # BCP 47 tag of the edition
    origtitle: str | None = None
    origlanguage: str | None = None  # BCP 47
    origdate: EDTFDate | None = None
    origlocation: str | None = None
    origpublisher: str | None = None

    edition: str | None = None
    volume: str | None = None
    number: str | None = None
    issue: str | None = None
    series: str | None = None
    pages: str | None = None
    pagetotal: str | None = None
    thesis_type: str | None = None  # biblatex `type`

    date: EDTFDate | None = None
    eventdate: EDTFDate | None = None
    publisher: str | None = None
    location: str | None = None
    institution: str | None = None
    organization: str | None = None
    howpublished: str | None = None
    archive: str | None = None  # biblatex `library`
    archive_location: str | None = None
    isbn: str | None = None
    url: str | None = None
    urldate: EDTFDate | None = None

    relations: list[Relation] = Field(default_factory=list)
    part_of: str | None = None  # biblatex `xref`

    note: str | None = None
    addendum: str | None = None
    pubstate: str | None = None
    keywords: list[str] = Field(default_factory=list)
    annotation: str | None = None  # editorial note: corrections, uncertainty; never printed
    sources: list[SourceRef] = Field(default_factory=list)
    extra: dict[str, str] = Field(default_factory=dict)

    @field_validator("key")
    @classmethod
    def _key(cls, value: str) -> str:
        if not KEY_RE.match(value):
            raise ValueError(f"'{value}' is not a usable citation key (letters, digits, _ : . -)")
        return value

    @field_validator("language", "origlanguage")
    @classmethod
    def _lang(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", value):
            raise ValueError(f"'{value}' is not a BCP 47 language tag (e.g. fr, en-US)")
        return value

    @field_validator("isbn")
    @classmethod
    def _isbn(cls, value: str | None) -> str | None:
        if value is not None:
            from .identifiers import check_isbn

            check_isbn(value)
        return value

    @model_validator(mode="after")
    def _required(self) -> Work:
        # Only what makes a record meaningless is refused here; incompleteness (an article whose
        # periodical the source does not name) is reported by `validate`, not refused.
        if not self.title:
            raise ValueError("a work needs a title")
        if self.type is WorkType.PERIODICAL and self.journaltitle:
            raise ValueError("a periodical's name is its title, not journaltitle")
        return self

    # --- convenience -------------------------------------------------------------------
    def names(self, role: Role | str) -> list[Name]:
        role = Role(role)
        return [c.name for c in self.contributors if c.role is role]

    @property
    def authors(self) -> list[Name]:
        return self.names(Role.AUTHOR)

    @property
    def translators(self) -> list[Name]:
        return self.names(Role.TRANSLATOR)

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    @property
    def container_title(self) -> str | None:
        return self.journaltitle or self.booktitle

    @property
    def full_title(self) -> str:
        title = self.title or ""
        return f"{title}: {self.subtitle}" if self.subtitle else title

    def relation(self, rtype: RelationType | str) -> list[str]:
        rtype = RelationType(rtype)
        return [r.target for r in self.relations if r.type is rtype]

    # Navigation needs the collection; the Library attaches itself here (see library.py).
    _library: object | None = None

    def __eq__(self, other: object) -> bool:
        """Records are equal when their data is; which Library holds them does not count."""
        if not isinstance(other, Work):
            return NotImplemented
        return self.__dict__ == other.__dict__

    __hash__ = None  # mutable records are not hashable

    def _lib(self):  # noqa: ANN202 - returns Library, imported lazily to avoid a cycle
        if self._library is None:
            raise LookupError(f"{self.key} is not part of a Library; load it with sergebib.load()")
        return self._library

    @property
    def original(self) -> Work | None:
        """The work this is a translation or reprint of (one step up)."""
        return self._lib().original_of(self)

    @property
    def translations(self) -> list[Work]:
        return self._lib().related_to(self, RelationType.TRANSLATION_OF)

    @property
    def editions(self) -> list[Work]:
        return self._lib().related_to(self, RelationType.REPRINT_OF)

    @property
    def reviews(self) -> list[Work]:
        return self._lib().related_to(self, RelationType.REVIEW_OF)

    @property
    def parts(self) -> list[Work]:
        return self._lib().parts_of(self)

    @property
    def cited_in(self) -> list:
        """Occurrences in the source documents' citation map that cite this work."""
        return self._lib().cited_in(self)

    @property
    def parent(self) -> Work | None:
        return self._lib().get(self.part_of) if self.part_of else None
