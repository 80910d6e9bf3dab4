"""The record model: pydantic classes that are the only truth; every format maps to and from them."""

from .dates import DateError, DatePart, EDTFDate
from .names import Contributor, Name, Role
from .persons import Person, PersonRegistry
from .work import Relation, RelationType, SourceRef, Work, WorkType

__all__ = [
    "Contributor", "DateError", "DatePart", "EDTFDate", "Name", "Person", "PersonRegistry",
    "Relation", "RelationType", "Role", "SourceRef", "Work", "WorkType",
]
