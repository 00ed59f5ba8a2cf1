# Two commands: `make run` starts the app, `make test` runs the checks and the whole suite.
# Both create .venv/ on first use with nothing but Python 3.11+ on the machine.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test test-slow test-sync lint format bench screenshots clean

run: $(VENV)/.installed-app
	$(BIN)/python main.py

test: lint
	$(BIN)/python -m pytest

# Style, the layer rules (pyproject's [tool.importlinter]) and the types of the headless layers.
lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

format: $(VENV)/.installed-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The figures in README.md's Performance section. Those on real data read ../shared/corpus.
bench: $(VENV)/.installed-test
	$(BIN)/python bench/window_bench.py
	$(BIN)/python bench/storage_bench.py
	$(BIN)/python bench/storage_ui_stall_bench.py
	$(BIN)/python bench/hardening_bench.py
	$(BIN)/python bench/pathological_bench.py
	$(BIN)/python bench/page_speed.py
	$(BIN)/python bench/parse_format_bench.py
	$(BIN)/python bench/label_accuracy.py
	$(BIN)/python bench/display_classes.py
	$(BIN)/python bench/import_scores.py ../shared/corpus/pages-wide.tar.xz --quiet
	$(BIN)/python bench/import_scores.py ../shared/corpus/pages-wide.tar.xz --quiet --held-back
	$(BIN)/python bench/page_variants.py ../shared/corpus/pages-wide.tar.xz

test-slow: $(VENV)/.installed-test
	RECIPE_MANAGER_SLOW_TESTS=1 $(BIN)/python -m pytest tests/storage

# Two real Syncthing daemons on 127.0.0.1 and two app processes working at once for 60 s
# (needs the `syncthing` command: apt-get install syncthing).
test-sync: $(VENV)/.installed-test
	RECIPE_MANAGER_SYNC_SECONDS=60 $(BIN)/python -m pytest -s tests/storage/test_syncthing.py

screenshots: $(VENV)/.installed-app
	$(BIN)/python docs/make_screenshots.py

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-app: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed-app

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache .hypothesis

include packaging/packaging.mk
