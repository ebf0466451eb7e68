"""A gallery page of real weight: one business with 20 products, each photographed by a phone
(12 MP JPEG just under 3 MB), uploaded through the gateway and put in the gallery by an
AttendanceConfirmed on the broker. Used by the browser weight test and `make lighthouse`."""
from __future__ import annotations

import uuid

import httpx

from services.ukm.tests.support import API, attendance, business_form, new_participant, publish, wait_for
from tests.factories import phone_photo

PRODUCTS = 20
NAMES = ["Keripik Tempe", "Batik Tulis", "Kopi Robusta", "Sambal Bawang", "Tas Anyaman", "Madu Hutan",
         "Jamu Kunyit", "Dodol Nanas", "Tenun Ikat", "Bakpia Kacang"]


def _jpeg(n: int) -> tuple[str, bytes, str]:
    return (f"IMG_2026{n:04d}.jpg", phone_photo(seed=n), "image/jpeg")


async def seed_phone_gallery(gateway_url: str, kafka_bootstrap: str, products: int = PRODUCTS) -> str:
    """Returns the brand of the business (a gallery search term that finds exactly its products)."""
    brand = f"Galeri Foto {uuid.uuid4().hex[:6]}"
    async with httpx.AsyncClient(base_url=gateway_url, timeout=120) as client:
        participant_id, headers = await new_participant(client)
        r = await client.post(f"{API}/businesses", data=business_form(brand=brand),
                              files=[("photo_1", _jpeg(0))], headers=headers)
        assert r.status_code == 201, r.text
        business_id = r.json()["id"]
        for n in range(1, products):
            form = {"name": f"{NAMES[n % len(NAMES)]} {n}", "category": "makanan", "price_min": "15.000",
                    "description": "Produk unggulan alumni pelatihan, difoto dengan kamera ponsel."}
            r = await client.post(f"{API}/businesses/{business_id}/products", data=form,
                                  files=[("photo_1", _jpeg(n))], headers=headers)
            assert r.status_code == 201, r.text
        await publish(kafka_bootstrap, [attendance(business_id, participant_id)])

        async def all_shown() -> bool:
            page = await client.get(f"{API}/gallery", params={"q": brand, "per_page": 24})
            return page.status_code == 200 and page.json()["total"] == products

        await wait_for(all_shown, timeout=90)
    return brand
