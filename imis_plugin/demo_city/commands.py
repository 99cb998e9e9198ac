"""`imis demo-city` and the demo city of `imis demo` (registered by imis_plugin.cli)."""
from __future__ import annotations

import datetime as dt
import signal
import sys
import threading

from .plan import DEMO_BUILDINGS, DEMO_CODE, DEMO_NAME, DEMO_NAME_BN, DEMO_SEED, MAX_BUILDINGS, MIN_BUILDINGS


def add_parsers(sub, target_options) -> None:
    p = sub.add_parser(
        "demo-city",
        help="generate a synthetic demo city (buildings, networks, sanitation, FSM history, revenue)",
        description="Generate a deterministic, plausible city into an IMIS database at head: wards, roads, drains, "
                    "sewers, water bodies, low-income communities, buildings, holdings, owners, containments, "
                    "toilets, plants, service providers, three years of FSM history, and revenue records "
                    "(holding-tax rates, assessments, bill runs and payments; water connections, readings, "
                    "bills and payments; solid-waste routes, customers and fees). The same seed and size "
                    "give the same data. One transaction: nothing is written unless all of it is.")
    target_options(p)
    p.add_argument("--buildings", type=int, default=DEMO_BUILDINGS, metavar="N",
                   help=f"number of buildings, {MIN_BUILDINGS:,} to {MAX_BUILDINGS:,} (default {DEMO_BUILDINGS:,}, "
                        "Jhenaidah; Khulna has 156,000)")
    p.add_argument("--seed", type=int, default=DEMO_SEED, metavar="S", help=f"random seed (default {DEMO_SEED})")
    p.add_argument("--replace", action="store_true",
                   help="delete the city data already in the database first (default: refuse to touch it)")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", type=dt.date.fromisoformat,
                   help="last day of the FSM and revenue history (default: today)")
    p.add_argument("--name", help="city name (default: 'Jhenaidah (demo)' for the demo size and seed, else 'Demo City')")
    p.add_argument("--no-revenue", dest="revenue", action="store_false",
                   help="leave out the revenue records (to start the revenue module from scratch)")
    p.set_defaults(func=cmd_demo_city)


def _interruptible():
    """A `cancelled()` callback that turns true on Ctrl-C (the running statement is cancelled at once)."""
    stop = threading.Event()

    def on_sigint(signum, frame):
        stop.set()

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, on_sigint)
    return stop.is_set


def _bar():
    from ..cli import _progress_bar

    return _progress_bar if sys.stderr.isatty() else None


def cmd_demo_city(args) -> int:
    from ..cli import _target
    from .generator import generate

    summary = generate(_target(args), buildings=args.buildings, seed=args.seed, progress=_bar(),
                       cancelled=_interruptible(), replace=args.replace, as_of=args.as_of, name=args.name,
                       revenue=args.revenue)
    print(describe(summary))
    return 0


def describe(summary: dict) -> str:
    rows = summary["rows"]
    short = {k.split(".")[1]: v for k, v in rows.items()}
    lines = [f"{summary['city']}: {summary['buildings']:,} buildings from seed {summary['seed']}, history to "
             f"{summary['as_of']}, in {summary.get('seconds', '?')} s"]
    if summary.get("replaced"):
        lines.append(f"  replaced the previous data ({sum(summary['replaced'].values()):,} rows)")
    for group in (("ward", "road", "drain", "sewer", "water_body", "low_income_community", "waterlogging_area"),
                  ("building", "holding", "owner", "containment", "toilet", "water_point"),
                  ("service_provider", "vehicle", "employee", "application", "emptying", "disposal",
                   "feedback"),
                  ("assessment", "bill", "payment", "water_connection", "water_bill", "swm_customer",
                   "swm_payment")):
        lines.append("  " + ", ".join(f"{short.get(t, 0):,} {t.replace('_', ' ')}" for t in group))
    if summary.get("left_out"):
        lines.append(f"  left out: {summary['left_out']}")
    return "\n".join(lines)


def ensure_demo(dsn: str, progress=None, buildings: int = DEMO_BUILDINGS, seed: int = DEMO_SEED) -> str:
    """The demo city of `imis demo`: generated into an empty database, left alone when it is there already
    (recognised by its name, size and the seed in the audit log's generation record: a second `make demo`
    is quick) or when the database holds other data. Returns what happened."""
    from ..db.connect import transaction
    from .generator import DemoCityError, generate, last_generation

    with transaction(dsn, DemoCityError) as conn, conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM imis_core.building")
        count = cur.fetchone()[0]
        cur.execute("SELECT name FROM imis_core.city")
        city = cur.fetchone()[0]
    if count == 0:
        try:
            summary = generate(dsn, buildings=buildings, seed=seed, progress=progress, name=DEMO_NAME,
                               code=DEMO_CODE, name_bn=DEMO_NAME_BN)
        except DemoCityError as error:  # e.g. roads imported but no buildings yet: left alone
            return f"not generated: {error}"
        return "Generated the demo city.\n" + describe(summary)
    marker = last_generation(dsn) or {}
    if (city == DEMO_NAME and count == buildings and marker.get("seed") == seed
            and marker.get("buildings") == buildings):
        return f"{DEMO_NAME} is there already ({count:,} buildings, FSM history to {marker.get('as_of')})."
    return (f"The database holds other city data ({count:,} buildings of {city or 'an unnamed city'}): the demo "
            "city was not generated. `imis demo-city --replace` would replace that data.")
