#!/bin/bash
# A burst through the real webhook (issue 29, "Grouping that keeps up"): starts the service (embedded PostgreSQL,
# fsync on, grouping as shipped), sends N varied feedback events as fast as CONNECTIONS connections take them, each
# once, then waits until the grouping has seen the last one.
#
#   bench/burst.sh [N=200000] [CONNECTIONS=16]
#
# Prints the burst (events/s, p50/p99 latency, refusals), the service's CPU per stored event during it, and last:
# GROUPED the last feedback <s> after its acknowledgement. Fails unless every event was stored exactly once.
# Environment: as webhook-compare.sh (BENCH_REF, SHARED_DIR, SERVICE_JAVA_OPTS). Needs node, a JDK 17, python3 with
# cryptography and requests, curl.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

n=${1:-200000}
conns=${2:-16}
counts "N and CONNECTIONS are whole numbers" "$n" "$conns"
needs java node python3 curl timeout
need_lark_kit larksim.py

setup_work burst-bench
prepare_source
build_jar
start_webhook_service

log "building $n varied feedback requests"
KIT_DIR=$kit bounded $((120 + n / 1000)) python3 "$bench_dir/burst.py" "$work/burst.txt" "$n" --key "$encrypt_key" \
    --token "$verification_token" >/dev/null || die "building the requests failed"

echo "burst: N=$n at $conns connections; service = $src_label; $(nproc) cores; $(load_note) at the start"
jvm_cpu0=$(cpu_seconds "$service") pg_cpu0=$(pg_cpu_seconds "$work/data")
bounded $((600 + n / 100)) node "$bench_dir/burst-send.js" "$url" "$work/burst.txt" "$conns" | tee "$work/burst.out"
acked_at=$(date +%s.%N)
jvm_cpu=$(awk -v a="$(cpu_seconds "$service")" -v b="$jvm_cpu0" 'BEGIN { print a - b }')
pg_cpu=$(awk -v a="$(pg_cpu_seconds "$work/data")" -v b="$pg_cpu0" 'BEGIN { print a - b }')
grep -q 'refused=0 ' "$work/burst.out" || die "the service refused events of the burst"

wait_grouped "$acked_at"

stored=$(metric "$url" lark_events_total 'outcome="stored"')
rows=$(bounded 600 python3 "$bench_dir/check-stored.py" "$url" "$api_token" --count) || die "reading the stored events back failed"
[[ $stored == "$n" && $rows == "rows=$n distinct=$n" ]] || die "not stored exactly once: stored=$stored $rows"
python3 - "$n" "$jvm_cpu" "$pg_cpu" <<'PY'
import sys
n, jvm, pg = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
print(f"CPU during the burst, per stored event: jvm={jvm * 1000 / n:.3f} postgres={pg * 1000 / n:.3f} ms")
PY
echo "EXACTLY_ONCE stored=$stored $rows"
grep -E '^[0-9:.]+ +(ERROR|WARN) ' "$work/service.out" | head -n 5 | cut -c1-300 || true
echo "  ($(load_note) at the end)"
echo "GROUPED the last feedback ${grouped_s} s after its acknowledgement"
