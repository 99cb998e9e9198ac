"""Packing containments into vehicle-days (pure Python; the distances come from the network module).

A vehicle-day starts at the depot, visits containments, runs to a treatment plant whenever the tank is
full (and at the end of the day: sludge never stays in the truck overnight), and returns to the depot. A
containment holding more than the tank is emptied in several loads, with plant runs in between. A day is
feasible when its plant runs do not exceed the vehicle's trips per day, its time fits the working day and
every plant it unloads at has room left that day.

The heuristic, day by day and vehicle by vehicle: emergencies and on-demand jobs whose response target is
near come first (nearest first); otherwise a day starts at the most urgent containment the vehicle may
serve (earliest due date) and grows by the nearest ones, a containment that is not yet due counting as
farther away (so clusters form around what is due, without emptying tanks years early).
"""
from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field


EPS = 1e-6
PROGRAMME_RANK = {"emergency": 0, "on_demand": 1, "regular": 2}


@dataclass
class Params:
    speed_kmh: float = 15.0
    working_hours: float = 8.0
    setup_minutes: float = 30.0  # arriving, laying the hose, opening the tank
    pump_minutes_per_m3: float = 5.0
    unload_minutes: float = 20.0
    default_trips: int = 4
    default_hose_m: float = 30.0
    circuity: float = 1.3  # network metres per straight metre, for planning before the exact routing
    urgent_days: int = 2  # on-demand jobs due within this many days are served first
    early_penalty_m_per_day: float = 15.0  # a containment due in 60 days counts as 900 m farther
    seed_choices: int = 12  # a day starts at one of this many most urgent containments

    def minutes(self, metres: float) -> float:
        return metres / (self.speed_kmh * 1000.0 / 60.0)


@dataclass(eq=False)
class Job:
    idx: int
    containment_id: str
    code: str
    programme: str
    volume: float
    x: float
    y: float
    due: dt.date | None = None
    deadline: dt.date | None = None
    earliest: dt.date | None = None
    application_id: str | None = None
    ward_id: str | None = None
    provider_id: str | None = None  # an application's own provider
    estimates: tuple = ()
    snaps: dict = field(default_factory=dict)  # vehicle class -> Snap (only classes that reach it)
    fixed: tuple | None = None  # (vehicle id, day) of a confirmed item
    item_id: str | None = None  # the confirmed item, when fixed
    band: int = 0  # regular programme: 2 a year or more overdue, 3 overdue (or no usable date), 4 due later
    plant_m: float = 0.0  # straight metres to the nearest plant

    @property
    def rank(self) -> int:
        return PROGRAMME_RANK[self.programme]

    @property
    def key(self) -> tuple:
        """Urgency order: emergencies, then on-demand jobs by response deadline, then the regular
        programme by band and, within a band, the cheapest first (nearest to a plant)."""
        if self.programme == "regular":
            return (self.rank, self.band, self.plant_m, self.code)
        when = self.deadline or self.due or dt.date.max
        return (self.rank, 0, float(when.toordinal()), self.code)


@dataclass(eq=False)
class Facility:
    """A treatment plant or a depot, tied to the network per vehicle class."""

    id: str
    code: str
    x: float
    y: float
    capacity_day: float = math.inf
    snaps: dict = field(default_factory=dict)  # vehicle class -> Snap


@dataclass(eq=False)
class Truck:
    id: str
    registration: str
    provider_id: str
    capacity: float
    width: float
    trips: int
    hose: float
    depot: Facility
    notes: list = field(default_factory=list)

    @property
    def klass(self) -> tuple[float, float]:
        return (self.width, self.hose)


