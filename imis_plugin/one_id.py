"""One ID for all services: find a building, holding, owner or containment by what people know (a BIN, a
holding code, an owner's name or phone, a containment code) and fetch everything linked to it.

The work is done by the app-schema functions imis_app.one_id_search / imis_app.one_id_record
(database/app/60_search.sql) under the caller's own role, so grants and row-level security apply.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .db.connect import connect

KINDS = ("building", "holding", "owner", "containment")


@dataclass(frozen=True)
class Hit:
    kind: str
    object_id: str
    matched: str
    label: str
    bin: str | None
    building_count: int
    rank: int  # 0 exact, 1 prefix, 2 anywhere


@dataclass(frozen=True)
class Event:
    """One step of a service history, for the timeline."""

    date: dt.date | None
    kind: str  # application, assessment, emptying, disposal, feedback
    application_code: str
    text: str


class OneIdClient:
    """Keeps one connection for as-you-type searching; reconnects once if the server dropped it."""

    def __init__(self, dsn: str):
        self.dsn = dsn
        self._conn = None

    def _cursor(self):
        if self._conn is None or self._conn.closed:
            self._conn = connect(self.dsn)
            self._conn.autocommit = True  # read-only calls: no transaction left open between keystrokes
            with self._conn.cursor() as cur:
                # compiling a plan costs more than the search itself (tens of ms against a few)
                cur.execute("SET jit = off")
        return self._conn.cursor()

    def _run(self, query, params):
        import psycopg2

        for attempt in (1, 2):
            try:
                with self._cursor() as cur:
                    cur.execute(query, params)
                    return cur.fetchall()
            except (psycopg2.OperationalError, psycopg2.InterfaceError):
                self.close()
                if attempt == 2:
                    raise
        return []

    def search(self, text: str, limit: int = 30) -> list[Hit]:
        text = (text or "").strip()
        if len(text) < 2:
            return []
        rows = self._run(
            "SELECT kind, object_id::text, matched, label, bin, building_count, rank "
            "FROM imis_app.one_id_search(%(q)s, %(n)s)",
            {"q": text, "n": limit},
        )
        return [Hit(*row) for row in rows]

    def record(self, kind: str, object_id: str) -> dict:
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
        rows = self._run("SELECT imis_app.one_id_record(%(k)s, %(i)s::uuid)", {"k": kind, "i": object_id})
        return rows[0][0] if rows else {}

    def close(self):
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None


def _date(value) -> dt.date | None:
    if not value:
        return None
    return dt.date.fromisoformat(str(value)[:10])


def timeline(record: dict) -> list[Event]:
    """The service history of a record, oldest first: application -> assessment -> emptying -> disposals
    -> feedback, for every application."""
    events: list[Event] = []
    for app in record.get("applications", []):
        code = app.get("code") or ""
        events.append(
            Event(
                _date(app.get("application_date")),
                "application",
                code,
                ", ".join(
                    filter(
                        None,
                        [
                            app.get("provider_name"),
                            "emergency" if app.get("is_emergency") else None,
                            "cancelled" if app.get("is_cancelled") else None,
                        ],
                    )
                ),
            )
        )
        assessment = app.get("assessment")
        if assessment:
            events.append(
                Event(
                    _date(assessment.get("assessed_date")),
                    "assessment",
                    code,
                    _volume(assessment.get("sludge_volume_m3")),
                )
            )
        emptying = app.get("emptying")
        if emptying:
            events.append(
                Event(
                    _date(emptying.get("emptied_date")), "emptying", code, _volume(emptying.get("volume_m3"))
                )
            )
            for disposal in emptying.get("disposals", []):
                events.append(
                    Event(
                        _date(disposal.get("disposed_date")),
                        "disposal",
                        code,
                        ", ".join(
                            filter(None, [_volume(disposal.get("volume_m3")), disposal.get("plant_name")])
                        ),
                    )
                )
        feedback = app.get("feedback")
        if feedback:
            score = feedback.get("satisfaction")
            events.append(
                Event(
                    _date(feedback.get("feedback_date")),
                    "feedback",
                    code,
                    f"{score}/5" if score is not None else "",
                )
            )
    order = {"application": 0, "assessment": 1, "emptying": 2, "disposal": 3, "feedback": 4}
    return sorted(events, key=lambda e: (e.date or dt.date.min, e.application_code, order[e.kind]))


def _volume(value) -> str:
    return f"{float(value):g} m³" if value is not None else ""


def linked_counts(record: dict) -> dict[str, int]:
    """How many rows of each kind a record holds (applications count their steps too)."""
    apps = record.get("applications", [])
    emptyings = [a["emptying"] for a in apps if a.get("emptying")]
    return {
        "buildings": len(record.get("buildings", [])),
        "holdings": len(record.get("holdings", [])),
        "owners": len(record.get("owners", [])),
        "containments": len(record.get("containments", [])),
        "applications": len(apps),
        "assessments": sum(1 for a in apps if a.get("assessment")),
        "emptyings": len(emptyings),
        "disposals": sum(len(e.get("disposals", [])) for e in emptyings),
        "feedback": sum(1 for a in apps if a.get("feedback")),
    }
