"""Synthetic demo cities: a deterministic, plausible city of any size in an IMIS database.

    from imis_plugin.demo_city import generate
    generate(dsn, buildings=27_047, seed=27)

See docs/demo_city.md; the command line is `imis demo-city`, the Processing algorithm "Generate demo city".
"""
from .generator import DemoCityCancelled, DemoCityError, generate, last_generation
from .plan import DEMO_BUILDINGS, DEMO_NAME, DEMO_SEED

__all__ = ["DEMO_BUILDINGS", "DEMO_NAME", "DEMO_SEED", "DemoCityCancelled", "DemoCityError", "generate",
           "last_generation"]
