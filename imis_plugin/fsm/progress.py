"""Progress and cancel for long FSM work: the CLI and Processing drive the same object."""
from __future__ import annotations

from collections.abc import Callable

from .errors import Cancelled


class Progress:
    """``progress(percent, message)`` reports; raises :class:`Cancelled` once ``cancelled()`` is true.
    ``span(a, b)`` maps a step's own 0..100 into a..b of the whole."""

    def __init__(self, report: Callable[[float, str], None] | None = None,
                 cancelled: Callable[[], bool] | None = None, start: float = 0.0, end: float = 100.0):
        self._report, self._cancelled = report, cancelled
        self._start, self._end = start, end

    def __call__(self, percent: float, message: str = "") -> None:
        self.check()
        if self._report is not None:
            self._report(self._start + (self._end - self._start) * max(0.0, min(100.0, percent)) / 100.0, message)

    def span(self, start: float, end: float) -> Progress:
        width = self._end - self._start
        return Progress(self._report, self._cancelled, self._start + width * start / 100.0,
                        self._start + width * end / 100.0)

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise Cancelled()
