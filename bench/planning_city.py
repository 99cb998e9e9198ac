"""The planning benchmark's city: imis_plugin.plain_city, from the command line.

    .venv/bin/python bench/planning_city.py DSN --buildings 156000 [--seed 0.5]
"""

import argparse
import time

from imis_plugin.plain_city import make_city

__all__ = ["make_city"]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("dsn")
    parser.add_argument("--buildings", type=int, default=156_000)
    parser.add_argument("--seed", type=float, default=0.5)
    args = parser.parse_args()
    start = time.perf_counter()
    make_city(args.dsn, args.buildings, args.seed)
    print(f"{args.buildings} buildings in {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
