"""The pg_service.conf entry through which QGIS, psql and the plugin reach the embedded cluster."""
import os
import re
from pathlib import Path


def service_file_path() -> Path:
    """libpq's own rule: PGSERVICEFILE, else ~/.pg_service.conf."""
    return Path(os.environ.get("PGSERVICEFILE") or Path.home() / ".pg_service.conf")


def write_service(name: str, params: dict, path: Path | None = None) -> Path:
    """Add or replace the [name] section, leaving every other section (and its comments) untouched."""
    path = path or service_file_path()
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    section = f"[{name}]\n" + "".join(f"{k}={v}\n" for k, v in params.items())
    pattern = re.compile(rf"^\[{re.escape(name)}\]\n(?:(?!\[).*\n?)*", re.MULTILINE)
    if pattern.search(text):
        text = pattern.sub(section, text, count=1)
    else:
        text = (text.rstrip("\n") + "\n\n" if text.strip() else "") + section
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def read_service(name: str, path: Path | None = None) -> dict | None:
    path = path or service_file_path()
    if not path.is_file():
        return None
    match = re.search(rf"^\[{re.escape(name)}\]\n((?:(?!\[).*\n?)*)", path.read_text(encoding="utf-8"), re.MULTILINE)
    if not match:
        return None
    return dict(line.split("=", 1) for line in match.group(1).splitlines() if "=" in line and not line.startswith("#"))
