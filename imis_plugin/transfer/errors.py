"""Errors of the import and export: what is wrong, in which file/layer/field, and what to do."""
from ..db.errors import ImisDatabaseError


class TransferError(ImisDatabaseError):
    """Bad input or a refused import/export, explained for the user; nothing was written."""


class TransferCancelled(TransferError):
    """The user cancelled; nothing was written."""

    def __init__(self, message: str = "Cancelled: nothing was written."):
        super().__init__(message)
