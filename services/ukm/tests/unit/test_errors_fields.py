"""ukm's error and field-error names are the platform's."""
from balai_platform import errors, fields
from ukm.domain import fields as ukm_fields
from ukm.entrypoints.deps import PayloadTooLarge
from ukm.service import errors as ukm_errors


def test_ukm_errors_are_the_platform_hierarchy():
    assert ukm_errors.UkmError is errors.ServiceError
    assert issubclass(ukm_errors.Conflict, ukm_errors.UkmError) and ukm_errors.Conflict("x").status == 409
    assert PayloadTooLarge is errors.PayloadTooLarge and PayloadTooLarge("x").status == 413


def test_field_error_and_context_come_from_the_platform():
    assert ukm_fields.FieldError is fields.FieldError and ukm_fields.Context is fields.Context
