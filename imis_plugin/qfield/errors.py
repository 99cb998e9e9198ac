"""Errors of QField packaging and field-edit imports: what is wrong and what to do; nothing was written."""
from ..db.errors import ImisDatabaseError


class FieldSyncError(ImisDatabaseError):
    """A package cannot be made or a returned package is refused; the message says why."""


class FieldSyncCancelled(FieldSyncError):
    def __init__(self, message: str = "Cancelled: nothing was written."):
        super().__init__(message)
