#!/usr/bin/env bash
# What PostgreSQL alone spends to store an event, without this service's code: pgbench writes the rows a
# feedback event needs (its ledger entry and its feedback row, into the service's own schema, on the service's
# embedded PostgreSQL with fsync on) in transactions of BATCH events, from CLIENTS clients (2, like the 2
# committers, unless set).
# It prints, per batch size, the events stored per second and PostgreSQL's CPU per event: the floor under the
# service's own figure in webhook-compare.sh.
#
#   [CLIENTS=N] bench/pg-floor.sh [SECONDS] [BATCH ...]   # defaults 15 8 32; needs pgbench (postgresql-client)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

secs=${1:-15}
clients=${CLIENTS:-2}
batches=("${@:2}")
((${#batches[@]})) || batches=(8 32)
counts "SECONDS is a whole number" "$secs"
counts "CLIENTS is a whole number" "$clients"
counts "BATCH is a whole number" "${batches[@]}"
needs java python3 curl timeout
if ! command -v pgbench >/dev/null; then
    log "installing pgbench (apt-get install postgresql-client)"
    apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null || die "pgbench is needed"
fi

setup_work pg-floor
prepare_source
build_jar

start_idle_postgres "$work/data"
PGPASSWORD=$pg_password
export PGPASSWORD

cat >"$work/event.sql" <<'SQL'
\set n random(1, 9000000000000000)
BEGIN;
INSERT INTO event_ledger (event_id, event_type, app_id, tenant_key, transport, created_at, received_at, outcome)
SELECT 'floor-' || :n || '-' || g, 'application.application.feedback.created_v6', 'cli_floor', 'tenant', 'webhook',
       now(), now(), 'stored'
FROM generate_series(1, :batch) g
ON CONFLICT DO NOTHING RETURNING event_id;
INSERT INTO feedback (feedback_id, event_id, app_id, tenant_key, feedback_type, fault_types, description, images,
                      priority, category, reasons, status, received_at, raw_event)
SELECT 'floor-' || :n || '-' || g, 'floor-' || :n || '-' || g, 'cli_floor', 'tenant', 1, '{1,2}',
       'the app crashes when I open the settings page', '{}', 'P2', 'fault', '{fault}', 'new', now(),
       repeat('x', 800)
FROM generate_series(1, :batch) g
ON CONFLICT DO NOTHING RETURNING event_id;
END;
SQL

# events SECONDS BATCH: the clients write events in transactions of BATCH for that long; pgbench's report
events() {
    bounded $(($1 + 60)) pgbench -n -M prepared -h 127.0.0.1 -p "$pg_port" -U postgres -c "$clients" -j "$clients" -T "$1" \
        -D batch="$2" -f "$work/event.sql" postgres 2>&1
}

# unmeasured first: the service's start (its migrations' backends) settles, the caches warm
out=$(events 5 8) || { echo "$out" >&2; die "pgbench failed"; }
echo "pg-floor: ${secs}s per batch size, $clients client(s), fsync on, $(load_note)"
for batch in "${batches[@]}"; do
    sleep 1 # the backends of the run before have ended and are counted in their postmaster's total
    before=$(pg_cpu_seconds "$work/data")
    out=$(events "$secs" "$batch") || { echo "$out" >&2; die "pgbench failed"; }
    after=$(pg_cpu_seconds "$work/data")
    tx=$(awk '/actually processed/ { split($NF, a, "/"); print a[1] }' <<<"$out")
    python3 - "$batch" "$tx" "$before" "$after" "$secs" <<'PY'
import sys
batch, tx, before, after, secs = int(sys.argv[1]), int(sys.argv[2]), *map(float, sys.argv[3:6])
events = batch * tx
print(f"FLOOR batch={batch} events_per_s={events / secs:.0f} postgres_ms_per_event={(after - before) * 1000 / events:.3f}")
PY
done
