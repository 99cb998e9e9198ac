"""FSM service KPIs for the dashboard: figures with numerator, denominator, target, and the rows behind them.

All figures come from one place, :class:`SqlKpiSource`, over the FSM tables: one query for all tiles.
The indicator module (database/app/50_indicators.sql) defines the same FSM KPIs among the city's
indicators; :class:`IndicatorKpiSource` reads them from imis_app.indicators() (same figures, tested) and
can replace the direct source in the dock (``DashboardDock(source_factory=IndicatorKpiSource)``).

Filters: a period (applications by application date, emptyings by emptying date, feedback by its date),
a ward (of the application's building, else of its holding) and a service provider.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol

from .db.connect import transaction


@dataclass(frozen=True)
class Filters:
    date_from: dt.date | None = None
    date_to: dt.date | None = None  # inclusive
    ward_id: str | None = None
    provider_id: str | None = None

    def params(self) -> dict:
        return {
            "date_from": self.date_from,
            "date_to": self.date_to,
            "ward": self.ward_id,
            "provider": self.provider_id,
        }


@dataclass(frozen=True)
class KpiDefinition:
    key: str
    title: str  # English; the dock translates it
    unit: str  # "%", "days", "m³", "score", "count"
    target: float | None
    higher_is_better: bool = True
    description: str = ""


@dataclass
class Figure:
    key: str
    value: float | None
    numerator: float | None
    denominator: float | None
    definition: KpiDefinition
    reason: str = ""  # why value is None

    @property
    def on_target(self) -> bool | None:
        target = self.definition.target
        if self.value is None or target is None:
            return None
        return self.value >= target if self.definition.higher_is_better else self.value <= target


@dataclass
class MonthRow:
    month: dt.date
    applications: int = 0
    emptyings: int = 0
    emptied_m3: float = 0.0
    disposed_m3: float = 0.0


@dataclass
class Features:
    """Ids of the rows behind a figure, per qualified table."""

    ids: dict[str, list[str]] = field(default_factory=dict)


KPIS: tuple[KpiDefinition, ...] = (
    KpiDefinition(
        "applications",
        "Applications",
        "count",
        None,
        description="Emptying applications received in the period (cancelled ones excluded).",
    ),
    KpiDefinition(
        "response_efficiency",
        "Response efficiency",
        "%",
        90.0,
        description="Applications of the period that were emptied / applications of the period.",
    ),
    KpiDefinition(
        "response_time",
        "Response time",
        "days",
        7.0,
        higher_is_better=False,
        description="Mean days from application to emptying, for the applications emptied.",
    ),
    KpiDefinition(
        "safe_disposal",
        "Safe disposal",
        "%",
        100.0,
        description="Emptyings of the period with a disposal at a treatment plant / emptyings.",
    ),
    KpiDefinition(
        "sludge_delivered",
        "Sludge delivered",
        "%",
        95.0,
        description="Volume disposed at plants / volume emptied, for the emptyings of the period.",
    ),
    KpiDefinition(
        "satisfaction",
        "Customer satisfaction",
        "score",
        4.0,
        description="Mean satisfaction score (1-5) of the feedback of the period.",
    ),
    KpiDefinition(
        "ppe_compliance",
        "PPE compliance",
        "%",
        100.0,
        description="Feedback saying the crew wore protective equipment / feedback that answered.",
    ),
    KpiDefinition(
        "inclusion",
        "Low-income communities",
        "%",
        20.0,
        description="Applications from buildings in low-income communities / applications.",
    ),
)
KPI_BY_KEY = {k.key: k for k in KPIS}

# The applications, emptyings and feedback the filters keep. Parameters: date_from, date_to, ward, provider.
_BASE = """
WITH apps AS (
    SELECT a.id, a.building_id, a.application_date, b.lic_id
    FROM imis_fsm.application a
    LEFT JOIN imis_core.building b ON b.id = a.building_id
    LEFT JOIN imis_core.holding h ON h.id = a.holding_id
    WHERE NOT a.is_cancelled
      AND (%(ward)s::uuid IS NULL OR coalesce(b.ward_id, h.ward_id) = %(ward)s::uuid)
      AND (%(provider)s::uuid IS NULL OR a.provider_id = %(provider)s::uuid)
), period_apps AS (
    SELECT * FROM apps
    WHERE (%(date_from)s::date IS NULL OR application_date >= %(date_from)s::date)
      AND (%(date_to)s::date IS NULL OR application_date <= %(date_to)s::date)
), period_emptyings AS (
    SELECT e.id, e.application_id, e.emptied_date, e.volume_m3, apps.building_id,
           (SELECT sum(d.volume_m3) FROM imis_fsm.disposal d WHERE d.emptying_id = e.id) AS disposed_m3
    FROM imis_fsm.emptying e JOIN apps ON apps.id = e.application_id
    WHERE (%(date_from)s::date IS NULL OR e.emptied_date >= %(date_from)s::date)
      AND (%(date_to)s::date IS NULL OR e.emptied_date <= %(date_to)s::date)
), period_feedback AS (
    SELECT f.id, f.application_id, f.satisfaction, f.crew_wore_ppe, apps.building_id
    FROM imis_fsm.feedback f JOIN apps ON apps.id = f.application_id
    WHERE (%(date_from)s::date IS NULL OR f.feedback_date >= %(date_from)s::date)
      AND (%(date_to)s::date IS NULL OR f.feedback_date <= %(date_to)s::date)
)
"""

_FIGURES = (
    _BASE
    + """
