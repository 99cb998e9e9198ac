"""The National Sanitation Dashboard feed: a city's yearly indicators as
``{"city": ..., "year": ..., "indicators": [{"code", "name", "outcome", "value"}, ...]}``, as JSON or CSV.

The values come from the year's snapshot when there is one (published or draft), else they are computed
now; :attr:`Feed.source` says which. Only a published year is sent (see :mod:`.client`).
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

import psycopg2

from ..db.connect import connect
from .engine import RULES, IndicatorError, _error

CSV_COLUMNS = ("city", "year", "code", "name", "outcome", "value")


@dataclass
class Feed:
    city: str
    year: int
    indicators: list[dict]
    rule: str
    source: str  # 'published snapshot', 'draft snapshot' or 'computed now'

    @property
    def published(self) -> bool:
        return self.source == "published snapshot"

    def payload(self) -> dict:
        """Exactly what the dashboard takes."""
        return {"city": self.city, "year": self.year, "indicators": self.indicators}


def build(dsn: str, year: int, rule: str = "city") -> Feed:
    if rule not in RULES:
        raise IndicatorError(f"rule {rule!r} is not {' or '.join(RULES)}")
    conn = connect(dsn)
    try:
        with conn.cursor() as cur:
            try:
                cur.execute("SELECT city, year, code, name, outcome, value, source "
                            "FROM imis_app.dashboard_feed(%(year)s, %(rule)s)", {"year": year, "rule": rule})
            except psycopg2.Error as exc:
                raise _error(exc) from None
            rows = cur.fetchall()
    finally:
        conn.close()
    if not rows:
        raise IndicatorError(f"no indicators for {year}")
    indicators = [{"code": code, "name": name, "outcome": outcome, "value": None if value is None else float(value)}
                  for _, _, code, name, outcome, value, _ in rows]
    return Feed(rows[0][0], year, indicators, rule, rows[0][6])


def write_json(feed: Feed, path) -> Path:
    path = Path(path)
    path.write_text(json.dumps(feed.payload(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def write_csv(feed: Feed, path) -> Path:
    path = Path(path)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for item in feed.indicators:
            writer.writerow([feed.city, feed.year, item["code"], item["name"], item["outcome"],
                             "" if item["value"] is None else item["value"]])
    return path
