"""The runner tunes the garbage collector once the app has started (balai_platform.serve)."""
from __future__ import annotations

import gc

from balai_platform.serve import DEFAULT_GC_THRESHOLD, build, parse_args, tune_gc


def test_tune_gc_freezes_what_startup_made_and_sets_the_thresholds():
    before = gc.get_threshold()
    try:
        tune_gc("50000,20,10")
        assert gc.get_threshold() == (50000, 20, 10)
        assert gc.get_freeze_count() > 0
        tune_gc("")  # Python's thresholds kept, still frozen
        assert gc.get_threshold() == (50000, 20, 10)
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def test_the_runner_tunes_by_default_and_a_test_server_does_not(monkeypatch):
    monkeypatch.delenv("BALAI_GC_THRESHOLD", raising=False)
    server, _ = build(parse_args(["x.main:app"]))
    assert server.gc_threshold == DEFAULT_GC_THRESHOLD
    monkeypatch.setenv("BALAI_GC_THRESHOLD", "")
    server, _ = build(parse_args(["x.main:app"]))
    assert server.gc_threshold == ""
    import uvicorn

    from balai_platform.serve import DrainingServer
    assert DrainingServer(uvicorn.Config("x.main:app"), drain_seconds=0).gc_threshold is None
