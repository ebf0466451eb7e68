# Balai: `make run` starts everything on the embedded default; `make test` runs every test.
PY := .venv/bin/python
export XDG_RUNTIME_DIR ?= /tmp

.PHONY: setup setup-test run lint test test-containers test-unit test-integration bench bench-quick chaos asyncapi lighthouse clean

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

# The integration and fault tests on Apache Kafka (KRaft) and PostgreSQL started by testcontainers
# (balai_devstack.infra_choice). Needs a Docker engine: without one it stops at once and says why.
# `BALAI_TEST_INFRA=containers make test` does the same for the whole suite.
test-containers: setup-test lint
	@BALAI_TEST_INFRA=containers $(PY) -m balai_devstack.infra_choice
	@BALAI_TEST_INFRA=containers $(PY) -m pytest tests/integration $(wildcard tests/chaos)

test-unit: setup
	@$(PY) -m pytest -m "not integration and not browser"

# every bench/*_bench.py and the bare baselines, one table (run under /work/tools/heavy on the shared machine)
bench: setup
	@$(PY) bench/run_all.py

bench-quick: setup
	@$(PY) bench/run_all.py --quick

# the fault suite at full size (issue 14; up to ~25 min): prints one row per scenario
chaos: setup
	@$(PY) -m tests.chaos

lighthouse: setup-test
	@$(PY) bench/lighthouse.py

asyncapi: setup
	@$(PY) -m balai_platform.asyncapi docs/asyncapi

clean:
	rm -rf .venv .venv-tools node_modules .state
