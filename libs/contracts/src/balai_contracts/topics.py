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

# State-carrying topics: every event carries the aggregate's whole current state (what any
# consumer copies), so the latest event per key is enough. They are compacted (docs/events.md,
# "Retention and compaction"): a consumer deployed later rebuilds its copies from them
# (`python -m <service> replay`). The others keep 7 days: their events are transitions
# (an enrollment's history), and compaction would drop the ones reactions need.
COMPACTED_TOPICS = (IDENTITY_PARTICIPANT, IDENTITY_ORGANISATION, UKM_BUSINESS, UKM_PRODUCT)
RETENTION_MS = 7 * 24 * 3600 * 1000          # delete topics: 7 days
DLQ_RETENTION_MS = 30 * 24 * 3600 * 1000     # .dlq topics: 30 days to inspect and replay
# compacted topics: every event stays at least 7 days (a consumer back within the delete
# topics' window still sees every intermediate event), then only the latest per key remains
MIN_COMPACTION_LAG_MS = RETENTION_MS
# a tombstone (null value, e.g. an erased account) stays 1 day, then the key is gone for good
DELETE_RETENTION_MS = 24 * 3600 * 1000


def topic_config(topic: str) -> dict[str, str]:
    """The topic-level settings of `topic` (deploy/kafka/topics.yaml, kafka-init.sh, the dev stack)."""
    if topic.endswith(".dlq"):
        return {"cleanup.policy": "delete", "retention.ms": str(DLQ_RETENTION_MS)}
    if topic in COMPACTED_TOPICS:
        return {"cleanup.policy": "compact", "min.compaction.lag.ms": str(MIN_COMPACTION_LAG_MS),
                "delete.retention.ms": str(DELETE_RETENTION_MS)}
    return {"cleanup.policy": "delete", "retention.ms": str(RETENTION_MS)}


def dlq(topic: str) -> str:
    """Dead-letter topic of a consumed topic."""
    return f"{topic}.dlq"
