"""Errors of the FSM module, worded for the person who has to fix the input."""
from ..db.errors import ImisDatabaseError


class ScheduleError(ImisDatabaseError):
    """Planning (or a report) cannot go on: what is wrong and what to do about it; nothing was written."""


class Cancelled(ScheduleError):
    """The user cancelled; nothing was written."""

    def __init__(self, message: str = "Cancelled: nothing was written."):
        super().__init__(message)
