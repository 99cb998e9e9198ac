"""Emptying schedule benchmark: IMIS's planner against the rule Base IMIS uses, on a Khulna-size city.

The city: the demo-city generator (``imis_plugin.demo_city``, as ``imis demo-city``) when it is installed,
else the plain synthetic city of bench/planning_city.py (a 100 m road grid, widths 2-8 m, about 45% of
buildings with a containment); ``--grid`` forces the latter. On top of it :func:`fsm_layer` adds what
scheduling needs when the city lacks it: two FSTPs, four service providers serving 16 wards each, 20
vehicles (1-6 m3, 1.2-2.5 m wide, depots), recorded or measured sizes for most containments, sludge-level
surveys, and on-demand applications.

Every plan is measured the same way, on the road network with the planner's own time model (depot ->
containments -> plant runs -> depot, every leg a pgRouting shortest path):

* IMIS: the Plan emptying schedule algorithm;
* anchor (Base IMIS): priority band by years since emptying (1: no usable date or > 3 years, 2: 1-3
  years, 3: < 1 year), then straight-line distance to the nearest plant; a fixed 20 trips a day for the
  city; no routing, no capacity: each trip empties one containment (in as many loads as it takes) and
  unloads at once, the day's trips dealt to the vehicles in turn;
* the anchor's order with the whole fleet working full, feasible days (one containment per trip);
* the anchor's execution of exactly the containments IMIS planned, for as many days as it takes (equal
  work, so truck-km per m3 compare like for like).

    .venv/bin/python bench/scheduling.py DSN [--buildings 156000] [--seed 0.5] [--months 3] [--keep] [--grid]

DSN names an empty database (PostGIS + pgRouting) or, with --keep, one set up by an earlier run.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from imis_plugin.db.connect import connect, transaction  # noqa: E402
from imis_plugin.fsm.packing import DayState  # noqa: E402
from imis_plugin.fsm.progress import Progress  # noqa: E402
from imis_plugin.fsm.scheduler import Planner, PlanRequest  # noqa: E402

ANCHOR_TRIPS_PER_DAY = 20


def make_city(dsn: str, buildings: int, seed: float, grid: bool = False) -> str:
    """The city: the demo-city generator when it is installed, else the planning benchmark's grid city."""
    from imis_plugin.db.migrate import upgrade

    upgrade(dsn, srid=32645)
    try:
        from imis_plugin.demo_city import generate
    except ImportError:
        generate = None
    if grid:
        generate = None
    if generate is not None:
        try:
            generate(dsn, buildings=buildings, seed=int(seed * 1000))
            return "imis_plugin.demo_city"
        except Exception as error:  # noqa: BLE001 - the generator may be unfinished; say so and go on
            print(f"demo city not generated ({error}); using the grid city", file=sys.stderr)
    from imis_plugin.plain_city import make_city as grid_city

    grid_city(dsn, buildings, seed)
    return "imis_plugin.plain_city grid"


