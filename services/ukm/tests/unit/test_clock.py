"""ukm's service layer takes the time from its context's clock."""
from balai_platform.clock import Clock
from services.ukm.tests.unit.fakes import FakeContext, claims, photo, registered, seed, training
from ukm.service import products, publishing
from ukm.service.context import UkmContext
from ukm.settings import Settings


async def test_showcased_at_and_the_gallery_mark_come_from_the_clock():
    ctx = FakeContext()
    owner = claims()
    business = registered(owner)
    seed(ctx, business)
    await products.create_product(ctx, owner, business.id, {"name": "Roti", "category": "Makanan"}, {1: photo()})
    ctx.frozen.advance(hours=3)
    assert await publishing.publish(ctx, None, business_id=business.id, training=training(business.id)) == 1
    [event] = ctx.unit.events
    entry = next(iter(ctx.unit.products.rows.values())).gallery
    assert event.showcased_at == ctx.frozen.now and entry.showcased_at == ctx.frozen.now


def test_the_default_clock_is_the_real_one():
    ctx = UkmContext(settings=Settings(), sessionmaker=None, outbox=None)
    assert isinstance(ctx.clock, Clock) and ctx.clock.now().tzinfo is not None
