"""The local-copy upsert's SQL and the shared field error."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table
from sqlalchemy.dialects import postgresql

from balai_platform.copies import upsert_if_newer
from balai_platform.fields import Context, FieldError

copies = Table("copies", MetaData(), Column("thing_id", Integer, primary_key=True), Column("name", String),
               Column("changed_at", DateTime(timezone=True)))


class Result:
    def __init__(self, row) -> None:
        self.row = row

    def first(self):
        return self.row


class RecordingSession:
    def __init__(self, row) -> None:
        self.row, self.statements = row, []

    async def execute(self, stmt):
        self.statements.append(str(stmt.compile(dialect=postgresql.dialect())))
        return Result(self.row)


@pytest.mark.parametrize("row, written", [((1,), True), (None, False)])
async def test_upsert_only_when_the_event_is_not_older(row, written):
    s = RecordingSession(row)
    assert await upsert_if_newer(s, copies, {"thing_id": 1, "name": "a", "changed_at": None},
                                 key="thing_id") is written
    [sql] = s.statements
    assert "ON CONFLICT (thing_id) DO UPDATE SET name = excluded.name, changed_at = excluded.changed_at" in sql
    assert "WHERE copies.changed_at <= excluded.changed_at" in sql and "RETURNING copies.thing_id" in sql


def test_field_error_and_context_are_pure_values():
    err = FieldError("too_long", max=5)
    assert isinstance(err, ValueError) and (err.code, err.params) == ("too_long", {"max": 5})
    ctx = Context(data={"a": "1"}, clean={}, today=date(2026, 1, 2))
    with pytest.raises(AttributeError):
        ctx.today = date(2026, 1, 3)  # type: ignore[misc]

