#!/usr/bin/env bash
# Reads at scale (issue 29): starts the service (the packaged jar, embedded PostgreSQL, fsync on), fills it with N
# varied feedback through its real webhook (encrypted and signed as Lark sends them), waits until the grouping has
# seen them all, then times every API call and page (p50/p95 over REQUESTS each) and prints the table.
# Usage: bench/reads.sh [N=1000000] [REQUESTS=30]; OUT=file also writes the table there. See bench/README.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

n=${1:-1000000}
requests=${2:-30}
counts "N and REQUESTS are whole numbers" "$n" "$requests"

needs java python3 curl timeout
need_lark_kit larksim.py

setup_work reads-bench
prepare_source
build_jar

start_webhook_service

echo "reads at N=$n: $src_label; $(nproc) cores, $(load_note) at the start"
log "filling: $n varied feedback through the webhook"
KIT_DIR=$kit bounded $((600 + n / 100)) python3 "$bench_dir/reads.py" fill "$url" "$n" --key "$encrypt_key" \
    --token "$verification_token" || die "the fill failed"

wait_grouped "$(date +%s.%N)"
echo "GROUPED the last feedback $grouped_s s after the fill ended"

KIT_DIR=$kit bounded 3600 python3 "$bench_dir/reads.py" measure "$url" --api-token "$api_token" \
    --requests "$requests" ${OUT:+--out "$OUT"} || die "measuring failed"
heap=$(curl -fsS -m 5 -H "Authorization: Bearer $api_token" "$url/prometheus" | awk '
    /^jvm_memory_used_bytes\{.*area="heap"/ { used += $NF } /^jvm_memory_max_bytes\{.*area="heap"/ && $NF > 0 { max += $NF }
    END { printf "%.0f MB used of %.0f MB", used / 1048576, max / 1048576 }')
echo "MEMORY heap $heap; peak RSS $(awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' "/proc/$service/status"); $(load_note) at the end"
grep -E ' (ERROR|WARN) ' "$work/service.out" | head -n 5 || true
