# IMIS for QGIS. Two commands matter (README): `make demo` and `make test`. Both install what is missing
# (Debian packages, the venv) and are idempotent: a second run skips what is done.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := qgis python3-qgis qgis-providers postgresql-15 postgresql-client-15 postgresql-15-postgis-3 \
	postgresql-15-pgrouting python3-numpy python3-psycopg2 python3-venv gdal-bin \
	fonts-lohit-beng-bengali
PYTEST_ARGS ?=
RELIABILITY_ARGS ?=

.PHONY: demo test reliability package apt venv clean

demo: apt venv
	$(VENV)/bin/imis demo

test: apt venv
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# The fault, load, hostile-input, permission and backup tests with longer settings; writes RELIABILITY.md.
reliability: apt venv
	$(PY) bench/reliability.py $(RELIABILITY_ARGS)

package: venv
	$(PY) -m imis_plugin.packaging --output dist/imis_plugin.zip

# Debian packages: only the missing ones are installed (QGIS 3.22, PostgreSQL 15, PostGIS 3, pgRouting).
apt:
	@missing=$$(for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:" $$missing; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# The venv sits on Debian's Python (the only one with QGIS bindings) and sees its site packages; numpy is
# pinned to Debian's so pip cannot pull numpy 2 and break GDAL/QGIS (TOOLCHAIN.md).
venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml metadata.txt
	/usr/bin/python3 -m venv --system-site-packages $(VENV)
	/usr/bin/python3 -c 'import numpy; print("numpy==" + numpy.__version__)' > $(VENV)/constraints.txt
	$(VENV)/bin/pip install -q -c $(VENV)/constraints.txt -e '.[test]'
	touch $@

clean:
	rm -rf $(VENV) dist build *.egg-info .pytest_cache .qgis-settings
