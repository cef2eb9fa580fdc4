#!/usr/bin/env bash
# The broker's ChatonsInfos refresh on a federation of 100 organizations and 500 services served on the loopback
# (bench/src/main/java/.../chatonsinfos/CrawlBench.java): time per refresh, requests per refresh, heap retained, and
# one round of public probes. Options pass through: --orgs N --services N --rounds N.
# Builds what it needs (no install), then runs with the broker's own heap limit. sun.net.httpserver.nodelay: the JDK's
# HTTP server serving the files otherwise adds ~40 ms to each small answer (Nagle and delayed ACK), see BENCHMARKS.md §5.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl bench -am package -DskipTests dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >/dev/null
java -Xms64m -Xmx256m -XX:+UseSerialGC -Dsun.net.httpserver.nodelay=true -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  org.chatons.entraide.bench.chatonsinfos.CrawlBench "$@"
