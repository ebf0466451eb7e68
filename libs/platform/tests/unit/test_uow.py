from dataclasses import dataclass

from balai_platform.aggregate import Aggregate
from balai_platform.testing import FakeUnitOfWork, FrozenClock


@dataclass
class Thing(Aggregate):
    id: int
    state: str = "new"

    def finish(self) -> None:
        self.state = "done"
        self.record({"finished": self.id})


async def test_commit_moves_recorded_events_once():
    uow = FakeUnitOfWork()
    async with uow:
        thing = uow.track(Thing(7))
        thing.finish()
        assert thing.pending_events == [{"finished": 7}]
        await uow.commit()
    assert uow.published == [("7", {"finished": 7})]
    async with uow:
        uow.track(thing)
        await uow.commit()
    assert uow.commits == 2 and len(uow.published) == 1


async def test_leaving_without_commit_drops_events():
    uow = FakeUnitOfWork()
    async with uow:
        uow.track(Thing(1)).finish()
        uow.publish({"loose": 1}, subject="x")
    assert uow.published == [] and uow.commits == 0


def test_frozen_clock_advances():
    clock = FrozenClock()
    start = clock()
    assert (clock.advance(hours=2) - start).total_seconds() == 7200
