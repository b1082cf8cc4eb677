#!/bin/bash
# The webhook alone under wrk, and what PostgreSQL writes for it: after WARMUP seconds of distinct events, SECONDS
# more are measured for the write-ahead log per stored event (records, full-page images, bytes, flushes), the CPU
# per stored event of the JVM and of PostgreSQL, and the checkpoints and backend writes meanwhile. For trying a
# PostgreSQL setting or a group-commit setting against the same load: the webhook-compare.sh ratio says how fast,
# this says where the writes go.
#
#   [SETTINGS="name=value ..."] bench/webhook-wal.sh [SECONDS=45] [WARMUP=45] [CONNECTIONS=16]
#
# SETTINGS are applied to the service's embedded PostgreSQL with ALTER SYSTEM and a reload before the warm-up
# (settings a reload takes: max_wal_size, checkpoint_timeout, wal_compression, bgwriter_*); the service's own
# settings go in its environment as usual (INBOX_STORE_GROUP_COMMIT_COMMITTERS=3 bench/webhook-wal.sh). Also
# BENCH_REF, SHARED_DIR, SERVICE_JAVA_OPTS as in webhook-compare.sh. Needs wrk, psql (postgresql-client), a JDK 17,
# python3 with cryptography and requests, curl.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

secs=${1:-45}
warmup=${2:-45}
conns=${3:-16}
counts "SECONDS, WARMUP and CONNECTIONS are whole numbers" "$secs" "$warmup" "$conns"
needs java python3 curl timeout wrk psql
need_lark_kit wrk-replay.lua

setup_work webhook-wal
prepare_source
build_jar
start_webhook_service
postgres_of "$work/data"
PGPASSWORD=$pg_password
export PGPASSWORD
sql() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -At -c "$1"; }
for setting in ${SETTINGS:-}; do
    [[ $setting =~ ^[a-z_]+=[A-Za-z0-9_.]+$ ]] || die "SETTINGS are name=value pairs: $setting"
    sql "ALTER SYSTEM SET ${setting%%=*} = '${setting#*=}'" >/dev/null
done
sql "SELECT pg_reload_conf()" >/dev/null

log "warm-up: ${warmup}s at $conns connections"
kit_events "$work/warm.txt" 400000
replay "$url" "$work/warm.txt" "$warmup" "$conns" >/dev/null
kit_events "$work/measured.txt" 400000
sql "SELECT pg_stat_reset_shared('wal'), pg_stat_reset_shared('bgwriter')" >/dev/null
stored_before=$(sql "SELECT count(*) FROM event_ledger")
jvm_before=$(cpu_seconds "$service")
pg_before=$(pg_cpu_seconds "$work/data")
result=$(replay "$url" "$work/measured.txt" "$secs" "$conns")
stored=$(($(sql "SELECT count(*) FROM event_ledger") - stored_before))
jvm=$(awk -v a="$jvm_before" -v b="$(cpu_seconds "$service")" 'BEGIN { print b - a }')
pg=$(awk -v a="$pg_before" -v b="$(pg_cpu_seconds "$work/data")" 'BEGIN { print b - a }')
((stored > 0)) || die "nothing was stored"

echo "webhook-wal: ${secs}s after ${warmup}s of warm-up, $conns connections, $src_label, $(load_note)"
echo "$result"
sql "SELECT wal_records, wal_fpi, wal_bytes, wal_sync FROM pg_stat_wal" | awk -F'|' -v n="$stored" '{
    printf "WAL per_event records=%.1f full_page_images=%.2f bytes=%.0f (full pages ~%.0f%%) flushes=%.3f\n",
        $1 / n, $2 / n, $3 / n, 100 * $2 * 8192 / $3, $4 / n }'
sql "SELECT checkpoints_timed + checkpoints_req, buffers_checkpoint, buffers_backend FROM pg_stat_bgwriter" |
    awk -F'|' -v n="$stored" '{ printf "WRITES checkpoints=%d buffers_by_checkpoints=%d buffers_by_backends_per_event=%.2f\n", $1, $2, $3 / n }'
awk -v n="$stored" -v j="$jvm" -v p="$pg" 'BEGIN {
    printf "CPU ms_per_event jvm=%.3f postgres=%.3f (stored %d events)\n", j * 1000 / n, p * 1000 / n, n }'
echo "SETTINGS $(sql "SELECT string_agg(name || '=' || current_setting(name), ' ' ORDER BY name) FROM pg_settings
    WHERE name IN ('max_wal_size', 'checkpoint_timeout', 'wal_compression', 'shared_buffers')")"
