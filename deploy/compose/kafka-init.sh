#!/usr/bin/env bash
# Local stack only (docker-compose.yml): creates the Balai topics on the single-node
# broker, which has auto-creation turned off. Idempotent (--if-not-exists).
# Production topics are Strimzi KafkaTopic resources: deploy/kafka/topics.yaml.
# Keep both lists in step with the catalogue in docs/events.md.
set -euo pipefail

bootstrap="${KAFKA_BOOTSTRAP:-kafka:9092}"
partitions="${TOPIC_PARTITIONS:-6}"
replication="${TOPIC_REPLICATION_FACTOR:-1}"
retention_ms="${TOPIC_RETENTION_MS:-604800000}"        # 7 days
dlq_retention_ms="${DLQ_RETENTION_MS:-2592000000}"     # 30 days: time to look and replay
topics_bin=/opt/kafka/bin/kafka-topics.sh

create() {  # name retention_ms
  "${topics_bin}" --bootstrap-server "${bootstrap}" --create --if-not-exists \
    --topic "$1" --partitions "${partitions}" --replication-factor "${replication}" \
    --config cleanup.policy=delete --config "retention.ms=$2"
}

for topic in ${BALAI_TOPICS:?}; do
  create "${topic}" "${retention_ms}"
done
for topic in ${BALAI_CONSUMED_TOPICS:?}; do
  create "${topic}.dlq" "${dlq_retention_ms}"
done

echo "balai: topics on ${bootstrap}:"
"${topics_bin}" --bootstrap-server "${bootstrap}" --list
