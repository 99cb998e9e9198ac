"""Indexes of the One-ID search (revision 0006), declared on the core tables.

Each index is on the exact expression imis_app.one_id_search (database/app/60_search.sql) filters on after
inlining: lower() for codes, lower() without Latin accents for owner names (translate(), an immutable
built-in: an index on an app-schema function would vanish with every app-schema rebuild), the digits of a
phone. GIN with pg_trgm's gin_trgm_ops answers LIKE '%typed%' from the index; btrees with text_pattern_ops
answer exact and prefix matches of codes.
"""

from __future__ import annotations

from sqlalchemy import Index, func

from .core import Building, Containment, Holding, Owner

#: translate() arguments of imis_app.fold(): accented Latin letters and their plain forms
FOLD_FROM = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťùúûüũūŭůűųŵýÿŷźżž"
FOLD_TO = "aaaaaaaaacccccddeeeeeeeeegggghiiiiiiiiijklllllnnnnooooooooorrrssssttuuuuuuuuuuwyyyzzz"


def _trigram(name: str, table, expression):
    return Index(
        name,
        expression.label("expr"),
        postgresql_using="gin",
        postgresql_ops={"expr": "gin_trgm_ops"},
        _table=table,
    )


def _prefix(name: str, table, expression):
    return Index(name, expression.label("expr"), postgresql_ops={"expr": "text_pattern_ops"}, _table=table)


SEARCH_INDEXES = (
    _prefix("ix_building_bin_prefix", Building.__table__, func.lower(Building.__table__.c.bin)),
    _prefix("ix_holding_code_prefix", Holding.__table__, func.lower(Holding.__table__.c.holding_code)),
    _prefix("ix_containment_code_prefix", Containment.__table__, func.lower(Containment.__table__.c.code)),
    _trigram("ix_building_bin_search", Building.__table__, func.lower(Building.__table__.c.bin)),
    _trigram("ix_holding_code_search", Holding.__table__, func.lower(Holding.__table__.c.holding_code)),
    _trigram(
        "ix_owner_name_search",
        Owner.__table__,
        func.translate(func.lower(Owner.__table__.c.name), FOLD_FROM, FOLD_TO),
    ),
    Index(
        "ix_owner_name_bn_search",
        Owner.__table__.c.name_bn,
        postgresql_using="gin",
        postgresql_ops={"name_bn": "gin_trgm_ops"},
    ),
    _trigram(
        "ix_owner_phone_search",
        Owner.__table__,
        func.regexp_replace(Owner.__table__.c.phone, "[^0-9]", "", "g"),
    ),
    _trigram("ix_containment_code_search", Containment.__table__, func.lower(Containment.__table__.c.code)),
)
