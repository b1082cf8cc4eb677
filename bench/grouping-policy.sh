#!/usr/bin/env bash
# What one grouping decision costs on this machine: DefaultGroupingPolicy over the labelled corpus, each report
# among 100 candidates of its key. See bench/grouping.md. Usage: bench/grouping-policy.sh [passes] (default 20).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q test-compile -pl domain >/dev/null
echo "commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . || echo ' (with uncommitted changes)'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp domain/target/test-classes:domain/target/classes dev.larkinbox.domain.problem.PolicyCostBench "${1:-20}"
