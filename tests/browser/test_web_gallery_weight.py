"""The gallery on a slow network: 20 products photographed by phones (3 MB each) cost a first
visit at most 150 KB, thanks to WebP thumbnails, lazy loading, gzip and cached static files."""
from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.gallery_seed import PRODUCTS, seed_phone_gallery

pytestmark = pytest.mark.browser
MAX_PAGE_BYTES = 150 * 1024  # the budget for a first visit (as every audited page)

TRANSFERRED = """() => performance.getEntriesByType('navigation')
    .concat(performance.getEntriesByType('resource'))
    .map(e => ({name: e.name, bytes: e.transferSize || 0}))"""


@pytest.fixture(scope="module")
def brand(balai_stack):
    # Playwright's sync API owns this thread's event loop: seed from another thread
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, seed_phone_gallery(balai_stack.gateway_url,
                                                           balai_stack.kafka_bootstrap)).result()


def _first_visit(browser, base_url: str, path: str, viewport: dict) -> tuple[list[dict], dict]:
    context = browser.new_context(base_url=base_url, locale="id-ID", viewport=viewport)
    headers: dict[str, dict] = {}
    try:
        page = context.new_page()
        page.on("response", lambda r: headers.setdefault(r.url.split("/", 3)[-1], r.headers))
        page.goto(path, wait_until="load")
        page.wait_for_load_state("networkidle")
        assert page.locator(".gcard").count() == PRODUCTS
        return page.evaluate(TRANSFERRED), headers
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [{"width": 360, "height": 740}, {"width": 1280, "height": 800}],
                         ids=["phone", "desktop"])
def test_gallery_of_phone_photos_first_visit_is_light(browser, balai_stack, brand, viewport):
    entries, headers = _first_visit(browser, balai_stack.gateway_url, f"/galeri?q={brand}", viewport)
    total = sum(e["bytes"] for e in entries)
    images = [e for e in entries if "/photos/" in e["name"]]
    print(f"\n{viewport['width']}px: {total} bytes in {len(entries)} requests, "
          f"{len(images)} photos ({sum(e['bytes'] for e in images)} bytes)")
    assert total <= MAX_PAGE_BYTES, f"{total} bytes: {entries}"
    assert images and all("?w=" in e["name"] for e in images), "only thumbnails, never the originals"
    assert len(images) < PRODUCTS, "photos below the fold wait until they are scrolled to"
    page_headers = next(h for url, h in headers.items() if url.startswith("galeri"))
    assert page_headers["content-encoding"] == "gzip" and "accept-encoding" in page_headers["vary"].lower()
    css = next(h for url, h in headers.items() if url.startswith("static/app.") and url.endswith(".css"))
    assert css["cache-control"] == "public, max-age=31536000, immutable" and css["content-encoding"] == "gzip"
    photo = next(h for url, h in headers.items() if "/photos/" in url)
    assert photo["content-type"] == "image/webp" and "content-encoding" not in photo
    assert photo["etag"] and "max-age=86400" in photo["cache-control"]


def test_scrolling_loads_the_rest_and_the_detail_page_links_the_original(browser, balai_stack, brand):
    context = browser.new_context(base_url=balai_stack.gateway_url, locale="id-ID",
                                  viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.goto(f"/galeri?q={brand}", wait_until="load")
        last = page.locator(".gcard img").last
        last.scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=last.element_handle())
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
        page.locator(".gcard a").first.click()
        original = page.get_by_role("link", name="Lihat foto ukuran asli").first
        response = page.request.get(original.get_attribute("href"))
        assert response.status == 200 and response.headers["content-type"] == "image/jpeg"
        assert len(response.body()) > 100_000  # the re-encoded original, not a thumbnail
    finally:
        context.close()