def fsm_layer(dsn: str, seed: float) -> None:
    """Plants, providers, wards, fleet, sizes, surveys and applications, where the city has none."""
    with transaction(dsn) as conn, conn.cursor() as cur:
        cur.execute("SET LOCAL session_replication_role = replica")  # no audit of generated rows
        cur.execute("SELECT setseed(%s)", (seed,))
        cur.execute("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e), (SELECT srid FROM imis_core.city) "
                    "FROM (SELECT ST_Extent(geom) e FROM imis_core.road) x")
        x0, y0, x1, y1, srid = cur.fetchone()
        p = {"x0": x0, "y0": y0, "x1": x1, "y1": y1, "w": x1 - x0, "h": y1 - y0, "srid": srid}
        cur.execute("SELECT count(*) FROM imis_core.treatment_plant p JOIN imis_code.treatment_plant_type t "
                    "ON t.value = p.plant_type WHERE t.treats_sludge")
        if cur.fetchone()[0] == 0:
            cur.execute("""
                INSERT INTO imis_core.treatment_plant (code, name, plant_type, capacity_m3_per_day, geom) VALUES
                ('FSTP-N', 'North FSTP', 'fstp', 150, ST_SetSRID(ST_Point(%(x0)s + 0.3 * %(w)s, %(y1)s + 150), %(srid)s)),
                ('FSTP-S', 'South FSTP', 'fstp', 150, ST_SetSRID(ST_Point(%(x0)s + 0.7 * %(w)s, %(y0)s - 150), %(srid)s))""",
                        p)
            # each plant reached by a wide access road from the grid
            cur.execute("""
                INSERT INTO imis_core.road (code, width_m, geom)
                SELECT 'ACCESS-' || code, 8, ST_Multi(ST_MakeLine(geom, ST_SetSRID(ST_Point(ST_X(geom),
                       CASE WHEN ST_Y(geom) > %(y1)s THEN %(y1)s ELSE %(y0)s END), %(srid)s)))
                FROM imis_core.treatment_plant""", p)
            # the access road meets the grid at a vertex: split the grid road it lands on
            cur.execute("""
                WITH hit AS (SELECT r.id, ST_EndPoint(ST_GeometryN(a.geom, 1)) AS pt FROM imis_core.road a
                             JOIN imis_core.road r ON r.code NOT LIKE 'ACCESS-%%'
                              AND ST_DWithin(r.geom, ST_EndPoint(ST_GeometryN(a.geom, 1)), 0.01)
                             WHERE a.code LIKE 'ACCESS-%%')
                UPDATE imis_core.road r SET geom = ST_Multi(ST_MakeLine(ARRAY[ST_StartPoint(ST_GeometryN(r.geom, 1)),
                    hit.pt, ST_EndPoint(ST_GeometryN(r.geom, 1))]))
                FROM hit WHERE r.id = hit.id""")
        cur.execute("SELECT count(*) FROM imis_fsm.service_provider")
        if cur.fetchone()[0] == 0:
            cur.execute("""
                INSERT INTO imis_fsm.service_provider (code, name)
                SELECT 'SP-' || q, 'Provider ' || q FROM generate_series(1, 4) q;
                -- provider q serves the wards of quadrant q
                INSERT INTO imis_fsm.provider_ward (provider_id, ward_id)
                SELECT sp.id, w.id FROM imis_core.ward w
                JOIN imis_fsm.service_provider sp ON sp.code = 'SP-' || (1 + (ST_X(ST_Centroid(w.geom)) > %(x0)s + %(w)s / 2)::int
                                                                     + 2 * (ST_Y(ST_Centroid(w.geom)) > %(y0)s + %(h)s / 2)::int);
                INSERT INTO imis_fsm.vehicle (provider_id, registration, vehicle_type, capacity_m3, width_m,
                                              trips_per_day, hose_length_m, depot)
                SELECT sp.id, sp.code || '-V' || v.n, v.kind, v.cap, v.width, v.trips, v.hose,
                       ST_SetSRID(ST_Point(%(x0)s + %(w)s * (0.25 + 0.5 * ((q - 1) %% 2)) + 37,
                                           %(y0)s + %(h)s * (0.25 + 0.5 * ((q - 1) / 2)) + 41), %(srid)s)
                FROM (SELECT id, code, substr(code, 4)::int AS q FROM imis_fsm.service_provider) sp
                CROSS JOIN (VALUES (1, 'vacutug', 1.0, 1.2, 6, 20), (2, 'vacutug', 2.0, 1.5, 6, 25),
                                   (3, 'vacutug', 2.0, 1.5, 6, 25), (4, 'vacuum_truck', 3.0, 2.0, 5, 30),
                                   (5, 'vacuum_truck', 6.0, 2.5, 4, 40)) v(n, kind, cap, width, trips, hose)""", p)
        cur.execute("SELECT count(*) FILTER (WHERE volume_m3 IS NOT NULL OR length_m IS NOT NULL) FROM imis_core.containment")
        if cur.fetchone()[0] == 0:
            cur.execute("""
                UPDATE imis_core.containment c SET volume_m3 = CASE WHEN t.container IN ('septic_tank', 'holding_tank')
                    THEN round((2 + random() * 6)::numeric, 1) ELSE round((0.8 + random() * 2)::numeric, 1) END
                FROM imis_code.containment_type t WHERE t.value = c.containment_type AND random() < 0.6;
                UPDATE imis_core.containment SET length_m = 2.0, width_m = 1.2, depth_m = 1.5
                WHERE volume_m3 IS NULL AND random() < 0.5;
                INSERT INTO imis_fsm.containment_survey (containment_id, survey_date, user_count, sludge_fill_pct)
                SELECT id, DATE '2026-06-01' + floor(random() * 150)::int, NULL, round((10 + random() * 80)::numeric, 0)
                FROM imis_core.containment WHERE random() < 0.03;""")
        cur.execute("SELECT count(*) FROM imis_fsm.application")
        if cur.fetchone()[0] == 0:
            cur.execute("""
                INSERT INTO imis_fsm.application (code, building_id, containment_id, application_date, is_emergency)
                SELECT 'APP-' || row_number() OVER (), bc.building_id, bc.containment_id,
                       DATE '2026-11-23' - floor(random() * 10)::int, random() < 0.05
                FROM imis_core.building_containment bc WHERE random() < 0.005""")
    conn = connect(dsn)
    conn.autocommit = True
    try:
        conn.cursor().execute("VACUUM ANALYZE")
    finally:
        conn.close()


