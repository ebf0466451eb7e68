"""Prometheus metrics: request count and latency by route template (never the raw path)."""
from __future__ import annotations

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest


class GatewayMetrics:
    def __init__(self) -> None:
        # a registry per app keeps tests (several apps in one process) independent
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "gateway_requests_total", "HTTP requests handled by the gateway",
            ["method", "route", "status"], registry=self.registry,
        )
        self.latency = Histogram(
            "gateway_request_duration_seconds", "Time to answer a request",
            ["method", "route", "status"], registry=self.registry,
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
        )
        self.upstream_errors = Counter(
            "gateway_upstream_errors_total", "Upstream calls that failed (down or timeout)",
            ["service"], registry=self.registry,
        )

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        labels = (method, route, str(status))
        self.requests.labels(*labels).inc()
        self.latency.labels(*labels).observe(seconds)

    def render(self) -> tuple[bytes, str]:
        return generate_latest(self.registry), CONTENT_TYPE_LATEST