class Distances:
    """Metres between positions. Facility legs are exact (shortest-path trees from every plant and depot);
    containment-to-containment legs are straight lines times the circuity until :meth:`use_matrix` gives
    the network figures of one vehicle-day."""

    def __init__(self, trees: dict, params: Params):
        self.trees = trees  # vehicle class -> {start node: ({node: metres}, pred)}
        self.params = params
        self.matrix: dict | None = None
        self.fallbacks = 0

    def use_matrix(self, matrix: dict | None) -> None:
        self.matrix = matrix

    @staticmethod
    def _straight(a, b) -> float:
        return math.hypot(a.x - b.x, a.y - b.y)

    def facility_to_job(self, klass, f: Facility, job: Job) -> float:
        fs, js = f.snaps.get(klass), job.snaps.get(klass)
        if fs is None or js is None:
            return math.inf
        reached = self.trees[klass][fs.node][0].get(js.node)
        if reached is None:
            return math.inf
        return fs.access + fs.along + reached + js.along

    def facility_to_facility(self, klass, a: Facility, b: Facility) -> float:
        if a is b:
            return 0.0
        sa, sb = a.snaps.get(klass), b.snaps.get(klass)
        if sa is None or sb is None:
            return math.inf
        reached = self.trees[klass][sa.node][0].get(sb.node)
        return math.inf if reached is None else sa.access + sa.along + reached + sb.along + sb.access

    def job_to_job(self, klass, a: Job, b: Job) -> float:
        if a is b:
            return 0.0
        if self.matrix is not None:
            na, nb = a.snaps[klass].node, b.snaps[klass].node
            if na == nb:
                return abs(a.snaps[klass].along - b.snaps[klass].along)
            metres = self.matrix.get((na, nb))
            if metres is not None:
                return metres + a.snaps[klass].along + b.snaps[klass].along
            self.fallbacks += 1
        return self._straight(a, b) * self.params.circuity

    def between(self, klass, a, b) -> float:
        if isinstance(a, Job) and isinstance(b, Job):
            return self.job_to_job(klass, a, b)
        if isinstance(a, Job):
            return self.facility_to_job(klass, b, a)
        if isinstance(b, Job):
            return self.facility_to_job(klass, a, b)
        return self.facility_to_facility(klass, a, b)


@dataclass
class Leg:
    start: object  # Job or Facility
    end: object
    metres: float


