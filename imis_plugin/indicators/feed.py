"""The National Sanitation Dashboard feed: a city's yearly indicators as
``{"city": ..., "year": ..., "indicators": [{"code", "name", "outcome", "value"}, ...]}``, as JSON or CSV.

The values come from the year's snapshot when there is one (published or draft), else they are computed
now; :attr:`Feed.source` says which. Only a published year is sent (see :mod:`.client`).

The same feed is read in two places, into the one :class:`Feed`: a city database (:func:`build`) and the
national database, which reads each city's published years over postgres_fdw (:func:`build_national`,
view ``imis_app.national_dashboard_feed`` of every city; see imis_plugin/national.py). Both read the rows
the city's view ``imis_app.indicator_snapshot_feed`` defines, so a city's feed is the same from either side.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

import psycopg2

from ..db.connect import transaction
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
    """The feed of a city database: the year's snapshot, or the figures computed now."""
    rows = _read(dsn, "SELECT city, code, name, outcome, value, source "
                      "FROM imis_app.dashboard_feed(%(year)s, %(rule)s)", {"year": year, "rule": rule})
    if not rows:
        raise IndicatorError(f"no indicators for {year}")
    return _feed(rows, year, rule)


def build_national(national_dsn: str, city: str, year: int, rule: str = "city") -> Feed:
    """The feed of `city` (its name in the national database) read in the national database: only a year the
    city has published is there, so the feed is always a published snapshot."""
    rows = _read(national_dsn, "SELECT city_code, code, indicator_name, outcome, value, 'published snapshot' "
                               "FROM national.national_dashboard_feed "
                               "WHERE city = %(city)s AND year = %(year)s AND rule = %(rule)s ORDER BY sort",
                 {"city": city, "year": year, "rule": rule})
    if not rows:
        raise IndicatorError(f"{city} has no published indicators of {year} in the national database")
    return _feed(rows, year, rule)


def _read(dsn: str, query: str, params: dict) -> list[tuple]:
    if params["rule"] not in RULES:
        raise IndicatorError(f"rule {params['rule']!r} is not {' or '.join(RULES)}")
    with transaction(dsn, IndicatorError) as conn, conn.cursor() as cur:
        try:
            cur.execute(query, params)
        except psycopg2.Error as exc:
            raise _error(exc) from None
        return cur.fetchall()


def _feed(rows, year: int, rule: str) -> Feed:
    """Rows (city, code, name, outcome, value, source) in the feed's order -> the Feed."""
    indicators = [{"code": code, "name": name, "outcome": outcome,
                   "value": None if value is None else float(value)}
                  for _, code, name, outcome, value, _ in rows]
    return Feed(rows[0][0], year, indicators, rule, rows[0][5])


def write_json(feed: Feed, path) -> Path:
    path = Path(path)
    path.write_text(json.dumps(feed.payload(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def write_json_feeds(made: list[tuple[str, Feed]], path) -> list[Path]:
    """Feeds of several cities [(city, feed)]: one feed goes to the file PATH (or PATH/CITY_YEAR.json if PATH is
    a folder); several go to a folder of CITY_YEAR.json files."""
    path = Path(path)
    if len(made) == 1 and not path.is_dir():
        return [write_json(made[0][1], path)]
    if path.exists() and not path.is_dir():
        raise ValueError(f"{path} is a file, and there are {len(made)} feeds: give a folder (or --city)")
    path.mkdir(parents=True, exist_ok=True)
    return [write_json(one, path / f"{name}_{one.year}.json") for name, one in made]


def write_csv(feed: Feed | list[Feed], path) -> Path:
    """One feed, or several (cities, years) in one table: the columns say whose each row is."""
    path = Path(path)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for one in feed if isinstance(feed, list) else [feed]:
            for item in one.indicators:
                writer.writerow([one.city, one.year, item["code"], item["name"], item["outcome"],
                                 "" if item["value"] is None else item["value"]])
    return path
