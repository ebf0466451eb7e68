"""Kafka topics: one per aggregate stream, keyed by aggregate id."""

IDENTITY_PARTICIPANT = "identity.participant"
IDENTITY_ORGANISATION = "identity.organisation"
UKM_BUSINESS = "ukm.business"
UKM_PRODUCT = "ukm.product"
TRAINING_ENROLLMENT = "training.enrollment"
TRAINING_NARASUMBER = "training.narasumber"
LODGING_STAY = "lodging.stay"
CERTIFICATE = "certificate.certificate"
SURVEY_INVITATION = "survey.invitation"
SURVEY_RESPONSE = "survey.response"

ALL_TOPICS = (
    IDENTITY_PARTICIPANT, IDENTITY_ORGANISATION, UKM_BUSINESS, UKM_PRODUCT, TRAINING_ENROLLMENT,
    TRAINING_NARASUMBER, LODGING_STAY, CERTIFICATE, SURVEY_INVITATION, SURVEY_RESPONSE,
)
PARTITIONS = 6


def dlq(topic: str) -> str:
    """Dead-letter topic of a consumed topic."""
    return f"{topic}.dlq"
