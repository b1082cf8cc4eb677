#!/usr/bin/env bash
# What matching the webhook peer asks of this machine. The Node SDK's sample stores nothing; the service must
# also commit every event. On one machine the load generator, the service and its PostgreSQL share the cores,
# so at the peer's rate the CPU left for the service (JVM and PostgreSQL) per event is
#     cores / peer_rps - wrk's CPU per request,
# and PostgreSQL alone needs at least pg-floor.sh's figure for the two rows of a feedback event, at the batch
# sizes the connections allow (16 connections: at most 16 events wait, about 8 per commit with 2 committers).
#
#   bench/ceiling.sh [ROUNDS] [SECONDS] [CONNECTIONS]     defaults: 3 rounds, 10 s, 16 connections
#
# Prints per round the peer's rate and the CPU per request of node and of wrk (/proc, user + system), then
# pg-floor.sh's lines for 8 and 16 events per transaction, and last:
#   BUDGET jvm_plus_postgres_ms_per_event=<what is left at the peer's median rate> floor_batch_8=… floor_batch_16=…
# Environment: SHARED_DIR (default ../shared). Needs node/npm, wrk, python3 with cryptography, and what
# pg-floor.sh needs.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

rounds=${1:-3}
secs=${2:-10}
conns=${3:-16}
counts "ROUNDS, SECONDS and CONNECTIONS are whole numbers" "$rounds" "$secs" "$conns"
needs node npm python3 wrk timeout
kit=$shared/bench
[ -f "$kit/peers/node-sdk/server.js" ] || die "no $kit/peers/node-sdk/server.js (set SHARED_DIR to the shared folder)"

setup_work ceiling
kit_with_node_modules
# the peer answers any event alike: 30,000 replayed in a loop, as the kit does
kit_events "$work/events.txt" 30000
port=$(free_port)
start_bg "$work/peer.out" env LARK_ENCRYPT_KEY="$encrypt_key" LARK_VERIFICATION_TOKEN="$verification_token" \
    PORT="$port" node "$kit/peers/node-sdk/server.js"
peer=$LAST_PID
sleep 1

# round SECONDS: one wrk run against the peer; prints "rps node_ms wrk_ms"
round() {
    local n0 n1 w w1 rps
    n0=$(cpu_seconds "$peer")
    REQS=$work/events.txt wrk -t1 -c"$conns" -d"$1s" -s "$kit/wrk-replay.lua" "http://127.0.0.1:$port" \
        >"$work/wrk.out" 2>&1 &
    w=$!
    track "$w"
    # wrk's own CPU, read just before it ends (once reaped, /proc no longer has it)
    sleep "$(python3 -c "print($1 - 0.2)")"
    w1=$(cpu_seconds "$w")
    wait "$w" || die "wrk failed: $(cat "$work/wrk.out")"
    untrack "$w"
    n1=$(cpu_seconds "$peer")
    rps=$(sed -n 's/^RESULT rps=\([0-9]*\).*/\1/p' "$work/wrk.out")
    [ -n "$rps" ] && [ "$rps" -gt 0 ] || die "wrk gave no rate: $(cat "$work/wrk.out")"
    python3 -c "import sys
rps, secs, n0, n1, wrk = int(sys.argv[1]), *map(float, sys.argv[2:6])
print(rps, f'{(n1 - n0) * 1000 / (rps * secs):.4f}', f'{wrk * 1000 / (rps * (secs - 0.2)):.4f}')" \
        "$rps" "$1" "$n0" "$n1" "$w1"
}

echo "ceiling: the Node SDK's webhook sample, $rounds rounds x ${secs}s at $conns connections; $(nproc) cores; $(load_note)"
round "$secs" >/dev/null || die "the warm-up round failed"
rates=() nodes=() wrks=()
for r in $(seq "$rounds"); do
    out=$(round "$secs") || die "round $r failed"
    read -r rps node_ms wrk_ms <<<"$out"
    echo "round $r peer: rps=$rps node_ms_per_request=$node_ms wrk_ms_per_request=$wrk_ms"
    rates+=("$rps") nodes+=("$node_ms") wrks+=("$wrk_ms")
done
stop_pid "$peer"
peer_rps=$(printf '%s\n' "${rates[@]}" | median 0)
wrk_ms=$(printf '%s\n' "${wrks[@]}" | median 4)
echo "MEDIAN peer rps=$peer_rps node_ms_per_request=$(printf '%s\n' "${nodes[@]}" | median 4) wrk_ms_per_request=$wrk_ms"

floor=$(bash "$(dirname "$0")/pg-floor.sh" 15 8 16) || die "pg-floor.sh failed"
echo "$floor"
python3 - "$(nproc)" "$peer_rps" "$wrk_ms" "$floor" <<'EOF'
import re, sys
cores, rps, wrk, floor = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
budget = cores * 1000 / rps - wrk
per = dict(re.findall(r"batch=(\d+) events_per_s=\d+ postgres_ms_per_event=([0-9.]+)", floor))
print(f"BUDGET jvm_plus_postgres_ms_per_event={budget:.3f} floor_batch_8={per.get('8', 'n/a')} "
      f"floor_batch_16={per.get('16', 'n/a')}")
EOF
