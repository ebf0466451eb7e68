"""The fault suite at CI size: every scenario of issue 14 against the real stack, one row each.

Goal of every row: 0 lost, 0 duplicate effects, 0 5xx outside the service the fault hit.
"""
from __future__ import annotations

import os

import pytest

from tests.chaos.scenarios import CI, run_scenario, scenarios, table
from tests.chaos.stack import new_chaos_stack

# the timeout bounds each scenario, not the start of the stack that the first one selected
# (`-k 5` alone) would otherwise pay for: on a busy 2-core machine that start alone takes minutes
pytestmark = [pytest.mark.integration, pytest.mark.timeout(300, func_only=True)]
ROWS = []


@pytest.fixture(scope="module")
def chaos_stack():
    with new_chaos_stack(f"balai_chaos_test_{os.getpid()}") as stack:
        yield stack
    print("\n" + table(ROWS))


@pytest.mark.parametrize("name", [name for name, _, _ in scenarios(CI)])
async def test_fault_scenario(chaos_stack, name):
    _, fault, kw = next(s for s in scenarios(CI) if s[0] == name)
    row = await run_scenario(chaos_stack, name, CI, fault, **kw)
    ROWS.append(row)
    print("\n" + table([row]))
    assert row.lost == 0, row.details
    assert row.duplicates == 0, row.details
    assert row.errors_5xx == 0, row.notes
    assert not row.details, row.details
