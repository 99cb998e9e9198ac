"""The "Plan emptying schedule" algorithm: from the fill model, the fleet, the plants, the calendar and the
road network to a schedule (items per containment, routes per vehicle-day), in one transaction.

Steps: read what is due (set-based SQL over the fill-model view); tie containments, plants and depots to
the road network per vehicle class (width, hose); shortest-path trees from every plant and depot
(pgRouting); pack containments into vehicle-days (:mod:`.packing`); order each day's stops on the network
(pgRouting cost matrices) and draw its route; write. Confirmed items stay on their vehicle and day;
declined households wait in the re-integration queue and are not planned again until resolved.
"""
from __future__ import annotations

import datetime as dt
import json
import math
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field

from psycopg2.extras import execute_values

from ..db.connect import transaction
from .errors import ScheduleError
from .network import EDGE, Network
from .packing import Distances, Facility, Job, Params, Truck, pack, simulate
from .progress import Progress

REASONS = {
    "no_location": "no location (neither the containment nor its building has one)",
    "no_containment": "the application names no containment and its building has none or several",
    "narrow_road": "every road within hose reach is narrower than the vehicles that could serve it (or of unknown width)",
    "too_far": "no road within hose reach of any vehicle",
    "no_plant_route": "no route to a treatment plant on roads wide enough",
    "no_provider": "no service provider serves its ward",
    "too_big": "it needs more truck loads than a vehicle makes in a day",
    "capacity": "the fleet's days in the period are full",
}


@dataclass
class PlanRequest:
    period_start: dt.date
    period_end: dt.date
    code: str | None = None
    name: str | None = None
    replan: bool = False
    regular: bool = True
    on_demand: bool = True
    wards: tuple = ()  # ward numbers of the regular programme (empty: all)
    params: Params = field(default_factory=Params)
    today: dt.date | None = None  # planning starts on max(period start, today)

    def schedule_code(self) -> str:
        return self.code or f"PLAN-{self.period_start.isoformat()}-{self.period_end.isoformat()}"


@dataclass
class PlanResult:
    schedule_id: str | None
    code: str
    summary: dict
    warnings: list
    unplanned: list  # (code, reason key)


