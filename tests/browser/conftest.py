"""Chromium via Playwright, with an accessibility (axe-core) and page-weight audit helper."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))  # browser_helpers
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic"]
MAX_PAGE_BYTES = 150 * 1024
BLOCKING_IMPACTS = ("serious", "critical")


@pytest.fixture(scope="module")
def browser(balai_stack):
    # the stack first: Playwright's sync API keeps an event loop running in this thread,
    # after which the stack's own asyncio.run() would refuse to start; module scope closes
    # it before the async tests of later modules run on pytest-asyncio's loop
    from playwright.sync_api import sync_playwright

    if not AXE_JS.exists():
        pytest.skip("axe-core missing: run `npm install` in the repository root")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield b
        b.close()


class Auditor:
    """Run axe and count transferred bytes on every page a test visits."""

    def __init__(self, browser, base_url: str) -> None:
        self.source = AXE_JS.read_text()
        self.browser, self.base_url = browser, base_url
        self._helper = None

    def __call__(self, page) -> None:
        page.wait_for_load_state("load")
        transferred = page.evaluate(
            """() => performance.getEntriesByType('navigation')
                 .concat(performance.getEntriesByType('resource'))
                 .reduce((sum, e) => sum + (e.transferSize || 0), 0)""")
        assert transferred <= MAX_PAGE_BYTES, f"{page.url}: {transferred} bytes transferred"
        target = page if page.context is not getattr(self, "_no_js_context", None) else None
        if target is None:
            target = self._copy_into_js_page(page)
        violations = self._axe(target)
        bad = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
        assert not bad, f"{page.url}: {json.dumps(bad, indent=1)}"

    def _axe(self, page) -> list[dict]:
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.add_script_tag(content=self.source)
        return page.evaluate(
            """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
                 .map(v => ({id: v.id, impact: v.impact, help: v.help,
                             nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))""")

    def _copy_into_js_page(self, page):
        """axe needs scripts: audit the no-JS page's HTML (minus our script) in a helper page."""
        if self._helper is None:
            _, self._helper = _new_page(self.browser, self.base_url)
        html = re.sub(r"<script[^>]*></script>", "", page.content())
        self._helper.goto("/healthz")
        self._helper.set_content(html, wait_until="load")
        return self._helper

    def watch_no_js(self, context) -> None:
        self._no_js_context = context

    def close(self) -> None:
        if self._helper is not None:
            self._helper.context.close()


@pytest.fixture
def audit(browser, balai_stack):
    auditor = Auditor(browser, balai_stack.gateway_url)
    yield auditor
    auditor.close()


def _new_page(browser, base_url: str, javascript: bool = True):
    context = browser.new_context(base_url=base_url, bypass_csp=True, java_script_enabled=javascript,
                                  locale="id-ID", viewport={"width": 390, "height": 844})
    context.set_default_timeout(15_000)
    return context, context.new_page()


@pytest.fixture
def page(browser, balai_stack):
    context, page = _new_page(browser, balai_stack.gateway_url)
    yield page
    context.close()


@pytest.fixture
def page_no_js(browser, balai_stack, audit):
    context, page = _new_page(browser, balai_stack.gateway_url, javascript=False)
    audit.watch_no_js(context)
    yield page
    context.close()
