"""Yearly snapshots of the indicators: take (a draft, replaced at will), publish (then locked by the
database: rule ``indicator_snapshot_published``), and read back."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import psycopg2

from ..db.connect import transaction
from .engine import IndicatorError, _error


@dataclass
class SnapshotStatus:
    year: int
    computed_at: dt.datetime
    computed_by: str
    is_published: bool
    published_at: dt.datetime | None
    published_by: str | None
    sent_at: dt.datetime | None
    values: int


def _call(dsn: str, query: str, params: dict):
    try:
        with transaction(dsn, IndicatorError) as conn, conn.cursor() as cur:
            cur.execute(query, params)
            return cur.fetchone()
    except psycopg2.Error as exc:
        raise _error(exc) from None


def take(dsn: str, year: int, note: str | None = None) -> str:
    """Compute and store the year's figures (city, wards, low-income communities, both rules), replacing an
    unpublished snapshot. Refused for a published year. Returns the snapshot id."""
    return str(_call(dsn, "SELECT imis_app.take_indicator_snapshot(%(year)s, %(note)s)",
                     {"year": year, "note": note})[0])


def publish(dsn: str, year: int) -> dt.datetime:
    """Publish the year's snapshot: from then on nobody can change it."""
    return _call(dsn, "SELECT imis_app.publish_indicator_snapshot(%(year)s)", {"year": year})[0]


def mark_sent(dsn: str, year: int) -> None:
    _call(dsn, "SELECT imis_app.mark_indicator_feed_sent(%(year)s)", {"year": year})


def status(dsn: str, year: int) -> SnapshotStatus | None:
    with transaction(dsn, IndicatorError) as conn, conn.cursor() as cur:
        cur.execute("SELECT s.year, s.computed_at, s.computed_by, s.is_published, s.published_at, "
                    "s.published_by, s.sent_at, (SELECT count(*) FROM imis_core.indicator_snapshot_value v "
                    "WHERE v.snapshot_id = s.id) "
                    "FROM imis_core.indicator_snapshot s WHERE s.year = %(year)s", {"year": year})
        row = cur.fetchone()
    return SnapshotStatus(*row) if row else None


def require_published(dsn: str, year: int) -> SnapshotStatus:
    found = status(dsn, year)
    if found is None or not found.is_published:
        raise IndicatorError(f"the indicators of {year} are not published yet: publish the year first")
    return found
