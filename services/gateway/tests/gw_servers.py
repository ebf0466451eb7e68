"""Run ASGI apps on real sockets inside the test's event loop."""
from __future__ import annotations

import asyncio
import socket
from dataclasses import dataclass

import uvicorn

from gateway.settings import Settings


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class RunningServer:
    server: uvicorn.Server
    task: asyncio.Task
    url: str

    async def stop(self) -> None:
        self.server.should_exit = True
        await asyncio.wait_for(self.task, 10)


async def start_server(app, port: int | None = None, factory: bool = False) -> RunningServer:
    port = port or free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                            lifespan="on", factory=factory)
    server = uvicorn.Server(config)
    server.install_signal_handlers = lambda: None  # type: ignore[method-assign]
    task = asyncio.create_task(server.serve())
    for _ in range(200):
        if server.started:
            break
        if task.done():
            task.result()
        await asyncio.sleep(0.02)
    return RunningServer(server, task, f"http://127.0.0.1:{port}")


def gateway_settings(identity_url: str, public_pem: str, **overrides) -> Settings:
    values = dict(
        service_urls={"identity": identity_url, "down": f"http://127.0.0.1:{free_port()}"},
        jwt_public_key=public_pem, request_timeout_seconds=1.0, log_json=False,
        rate_limit_per_minute=10_000, login_rate_limit_per_minute=10_000,
    )
    values.update(overrides)
    return Settings(**values)
