# Balai: `make run` starts everything on the embedded default; `make test` runs every test.
PY := .venv/bin/python
export XDG_RUNTIME_DIR ?= /tmp

.PHONY: setup setup-test run lint test test-unit test-integration bench chaos asyncapi lighthouse clean

setup:
	@bash scripts/setup.sh

setup-test:
	@bash scripts/setup.sh browser

run: setup
	@$(PY) -m balai_devstack run

lint: setup
	@.venv/bin/ruff check .
	@.venv/bin/lint-imports --no-cache

test: setup-test lint
	@$(PY) -m pytest

test-unit: setup
	@$(PY) -m pytest -m "not integration and not browser"

bench: setup
	@$(PY) bench/identity_bench.py

# the fault suite at full size (issue 14; up to ~25 min): prints one row per scenario
chaos: setup
	@$(PY) -m tests.chaos

lighthouse: setup-test
	@$(PY) bench/lighthouse.py

asyncapi: setup
	@$(PY) -m balai_platform.asyncapi docs/asyncapi

clean:
	rm -rf .venv .venv-tools node_modules .state
