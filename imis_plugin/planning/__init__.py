"""Spatial decision support (the Processing group "Planning").

Every analysis has two paths that give the same answer:

- push-down: when all its input layers are plain tables of one PostGIS database (IMIS layers, or any
  PostGIS table with a key and a spatially indexed geometry), the work runs there as parameterised SQL in
  the forms measured fastest (TOOLCHAIN.md): joins that start from the small side, ``ST_DWithin`` and
  ``&&`` so that GiST indexes are used, pgRouting for walking distances;
- native: on any other layer (Shapefile, GeoPackage, memory layer, a filtered or mixed set) with the
  QGIS API (spatial index, GEOS geometry operations, the network-analysis graph).

Modules: :mod:`.inputs` (what a layer is and whether it can be pushed down), :mod:`.sqlrun` (cancellable
SQL), :mod:`.tables` (results and writing them to Processing sinks), :mod:`.areas` (wards / LICs / grid
cells), :mod:`.algorithm` (the base of the Planning scripts) and one module per analysis.
"""