@dataclass
class DayState:
    """A vehicle-day under construction; :meth:`add` returns a new state (None when it cannot be done)."""

    truck: Truck
    day: dt.date
    plants: list
    plant_used: dict  # (day, plant id) -> m3 already planned by other vehicles
    dist: Distances
    params: Params
    pos: object = None
    minutes: float = 0.0
    metres: float = 0.0
    load: float = 0.0
    trips: int = 0
    volume: float = 0.0
    jobs: tuple = ()
    visits: tuple = ()  # per job: (first trip number, loads)
    own_use: tuple = ()  # (plant id, m3) unloaded by this vehicle today
    legs: tuple | None = None  # kept only when asked (the final plan)
    strict: bool = True  # False: confirmed jobs kept beyond the limits (time, trips, plant room)

    @classmethod
    def start(cls, truck, day, plants, plant_used, dist, params, keep_legs=False, strict=True):
        return cls(truck, day, plants, plant_used, dist, params, pos=truck.depot, legs=() if keep_legs else None,
                   strict=strict)

    def _next(self, **changes) -> DayState:
        return DayState(**{**self.__dict__, **changes})

    def _room(self, plant: Facility, extra: tuple) -> float:
        if not self.strict:
            return math.inf
        used = self.plant_used.get((self.day, plant.id), 0.0)
        used += sum(v for p, v in self.own_use + extra if p == plant.id)
        return plant.capacity_day - used

    def _plant_for(self, pos, load, extra) -> tuple[Facility | None, float]:
        best, best_m = None, math.inf
        for plant in self.plants:
            if self._room(plant, extra) + EPS < load:
                continue
            metres = self.dist.between(self.truck.klass, pos, plant)
            if metres < best_m:
                best, best_m = plant, metres
        return best, best_m

    def add(self, job: Job) -> DayState | None:
        p, klass, cap = self.params, self.truck.klass, self.truck.capacity
        pos, minutes, metres, load, trips = self.pos, self.minutes, self.metres, self.load, self.trips
        extra: tuple = ()
        legs = [] if self.legs is not None else None

        def go(a, b):
            nonlocal minutes, metres
            m = self.dist.between(klass, a, b)
            if legs is not None:
                legs.append(Leg(a, b, m))
            metres += m
            minutes += p.minutes(m)
            return m

        def unload(at):
            nonlocal load, trips, extra, minutes, pos
            plant, m = self._plant_for(at, load, extra)
            if plant is None or math.isinf(m):
                return False
            go(at, plant)
            minutes += p.unload_minutes
            extra += ((plant.id, load),)
            trips += 1
            load = 0.0
            pos = plant
            return True

        if load >= cap - EPS and not unload(pos):
            return None
        if math.isinf(go(pos, job)):
            return None
        minutes += p.setup_minutes
        first_trip = trips + 1
        remaining = job.volume
        while True:
            take = min(cap - load, remaining)
            minutes += take * p.pump_minutes_per_m3
            load += take
            remaining -= take
            if remaining <= EPS:
                break
            if not unload(job):
                return None
            go(pos, job)
        if self.strict and trips + 1 > self.truck.trips:  # the load in the tank needs one more plant run
            return None
        return self._next(pos=job, minutes=minutes, metres=metres, load=load, trips=trips,
                          volume=self.volume + job.volume, jobs=self.jobs + (job,),
                          visits=self.visits + ((first_trip, trips + 2 - first_trip),), own_use=self.own_use + extra,
                          legs=None if legs is None else self.legs + tuple(legs))

    def unload_now(self) -> DayState | None:
        """Drive the current load to the nearest plant with room (no-op with an empty tank)."""
        if self.load <= EPS:
            return self
        plant, metres = self._plant_for(self.pos, self.load, ())
        if plant is None or math.isinf(metres):
            return None
        legs = None if self.legs is None else self.legs + (Leg(self.pos, plant, metres),)
        return self._next(pos=plant, load=0.0, trips=self.trips + 1, metres=self.metres + metres, legs=legs,
                          minutes=self.minutes + self.params.minutes(metres) + self.params.unload_minutes,
                          own_use=self.own_use + ((plant.id, self.load),))

    def close(self) -> DayState | None:
        """The day ended: the last load to a plant, back to the depot. None if that breaks a limit."""
        p, klass = self.params, self.truck.klass
        minutes, metres, trips, legs, own_use = self.minutes, self.metres, self.trips, [], self.own_use
        pos = self.pos
        if self.load > EPS:
            plant, m = self._plant_for(pos, self.load, ())
            if plant is None or math.isinf(m):
                return None
            legs.append(Leg(pos, plant, m))
            metres += m
            minutes += p.minutes(m) + p.unload_minutes
            trips += 1
            own_use = own_use + ((plant.id, self.load),)
            pos = plant
        back = self.dist.between(klass, pos, self.truck.depot)
        if math.isinf(back):
            return None
        legs.append(Leg(pos, self.truck.depot, back))
        metres += back
        minutes += p.minutes(back)
        if self.strict and (trips > self.truck.trips or minutes > p.working_hours * 60 + EPS):
            return None
        return self._next(pos=self.truck.depot, minutes=minutes, metres=metres, load=0.0, trips=trips,
                          own_use=own_use, legs=None if self.legs is None else self.legs + tuple(legs))

    @property
    def over_limits(self) -> bool:
        """A closed day that breaks a limit (only days holding confirmed jobs may)."""
        return self.trips > self.truck.trips or self.minutes > self.params.working_hours * 60 + EPS


def simulate(truck, day, jobs: Iterable[Job], plants, plant_used, dist, params, keep_legs=True,
             strict=True) -> DayState | None:
    """The closed day for these jobs in this order; None if it breaks a limit (``strict=False``: keep it
    anyway, for confirmed jobs that must stay where they are)."""
    state = DayState.start(truck, day, plants, plant_used, dist, params, keep_legs, strict)
    for job in jobs:
        state = state.add(job)
        if state is None:
            return None
    return state.close()


