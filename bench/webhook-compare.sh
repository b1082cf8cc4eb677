#!/bin/bash
# Webhook ingest, side by side: starts our service (embedded PostgreSQL in a fresh temp dir, a free port on
# 127.0.0.1) and runs shared/bench/compare-webhook.sh against it, which puts it beside the Lark Node SDK's own
# webhook sample (handlers that only acknowledge) on the same encrypted, signed requests, with wrk.
#
#   bench/webhook-compare.sh [ROUNDS] [SECONDS] [CONNECTIONS]      defaults: 3 rounds, 10 s, 16 connections
#
# Prints compare-webhook.sh's rounds (service and peer: rps, p50/p99 latency, non-2xx, socket errors), then
# the medians, and last: RATIO service/peer rps=<median of the per-round ratios>.
#
# Environment: BENCH_REF=<commit> benchmarks that commit (git archive into a temp dir) instead of the working
# tree; SHARED_DIR (default ../shared); SERVICE_JAVA_OPTS, JVM options after the tree's app/jvm.options (the
# service starts with those, as the README starts it); SERVICE_WARMUP_SECS=<s> sends the service that many
# seconds of distinct events before the comparison (the JVM compiles its hot code for about a minute under
# load; the kit's own warm-up is one round, and the peer's V8 needs less), 0 by default. Needs wrk (installed with apt-get when missing),
# a JDK 17, node/npm, python3 with cryptography and requests, curl.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

rounds=${1:-3}
secs=${2:-10}
conns=${3:-16}
warmup=${SERVICE_WARMUP_SECS:-0}
[[ $warmup =~ ^[0-9]+$ ]] || die "SERVICE_WARMUP_SECS is a whole number of seconds"
counts "ROUNDS, SECONDS and CONNECTIONS are whole numbers" "$rounds" "$secs" "$conns"

needs java node npm python3 curl timeout
if ! command -v wrk >/dev/null; then
    log "installing wrk (apt-get)"
    apt-get update -qq && apt-get install -y -qq wrk >/dev/null || die "wrk is needed (apt-get install -y wrk)"
fi
need_lark_kit compare-webhook.sh

setup_work webhook-bench
prepare_source
build_jar

# compare-webhook.sh would npm install into the shared folder, which is read-only
kit_with_node_modules

start_webhook_service
if [[ ${PEER:-sdk} == durable && -z ${PEER_PG_URL:-} ]]; then
    # the durable peer's own PostgreSQL, the same server as the service's, as a production run has it
    start_idle_postgres "$work/peer-data"
    export PEER_PG_URL=postgres://postgres:$pg_password@127.0.0.1:$pg_port/postgres
fi

if ((warmup > 0)); then
    # distinct events, as many as a fast service takes in that time
    kit_events "$work/warmup.txt" $((warmup * 2500))
    log "warming the service up: ${warmup}s at $conns connections"
    replay "$url" "$work/warmup.txt" "$warmup" "$conns" | sed 's/^/  warm-up: /'
fi

# ---- the comparison (the kit's own script; its temp files go under $work) ----
echo "webhook-compare: $rounds rounds x ${secs}s, $conns connections; service = $src_label; service warm-up ${warmup}s"
echo "  $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)); $(load_note)"
echo "  $(java -version 2>&1 | head -n 1); node $(node --version); $(wrk --version 2>&1 | head -n 1 | cut -d' ' -f1-2)"
# CPU of the service's JVM and of its PostgreSQL, and what it stored, from here to the end of the comparison
# (which includes the peer's rounds, when the service idles)
jvm_cpu0=$(cpu_seconds "$service") pg_cpu0=$(pg_cpu_seconds "$work/data")
stored0=$(metric "$url" lark_events_total 'outcome="stored"')
batches0=$(metric "$url" inbox_store_commit_batch_size_count) batched0=$(metric "$url" inbox_store_commit_batch_size_sum)
# each round: 2 wrk runs and a 30,000-request file built by python; plus 2 files and a warm-up at the start
limit=$((300 + rounds * (2 * secs + 120) + 2 * secs))
TMPDIR=$work/tmp PEER_PORT=$(free_port) LARK_ENCRYPT_KEY=$encrypt_key LARK_VERIFICATION_TOKEN=$verification_token \
    bounded "$limit" "$kit/compare-webhook.sh" "$url" "$rounds" "$secs" "$conns" >"$work/compare.out" 2>&1 ||
    {
        cat "$work/compare.out"
        die "compare-webhook.sh failed or took more than ${limit}s"
    }
cat "$work/compare.out"

kill -0 "$service" 2>/dev/null || die "the service died during the benchmark"
jvm_cpu=$(awk -v a="$(cpu_seconds "$service")" -v b="$jvm_cpu0" 'BEGIN { print a - b }')
pg_cpu=$(awk -v a="$(pg_cpu_seconds "$work/data")" -v b="$pg_cpu0" 'BEGIN { print a - b }')
stored=$(($(metric "$url" lark_events_total 'outcome="stored"') - stored0))
batches=$(($(metric "$url" inbox_store_commit_batch_size_count) - batches0))
batched=$(($(metric "$url" inbox_store_commit_batch_size_sum) - batched0))
rss_mb=$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$service/status")
# every 200 answer (warm-up included) is an event stored or a repeat of one (an event may also be stored whose
# answer wrk no longer read, at the end of a run), and each stored event is one row
answered=$(metric "$url" http_server_requests_seconds_count 'status="200",uri="/webhook/event"')
stored_all=$(metric "$url" lark_events_total 'outcome="stored"')
repeats=$(metric "$url" lark_events_total 'outcome="duplicate"')
rows=$(bounded 600 python3 "$bench_dir/check-stored.py" "$url" "$api_token" --count) || die "reading the stored events back failed"
exactly_once="answered_200=$answered stored=$stored_all duplicates=$repeats $rows"
((answered <= stored_all + repeats)) && [[ $rows == "rows=$stored_all distinct=$stored_all" ]] ||
    die "not every answered event is stored exactly once: $exactly_once"
start=$SECONDS
stop_pid "$service" 60
stop_leftover_pg "$work/data"
log "service stopped in $((SECONDS - start)) s"
errors=$(grep -c -E '^[0-9:.]+ +(ERROR|WARN) ' "$work/service.out" || true)
[ "$errors" = 0 ] || {
    echo "service log: $errors ERROR/WARN line(s), the first ones:"
    grep -E '^[0-9:.]+ +(ERROR|WARN) ' "$work/service.out" | head -n 5 | cut -c1-300
}
rps() { sed -n "s/^round [0-9]* $1: *RESULT rps=\([0-9]*\).*/\1/p" "$work/compare.out"; }
echo "  ($(load_note) at the end)"
python3 - "$stored" "$jvm_cpu" "$pg_cpu" "$batches" "$batched" "$rss_mb" <<'EOF'
import sys
stored, jvm, pg, batches, batched, rss = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), \
    int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
per = lambda s: "%.3f" % (s * 1000 / stored) if stored else "n/a"
print(f"CPU stored={stored} jvm_s={jvm:.1f} postgres_s={pg:.1f} ms_per_event jvm={per(jvm)} postgres={per(pg)} "
      f"total={per(jvm + pg)}")
print(f"BATCHES commits={batches} events={batched} mean_batch={batched / batches if batches else 0:.1f}")
print(f"RSS peak_mb={rss}")
EOF
echo "EXACTLY_ONCE $exactly_once"
echo "MEDIAN service rps=$(rps service | median 0)"
echo "MEDIAN peer rps=$(rps 'peer' | median 0)"
grep '^RATIO' "$work/compare.out" | tail -n 1