class Planner:
    """One plan on one open cursor; :func:`plan_schedule` runs it in a transaction."""

    def __init__(self, cur, request: PlanRequest, progress: Progress | None = None):
        self.cur = cur
        self.request = request
        self.params = request.params
        self.progress = progress or Progress()
        self.warnings: list[str] = []
        self.unplanned: list[tuple[str, str]] = []
        self.schedule_id: str | None = None

    # 1. inputs -----------------------------------------------------------------------------------------
    def load(self) -> None:
        r, cur = self.request, self.cur
        # JIT compiling the fill model's many expressions costs seconds and saves nothing here
        cur.execute("SET LOCAL jit = off")
        if r.period_end < r.period_start:
            raise ScheduleError(f"The period ends ({r.period_end}) before it starts ({r.period_start}).")
        cur.execute("SELECT srid, working_days FROM imis_core.city LIMIT 1")
        self.srid, working = cur.fetchone()
        today = r.today or dt.date.today()
        self.first_day = max(r.period_start, today)
        cur.execute("SELECT d FROM imis_app.working_days(%s, %s) d", (self.first_day, r.period_end))
        self.days = [row[0] for row in cur.fetchall()]
        if not self.days:
            weekdays = ", ".join(dt.date(2024, 1, d).strftime("%A") for d in sorted(working))
            raise ScheduleError(
                f"The period {self.first_day} to {r.period_end} has no working day (the city works {weekdays}, "
                "minus its holidays; planning never starts before today). Choose a longer or later period.")
        self._schedule()
        self._plants()
        self._trucks()
        self._wards()
        self._jobs()

    def _schedule(self):
        code = self.request.schedule_code()
        self.cur.execute("SELECT id FROM imis_fsm.schedule WHERE code = %s", (code,))
        row = self.cur.fetchone()
        if row and not self.request.replan:
            raise ScheduleError(f"Schedule {code} exists already: re-plan it (its confirmed items stay fixed) or "
                                "choose another code.")
        if not row and self.request.replan:
            raise ScheduleError(f"There is no schedule {code} to re-plan.")
        self.schedule_id = str(row[0]) if row else None

    def _plants(self):
        self.cur.execute(
            """SELECT p.id::text, p.code, ST_X(p.geom), ST_Y(p.geom), p.capacity_m3_per_day::float8
               FROM imis_core.treatment_plant p
               JOIN imis_code.treatment_plant_type t ON t.value = p.plant_type
               JOIN imis_code.operational_status s ON s.value = p.status
               WHERE t.treats_sludge AND s.is_operational ORDER BY p.code""")
        self.plants = [Facility(i, c, x, y, cap) for i, c, x, y, cap in self.cur.fetchall()]
        if not self.plants:
            raise ScheduleError("No treatment plant takes faecal sludge: planning needs at least one operational "
                                "FSTP or co-treatment plant in imis_core.treatment_plant.")

    def _trucks(self):
        p = self.params
        self.cur.execute(
            """SELECT v.id::text, v.registration, v.provider_id::text, v.capacity_m3::float8, v.width_m::float8,
                      v.trips_per_day, v.hose_length_m::float8, ST_X(v.depot), ST_Y(v.depot)
               FROM imis_fsm.vehicle v
               JOIN imis_fsm.service_provider sp ON sp.id = v.provider_id
               JOIN imis_code.provider_status ps ON ps.value = sp.status
               JOIN imis_code.operational_status s ON s.value = v.status
               WHERE s.is_operational AND ps.is_active ORDER BY sp.code, v.capacity_m3 DESC, v.registration""")
        self.trucks = []
        for vid, reg, provider, cap, width, trips, hose, x, y in self.cur.fetchall():
            if width is None:
                self.warnings.append(f"Vehicle {reg} has no width: it is left out, because the planner could not "
                                     "keep it off roads narrower than it. Record its width.")
                continue
            notes = []
            if trips is None:
                notes.append(f"trips per day unknown: {p.default_trips} assumed")
            if hose is None:
                notes.append(f"hose length unknown: {p.default_hose_m:g} m assumed")
            if x is None:
                plant = self.plants[0]
                notes.append(f"no depot: starts and ends its days at plant {plant.code}")
                depot = Facility(f"depot:{vid}", f"plant {plant.code}", plant.x, plant.y)
            else:
                depot = Facility(f"depot:{vid}", f"depot of {reg}", x, y)
            truck = Truck(vid, reg, provider, cap, width, trips or p.default_trips, hose or p.default_hose_m, depot, notes)
            for note in notes:
                self.warnings.append(f"Vehicle {reg}: {note}.")
            self.trucks.append(truck)
        if not self.trucks:
            raise ScheduleError("No vehicle can be planned: none is operational, of an active provider, with a "
                                "known width.")

    def _wards(self):
        self.cur.execute("SELECT ward_id::text, provider_id::text FROM imis_fsm.provider_ward")
        rows = self.cur.fetchall()
        self.ward_providers: dict | None = None
        if rows:
            self.ward_providers = defaultdict(set)
            for ward, provider in rows:
                self.ward_providers[ward].add(provider)
        else:
            self.warnings.append("No provider-to-ward assignment is recorded: every provider may serve every ward.")

    def providers_of_ward(self, ward_id):
        if self.ward_providers is None or ward_id is None:
            return None
        return self.ward_providers.get(ward_id, set())

    def _jobs(self):
        r, cur = self.request, self.cur
        cur.execute("CREATE TEMP TABLE fsm_fill ON COMMIT DROP AS SELECT * FROM imis_app.containment_fill")
        cur.execute("CREATE INDEX ON fsm_fill (containment_id)")
        cur.execute("ANALYZE fsm_fill")
        params = {"first": self.first_day, "end": r.period_end, "regular": r.regular, "on_demand": r.on_demand,
                  "wards": list(r.wards), "schedule": self.schedule_id}
        cur.execute(
            """CREATE TEMP TABLE fsm_cand ON COMMIT DROP AS
            WITH setting AS (SELECT * FROM imis_fsm.fsm_setting LIMIT 1),
            fixed AS (
                SELECT si.id AS item_id, si.schedule_id, si.containment_id, si.application_id, si.provider_id,
                       si.vehicle_id, si.service_date, si.programme, si.due_date
                FROM imis_fsm.schedule_item si
                WHERE si.status = 'confirmed' AND si.service_date BETWEEN %(first)s AND %(end)s
                  AND NOT EXISTS (SELECT 1 FROM imis_fsm.emptying e WHERE e.application_id = si.application_id)),
            later AS (  -- confirmed for after the period: not planned again
                SELECT si.containment_id, si.application_id FROM imis_fsm.schedule_item si
                WHERE si.status = 'confirmed' AND si.service_date > %(end)s
                  AND NOT EXISTS (SELECT 1 FROM imis_fsm.emptying e WHERE e.application_id = si.application_id)),
            apps AS (
                SELECT a.id AS application_id, imis_app.job_containment(a.containment_id, a.building_id) AS containment_id,
                       a.code, a.provider_id,
                       CASE WHEN a.is_scheduled THEN 'regular' WHEN a.is_emergency THEN 'emergency' ELSE 'on_demand' END
                           AS programme,
                       CASE WHEN a.is_scheduled THEN coalesce(a.requested_date, a.application_date)
                            ELSE a.application_date + CASE WHEN a.is_emergency THEN s.emergency_response_days
                                                           ELSE s.response_days END END AS deadline,
                       coalesce(a.requested_date, a.application_date) AS earliest,
                       b.ward_id, ST_PointOnSurface(b.geom) AS point, s.default_volume_m3
                FROM imis_fsm.application a CROSS JOIN setting s
                LEFT JOIN imis_core.building b ON b.id = a.building_id
                WHERE %(on_demand)s AND NOT a.is_cancelled
                  AND coalesce(a.requested_date, a.application_date) <= %(end)s  -- wanted in the period
                  AND NOT EXISTS (SELECT 1 FROM imis_fsm.emptying e WHERE e.application_id = a.id)
                  AND NOT EXISTS (SELECT 1 FROM fixed f WHERE f.application_id = a.id)
                  AND NOT EXISTS (SELECT 1 FROM later l WHERE l.application_id = a.id)),
            rows AS (
                SELECT 'fixed' AS kind, f.item_id, f.schedule_id, f.containment_id, f.application_id, f.provider_id,
                       f.vehicle_id, f.service_date, f.programme, f.due_date AS deadline, NULL::date AS earliest,
                       NULL::text AS app_code, NULL::uuid AS app_ward, NULL::geometry AS app_point,
                       NULL::numeric AS default_volume
                FROM fixed f
                UNION ALL
                SELECT 'application', NULL, NULL, a.containment_id, a.application_id, a.provider_id, NULL, NULL,
                       a.programme, a.deadline, a.earliest, a.code, a.ward_id, a.point, a.default_volume_m3
                FROM apps a
                UNION ALL
                SELECT 'regular', NULL, NULL, f.containment_id, NULL, NULL, NULL, NULL, 'regular', NULL, NULL, NULL,
                       NULL, NULL, NULL
                FROM fsm_fill f
                WHERE %(regular)s AND f.due_date <= %(end)s
                  AND NOT EXISTS (SELECT 1 FROM imis_fsm.reintegration q
                                  WHERE q.containment_id = f.containment_id AND q.resolved_date IS NULL)
                  AND NOT EXISTS (SELECT 1 FROM fixed x WHERE x.containment_id = f.containment_id)
                  AND NOT EXISTS (SELECT 1 FROM later x WHERE x.containment_id = f.containment_id)
                  AND NOT EXISTS (SELECT 1 FROM apps x WHERE x.containment_id = f.containment_id)
                  AND (cardinality(%(wards)s::int[]) = 0 OR EXISTS (
                      SELECT 1 FROM imis_core.ward w WHERE w.id = f.ward_id AND w.number = ANY (%(wards)s::int[]))))
            SELECT row_number() OVER (ORDER BY r.kind, coalesce(f.code, r.app_code))::int AS idx, r.kind,
                   r.item_id::text, r.schedule_id::text = %(schedule)s AS own_item, r.containment_id::text,
                   coalesce(f.code, r.app_code) AS code, r.application_id::text, r.provider_id::text,
                   r.vehicle_id::text, r.service_date, r.programme, f.due_date,
                   CASE WHEN r.kind = 'regular' THEN f.due_date ELSE r.deadline END AS deadline, r.earliest,
                   coalesce(f.haul_m3, r.default_volume)::float8 AS volume,
                   CASE WHEN f.containment_id IS NULL THEN ARRAY['volume'] ELSE f.estimates END AS estimates,
                   coalesce(f.ward_id, r.app_ward)::text AS ward_id, coalesce(f.geom, r.app_point) AS geom
            FROM rows r LEFT JOIN fsm_fill f ON f.containment_id = r.containment_id""",
            params,
        )
        cur.execute("CREATE INDEX ON fsm_cand USING gist (geom)")
        cur.execute("ANALYZE fsm_cand")
        cur.execute(
            """SELECT idx, kind, item_id, own_item, containment_id, code, application_id, provider_id, vehicle_id,
                      service_date, programme, due_date, deadline, earliest, volume, estimates, ward_id,
                      ST_X(geom), ST_Y(geom)
               FROM fsm_cand ORDER BY idx""")
        self.jobs: list[Job] = []
        self.fixed_other: set[int] = set()  # confirmed items of other schedules: they only take room
        self.own_items: dict[int, str] = {}
        for (idx, kind, item_id, own, cid, code, app, provider, vehicle, day, programme, due, deadline, earliest,
             volume, estimates, ward, x, y) in cur.fetchall():
            if cid is None:
                self.unplanned.append((code, "no_containment"))
                continue
            if x is None:
                self.unplanned.append((code, "no_location"))
                continue
            job = Job(idx, cid, code, programme, max(volume, 0.001), x, y, due=due, deadline=deadline,
                      earliest=earliest, application_id=app, ward_id=ward, provider_id=provider,
                      estimates=tuple(estimates or ()))
            if programme == "regular":
                when = deadline or due
                job.band = 2 if when <= self.first_day - dt.timedelta(days=365) else 3 if when <= self.first_day else 4
            job.plant_m = min(math.hypot(p.x - x, p.y - y) for p in self.plants)
            if kind == "fixed":
                job.fixed = (vehicle, day)
                job.item_id = item_id
                if own:
                    self.own_items[idx] = item_id
                else:
                    self.fixed_other.add(idx)
            self.jobs.append(job)

    # 2. network ----------------------------------------------------------------------------------------
    def build_network(self) -> None:
        progress = self.progress.span(15, 35)
        self.network = Network(self.cur, self.srid)
        edges = self.network.build()
        if not edges:
            raise ScheduleError("The city has no roads (imis_core.road): vehicles cannot be routed.")
        widest = self.network.widest()
        progress(30, "Tying containments, plants and depots to the roads")
        classes = sorted({t.klass for t in self.trucks})
        usable = []
        for klass in classes:
            if widest is None or widest < klass[0]:
                regs = ", ".join(t.registration for t in self.trucks if t.klass == klass)
                self.warnings.append(
                    f"Vehicle {regs} ({klass[0]:g} m wide) fits no road: every road of known width is narrower "
                    f"(the widest is {widest or 0:g} m). It is left out of the plan.")
                continue
            usable.append(klass)
        self.trucks = [t for t in self.trucks if t.klass in usable]
        if not self.trucks:
            raise ScheduleError("No vehicle fits any road of known width: record road widths (imis_core.road."
                                "width_m) or vehicles narrow enough for them.")
        self._facility_table()
        self.trees = {}
        self._cut_off: set[int] = set()
        for n, klass in enumerate(usable):
            width, hose = klass
            for idx, snap in self.network.snap_table("fsm_cand", width, hose).items():
                self._job_by_idx[idx].snaps[klass] = snap
            facilities = self.network.snap_table("fsm_fac", width, None)
            for idx, snap in facilities.items():
                self._facility_by_idx[idx].snaps[klass] = snap
            for facility in self._facilities:
                snap = facility.snaps.get(klass)
                if snap is not None and snap.access > 500:
                    self.warnings.append(f"{facility.code} is {snap.access:.0f} m from the nearest road a "
                                         f"{width:g} m wide vehicle can use; that distance is counted as driven.")
            starts = [p.snaps[klass].node for p in self.plants if klass in p.snaps]
            starts += [t.depot.snaps[klass].node for t in self.trucks if t.klass == klass and klass in t.depot.snaps]
            self.trees[klass] = self.network.trees(width, starts)
            plant_nodes = [p.snaps[klass].node for p in self.plants if klass in p.snaps]
            reached = set()
            for node in plant_nodes:
                reached |= set(self.trees[klass][node][0])
            for job in self.jobs:
                snap = job.snaps.get(klass)
                if snap is not None and snap.node not in reached:
                    del job.snaps[klass]  # a road in reach, but cut off from every plant
                    self._cut_off.add(job.idx)
            progress(30 + 70 * (n + 1) / len(usable), f"Network for {width:g} m wide vehicles ready")
        self.dist = Distances(self.trees, self.params)

    def _facility_table(self):
        self._job_by_idx = {j.idx: j for j in self.jobs}
        self._facilities = list(self.plants) + [t.depot for t in self.trucks]
        self._facility_by_idx = dict(enumerate(self._facilities, start=1))
        self.cur.execute("CREATE TEMP TABLE fsm_fac (idx int, geom geometry) ON COMMIT DROP")
        execute_values(self.cur, "INSERT INTO fsm_fac (idx, geom) VALUES %s",
                       [(i, f.x, f.y, self.srid) for i, f in self._facility_by_idx.items()],
                       template="(%s, ST_SetSRID(ST_Point(%s, %s), %s))")

    # 3. packing ----------------------------------------------------------------------------------------
    def pack(self) -> None:
        open_jobs = [j for j in self.jobs if j.fixed is None]
        self._explain_unreachable(open_jobs)
        plannable = [j for j in self.jobs if j.snaps or j.fixed is not None]
        self.packed = pack(plannable, self.trucks, self.days, self.plants, self.dist, self.params,
                           self.providers_of_ward, self.progress.span(35, 75))
        for job in plannable:
            if job.idx in self.packed.assigned:
                continue
            if job.fixed is not None:
                self.warnings.append(f"Confirmed item {job.code} can no longer be reached by its vehicle; it is "
                                     "kept as it was.")
                continue
            self.unplanned.append((job.code, self._why_not(job)))

    def _explain_unreachable(self, jobs):
        unreached = [j.idx for j in jobs if not j.snaps]
        if not unreached:
            return
        hose = max(t.hose for t in self.trucks)
        self.cur.execute(
            f"SELECT c.idx FROM fsm_cand c WHERE c.idx = ANY (%s) AND EXISTS (SELECT 1 FROM {EDGE} e "
            "WHERE ST_DWithin(e.geom, c.geom, %s))", (unreached, hose))
        near_a_road = {row[0] for row in self.cur.fetchall()}
        for idx in unreached:
            job = self._job_by_idx[idx]
            reason = ("no_plant_route" if idx in self._cut_off else "narrow_road" if idx in near_a_road
                      else "too_far")
            self.unplanned.append((job.code, reason))

    def _why_not(self, job: Job) -> str:
        candidates = [t for t in self.trucks if t.klass in job.snaps]
        if job.provider_id is not None:
            serving = [t for t in candidates if t.provider_id == job.provider_id]
        else:
            allowed = self.providers_of_ward(job.ward_id)
            serving = [t for t in candidates if allowed is None or t.provider_id in allowed]
        if not serving:
            return "no_provider"
        if all(math.ceil(job.volume / t.capacity - 1e-6) > t.trips for t in serving):
            return "too_big"
        return "capacity"

    # 4. routing ----------------------------------------------------------------------------------------
    def route(self) -> None:
        """Order each vehicle-day's stops on the road network and compute its exact route."""
        progress = self.progress.span(75, 92)
        self.final: dict = {}
        self.overtime: list = []
        by_class = defaultdict(dict)
        for key, state in self.packed.days.items():
            truck = state.truck
            nodes = sorted({j.snaps[truck.klass].node for j in state.jobs if truck.klass in j.snaps})
            by_class[truck.klass][key] = (nodes, _box(state.jobs))
        plant_used = defaultdict(float)
        done, total = 0, max(len(self.packed.days), 1)
        for klass, groups in by_class.items():
            matrices = self.network.matrices(klass[0], groups)
            for key in sorted(groups, key=lambda k: (k[1], k[0])):
                state = self.packed.days[key]
                self.dist.use_matrix(matrices[key])
                truck, day = state.truck, state.day
                order = _improve_order(list(state.jobs), truck, self.plants, self.dist)
                final = None
                for jobs in (order, list(state.jobs)):
                    final = simulate(truck, day, jobs, self.plants, plant_used, self.dist, self.params)
                    if final is not None:
                        break
                if final is None:  # over a limit on the network (or by confirmed jobs): kept, reported
                    final = simulate(truck, day, list(state.jobs), self.plants, plant_used, self.dist, self.params,
                                     strict=False)
                    self.overtime.append(key)
                for plant_id, m3 in final.own_use:
                    plant_used[(day, plant_id)] += m3
                self.final[key] = final
                done += 1
                if done % 25 == 0:
                    progress(80 * done / total, f"Ordered {done} of {total} vehicle-days")
        self.dist.use_matrix(None)
        progress(85, "Drawing the routes")
        self.route_edges = self._route_edges()

    def _route_edges(self) -> dict:
        edges = defaultdict(list)
        legs_by_class = defaultdict(dict)
        for key, state in self.final.items():
            klass = state.truck.klass
            pairs = []
            for leg in state.legs:
                a, b = leg.start, leg.end
                if isinstance(a, Job) and isinstance(b, Job):
                    pairs.append((a.snaps[klass].node, b.snaps[klass].node))
                elif isinstance(a, Job) or isinstance(b, Job):
                    facility, job = (b, a) if isinstance(a, Job) else (a, b)
                    if klass in facility.snaps and klass in job.snaps:
                        tree = self.trees[klass][facility.snaps[klass].node]
                        edges[key].extend(self.network.path_from_tree(tree, job.snaps[klass].node))
                elif a is not b and klass in a.snaps and klass in b.snaps:
                    tree = self.trees[klass][a.snaps[klass].node]
                    edges[key].extend(self.network.path_from_tree(tree, b.snaps[klass].node))
            legs_by_class[klass][key] = (pairs, _box(state.jobs))
        for klass, groups in legs_by_class.items():
            for key, found in self.network.leg_paths(klass[0], groups).items():
                edges[key].extend(found)
        return {k: sorted(set(v)) for k, v in edges.items()}

    # 5. results ----------------------------------------------------------------------------------------
    def summary(self) -> dict:
        days = self.final.values()
        planned = [j for s in days for j in s.jobs if j.idx not in self.fixed_other]
        volume = sum(j.volume for j in planned)
        metres = sum(s.metres for s in days)
        truck_days = len(self.final)
        reasons = Counter(reason for _, reason in self.unplanned)
        end = self.request.period_end
        overdue = sum(1 for j in self.jobs if j.idx not in self.packed.assigned
                      and (j.deadline or j.due or dt.date.max) <= end)
        overdue += sum(1 for _, reason in self.unplanned if reason in ("no_location", "no_containment"))
        return {
            "period": [self.request.period_start.isoformat(), end.isoformat()],
            "working_days": len(self.days),
            "vehicles": len(self.trucks),
            "candidates": len(self.jobs) + reasons["no_location"] + reasons["no_containment"],
            "planned": len(planned),
            "by_programme": dict(Counter(j.programme for j in planned)),
            "volume_m3": round(volume, 1),
            "truck_days": truck_days,
            "truck_km": round(metres / 1000, 1),
            "km_per_m3": round(metres / 1000 / volume, 3) if volume else None,
            "m3_per_truck_day": round(volume / truck_days, 2) if truck_days else None,
            "with_estimates": sum(1 for j in planned if j.estimates),
            "unplanned": dict(reasons),
            "overdue_at_end": overdue,
            "days_over_limits": len(self.overtime),
            "straight_line_legs": self.dist.fallbacks,
        }

    def write(self) -> str:
        r, cur = self.request, self.cur
        summary = self.summary()
        parameters = {**asdict(self.params), "regular": r.regular, "on_demand": r.on_demand, "wards": list(r.wards)}
        if self.schedule_id is None:
            cur.execute(
                "INSERT INTO imis_fsm.schedule (code, name, period_start, period_end, parameters, summary) "
                "VALUES (%s, %s, %s, %s, %s, %s) RETURNING id::text",
                (r.schedule_code(), r.name, r.period_start, r.period_end, json.dumps(parameters),
                 json.dumps({**summary, "warnings": self.warnings})))
            self.schedule_id = cur.fetchone()[0]
        else:
            cur.execute("UPDATE imis_fsm.schedule SET period_start = %s, period_end = %s, parameters = %s, "
                        "summary = %s, name = coalesce(%s, name) WHERE id = %s",
                        (r.period_start, r.period_end, json.dumps(parameters),
                         json.dumps({**summary, "warnings": self.warnings}), r.name, self.schedule_id))
            # re-planning: what was only planned is planned afresh; confirmed and declined items stay
            cur.execute("DELETE FROM imis_fsm.schedule_item WHERE schedule_id = %s AND status = 'planned'",
                        (self.schedule_id,))
            cur.execute("DELETE FROM imis_fsm.schedule_route WHERE schedule_id = %s", (self.schedule_id,))
        new_items, moved = [], []
        routes = []
        for (truck_id, day), state in sorted(self.final.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            truck = state.truck
            for order, (job, (trip, loads)) in enumerate(zip(state.jobs, state.visits), start=1):
                if job.idx in self.fixed_other:
                    continue
                if job.idx in self.own_items:
                    moved.append((trip, order, loads, self.own_items[job.idx]))
                    continue
                new_items.append((self.schedule_id, job.containment_id, job.application_id, truck.provider_id,
                                  truck_id, day, trip, order, loads, job.programme, job.due, job.volume,
                                  list(job.estimates), job.idx))
            routes.append((self.schedule_id, truck_id, truck.provider_id, day, len(state.jobs), state.trips,
                           round(state.volume, 3), round(state.metres / 1000, 2), round(state.minutes / 60, 2),
                           self.route_edges.get((truck_id, day), [])))
        if moved:
            execute_values(cur, "UPDATE imis_fsm.schedule_item si SET trip_no = v.trip, stop_order = v.stop, "
                                "loads = v.loads FROM (VALUES %s) v(trip, stop, loads, id) WHERE si.id = v.id::uuid",
                           moved)
        if new_items:
            execute_values(
                cur,
                """INSERT INTO imis_fsm.schedule_item (schedule_id, containment_id, application_id, provider_id,
                       vehicle_id, service_date, trip_no, stop_order, loads, programme, due_date, expected_volume_m3,
                       estimates, geom)
                   SELECT v.s::uuid, v.c::uuid, v.a::uuid, v.p::uuid, v.v::uuid, v.d::date, v.t::smallint,
                          v.o::smallint, v.l::smallint, v.g, v.due::date, v.vol::numeric, v.est::text[], c.geom
                   FROM (VALUES %s) v(s, c, a, p, v, d, t, o, l, g, due, vol, est, idx)
                   JOIN fsm_cand c ON c.idx = v.idx""",
                new_items, page_size=2000)
        if routes:
            execute_values(
                cur,
                f"""INSERT INTO imis_fsm.schedule_route (schedule_id, vehicle_id, provider_id, service_date, stops,
                        trips, volume_m3, distance_km, duration_h, geom)
                    SELECT v.s::uuid, v.v::uuid, v.p::uuid, v.d::date, v.n::smallint, v.t::smallint, v.vol::numeric,
                           v.km::numeric, v.h::numeric,
                           (SELECT ST_Multi(ST_LineMerge(ST_Collect(e.geom))) FROM {EDGE} e
                            WHERE e.id = ANY (v.edges::int[]))
                    FROM (VALUES %s) v(s, v, p, d, n, t, vol, km, h, edges)""",
                routes, page_size=500)
        return self.schedule_id

    def run(self, write: bool = True) -> PlanResult:
        self.progress(0, "Reading what is due, the fleet, the plants and the calendar")
        self.load()
        self.progress(15, f"{len(self.jobs)} containments to plan over {len(self.days)} working days")
        self.build_network()
        self.pack()
        self.route()
        schedule_id = self.write() if write else None
        self.progress(100, "Done")
        return PlanResult(schedule_id, self.request.schedule_code(), self.summary(), self.warnings, self.unplanned)


def _box(jobs) -> tuple[float, float, float, float]:
    xs, ys = [j.x for j in jobs], [j.y for j in jobs]
    margin = max(400.0, 0.25 * max(max(xs) - min(xs), max(ys) - min(ys)))
    return (min(xs) - margin, min(ys) - margin, max(xs) + margin, max(ys) + margin)


def _improve_order(jobs: list, truck: Truck, plants, dist: Distances) -> list:
    """Nearest neighbour from the depot, then 2-opt on the open path (depot, stops, nearest plant)."""
    klass = truck.klass
    if len(jobs) < 3:
        return jobs
    left, order, here = list(jobs), [], truck.depot
    while left:
        nxt = min(left, key=lambda j: (dist.between(klass, here, j), j.idx))
        order.append(nxt)
        left.remove(nxt)
        here = nxt

    def d(a, b):
        return dist.between(klass, a, b)

    improved, rounds = True, 0
    while improved and rounds < 4:
        improved, rounds = False, rounds + 1
        for i in range(len(order) - 1):
            a = truck.depot if i == 0 else order[i - 1]
            for k in range(i + 1, len(order)):
                b, c = order[i], order[k]
                nxt = order[k + 1] if k + 1 < len(order) else None
                before = d(a, b) + (d(c, nxt) if nxt else min(d(c, p) for p in plants))
                after = d(a, c) + (d(b, nxt) if nxt else min(d(b, p) for p in plants))
                if after + 1e-6 < before:
                    order[i:k + 1] = reversed(order[i:k + 1])
                    improved = True
    return order


def plan_schedule(dsn: str, request: PlanRequest, progress: Progress | None = None, write: bool = True) -> PlanResult:
    """Plan (or re-plan) a schedule in one transaction: on any error or cancel nothing is written."""
    with transaction(dsn, ScheduleError) as conn, conn.cursor() as cur:
        result = Planner(cur, request, progress).run(write=write)
        if not write:
            conn.rollback()
        return result


def describe(result: PlanResult) -> str:
    """A few lines for people: what was planned, what was not and why, and the warnings."""
    s = result.summary
    lines = [
        f"Schedule {result.code}: {s['planned']} containments on {s['truck_days']} vehicle-days "
        f"({s['working_days']} working days, {s['vehicles']} vehicles), {s['volume_m3']} m3, {s['truck_km']} truck-km"
        + (f", {s['km_per_m3']} km per m3, {s['m3_per_truck_day']} m3 per truck-day" if s["planned"] else "") + ".",
    ]
    if s["by_programme"]:
        lines.append("By programme: " + ", ".join(f"{k} {v}" for k, v in sorted(s["by_programme"].items())) + ".")
    if s["with_estimates"]:
        lines.append(f"{s['with_estimates']} planned containments rest on estimates (volume, users or dates): "
                     "see the estimates column of the schedule items.")
    for reason, count in sorted(s["unplanned"].items(), key=lambda kv: -kv[1]):
        lines.append(f"Not planned, {count}: {REASONS.get(reason, reason)}.")
    if s["overdue_at_end"]:
        lines.append(f"Overdue at the end of the period: {s['overdue_at_end']} containments.")
    if s["days_over_limits"]:
        lines.append(f"{s['days_over_limits']} vehicle-days exceed a limit on the real road network (or hold "
                     "confirmed jobs beyond it): check them in the routes layer.")
    lines += [f"Warning: {w}" for w in result.warnings]
    return "\n".join(lines)