class Grid:
    """Unassigned jobs in square cells, for nearest-neighbour search by rings."""

    def __init__(self, jobs: Iterable[Job], cell: float = 250.0):
        self.cell = cell
        self.cells: dict[tuple[int, int], set] = defaultdict(set)
        self.where: dict[int, tuple[int, int]] = {}
        for job in jobs:
            c = (int(job.x // cell), int(job.y // cell))
            self.cells[c].add(job)
            self.where[job.idx] = c
        xs = [c[0] for c in self.cells] or [0]
        ys = [c[1] for c in self.cells] or [0]
        self.span = max(max(xs) - min(xs), max(ys) - min(ys)) + 1

    def remove(self, job: Job) -> None:
        c = self.where.pop(job.idx, None)
        if c is not None:
            self.cells[c].discard(job)

    def nearest(self, x: float, y: float, score: Callable[[Job, float], float | None], want: int = 5) -> list[Job]:
        """The `want` jobs of lowest score (score >= straight distance; None = not eligible)."""
        cx, cy = int(x // self.cell), int(y // self.cell)
        found: list[tuple[float, int, Job]] = []
        for ring in range(self.span + 1):
            if len(found) >= want and (ring - 1) * self.cell > found[want - 1][0]:
                break
            for i in range(cx - ring, cx + ring + 1):
                for j in (cy - ring, cy + ring) if ring else (cy,):
                    self._scan((i, j), x, y, score, found)
            for j in range(cy - ring + 1, cy + ring):
                if ring:
                    self._scan((cx - ring, j), x, y, score, found)
                    self._scan((cx + ring, j), x, y, score, found)
            found.sort(key=lambda t: (t[0], t[1]))
        return [job for _, _, job in found[:want]]

    def _scan(self, cell, x, y, score, found):
        for job in self.cells.get(cell, ()):
            s = score(job, math.hypot(job.x - x, job.y - y))
            if s is not None:
                found.append((s, job.idx, job))


@dataclass
class Packed:
    days: dict  # (truck id, day) -> DayState (closed, planning distances)
    assigned: dict  # job idx -> (truck id, day)
    plant_used: dict


def pack(jobs: list[Job], trucks: list[Truck], days: list[dt.date], plants: list[Facility], dist: Distances,
         params: Params, providers_of_ward: Callable[[str | None], set | None], progress=None) -> Packed:
    """Assign jobs to vehicle-days (see the module's doc). Confirmed jobs (``job.fixed``) stay on their
    vehicle and day; the rest is planned around them."""
    plant_used: dict = defaultdict(float)
    assigned: dict = {}
    open_jobs = [j for j in jobs if j.fixed is None]
    grid = Grid(open_jobs)
    fixed: dict = defaultdict(list)
    for job in jobs:
        if job.fixed is not None:
            fixed[job.fixed].append(job)

    # which vehicles may take each job: its provider (or its ward's), a road wide enough within hose reach,
    # and no more loads than the vehicle's trips a day
    able: dict[int, frozenset] = {}
    for job in jobs:
        allowed = {job.provider_id} if job.provider_id is not None else providers_of_ward(job.ward_id)
        able[job.idx] = frozenset(
            t.id for t in trucks
            if (allowed is None or t.provider_id in allowed) and t.klass in job.snaps
            and math.ceil(job.volume / t.capacity - EPS) <= t.trips)

    def serves(truck: Truck, job: Job) -> bool:
        return truck.id in able[job.idx]

    # the most urgent first: one sorted list per provider and vehicle class, walked with a cursor
    seeds: dict = {}

    def seed_list(truck):
        key = (truck.provider_id, truck.klass, truck.capacity, truck.trips)
        if key not in seeds:
            seeds[key] = [sorted((j for j in open_jobs if serves(truck, j)), key=lambda j: j.key), 0]
        return seeds[key]

    urgent_pool = sorted((j for j in open_jobs if j.programme != "regular"), key=lambda j: j.key)
    days_done = 0
    result_days = {}
    # small vehicles choose first: they take what lies near the plants, where their many short plant runs
    # cost least; big tanks travel for the far containments
    order = sorted(trucks, key=lambda t: (t.capacity * t.trips, t.registration))
    for day in days:
        for truck in order:
            state = DayState.start(truck, day, plants, plant_used, dist, params)
            for job in fixed.get((truck.id, day), ()):
                # confirmed beyond today's limits: kept anyway (reported), and nothing more is added
                nxt = state.add(job) or state._next(strict=False).add(job)
                if nxt is None:  # no longer reachable by this vehicle: the caller reports it
                    continue
                state = nxt
                assigned[job.idx] = (truck.id, day)
            while True:
                mode, choice = _choices(state, truck, day, urgent_pool, seed_list(truck), grid, assigned, serves,
                                        params)
                best = None
                closing = None
                for job in choice if state.strict else ():
                    nxt = state.add(job)
                    closed = None if nxt is None else nxt.close()
                    if closed is None:
                        continue
                    if mode != "near":  # urgent and seed lists come in order: the first that fits
                        best = (0.0, job, nxt)
                        break
                    # among the nearest, the one that adds the fewest metres per m3 to the whole day (the way
                    # back to a plant and the depot included; a not yet due tank counts as farther away)
                    if closing is None:
                        closing = state.close()
                    when = job.deadline or job.due
                    early = max(0, (when - day).days) if when else 0
                    added = closed.metres - (closing.metres if closing is not None else state.metres)
                    cost = (added + params.early_penalty_m_per_day * early) / job.volume
                    if best is None or cost < best[0]:
                        best = (cost, job, nxt)
                if best is None:
                    break
                _, job, state = best
                assigned[job.idx] = (truck.id, day)
                grid.remove(job)
            closed = state.close() or state._next(strict=False).close()
            if closed.jobs:
                result_days[(truck.id, day)] = closed
                for plant_id, m3 in closed.own_use:
                    plant_used[(day, plant_id)] += m3
        days_done += 1
        if progress is not None:
            progress(100.0 * days_done / len(days), f"{day.isoformat()}: {len(assigned)} containments planned")
    return Packed(result_days, assigned, dict(plant_used))


def _choices(state, truck, day, urgent_pool, seed, grid, assigned, serves, params) -> tuple[str, list[Job]]:
    """What to try next, and how to choose among it: ("urgent" | "seed", in order) or ("near", by cost)."""
    def open_for(job):
        return job.idx not in assigned and (job.earliest is None or job.earliest <= day)

    # 1. emergencies, then on-demand jobs near their response target: the nearest first
    horizon = day + dt.timedelta(days=params.urgent_days)
    urgent = [j for j in urgent_pool if open_for(j) and (j.programme == "emergency" or (j.deadline or day) <= horizon)
              and serves(truck, j)]
    if urgent:
        best_rank = min(j.rank for j in urgent)
        here = state.pos
        urgent = [j for j in urgent if j.rank == best_rank]
        urgent.sort(key=lambda j: (math.hypot(j.x - here.x, j.y - here.y), j.key))
        return "urgent", urgent[:5]
    # 2. an empty day starts at the most urgent containment this vehicle may serve
    if not state.jobs:
        jobs, cursor = seed
        while cursor < len(jobs) and jobs[cursor].idx in assigned:
            cursor += 1
        seed[1] = cursor
        picked = []
        for job in jobs[cursor:]:
            if open_for(job):
                if picked and job.key[:2] != picked[0].key[:2]:
                    break  # never a less urgent band
                picked.append(job)
                if len(picked) == params.seed_choices:
                    break
        # among the most urgent few, the one on the way from the depot to a plant
        depot = truck.depot
        picked.sort(key=lambda j: (math.hypot(j.x - depot.x, j.y - depot.y) + j.plant_m, j.key))
        return "seed", picked[:3]
    # 3. the nearest, a containment not yet due counting as farther away
    here = state.pos

    def score(job, straight):
        if not serves(truck, job) or not open_for(job):
            return None
        when = job.deadline or job.due
        early = max(0, (when - day).days) if when else 0
        return straight + params.early_penalty_m_per_day * early

    return "near", grid.nearest(here.x, here.y, score, want=6)
