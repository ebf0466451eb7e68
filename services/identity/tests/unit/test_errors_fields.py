"""identity's error and field-error names are the platform's."""
from balai_platform import errors, fields
from identity.domain import fields as identity_fields
from identity.service import errors as identity_errors


def test_identity_errors_are_the_platform_hierarchy():
    assert identity_errors.IdentityError is errors.ServiceError
    assert issubclass(identity_errors.NotFound, identity_errors.IdentityError)
    assert identity_errors.InvalidInput({"nik": "x"}).status == 422
    too_many = identity_errors.TooManyAttempts("Coba lagi nanti", 60)
    assert (too_many.status, too_many.retry_after) == (429, 60)


def test_field_error_and_context_come_from_the_platform():
    assert identity_fields.FieldError is fields.FieldError and identity_fields.Context is fields.Context