SELECT
    (SELECT count(*) FROM period_apps) AS applications,
    (SELECT count(*) FROM period_apps p WHERE EXISTS (SELECT 1 FROM imis_fsm.emptying e WHERE e.application_id = p.id)) AS emptied_apps,
    (SELECT avg(e.emptied_date - p.application_date) FROM period_apps p JOIN imis_fsm.emptying e ON e.application_id = p.id) AS mean_days,
    (SELECT sum(e.emptied_date - p.application_date) FROM period_apps p JOIN imis_fsm.emptying e ON e.application_id = p.id) AS sum_days,
    (SELECT count(*) FROM period_emptyings) AS emptyings,
    (SELECT count(*) FROM period_emptyings WHERE disposed_m3 IS NOT NULL) AS disposed_emptyings,
    (SELECT coalesce(sum(volume_m3), 0) FROM period_emptyings) AS emptied_m3,
    (SELECT coalesce(sum(disposed_m3), 0) FROM period_emptyings) AS disposed_m3,
    (SELECT avg(satisfaction) FROM period_feedback) AS mean_satisfaction,
    (SELECT sum(satisfaction) FROM period_feedback) AS sum_satisfaction,
    (SELECT count(satisfaction) FROM period_feedback) AS rated,
    (SELECT count(*) FROM period_feedback WHERE crew_wore_ppe) AS ppe_yes,
    (SELECT count(crew_wore_ppe) FROM period_feedback) AS ppe_answered,
    (SELECT count(*) FROM period_apps WHERE lic_id IS NOT NULL) AS lic_apps
"""
)

_MONTHLY = (
    _BASE
    + """
