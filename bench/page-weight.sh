#!/usr/bin/env bash
# The weight of the picker's home page: a broker (broker/target/broker.jar or BROKER_JAR) with the test members
# (four countries), one host per member and service for Alpha and Beta (12 services, 24 hosts), then GET / as a
# French and an English browser would ask it, plain and gzip-compressed as the broker sends it.
# Loopback only; about 20 s; stops what it started and removes its files.
#
#   bench/page-weight.sh                       # BROKER_PORT (18590), BROKER_JAR
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

BROKER_PORT=${BROKER_PORT:-18590}
BROKER_JAR=${BROKER_JAR:-broker/target/broker.jar}
[ -f "$BROKER_JAR" ] || ./mvnw -q -B -pl broker -am -DskipTests package
require_free_ports BROKER_PORT "$BROKER_PORT"
with_cleanup

BROKER_MEMBERS_FILE=broker/src/test/resources/test-members.yml MICRONAUT_SERVER_PORT=$BROKER_PORT \
  java -jar "$BROKER_JAR" >"$work/broker.log" 2>&1 &
pids+=($!)
await_broker "$BROKER_PORT" "$work/broker.log"
now=$(date -u +%FT%TZ)
for member in alpha beta; do
  hosts=""
  load=10
  for service in pad calc visio drive video microblog events poll drop shortener images board; do
    hosts="$hosts{\"id\":\"$service-1\",\"service\":\"$service\",\"software\":\"etherpad\",\"url\":\"https://$service.$member.example.org/\",\"status\":\"UP\",\"acceptsNewUsers\":true,\"activeUsers\":$load,\"capacityUsers\":100},"
    load=$((load + 5))
  done
  curl -fs -o /dev/null -X POST "http://127.0.0.1:$BROKER_PORT/api/v1/reports" \
    -H "Authorization: Bearer token-$member" -H 'Content-Type: application/json' \
    -d "{\"member\":\"$member\",\"sentAt\":\"$now\",\"intervalSeconds\":30,\"hosts\":[${hosts%,}]}"
done

echo "| page | Accept-Language | bytes | gzip bytes |"
echo "|---|---|---:|---:|"
for language in "fr-FR,fr;q=0.9" "en-GB,en;q=0.9"; do
  plain=$(curl -fs -H "Accept-Language: $language" "http://127.0.0.1:$BROKER_PORT/" | wc -c)
  gzip=$(curl -fs -H "Accept-Language: $language" -H 'Accept-Encoding: gzip' "http://127.0.0.1:$BROKER_PORT/" | wc -c)
  echo "| / | $language | $plain | $gzip |"
done
