"""Keeping passwords out of everything IMIS stores: connection targets are pg_service names or libpq
strings whose secrets live in ~/.pgpass, the service file or QGIS's auth database."""
import re
from urllib.parse import parse_qs, urlsplit

_PASSWORD_KEYWORD = re.compile(r"(^|\s)password\s*=", re.IGNORECASE)


def contains_password(target: str) -> bool:
    """True when a libpq connection string or URI carries a password."""
    target = (target or "").strip()
    if target.lower().startswith(("postgresql://", "postgres://")):
        parts = urlsplit(target)
        return bool(parts.password) or any(key.lower() == "password" for key in parse_qs(parts.query))
    return bool(_PASSWORD_KEYWORD.search(target))
