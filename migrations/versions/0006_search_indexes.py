"""Indexes for the One-ID search (database/app/60_search.sql).

Typing part of a BIN, holding code, containment code, owner name or phone must answer in well under
100 ms on a 156,000-building city. Each searched expression gets a GIN trigram index (pg_trgm, from
PostgreSQL's contrib) for text anywhere, and the codes a btree (text_pattern_ops) for exact and prefix
matches, which the trigram index answers poorly for short, punctuated codes. The expressions are the ones
the search function uses after inlining: lower() for codes, lower() without Latin accents for names
(translate(), an immutable built-in, so the index survives the app schema being rebuilt), and digits only
for phones. Change both together.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_ACCENTED = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťùúûüũūŭůűųŵýÿŷźżž"
_PLAIN = "aaaaaaaaacccccddeeeeeeeeegggghiiiiiiiiijklllllnnnnooooooooorrrssssttuuuuuuuuuuwyyyzzz"

#: index name -> (table, indexed expression): trigrams, for text anywhere
INDEXES = {
    "ix_building_bin_search": ("building", "lower(bin)"),
    "ix_holding_code_search": ("holding", "lower(holding_code)"),
    "ix_owner_name_search": ("owner", f"translate(lower(name), '{_ACCENTED}', '{_PLAIN}')"),
    "ix_owner_name_bn_search": ("owner", "name_bn"),
    "ix_owner_phone_search": ("owner", "regexp_replace(phone, '[^0-9]', '', 'g')"),
    "ix_containment_code_search": ("containment", "lower(code)"),
}


#: index name -> (table, indexed code expression): exact and prefix matches
PREFIX_INDEXES = {
    "ix_building_bin_prefix": ("building", "lower(bin)"),
    "ix_holding_code_prefix": ("holding", "lower(holding_code)"),
    "ix_containment_code_prefix": ("containment", "lower(code)"),
}


def upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, (table, expression) in INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON imis_core.{table} USING gin (({expression}) gin_trgm_ops)")
    for name, (table, expression) in PREFIX_INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON imis_core.{table} (({expression}) text_pattern_ops)")


def downgrade() -> None:
    for name in [*INDEXES, *PREFIX_INDEXES]:
        op.execute(f"DROP INDEX imis_core.{name}")
