"""Errors of the revenue module, worded for the person who has to fix the input."""
from ..db.errors import ImisDatabaseError


class RevenueError(ImisDatabaseError):
    """The work cannot go on: what is wrong and what to do about it; nothing was written."""


def database_message(exc: Exception) -> str:
    """The first line of what PostgreSQL said: for the app schema's rules it starts with the rule's name."""
    diag = getattr(exc, "diag", None)
    primary = getattr(diag, "message_primary", None) if diag is not None else None
    return primary or str(exc).strip().splitlines()[0]
