"""Build shim: the version is read from metadata.txt, the one place QGIS and pip both take it from."""
import configparser

from setuptools import setup

metadata = configparser.ConfigParser()
metadata.read("metadata.txt", encoding="utf-8")
setup(version=metadata["general"]["version"])
