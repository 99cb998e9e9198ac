"""Helpers for Alembic revisions (import them only from ``migrations/versions/*``).

Every geometry column is in the city's projected CRS, chosen at install. Revision 0001 takes it from the
Alembic config (``config.attributes["srid"]``, set by :mod:`imis_plugin.db.migrate`, or ``-x srid=...``)
and stores it in ``imis_core.city.srid``; later revisions read it from there.
"""
from __future__ import annotations

from alembic import op
from sqlalchemy import text


class CitySridError(RuntimeError):
    """The city SRID is unknown or contradictory."""


def _configured_srid(context) -> int | None:
    config = context.config
    if config is not None:
        value = config.attributes.get("srid")
        if value is not None:
            return int(value)
    environment = getattr(context, "environment_context", None)
    if environment is not None:
        value = environment.get_x_argument(as_dictionary=True).get("srid")
        if value:
            return int(value)
    return None


def _installed_srid(context) -> int | None:
    if context.as_sql:  # offline (--sql) mode: nothing can be read
        return None
    bind = op.get_bind()
    if not bind.execute(text("SELECT to_regclass('imis_core.city') IS NOT NULL")).scalar():
        return None
    srids = bind.execute(text("SELECT DISTINCT srid FROM imis_core.city")).scalars().all()
    if len(srids) > 1:
        raise CitySridError(f"imis_core.city holds several SRIDs {sorted(srids)}; one database serves one city.")
    return srids[0] if srids else None


def city_srid() -> int:
    """The city SRID for the running revision.

    The configured value (first install) wins; otherwise the installed value. Both present and different
    is an error, and so is neither.
    """
    context = op.get_context()
    configured = _configured_srid(context)
    installed = _installed_srid(context)
    if configured is not None and installed is not None and configured != installed:
        raise CitySridError(
            f"This database was installed with SRID {installed}; SRID {configured} was given. "
            "Reprojecting a city is not an upgrade."
        )
    srid = configured if configured is not None else installed
    if srid is None:
        raise CitySridError(
            "The city SRID is unknown: on first install pass it (imis db upgrade --srid 32645, or "
            "config.attributes['srid'], or alembic -x srid=32645); afterwards it is read from "
            "imis_core.city, which holds no row here."
        )
    if srid <= 0:
        raise CitySridError(f"SRID {srid} is not a valid city SRID (a projected CRS in metres is needed).")
    return srid
