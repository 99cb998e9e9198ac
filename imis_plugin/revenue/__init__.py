"""Revenue, the value-added modules: holding tax (rates, assessments, quarterly bill runs, payments and
gateway files, printable bills and registers), water supply billing and solid waste.

The rules (the 39% cap, who signs off, frozen bills, the application workflow) are enforced by the database
(database/app/80_revenue.sql); this package runs the set-based work and writes the outputs.
"""
