"""Pieces of push-down SQL shared by the analyses (identifiers only through psycopg2.sql)."""

from __future__ import annotations

from psycopg2 import sql

from .inputs import Input
from .sqlrun import Session, relation


class Rel:
    """One input as SQL: its relation (table or selected rows), key and geometry columns, fields."""

    def __init__(self, session: Session, item: Input, params: dict, name: str):
        self.item = item
        self.relation = relation(session, item.pg, item.selected_keys, params, f"{name}_keys")
        self.key = sql.Identifier(item.pg.key)
        self.geom = sql.Identifier(item.pg.geometry) if item.pg.geometry else None

    def col(self, alias: str, column: str | None) -> sql.Composable:
        if column is None:
            return sql.SQL("NULL")
        return sql.SQL("{}.{}").format(sql.Identifier(alias), sql.Identifier(column))

    def g(self, alias: str) -> sql.Composable:
        return sql.SQL("{}.{}").format(sql.Identifier(alias), self.geom)

    def k(self, alias: str) -> sql.Composable:
        return sql.SQL("{}.{}").format(sql.Identifier(alias), self.key)

    def columns(self, alias: str) -> list[sql.Composable]:
        """Every own field of the layer, in layer order (the outputs keep them all)."""
        return [self.col(alias, name) for name in self.item.fields.names()]

    def wkb(self, alias: str) -> sql.Composable:
        return sql.SQL("ST_AsBinary({})").format(self.g(alias))


def q(text: str, *args, **parts) -> sql.Composed:
    """SQL text with identifiers/sub-queries filled in (never values: those are bound parameters)."""
    return sql.SQL(text).format(*args, **parts)


def join(parts: list[sql.Composable], separator: str = ", ") -> sql.Composable:
    return sql.SQL(separator).join(parts)


def nearest_per_key(
    join_sql: sql.Composable,
    key: sql.Composable,
    columns: list[sql.Composable],
    order: list[sql.Composable] = (),
) -> tuple[sql.Composable, list[sql.Composable]]:
    """One row per ``key`` out of a join (the first by ``order``), carrying ``columns`` along.

    ``join_sql`` is the ``FROM ... JOIN ... WHERE ...`` part. The join runs as a MATERIALIZED CTE so that
    PostgreSQL plans it on its own and starts from the small side; asked for rows in key order (DISTINCT ON)
    it would rather read the big table in key order than sort a few thousand pairs.
    Returns the query and the names of the output columns (c0, c1... then o0, o1... for ``order``)."""
    names = [sql.Identifier(f"c{i}") for i in range(len(columns))]
    orders = [sql.Identifier(f"o{i}") for i in range(len(order))]
    inner = [sql.SQL("{} AS {}").format(c, n) for c, n in zip(columns, names)]
    inner += [sql.SQL("{} AS {}").format(c, n) for c, n in zip(order, orders)]
    query = q(
        "WITH pair AS MATERIALIZED (SELECT {key} AS pair_key, {inner} {join}) "
        "SELECT DISTINCT ON (pair_key) {outer} FROM pair ORDER BY {by}",
        key=key,
        inner=join(inner),
        join=join_sql,
        outer=join(names + orders),
        by=join([sql.Identifier("pair_key")] + orders),
    )
    return query, names + orders
