"""Build the installable QGIS plugin zip.

    python -m imis_plugin.packaging [--output dist/imis_plugin.zip]

The zip holds one top folder, ``imis_plugin/``: the package's files (no ``__pycache__``, no tests, no
compiled files) plus ``metadata.txt``, ``database/``, ``migrations/``, ``processing_scripts/``, ``forms/``
and a licence file when there is one, copied INTO the plugin folder, where :mod:`imis_plugin.paths` finds
them. The archive is deterministic: sorted entries, fixed timestamps and permissions, so two builds of the
same tree are byte-identical.
"""

import argparse
import configparser
import stat
import sys
import zipfile
from pathlib import Path

from . import paths

PLUGIN_FOLDER = "imis_plugin"
DATA_FOLDERS = ("database", "migrations", "processing_scripts", "forms")
LICENSE_NAMES = ("LICENSE", "LICENSE.txt", "LICENSE.md", "COPYING")
EXCLUDED_DIRS = {
    "__pycache__",
    "tests",
    "test",
    ".pytest_cache",
    ".mypy_cache",
    ".ruff_cache",
    ".qgis-settings",
}
EXCLUDED_SUFFIXES = {".pyc", ".pyo", ".orig", ".rej", ".swp"}
#: The earliest date a zip can hold; any fixed date makes the build reproducible.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
DEFAULT_OUTPUT = Path("dist") / f"{PLUGIN_FOLDER}.zip"


def _included(relative: Path) -> bool:
    if any(
        part in EXCLUDED_DIRS or part.startswith(".") or part.endswith(".egg-info") for part in relative.parts
    ):
        return False
    return relative.suffix not in EXCLUDED_SUFFIXES and not relative.name.endswith("~")


def _walk(folder: Path, skip: set[Path] = frozenset()) -> list[Path]:
    """Every file and folder under ``folder`` that goes into the plugin, relative to ``folder``."""
    found = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(path == s or s in path.parents for s in skip) or not _included(relative):
            continue
        if path.is_file() or path.is_dir():
            found.append(relative)
    return found


def plugin_files(root: Path | None = None, package_dir: Path | None = None) -> dict[str, Path]:
    """Archive name -> source path of every file and folder (folders end with ``/``) of the plugin."""
    root = Path(root or paths.ROOT)
    package_dir = Path(package_dir or Path(__file__).resolve().parent)
    metadata = root / "metadata.txt"
    if not metadata.is_file():
        raise FileNotFoundError(f"no metadata.txt in {root}")

    entries: dict[str, Path] = {f"{PLUGIN_FOLDER}/": package_dir}
    # When run from an installed plugin the data folders sit inside the package folder: do not copy twice.
    skip = {package_dir / name for name in DATA_FOLDERS} if root == package_dir else set()
    for relative in _walk(package_dir, skip):
        entries[_name(relative, package_dir)] = package_dir / relative

    entries[f"{PLUGIN_FOLDER}/metadata.txt"] = metadata
    for folder in DATA_FOLDERS:
        source = root / folder
        if not source.is_dir():
            raise FileNotFoundError(f"the plugin needs {source}")
        entries[f"{PLUGIN_FOLDER}/{folder}/"] = source
        for relative in _walk(source):
            entries[_name(Path(folder) / relative, root)] = source / relative
    for name in LICENSE_NAMES:
        if (root / name).is_file():
            entries[f"{PLUGIN_FOLDER}/{name}"] = root / name
    return dict(sorted(entries.items()))


def _name(relative: Path, base: Path) -> str:
    name = f"{PLUGIN_FOLDER}/{relative.as_posix()}"
    return name + "/" if (base / relative).is_dir() else name


def _zip_info(name: str, is_dir: bool) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.create_system = 3  # Unix, so the permission bits below are honoured by unzip
    if is_dir:
        info.external_attr = (stat.S_IFDIR | 0o755) << 16 | 0x10
        info.compress_type = zipfile.ZIP_STORED
    else:
        info.external_attr = (stat.S_IFREG | 0o644) << 16
        info.compress_type = zipfile.ZIP_DEFLATED
    return info


def build(output: Path | str = DEFAULT_OUTPUT, root: Path | None = None) -> Path:
    """Write the plugin zip to ``output`` (relative paths are taken from the repository root)."""
    root = Path(root or paths.ROOT)
    output = Path(output)
    if not output.is_absolute():
        output = root / output
    _check_metadata(root / "metadata.txt")
    entries = plugin_files(root)
    output.parent.mkdir(parents=True, exist_ok=True)
    temporary = output.with_name(output.name + ".part")
    with zipfile.ZipFile(temporary, "w") as archive:
        for name, source in entries.items():
            is_dir = name.endswith("/")
            data = b"" if is_dir else source.read_bytes()
            archive.writestr(_zip_info(name, is_dir), data, compresslevel=None if is_dir else 9)
    temporary.replace(output)
    return output


def _check_metadata(metadata: Path) -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(metadata, encoding="utf-8")
    general = parser["general"] if parser.has_section("general") else {}
    missing = [
        key for key in ("name", "version", "qgisMinimumVersion", "description") if not general.get(key)
    ]
    if missing:
        raise ValueError(f"{metadata} lacks {', '.join(missing)}")
    if general.get("hasProcessingProvider", "").lower() != "yes":
        raise ValueError(f"{metadata} must declare hasProcessingProvider=yes (qgis_process needs it)")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m imis_plugin.packaging", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--output",
        default=str(DEFAULT_OUTPUT),
        help=f"zip to write (default: {DEFAULT_OUTPUT}, from the repository root)",
    )
    args = parser.parse_args(argv)
    try:
        path = build(args.output)
    except (OSError, ValueError) as error:
        print(f"packaging failed: {error}", file=sys.stderr)
        return 1
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
