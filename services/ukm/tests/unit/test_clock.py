"""ukm's service layer takes the time from its context's clock."""
import uuid
from datetime import date

from balai_platform.clock import Clock
from balai_platform.testing import FrozenClock
from ukm.service import publishing
from ukm.service.context import UkmContext
from ukm.settings import Settings


class Rows:
    def __init__(self, rows) -> None:
        self.rows = rows

    def mappings(self):
        return self

    def all(self):
        return self.rows


class FakeSession:
    def __init__(self, rows) -> None:
        self.rows, self.params = rows, []

    async def execute(self, stmt, params=None):
        self.params.append(params)
        return Rows(self.rows)


class FakeOutbox:
    def __init__(self) -> None:
        self.added = []

    async def add(self, session, event, *, subject):
        self.added.append(event)


async def test_showcased_at_and_the_mark_come_from_the_clock():
    frozen = FrozenClock()
    ctx = UkmContext(settings=Settings(), sessionmaker=None, outbox=FakeOutbox(), clock=Clock(frozen))
    row = dict(product_id=uuid.uuid4(), name="Roti", description="", category="makanan", price_min=None,
               price_max=None, photo_count=0, business_id=uuid.uuid4(), business_name="Usaha", brand="B",
               regency_code="33.74", regency_name="Kota Semarang", permits=[], org_id=uuid.uuid4(),
               training_id=uuid.uuid4(), title="Pelatihan", start_date=date(2026, 6, 1),
               enrollment_id=uuid.uuid4())
    s = FakeSession([row])
    assert await publishing.showcase_pending(ctx, s, row["business_id"]) == 1
    [event] = ctx.outbox.added
    assert event.showcased_at == frozen.now and s.params[-1]["now"] == frozen.now


def test_the_default_clock_is_the_real_one():
    ctx = UkmContext(settings=Settings(), sessionmaker=None, outbox=FakeOutbox())
    assert isinstance(ctx.clock, Clock) and ctx.clock.now().tzinfo is not None
