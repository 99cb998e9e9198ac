"""Processing glue shared by the revenue algorithms: feedback as progress, module errors as Processing errors."""
from __future__ import annotations

from contextlib import contextmanager

from ..fsm.progress import Progress


def progress_for(feedback) -> Progress:
    """A Progress that drives the algorithm's progress bar and stops when the user cancels."""

    def report(pct, message):
        feedback.setProgress(pct)
        if message:
            feedback.setProgressText(message)

    return Progress(report, feedback.isCanceled)


@contextmanager
def processing_errors():
    """Turn what the revenue module and the database refuse into a QgsProcessingException (same words)."""
    from qgis.core import QgsProcessingException

    from ..db.errors import ImisDatabaseError

    try:
        yield
    except ImisDatabaseError as error:
        raise QgsProcessingException(str(error)) from error