# --- measuring -----------------------------------------------------------------------------------------


def measure(days: dict, volume_of=None) -> dict:
    """truck-km, m3, truck-days from closed vehicle-days {(truck, day): DayState}."""
    metres = sum(s.metres for s in days.values())
    volume = sum(s.volume for s in days.values())
    over = sum(1 for s in days.values() if s.over_limits)
    return {"truck_km": metres / 1000, "m3": volume, "truck_days": len(days),
            "km_per_m3": metres / 1000 / volume if volume else float("nan"),
            "m3_per_truck_day": volume / len(days) if days else float("nan"), "days_over_limits": over,
            "containments": sum(len(s.jobs) for s in days.values())}


def overdue_at_end(jobs, served: set, end: dt.date) -> int:
    return sum(1 for j in jobs if j.idx not in served and (j.deadline or j.due or dt.date.max) <= end)


def anchor_queue(planner: Planner) -> list:
    """Base IMIS's order: priority band by years since emptying, then straight-line distance to a plant."""
    jobs = [j for j in planner.jobs if j.fixed is None and j.snaps]
    return sorted(jobs, key=lambda j: (j.anchor_band, j.plant_m, j.idx))


def _able(planner, job):
    allowed = planner.providers_of_ward(job.ward_id)
    return [t for t in planner.trucks if t.klass in job.snaps and (allowed is None or t.provider_id in allowed)]


def _one_per_trip(state, job):
    """No capacity sharing: empty the containment (in as many loads as it takes) and unload at once."""
    state = state.add(job)
    return None if state is None else state.unload_now()


def anchor_fixed_trips(planner: Planner, trips_per_day: int) -> tuple[dict, set]:
    """The rule as Base IMIS applies it: a fixed number of trips a day for the city, dealt to the vehicles
    in turn; the days are measured as driven, even when they run over the working day."""
    queue = anchor_queue(planner)
    queue.reverse()
    days, served, turn = {}, set(), defaultdict(int)
    for day in planner.days:
        by_truck = defaultdict(list)
        for job in [queue.pop() for _ in range(min(trips_per_day, len(queue)))]:
            able = _able(planner, job)
            if able:
                key = tuple(t.id for t in able)
                by_truck[able[turn[key] % len(able)]].append(job)
                turn[key] += 1
        for truck, stops in by_truck.items():
            state = DayState.start(truck, day, planner.plants, {}, planner.dist, planner.params, strict=False)
            for job in stops:
                state = _one_per_trip(state, job)
            days[(truck.id, day)] = state.close()
            served.update(j.idx for j in stops)
    return days, served


