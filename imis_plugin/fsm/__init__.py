"""Faecal sludge management: the fill model, the emptying-schedule planner, work orders, the monthly
provider report and the service-queue queries.

The database does the set work (fill model and job states are app-schema views, distances are pgRouting);
this package orchestrates it and packs containments into vehicle-days.
"""
