"""The exceptions samman raises.

Every error of the domain API derives from :class:`SammanError`. Errors about bad input
(:class:`ValidationError`, :class:`ParseError`) also derive from :class:`ValueError`. The
low-level array functions (:func:`samman.assign`, :func:`samman.stable_match`) raise plain
:class:`ValueError`. Messages name ids and field paths, never a person's attribute values.
"""

from __future__ import annotations

from typing import List, Optional, Tuple

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
    """The base of every error samman raises for a domain operation.

    ``kind`` is the core's classification, the same on every front (``"invalid_input"``,
    ``"limit_exceeded"``, ``"unknown_id"``, ``"internal"``), and ``path`` the offending field
    where there is one (``"constraints.locked[0].seeker"``), else ``None``.
    """

    kind: str = "internal"

    @property
    def path(self) -> Optional[str]:
        return None


class ValidationError(SammanError, ValueError):
    """An instance breaks the format's rules.

    ``problems`` lists every problem found, each a ``(path, message)`` pair such as
    ``("seekers[3].party_size", "must be at least 1")``.
    """

    kind = "invalid_input"
    problems: List[Tuple[str, str]]

    def __init__(self, message: str, problems: List[Tuple[str, str]]) -> None:
        super().__init__(message, problems)
        self.problems = [(str(path), str(text)) for path, text in problems]

    @property
    def path(self) -> Optional[str]:
        """The first problem's path."""
        return self.problems[0][0] if self.problems and self.problems[0][0] else None

    def __str__(self) -> str:
        return str(self.args[0])


class ParseError(SammanError, ValueError):
    """A document could not be read: ``path`` is the field being read, ``line`` and ``column``
    the place in the text (both 0 when the input was not text, as with ``from_dict``)."""

    kind = "invalid_input"
    line: int
    column: int

    def __init__(self, message: str, path: str, line: int, column: int) -> None:
        super().__init__(message, path, line, column)
        self._path = path
        self.line = line
        self.column = column

    @property
    def path(self) -> str:
        """The field being read (``.`` for the document itself)."""
        return self._path

    def __str__(self) -> str:
        return str(self.args[0])


class CsvError(SammanError, ValueError):
    """A CSV export could not be read: ``file`` is ``"seekers"`` or ``"providers"``, ``row`` the
    row as a spreadsheet counts it (the header is row 1; 0 for the file as a whole) and
    ``column`` the column's name. The message never repeats a personal cell's value."""

    kind = "invalid_input"
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


class _WithPath(SammanError):
    """An error made from a message and, optionally, the path it is about."""

    def __init__(self, message: str, path: Optional[str] = None) -> None:
        super().__init__(message, path)
        self._path = path

    @property
    def path(self) -> Optional[str]:
        return self._path

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class UnknownIdError(_WithPath, LookupError):
    """An id (of a seeker or a provider) that the instance does not have; ``path`` says where
    it was given (``"seeker"``, ``"options.locked[0].provider"``)."""

    kind = "unknown_id"


class LimitError(_WithPath):
    """An instance is larger than its policy's limits (``policy.limits``) allow; ``path`` names
    the limit (``"policy.limits.max_seekers"``)."""

    kind = "limit_exceeded"


class InternalError(_WithPath):
    """A bug in samman: an internal check failed. Please report it with the input."""

    kind = "internal"
