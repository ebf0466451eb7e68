"""The template editor's parsing: every field checked with a message in Bahasa Indonesia, the number
format through the safe validator, the logo re-encoded by the platform (only the new bytes are kept)."""
from __future__ import annotations

import io

import pytest
from PIL import Image

from balai_platform.errors import InvalidInput
from certificate.service.templates import parse_template
from services.certificate.tests.unit.fakes import JATENG, FakeContext

FIELDS = dict(org_code="BALATKOP-UKM", org_name="Balatkop UKM Provinsi Jawa Tengah", org_parent="Dinas Koperasi",
              place="Semarang", number_format="{seq:03d}/BALATKOP-UKM/{roman_month}/{year}", heading="SERTIFIKAT",
              intro="diberikan kepada", body="atas partisipasinya", closing="", signatory_position="Kepala Balai",
              signatory_name="Dra. Sri Wahyuni, M.M.", signatory_nip="19680412 199403 2 005")


def png(size=(300, 200)) -> bytes:
    buf = io.BytesIO()
    img = Image.new("RGB", size, (20, 60, 120))
    img.save(buf, "PNG", pnginfo=None)
    return buf.getvalue()


def current():
    return FakeContext().default_template(JATENG)


def test_fields_are_normalised_and_the_syllabus_switch_read():
    t = parse_template({**FIELDS, "org_name": "  Balatkop   UKM  Jateng ", "syllabus_page": "on"}, None, current())
    assert t.content.org_name == "Balatkop UKM Jateng" and t.content.syllabus_page is True
    assert t.content.signatory.nip == "19680412 199403 2 005" and t.number_format.startswith("{seq:03d}")


@pytest.mark.parametrize(("field", "value"), [("org_name", "ab"), ("signatory_name", ""), ("place", "x" * 61),
                                               ("number_format", "{seq.__class__}"), ("number_format", "{year}"),
                                               ("number_format", "{seq!r}")])
def test_bad_fields_are_refused_by_name(field, value):
    with pytest.raises(InvalidInput) as refused:
        parse_template({**FIELDS, field: value}, None, current())
    assert field in refused.value.errors


def test_a_logo_is_re_encoded_as_png_and_can_be_removed():
    t = parse_template(FIELDS, png((1600, 900)), current())
    logo = Image.open(io.BytesIO(t.content.logo_png))
    assert logo.format == "PNG" and max(logo.size) <= 600
    kept = parse_template(FIELDS, None, t)
    assert kept.content.logo_png == t.content.logo_png
    assert parse_template({**FIELDS, "remove_logo": "1"}, None, t).content.logo_png is None
    with pytest.raises(InvalidInput) as refused:
        parse_template(FIELDS, b"GIF89a not an image", current())
    assert "logo" in refused.value.errors