SELECT month, sum(applications)::int, sum(emptyings)::int, sum(emptied_m3)::float, sum(disposed_m3)::float FROM (
    SELECT date_trunc('month', application_date)::date AS month, 1 AS applications, 0 AS emptyings,
           0 AS emptied_m3, 0 AS disposed_m3 FROM period_apps
    UNION ALL
    SELECT date_trunc('month', emptied_date)::date, 0, 1, volume_m3, coalesce(disposed_m3, 0) FROM period_emptyings
) m GROUP BY month ORDER BY month
"""
)

#: SQL of the rows behind each figure: (application ids, building ids). `month` narrows to one month.
_FEATURES = {
    "applications": "SELECT id, building_id FROM period_apps",
    "response_efficiency": "SELECT id, building_id FROM period_apps p WHERE NOT EXISTS "
    "(SELECT 1 FROM imis_fsm.emptying e WHERE e.application_id = p.id)",
    "response_time": "SELECT p.id, p.building_id FROM period_apps p JOIN imis_fsm.emptying e ON e.application_id = p.id",
    "safe_disposal": "SELECT application_id, building_id FROM period_emptyings WHERE disposed_m3 IS NULL",
    "sludge_delivered": "SELECT application_id, building_id FROM period_emptyings "
    "WHERE coalesce(disposed_m3, 0) < volume_m3",
    "satisfaction": "SELECT application_id, building_id FROM period_feedback WHERE satisfaction < 4",
    "ppe_compliance": "SELECT application_id, building_id FROM period_feedback WHERE NOT crew_wore_ppe",
    "inclusion": "SELECT id, building_id FROM period_apps WHERE lic_id IS NOT NULL",
    "month_applications": "SELECT id, building_id FROM period_apps "
    "WHERE date_trunc('month', application_date)::date = %(month)s",
    "month_emptyings": "SELECT application_id, building_id FROM period_emptyings "
    "WHERE date_trunc('month', emptied_date)::date = %(month)s",
}
#: What a click on a figure selects (the dock's tooltip says it): the rows that need attention, or all rows.
FEATURE_MEANING = {
    "applications": "the applications of the period",
    "response_efficiency": "applications not emptied yet",
    "response_time": "applications that were emptied",
    "safe_disposal": "emptyings without a disposal",
    "sludge_delivered": "emptyings not fully delivered to a plant",
    "satisfaction": "feedback scoring below 4",
    "ppe_compliance": "feedback saying the crew wore no protective equipment",
    "inclusion": "applications from low-income communities",
}


class KpiSource(Protocol):
    def figures(self, filters: Filters) -> list[Figure]: ...

    def monthly(self, filters: Filters) -> list[MonthRow]: ...

    def features(self, key: str, filters: Filters, month: dt.date | None = None) -> Features: ...


def _ratio(numerator, denominator, scale=100.0):
    if numerator is None or not denominator:
        return None
    return float(numerator) * scale / float(denominator)


class SqlKpiSource:
    """The FSM KPIs straight from the FSM tables (one query for all tiles)."""

    def __init__(self, dsn: str):
        self.dsn = dsn

    def _rows(self, query: str, params: dict):
        with transaction(self.dsn) as conn, conn.cursor() as cur:
            cur.execute(query, params)
            return cur.fetchall(), [d.name for d in cur.description]

    def targets(self) -> dict[str, KpiDefinition]:
        """The targets the city set in the indicator module (imis_app.indicator_target), where there is one."""
        rows, _ = self._rows("SELECT to_regprocedure('imis_app.indicator_target(text)') IS NOT NULL", {})
        if not rows[0][0]:
            return {}
        rows, _ = self._rows(
            "SELECT k, imis_app.indicator_target(k) FROM unnest(%(keys)s::text[]) k",
            {"keys": list(INDICATOR_KEYS)},
        )
        found = {}
        for code, target in rows:
            definition = KPI_BY_KEY[INDICATOR_KEYS[code]]
            if target is not None and float(target) != definition.target:
                definition = KpiDefinition(
                    definition.key,
                    definition.title,
                    definition.unit,
                    float(target),
                    definition.higher_is_better,
                    definition.description,
                )
            found[definition.key] = definition
        return found

    def figures(self, filters: Filters) -> list[Figure]:
        rows, names = self._rows(_FIGURES, filters.params())
        r = dict(zip(names, rows[0]))
        no_apps = "no applications in the period"
        no_emptyings = "no emptyings in the period"
        no_feedback = "no feedback in the period"

        targets = self.targets()

        def figure(key, value, numerator, denominator, reason):
            return Figure(
                key,
                None if value is None else round(float(value), 2),
                None if numerator is None else float(numerator),
                None if denominator is None else float(denominator),
                targets.get(key, KPI_BY_KEY[key]),
                "" if value is not None else reason,
            )

        return [
            figure("applications", r["applications"], r["applications"], None, ""),
            figure(
                "response_efficiency",
                _ratio(r["emptied_apps"], r["applications"]),
                r["emptied_apps"],
                r["applications"],
                no_apps,
            ),
            figure(
                "response_time",
                r["mean_days"],
                r["sum_days"],
                r["emptied_apps"],
                "no application of the period was emptied",
            ),
            figure(
                "safe_disposal",
                _ratio(r["disposed_emptyings"], r["emptyings"]),
                r["disposed_emptyings"],
                r["emptyings"],
                no_emptyings,
            ),
            figure(
                "sludge_delivered",
                _ratio(r["disposed_m3"], r["emptied_m3"]),
                r["disposed_m3"],
                r["emptied_m3"],
                no_emptyings,
            ),
            figure("satisfaction", r["mean_satisfaction"], r["sum_satisfaction"], r["rated"], no_feedback),
            figure(
                "ppe_compliance",
                _ratio(r["ppe_yes"], r["ppe_answered"]),
                r["ppe_yes"],
                r["ppe_answered"],
                no_feedback,
            ),
            figure(
                "inclusion",
                _ratio(r["lic_apps"], r["applications"]),
                r["lic_apps"],
                r["applications"],
                no_apps,
            ),
        ]

    def monthly(self, filters: Filters) -> list[MonthRow]:
        rows, _ = self._rows(_MONTHLY, filters.params())
        return [
            MonthRow(month, apps, emptyings, emptied or 0.0, disposed or 0.0)
            for month, apps, emptyings, emptied, disposed in rows
        ]

    def features(self, key: str, filters: Filters, month: dt.date | None = None) -> Features:
        if key not in _FEATURES:
            raise KeyError(f"no rows defined behind {key!r}")
        params = dict(filters.params(), month=month)
        rows, _ = self._rows(_BASE + _FEATURES[key], params)
        applications = sorted({str(a) for a, _ in rows if a})
        buildings = sorted({str(b) for _, b in rows if b})
        return Features({"imis_fsm.application": applications, "imis_core.building": buildings})


#: imis_app.indicators() rows (database/app/50_indicators.sql) behind each dashboard figure
INDICATOR_KEYS = {
    "fsm_app": "applications",
    "fsm_re": "response_efficiency",
    "fsm_rt": "response_time",
    "fsm_sd": "safe_disposal",
    "fsm_sv": "sludge_delivered",
    "fsm_cs": "satisfaction",
    "fsm_ppe": "ppe_compliance",
    "fsm_inc": "inclusion",
}
_EARLIEST = dt.date(1900, 1, 1)


class IndicatorKpiSource(SqlKpiSource):
    """The figures from the indicator module's imis_app.indicators(), with its targets (a ward is its
    polygon there); months and the rows behind a figure as in :class:`SqlKpiSource`. Both give the same
    figures (tests/test_dashboard.py); this one computes every city indicator on the way, so on a
    156,000-building city it takes about 2 s against 0.15 s, which is why the dock uses the direct source."""

    @staticmethod
    def available(dsn: str) -> bool:
        with transaction(dsn) as conn, conn.cursor() as cur:
            cur.execute(
                "SELECT to_regprocedure('imis_app.indicators(date, date, geometry, text[], uuid)') "
                "IS NOT NULL"
            )
            return bool(cur.fetchone()[0])

    def figures(self, filters: Filters) -> list[Figure]:
        rows, _ = self._rows(
            "SELECT indicator, numerator, denominator, value, target, reason FROM imis_app.indicators("
            "%(date_from)s, %(date_to)s, (SELECT geom FROM imis_core.ward WHERE id = %(ward)s::uuid), "
            "ARRAY['city'], %(provider)s::uuid) WHERE indicator = ANY(%(keys)s)",
            dict(
                filters.params(),
                date_from=filters.date_from or _EARLIEST,
                date_to=filters.date_to or dt.date.today(),
                keys=list(INDICATOR_KEYS),
            ),
        )
        by_key = {INDICATOR_KEYS[row[0]]: row for row in rows}
        figures = []
        for definition in KPIS:
            _, numerator, denominator, value, target, reason = by_key[definition.key]
            if target is not None and float(target) != definition.target:
                definition = KpiDefinition(
                    definition.key,
                    definition.title,
                    definition.unit,
                    float(target),
                    definition.higher_is_better,
                    definition.description,
                )
            figures.append(
                Figure(
                    definition.key,
                    None if value is None else round(float(value), 2),
                    None if numerator is None else float(numerator),
                    None if denominator is None else float(denominator),
                    definition,
                    reason or "",
                )
            )
        return figures


def period(name: str, today: dt.date | None = None) -> tuple[dt.date | None, dt.date | None]:
    """Named periods of the dashboard's filter: (first day, last day) inclusive, None for open ends."""
    today = today or dt.date.today()
    if name == "last_30_days":
        return today - dt.timedelta(days=29), today
    if name == "this_month":
        return today.replace(day=1), today
    if name == "this_quarter":
        return dt.date(today.year, 3 * ((today.month - 1) // 3) + 1, 1), today
    if name == "this_year":
        return dt.date(today.year, 1, 1), today
    if name == "last_12_months":
        start = (today.replace(day=1) - dt.timedelta(days=335)).replace(day=1)
        return start, today
    if name == "all":
        return None, None
    raise ValueError(f"unknown period {name!r}")


PERIODS = (
    ("last_12_months", "Last 12 months"),
    ("last_30_days", "Last 30 days"),
    ("this_month", "This month"),
    ("this_quarter", "This quarter"),
    ("this_year", "This year"),
    ("all", "All time"),
)


def choices(dsn: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(wards, providers) as (id, label) for the filter lists."""
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT id::text, coalesce(name, 'Ward ' || number) FROM imis_core.ward ORDER BY number"
        )
        wards = cur.fetchall()
        cur.execute("SELECT has_table_privilege('imis_fsm.service_provider', 'SELECT')")
        providers = []
        if cur.fetchone()[0]:
            cur.execute("SELECT id::text, name FROM imis_fsm.service_provider ORDER BY name")
            providers = cur.fetchall()
    return wards, providers
