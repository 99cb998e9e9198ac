"""Errors of the revenue module, worded for the person who has to fix the input."""
from ..db.errors import ImisDatabaseError


class RevenueError(ImisDatabaseError):
    """The work cannot go on: what is wrong and what to do about it; nothing was written."""


INSUFFICIENT_PRIVILEGE = "42501"


def database_message(exc: Exception) -> str:
    """The first line of what PostgreSQL said: for the app schema's rules it starts with the rule's name. A
    refused privilege also says where the rights are written down, since the user cannot fix the input."""
    diag = getattr(exc, "diag", None)
    primary = getattr(diag, "message_primary", None) if diag is not None else None
    message = primary or str(exc).strip().splitlines()[0]
    if getattr(exc, "pgcode", None) == INSUFFICIENT_PRIVILEGE:
        message += (": your login's IMIS role may not do this (who may: `imis db permissions`, "
                    "docs/permissions.md); ask the IMIS administrator")
    return message
