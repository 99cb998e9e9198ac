"""The registry of city databases: one IMIS code base, one database per city.

Each city is a name and a connection target (a pg_service name or a libpq string without a password).
The registry is a small JSON file in the user's configuration folder (``$IMIS_CITIES_FILE`` or
``$XDG_CONFIG_HOME/imis/cities.json``); everything else about a city (CRS, working week, holidays,
settings) lives in its own database, so the registry never goes stale about it.
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .credentials import contains_password
from .db.connect import redact, resolve_dsn
from .db.errors import ImisDatabaseError

_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


def registry_path() -> Path:
    if os.environ.get("IMIS_CITIES_FILE"):
        return Path(os.environ["IMIS_CITIES_FILE"])
    config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return config / "imis" / "cities.json"


@dataclass(frozen=True)
class City:
    name: str
    target: str

    @property
    def dsn(self) -> str:
        return resolve_dsn(self.target)


def _read(path: Path) -> dict:
    if not path.is_file():
        return {"current": None, "cities": []}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        data["cities"] = [dict(name=c["name"], target=c["target"]) for c in data.get("cities", [])]
        data.setdefault("current", None)
        return data
    except (ValueError, KeyError, TypeError) as exc:
        raise ImisDatabaseError(f"The city registry {path} is damaged ({exc}); fix or remove it.") from None


def _write(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)  # never a half-written registry


def cities(path: Path | None = None) -> list[City]:
    """The registered cities, in the order they were added (the order of `upgrade --all`)."""
    return [City(**c) for c in _read(path or registry_path())["cities"]]


def get(name: str, path: Path | None = None) -> City:
    for city in cities(path):
        if city.name == name:
            return city
    known = ", ".join(c.name for c in cities(path)) or "none"
    raise ImisDatabaseError(f"No city '{name}' in the registry (registered: {known}).")


def add(name: str, target: str, path: Path | None = None) -> City:
    path = path or registry_path()
    if not _NAME.match(name):
        raise ImisDatabaseError(f"City name '{name}': use lower-case letters, digits and _ (e.g. khulna).")
    if contains_password(target):
        raise ImisDatabaseError("The connection for a city must not carry a password: use a pg_service entry "
                                "or ~/.pgpass.")
    resolve_dsn(target)  # refuses what libpq cannot parse
    data = _read(path)
    if any(c["name"] == name for c in data["cities"]):
        raise ImisDatabaseError(f"City '{name}' is registered already.")
    data["cities"].append({"name": name, "target": target})
    if data["current"] is None:
        data["current"] = name
    _write(path, data)
    return City(name, target)


def remove(name: str, path: Path | None = None) -> None:
    path = path or registry_path()
    get(name, path)
    data = _read(path)
    data["cities"] = [c for c in data["cities"] if c["name"] != name]
    if data["current"] == name:
        data["current"] = data["cities"][0]["name"] if data["cities"] else None
    _write(path, data)


def current(path: Path | None = None) -> City | None:
    """The city the plugin and the commands work on when none is named."""
    data = _read(path or registry_path())
    return get(data["current"], path) if data["current"] else None


def use(name: str, path: Path | None = None) -> City:
    path = path or registry_path()
    city = get(name, path)
    data = _read(path)
    data["current"] = name
    _write(path, data)
    return city


def describe(city: City) -> str:
    return f"{city.name}: {redact(city.dsn)}"


Progress = Callable[[float, str], None]


def upgrade_all(registry: list[City], progress: Progress | None = None) -> list[tuple[str, str]]:
    """Upgrade every city to head in turn; stop at the first failure.

    Each city's upgrade is one transaction, so a failing city stays at its old revision and the cities
    after it are not touched. Returns [(city, outcome)] for every city: 'upgraded to R', 'FAILED: why' or
    'not attempted'. Raises nothing for a failing city: the caller reports the list.
    """
    from .db.migrate import upgrade

    outcomes: list[tuple[str, str]] = []
    failed = False
    for i, city in enumerate(registry):
        if failed:
            outcomes.append((city.name, "not attempted"))
            continue

        def city_progress(pct, message, i=i, city=city):
            if progress:
                progress(100 * (i + pct / 100) / len(registry), f"{city.name}: {message}")

        try:
            reached = upgrade(city.dsn, progress=city_progress)
            outcomes.append((city.name, f"upgraded to {reached}"))
        except Exception as exc:  # noqa: BLE001 - any failure stops the run and is reported per city
            failed = True
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            outcomes.append((city.name, f"FAILED: {reason}"))
    return outcomes