def anchor_full_days(planner: Planner, only: set | None = None) -> tuple[dict, set]:
    """The same order with the whole fleet working full, feasible days: each vehicle takes the next
    containments it may serve, one per trip, while its day (time, trips, plant room) allows. With `only`:
    just those containments, for as many working days as they take (the period may not be enough)."""
    queue = [j for j in anchor_queue(planner) if only is None or j.idx in only]
    days, served = {}, set()
    plant_used = defaultdict(float)
    calendar = list(planner.days)
    if only is not None:  # go on after the period until all are served
        extra = calendar[-1]
        while len(calendar) < 10 * len(planner.days):
            extra += dt.timedelta(days=1)
            calendar.append(extra)
    for day in calendar:
        if only is not None and not queue:
            break
        for truck in planner.trucks:
            state = DayState.start(truck, day, planner.plants, plant_used, planner.dist, planner.params)
            misses = 0
            for job in queue:
                if job.idx in served or truck not in _able(planner, job):
                    continue
                nxt = _one_per_trip(state, job)
                if nxt is not None and nxt.close() is not None:
                    state = nxt
                    served.add(job.idx)
                else:
                    misses += 1
                    if misses >= 3:
                        break
            closed = state.close()
            if closed is not None and closed.jobs:
                days[(truck.id, day)] = closed
                for plant_id, m3 in closed.own_use:
                    plant_used[(day, plant_id)] += m3
        queue = [j for j in queue if j.idx not in served]
    return days, served


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dsn")
    parser.add_argument("--buildings", type=int, default=156_000)
    parser.add_argument("--seed", type=float, default=0.5)
    parser.add_argument("--months", type=int, default=3)
    parser.add_argument("--start", default="2026-12-01")
    parser.add_argument("--keep", action="store_true", help="the database holds a city from an earlier run")
    parser.add_argument("--grid", action="store_true", help="the plain grid city even when demo_city is there")
    args = parser.parse_args()
    if not args.keep:
        t0 = time.perf_counter()
        source = make_city(args.dsn, args.buildings, args.seed, args.grid)
        fsm_layer(args.dsn, args.seed)
        print(f"city ({source}) and FSM layer: {time.perf_counter() - t0:.1f} s")
    start = dt.date.fromisoformat(args.start)
    month = start.month - 1 + args.months
    end = dt.date(start.year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    request = PlanRequest(start, end, code=f"BENCH-{time.time():.0f}")

    with connect(args.dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM imis_core.building")
        n_buildings = cur.fetchone()[0]
        cur.execute("SELECT count(*) FROM imis_core.containment")
        n_containments = cur.fetchone()[0]
        cur.execute("SELECT count(*) FROM imis_fsm.vehicle")
        n_vehicles = cur.fetchone()[0]
        t0 = time.perf_counter()
        planner = Planner(cur, request, Progress(_bar))
        result = planner.run(write=True)
        seconds = time.perf_counter() - t0
        sys.stderr.write("\n")
        conn.rollback()  # the benchmark keeps nothing
    ours = measure(planner.final)
    served = set(planner.packed.assigned)
    pool = [j for j in planner.jobs if j.fixed is None]
    ours["overdue_at_end"] = overdue_at_end(pool, served, end)

    # anchor bands: years since the last emptying, as Base IMIS computes them
    with connect(args.dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT id::text, last_emptied_date FROM imis_core.containment")
        last = dict(cur.fetchall())
    for job in pool:
        emptied = last.get(job.containment_id)
        years = (planner.first_day - emptied).days / 365.25 if emptied else None
        job.anchor_band = 1 if years is None or years > 3 else 2 if years >= 1 else 3
    planner.dist.use_matrix(None)
    rows = [("IMIS plan", ours, seconds)]
    for label, run in ((f"anchor: Base IMIS rule, {ANCHOR_TRIPS_PER_DAY} trips a day",
                        lambda: anchor_fixed_trips(planner, ANCHOR_TRIPS_PER_DAY)),
                       ("anchor order, whole fleet, full feasible days", lambda: anchor_full_days(planner)),
                       ("anchor execution of the containments IMIS planned (days as needed)",
                        lambda: anchor_full_days(planner, served))):
        t1 = time.perf_counter()
        days, served_a = run()
        m = measure(days)
        m["overdue_at_end"] = overdue_at_end(pool, served_a, end)
        rows.append((label, m, time.perf_counter() - t1))

    print(f"\ncity: {n_buildings} buildings, {n_containments} containments, {n_vehicles} vehicles; "
          f"period {start} to {end} ({len(planner.days)} working days); {len(pool)} containments due or applied for")
    print("| plan | containments | m3 | truck-days | truck-km | truck-km per m3 | m3 per truck-day | "
          "days over limits | overdue at end | s |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for label, m, s in rows:
        print(f"| {label} | {m['containments']} | {m['m3']:.0f} | {m['truck_days']} | {m['truck_km']:.0f} | "
              f"{m['km_per_m3']:.3f} | {m['m3_per_truck_day']:.2f} | {m['days_over_limits']} | "
              f"{m['overdue_at_end']} | {s:.1f} |")
    for anchor_label, m, _ in rows[1:]:
        print(f"truck-km per m3 vs {anchor_label}: {100 * (1 - ours['km_per_m3'] / m['km_per_m3']):.0f}% fewer")
    print(f"planning time (3 months, incl. writing, rolled back): {seconds:.1f} s")
    print(f"summary: {result.summary}")


def _bar(pct, message):
    filled = int(pct / 5)
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (20 - filled)}] {pct:5.1f}% {message[:60]:<60}")
    sys.stderr.flush()


if __name__ == "__main__":
    main()
