"""/dokumentasi/events in Chromium: reachable from the footer, every event with its table and
example, anchors that work by keyboard, axe-clean, light, and no sideways scroll on a 360-px phone
(wide tables and examples scroll inside their own box)."""
from __future__ import annotations

import pytest

from balai_contracts.catalog import EVENTS

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}


def test_event_docs_from_the_footer_on_a_phone(browser, balai_stack, audit):
    context = browser.new_context(base_url=balai_stack.gateway_url, locale="id-ID", viewport=PHONE,
                                  bypass_csp=True)  # axe is injected inline
    context.set_default_timeout(15_000)
    try:
        page = context.new_page()
        page.goto("/")
        page.get_by_role("link", name="Dokumentasi event (untuk pengembang)").click()
        page.wait_for_url("**/dokumentasi/events")
        assert page.get_by_role("heading", level=1).inner_text() == "Dokumentasi Event"
        events = sum(len(v) for v in EVENTS.values())
        assert page.locator("article.evd-event").count() == events
        assert page.locator("article.evd-event table").count() == events
        assert page.locator("pre.evd-example").count() == events
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], f"sideways scroll at 360 px: {width}"
        audit(page)

        # the table of contents works by keyboard: focus a link, Enter, the section is in view
        link = page.locator('nav.evd-toc a[href="#attendanceconfirmed-v1"]')
        link.focus()
        page.keyboard.press("Enter")
        page.wait_for_url("**#attendanceconfirmed-v1")
        assert page.locator("#attendanceconfirmed-v1").is_visible()
        top = page.evaluate("document.getElementById('attendanceconfirmed-v1').getBoundingClientRect().top")
        assert 0 <= top < PHONE["height"]
        # a wide example scrolls inside its own box, reachable by keyboard
        example = page.locator("pre.evd-example").first
        assert example.get_attribute("tabindex") == "0"
        box = example.evaluate("e => [e.scrollWidth, e.clientWidth]")
        assert box[1] <= PHONE["width"]
        page.screenshot(path=str(balai_stack.state_dir / "event-docs-360.png"), full_page=False)
    finally:
        context.close()


def test_event_docs_on_a_desktop(browser, balai_stack, audit):
    context = browser.new_context(base_url=balai_stack.gateway_url, locale="id-ID",
                                  viewport={"width": 1280, "height": 800}, bypass_csp=True)
    try:
        page = context.new_page()
        resp = page.goto("/dokumentasi/events")
        assert resp.status == 200 and resp.headers.get("content-encoding") == "gzip"
        audit(page)
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1]
        page.screenshot(path=str(balai_stack.state_dir / "event-docs-1280.png"), full_page=False)
    finally:
        context.close()
