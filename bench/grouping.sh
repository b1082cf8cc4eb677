#!/usr/bin/env bash
# How fast grouping goes: stores N varied feedback in the embedded PostgreSQL, groups them until none waits
# (feedback/s), then stores N more while grouping runs as its job does (how long after the last acknowledgement
# the last is grouped). See bench/grouping.md. Usage: [ROUND=1000] [MAX_LAG=30] bench/grouping.sh [N] (default
# 200000); ROUND is the reports a round takes (GroupingJob's 1000 by default), MAX_LAG the seconds the rounds beside
# the storing yield to it (inbox.problems.max-lag's 30 s by default; 0: a round every second whatever arrives).
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-200000}"
# the reactor resolves the domain module (and its test classes) from its target directories: nothing is installed
./mvnw -B -ntp -q test-compile dependency:build-classpath -pl adapters-outbound-db -am \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
echo "commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . || echo ' (with uncommitted changes)'), N=$n, $(nproc) cores"
java -Xmx2g ${ROUND:+-Dbench.round=$ROUND} ${MAX_LAG:+-Dbench.max-lag=$MAX_LAG} -cp "adapters-outbound-db/target/test-classes:adapters-outbound-db/target/classes:$(cat adapters-outbound-db/target/bench-classpath.txt)" \
    dev.larkinbox.outbound.db.bench.GroupingBench "$n" 2> >(grep -v -e ' INFO ' -e ' DEBUG ' >&2)
