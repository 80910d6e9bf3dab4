"""Identifier checks (ISBN-10/13 checksums), so a mistyped ISBN is refused, not stored."""

from __future__ import annotations


def check_isbn(value: str) -> None:
    digits = value.replace("-", "").replace(" ", "").upper()
    if len(digits) == 10 and digits[:9].isdigit() and (digits[9].isdigit() or digits[9] == "X"):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        if total % 11 == 0:
            return
        raise ValueError(f"ISBN-10 '{value}' has a wrong check digit")
    if len(digits) == 13 and digits.isdigit():
        total = sum((1 if i % 2 == 0 else 3) * int(c) for i, c in enumerate(digits))
        if total % 10 == 0:
            return
        raise ValueError(f"ISBN-13 '{value}' has a wrong check digit")
    raise ValueError(f"'{value}' is not an ISBN-10 or ISBN-13")
