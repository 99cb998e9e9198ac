"""The service queue: FSM jobs by state with their next action, read from the app-schema view
``imis_app.fsm_job`` (states derived from the records, overdue flags, row-level security of the login).
The dock and the CLI are thin layers over :func:`jobs`."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..db.connect import transaction
from .errors import ScheduleError

STATES = ("applied", "assessed", "scheduled", "emptied", "disposed", "closed", "cancelled")
OPEN_STATES = STATES[:5]
#: next action -> the table whose form records it (pre-filled with the job's application)
ACTION_TABLE = {
    "assess": "imis_fsm.assessment",
    "schedule": "imis_fsm.assessment",  # a proposed date on the assessment (or confirm a schedule item)
    "empty": "imis_fsm.emptying",
    "dispose": "imis_fsm.disposal",
    "feedback": "imis_fsm.feedback",
}
COLUMNS = ("id", "code", "state", "next_action", "due_by", "overdue", "overdue_reason", "days_open", "provider_id",
           "provider", "ward_id", "ward", "bin", "containment_code", "customer_name", "application_date",
           "is_emergency", "assessment_id", "scheduled_date", "emptied_date", "emptying_id", "emptied_m3",
           "disposed_m3")


@dataclass(frozen=True)
class QueueFilter:
    states: tuple = OPEN_STATES
    ward_id: str | None = None
    provider_id: str | None = None
    date_from: dt.date | None = None  # application date
    date_to: dt.date | None = None
    overdue_only: bool = False


def jobs(dsn: str, flt: QueueFilter = QueueFilter(), limit: int = 5000) -> list[dict]:
    """Jobs matching the filter, overdue first, then by the time their next action is due."""
    with transaction(dsn, ScheduleError) as conn, conn.cursor() as cur:
        cur.execute(
            f"""SELECT {", ".join(COLUMNS)} FROM imis_app.fsm_job
            WHERE state = ANY (%(states)s)
              AND (%(ward)s::uuid IS NULL OR ward_id = %(ward)s::uuid)
              AND (%(provider)s::uuid IS NULL OR provider_id = %(provider)s::uuid)
              AND (%(df)s::date IS NULL OR application_date >= %(df)s::date)
              AND (%(dt)s::date IS NULL OR application_date <= %(dt)s::date)
              AND (NOT %(overdue)s OR overdue)
            ORDER BY overdue DESC, due_by NULLS LAST, code LIMIT %(limit)s""",
            {"states": list(flt.states), "ward": flt.ward_id, "provider": flt.provider_id, "df": flt.date_from,
             "dt": flt.date_to, "overdue": flt.overdue_only, "limit": limit},
        )
        return [dict(zip(COLUMNS, row)) for row in cur.fetchall()]


def counts(dsn: str) -> dict[str, tuple[int, int]]:
    """state -> (jobs, overdue jobs), as the login sees them."""
    with transaction(dsn, ScheduleError) as conn, conn.cursor() as cur:
        cur.execute("SELECT state, count(*), count(*) FILTER (WHERE overdue) FROM imis_app.fsm_job GROUP BY state")
        return {state: (n, late) for state, n, late in cur.fetchall()}


def choices(dsn: str) -> tuple[list, list]:
    """(wards, providers) as (id, label) for the queue's filters."""
    with transaction(dsn, ScheduleError) as conn, conn.cursor() as cur:
        cur.execute("SELECT id::text, 'Ward ' || number || coalesce(' ' || name, '') FROM imis_core.ward "
                    "ORDER BY number")
        wards = cur.fetchall()
        cur.execute("SELECT id::text, code || ' ' || name FROM imis_fsm.service_provider ORDER BY code")
        return wards, cur.fetchall()


def prefill(job: dict) -> dict:
    """Field values for the next step's form: the application, and what the chain already knows."""
    action = job.get("next_action")
    today = dt.date.today()
    if action in ("assess", "schedule"):
        return {"application_id": str(job["id"]), "assessed_date": today}
    if action == "empty":
        return {"application_id": str(job["id"]), "emptied_date": today}
    if action == "dispose":
        left = None
        if job.get("emptied_m3") is not None:
            left = float(job["emptied_m3"]) - float(job.get("disposed_m3") or 0)
        values = {"emptying_id": str(job["emptying_id"]), "disposed_date": today}
        if left and left > 0:
            values["volume_m3"] = round(left, 3)
        return values
    if action == "feedback":
        return {"application_id": str(job["id"]), "feedback_date": today}
    return {}
