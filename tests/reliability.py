"""Reliability figures: what the tests tried, counted by the tests themselves (issue 12).

A test that injects faults, edits under load or feeds generated inputs records what it did through the
session fixture `reliability`::

    def test_kill_import(reliability, ...):
        ...
        reliability.add("faults injected")          # +1
        reliability.add("rows lost", lost)          # +lost (0 when all is well)
        reliability.set("edits under load", n)      # replaces the figure
        reliability.max("editors", 20)              # keeps the largest value seen

Figures are plain names with integer (or float) values, summed over the session. Nothing is written unless
the environment variable IMIS_RELIABILITY_JSON names a file: then, at the end of the session, the figures are
written there as JSON (`{"figures": {...}, "tests": {...}}`, `tests` being each figure per test node), which
bench/reliability.py renders into RELIABILITY.md. A normal `make test` only keeps them in memory.

Recording never decides a test's outcome: each test still asserts what it checks (for example rows lost == 0)
before recording it; a figure is a count of what was tried, not a verdict.
"""
from __future__ import annotations

import json
import os
from collections import defaultdict
from pathlib import Path

import pytest

ENV_VAR = "IMIS_RELIABILITY_JSON"


class Figures:
    """The session's figures: totals and, for each figure, the tests that contributed to it."""

    def __init__(self):
        self.totals: dict[str, float] = {}
        self.by_test: dict[str, dict[str, float]] = defaultdict(dict)
        self.current_test = ""

    def add(self, name: str, amount: float = 1) -> None:
        """Add `amount` to figure `name` (created at 0)."""
        self.totals[name] = self.totals.get(name, 0) + amount
        per_test = self.by_test[self.current_test]
        per_test[name] = per_test.get(name, 0) + amount

    def set(self, name: str, value: float) -> None:
        """Set figure `name` to `value`, whatever was recorded before."""
        self.totals[name] = value
        self.by_test[self.current_test][name] = value

    def max(self, name: str, value: float) -> None:
        """Keep the largest value recorded for `name` (for sizes such as "concurrent editors")."""
        self.totals[name] = max(self.totals.get(name, value), value)
        per_test = self.by_test[self.current_test]
        per_test[name] = max(per_test.get(name, value), value)

    def get(self, name: str, default: float = 0) -> float:
        return self.totals.get(name, default)

    def as_json(self) -> dict:
        return {"figures": dict(sorted(self.totals.items())),
                "tests": {test: dict(sorted(figs.items())) for test, figs in sorted(self.by_test.items())}}

    def write(self, path: str | os.PathLike) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.as_json(), indent=2) + "\n", encoding="utf-8")


# One per process: the pytest hooks below and the fixture share it.
FIGURES = Figures()


@pytest.fixture(scope="session")
def reliability() -> Figures:
    """The session's reliability figures (see the module docstring)."""
    return FIGURES


def scaled(name: str, default: int) -> int:
    """A size a test uses (examples, editors, seconds...), raised by bench/reliability.py through the
    environment variable `name` (for example IMIS_HYPOTHESIS_EXAMPLES); `default` keeps `make test` short."""
    value = os.environ.get(name)
    return int(value) if value else default


# Hooks: tests/conftest.py imports these names so pytest registers them.

@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    FIGURES.current_test = item.nodeid


def pytest_sessionfinish(session, exitstatus):
    path = os.environ.get(ENV_VAR)
    if path:
        FIGURES.write(path)
