"""The IMIS desktop GUI: docks and actions (Qt only through qgis.PyQt)."""
