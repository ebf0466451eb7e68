"""The real services' OpenAPI documents, built with each service's create_app() (no broker, no database).

create_app() makes a lazy engine and an unstarted broker, so reading `app.openapi()` needs neither."""
from __future__ import annotations

import base64
import contextvars
import functools
import os
from typing import Any

SERVICES = ("identity", "ukm", "training", "lodging", "certificate", "survey")


def _build() -> dict[str, Any]:
    from balai_platform.auth import generate_keypair
    from certificate.main import create_app as certificate_app
    from certificate.settings import Settings as CertificateSettings
    from identity.main import create_app as identity_app
    from identity.settings import Settings as IdentitySettings
    from lodging.main import create_app as lodging_app
    from lodging.settings import Settings as LodgingSettings
    from survey.main import create_app as survey_app
    from survey.settings import Settings as SurveySettings
    from training.main import create_app as training_app
    from training.settings import Settings as TrainingSettings
    from ukm.main import create_app as ukm_app
    from ukm.settings import Settings as UkmSettings

    private_pem, public_pem = generate_keypair()
    key = base64.b64encode(os.urandom(32)).decode()
    common = dict(jwt_public_key=public_pem, log_json=False, run_consumers=False)
    return {
        "identity": identity_app(IdentitySettings(**common, jwt_private_key=private_pem, pii_keys={"k1": key},
                                                  blind_index_key=key), run_relay=False),
        "ukm": ukm_app(UkmSettings(**common), run_relay=False),
        "training": training_app(TrainingSettings(**common), run_relay=False),
        "lodging": lodging_app(LodgingSettings(**common), run_relay=False),
        "survey": survey_app(SurveySettings(**common), run_relay=False),
        "certificate": certificate_app(CertificateSettings(**common), run_relay=False),
    }


@functools.cache
def service_apps() -> dict[str, Any]:
    """name -> FastAPI app of the real service; built once per test session."""
    # create_app() binds its service name into the logging context: keep that out of the caller's context
    return contextvars.copy_context().run(_build)


@functools.cache
def openapi_documents() -> dict[str, dict]:
    return {name: app.openapi() for name, app in service_apps().items()}
