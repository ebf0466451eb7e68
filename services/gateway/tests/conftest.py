from __future__ import annotations

import sys
from pathlib import Path

import httpx
import pytest

from balai_platform.auth import generate_keypair

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))  # the gw_* helper modules live next to the tests

from gw_fake_identity import create_fake_identity  # noqa: E402
from gw_fake_ukm import create_fake_ukm  # noqa: E402
from gw_servers import gateway_settings, start_server  # noqa: E402

from gateway.main import create_app  # noqa: E402


@pytest.fixture(scope="session")
def keypair():
    return generate_keypair()


@pytest.fixture(scope="session")
async def identity_server(keypair):
    app = create_fake_identity(*keypair)
    running = await start_server(app)
    running.app = app
    yield running
    await running.stop()


@pytest.fixture(scope="session")
async def ukm_server(keypair):
    app = create_fake_ukm(keypair[1])
    running = await start_server(app)
    running.app = app
    yield running
    await running.stop()


@pytest.fixture(scope="session")
async def gateway_server(identity_server, ukm_server, keypair):
    settings = gateway_settings(identity_server.url, keypair[1])
    settings.service_urls["ukm"] = ukm_server.url
    app = create_app(settings)
    running = await start_server(app)
    yield running
    await running.stop()


@pytest.fixture
async def client(gateway_server):
    async with httpx.AsyncClient(base_url=gateway_server.url, timeout=10) as c:
        yield c


@pytest.fixture(scope="session")
def fake_store(identity_server):
    return identity_server.app.state.store


def pytest_collection_modifyitems(items):
    """The check of the fakes' answers runs last: it validates what every other test made them answer."""
    last = [i for i in items if getattr(i, "module", None) and i.module.__name__.endswith("test_fakes_match_services")]
    items[:] = [i for i in items if i not in last] + last
