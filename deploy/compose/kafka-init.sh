#!/usr/bin/env bash
# Local stack only (docker-compose.yml): creates the Balai topics on the single-node
# broker, which has auto-creation turned off. Idempotent (--if-not-exists).
# Production topics are Strimzi KafkaTopic resources: deploy/kafka/topics.yaml.
# Keep both lists in step with the catalogue in docs/events.md; the settings are those of
# balai_contracts.topics.topic_config (docs/events.md, "Retention and compaction").
set -euo pipefail

bootstrap="${KAFKA_BOOTSTRAP:-kafka:9092}"
partitions="${TOPIC_PARTITIONS:-6}"
replication="${TOPIC_REPLICATION_FACTOR:-1}"
retention_ms="${TOPIC_RETENTION_MS:-604800000}"        # 7 days
dlq_retention_ms="${DLQ_RETENTION_MS:-2592000000}"     # 30 days: time to look and replay
# compacted (state-carrying) topics: every event stays at least 7 days, then the latest per key
min_compaction_lag_ms="${MIN_COMPACTION_LAG_MS:-604800000}"
delete_retention_ms="${DELETE_RETENTION_MS:-86400000}" # a tombstone stays 1 day
topics_bin=/opt/kafka/bin/kafka-topics.sh
configs_bin=/opt/kafka/bin/kafka-configs.sh
compacted=" ${BALAI_COMPACTED_TOPICS:-} "

create() {  # name, then its settings; an existing topic (an older volume) gets them too
  local name="$1"; shift
  local configs=()
  for c in "$@"; do configs+=(--config "$c"); done
  "${topics_bin}" --bootstrap-server "${bootstrap}" --create --if-not-exists \
    --topic "${name}" --partitions "${partitions}" --replication-factor "${replication}" "${configs[@]}"
  "${configs_bin}" --bootstrap-server "${bootstrap}" --alter --entity-type topics --entity-name "${name}" \
    --add-config "$(IFS=,; echo "$*")"
}

for topic in ${BALAI_TOPICS:?}; do
  if [[ "${compacted}" == *" ${topic} "* ]]; then
    create "${topic}" cleanup.policy=compact "min.compaction.lag.ms=${min_compaction_lag_ms}" \
      "delete.retention.ms=${delete_retention_ms}"
  else
    create "${topic}" cleanup.policy=delete "retention.ms=${retention_ms}"
  fi
done
for topic in ${BALAI_CONSUMED_TOPICS:?}; do
  create "${topic}.dlq" cleanup.policy=delete "retention.ms=${dlq_retention_ms}"
done

echo "balai: topics on ${bootstrap}:"
"${topics_bin}" --bootstrap-server "${bootstrap}" --list
