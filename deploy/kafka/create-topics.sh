#!/usr/bin/env bash
# Creates the coinfer topics with their settings on a Kafka cluster (idempotent).
# Used by the compose `kafka-init` service; works against any cluster:
#   KAFKA_BOOTSTRAP=host:9092 PARTITIONS=6 REPLICATION=3 deploy/kafka/create-topics.sh
# The dead-letter topics (<topic>.dlt.<consumer>) are created by the services' Kafka binder.
set -euo pipefail
bootstrap="${KAFKA_BOOTSTRAP:-kafka:9092}"
partitions="${PARTITIONS:-3}"
replication="${REPLICATION:-1}"
topics_sh="${KAFKA_TOPICS_SH:-/opt/kafka/bin/kafka-topics.sh}"

create() {
  local topic="$1"; shift
  "$topics_sh" --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$topic" \
    --partitions "$partitions" --replication-factor "$replication" "$@"
}

# Latest state per UE (key UE id): compacted, a tombstone deregisters a UE.
create coinfer.ue-state --config cleanup.policy=compact --config min.compaction.lag.ms=60000 \
  --config delete.retention.ms=3600000
# One decision per UE per slot (500 ms): only the latest matters, keep an hour for replay.
create coinfer.decisions --config retention.ms=3600000
# Jobs, features and results: a day, so that a restarted service finds its backlog. Jobs carry an
# image (the gateway takes up to 2 MB, 2.7 MB as JSON) and features a payload: 8 MB per record,
# above the producers' max.request.size (4 MB), so the producer's limit is the one that bites.
create coinfer.jobs --config retention.ms=86400000 --config max.message.bytes=8388608
create coinfer.features --config retention.ms=86400000 --config max.message.bytes=8388608
create coinfer.results --config retention.ms=86400000
"$topics_sh" --bootstrap-server "$bootstrap" --list
