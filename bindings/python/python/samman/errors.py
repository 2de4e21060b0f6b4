"""The exceptions samman raises.

Every error of the domain API derives from :class:`SammanError`. Errors about bad input
(:class:`ValidationError`, :class:`ParseError`) also derive from :class:`ValueError`. The
low-level array functions (:func:`samman.assign`, :func:`samman.stable_match`) raise plain
:class:`ValueError`. Messages name ids and field paths, never a person's attribute values.
"""

from __future__ import annotations

from typing import List, Tuple

__all__ = [
    "SammanError",
    "ValidationError",
    "ParseError",
    "CsvError",
    "LimitError",
    "UnknownIdError",
    "InternalError",
]


class SammanError(Exception):
    """The base of every error samman raises for a domain operation."""


class ValidationError(SammanError, ValueError):
    """An instance breaks the format's rules.

    ``problems`` lists every problem found, each a ``(path, message)`` pair such as
    ``("seekers[3].party_size", "must be at least 1")``.
    """

    problems: List[Tuple[str, str]]

    def __init__(self, message: str, problems: List[Tuple[str, str]]) -> None:
        super().__init__(message, problems)
        self.problems = [(str(path), str(text)) for path, text in problems]

    def __str__(self) -> str:
        return str(self.args[0])


class ParseError(SammanError, ValueError):
    """A document could not be read: ``path`` is the field being read, ``line`` and ``column``
    the place in the text (both 0 when the input was not text, as with ``from_dict``)."""

    path: str
    line: int
    column: int

    def __init__(self, message: str, path: str, line: int, column: int) -> None:
        super().__init__(message, path, line, column)
        self.path = path
        self.line = line
        self.column = column

    def __str__(self) -> str:
        return str(self.args[0])


class CsvError(SammanError, ValueError):
    """A CSV export could not be read: ``file`` is ``"seekers"`` or ``"providers"``, ``row`` the
    row as a spreadsheet counts it (the header is row 1; 0 for the file as a whole) and
    ``column`` the column's name. The message never repeats a personal cell's value."""

    file: str
    row: int
    column: str

    def __init__(self, message: str, file: str, row: int, column: str) -> None:
        super().__init__(message, file, row, column)
        self.file = file
        self.row = row
        self.column = column

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownIdError(SammanError, LookupError):
    """An id (of a seeker or a provider) that the instance does not have."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class LimitError(SammanError):
    """An instance is larger than its policy's limits (``policy.limits``) allow."""


class InternalError(SammanError):
    """A bug in samman: an internal check failed. Please report it with the input."""
