"""Progress and cancel for long imports/exports: one object the CLI and Processing both drive."""
from __future__ import annotations

from collections.abc import Callable

from .errors import TransferCancelled


class Progress:
    """Reports ``(percent, message)`` to a callback and raises :class:`TransferCancelled` when asked to stop.

    ``span(start, end)`` gives a child that maps its own 0..100 into that part of the parent's range, so
    each step reports in its own terms.
    """

    def __init__(self, report: Callable[[float, str], None] | None = None,
                 cancelled: Callable[[], bool] | None = None, start: float = 0.0, end: float = 100.0):
        self._report = report
        self._cancelled = cancelled
        self._start, self._end = start, end

    def __call__(self, percent: float, message: str = "") -> None:
        self.check()
        if self._report is not None:
            pct = self._start + (self._end - self._start) * max(0.0, min(100.0, percent)) / 100.0
            self._report(pct, message)

    def span(self, start: float, end: float) -> Progress:
        width = self._end - self._start
        return Progress(self._report, self._cancelled, self._start + width * start / 100.0,
                        self._start + width * end / 100.0)

    def is_cancelled(self) -> bool:
        return bool(self._cancelled and self._cancelled())

    def check(self) -> None:
        if self.is_cancelled():
            raise TransferCancelled()
