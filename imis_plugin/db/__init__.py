"""Database side of IMIS: connections, the embedded cluster, migrations and the app schema."""
