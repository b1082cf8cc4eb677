#!/bin/bash
# Long connection (WebSocket), side by side: events per second from the stand-in Lark gateway into our service
# (each event stored in PostgreSQL before its ack) against the Lark Node SDK's WSClient
# (shared/bench/peers/node-sdk/ws-client.js, handlers that only acknowledge). Same gateway, same events.
#
#   bench/ws-compare.sh [EVENTS] [ROUNDS]          defaults: 20000 events, 3 rounds
#
# The service runs with its defaults, but for the recovery job's first run, put off by a day: the stand-in
# gateway does not serve Lark's open API, and a run of many events outlasts the default minute.
#
# Each run starts a fresh gateway (LarkGateway's main: EVENTS events, alternately feedback and revocations,
# every 10th in 3 fragments), then the client; the figure is the gateway's own: delivered events / time from
# the client's first connection to the last ack with code 200. Rounds alternate service, peer.
# After each service run every event is checked through the read API (stored once, none missing).
# Prints each run, the medians, and last: RATIO service/peer events_per_s=<median of the per-round ratios>
#
# Environment: BENCH_REF=<commit> benchmarks that commit (git archive into a temp dir) instead of the working
# tree; SHARED_DIR (default ../shared); WS_RUN_TIMEOUT (s per run, default 240 + (EVENTS + warm-up)/50);
# WS_WARMUP_EVENTS=<n>: each run's gateway first delivers n other events (warmup-1 ..) and measures from when
# they are all acked (the JVM compiles its hot code through the first tens of thousands), 0 by default;
# SERVICE_JAVA_OPTS (after the tree's app/jvm.options), GATEWAY_JAVA_OPTS. Needs a JDK 17, node/npm, python3, curl.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

events=${1:-20000}
rounds=${2:-3}
[[ $events =~ ^[0-9]+$ && $events -ge 2 ]] || die "EVENTS must be a whole number, at least 2"
[[ $rounds =~ ^[0-9]+$ && $rounds -ge 1 ]] || die "ROUNDS must be a whole number, at least 1"
warmup=${WS_WARMUP_EVENTS:-0}
[[ $warmup =~ ^[0-9]+$ ]] || die "WS_WARMUP_EVENTS is a whole number"
run_timeout=${WS_RUN_TIMEOUT:-$((240 + (events + warmup) / 50))}
stall_timeout=120
# the Node SDK accepts only app ids of the form cli_ + 16 hex digits (the gateway's default, cli_bench, is refused)
app_id=cli_a1b2c3d4e5f60718
app_secret=bench-secret

needs java node npm python3 curl timeout
peer_src=$shared/bench/peers/node-sdk
[ -f "$peer_src/ws-client.js" ] || die "no $peer_src/ws-client.js (set SHARED_DIR to the shared folder)"

setup_work ws-bench
prepare_source

# ---- build: the service jar, and the gateway with the ws module's test classpath ----
build_jar
log "building the stand-in gateway's classpath (adapters-inbound-ws test classes)"
mvn_in_src -pl adapters-inbound-ws -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$work/gateway-deps.txt" || die "could not build the gateway (adapters-inbound-ws tests)"
# With -am every module writes the file; adapters-inbound-ws comes last. Module output directories are copied
# into $work, so that another build cannot change them while a gateway runs.
IFS=: read -ra deps <"$work/gateway-deps.txt" || true
gw_cp= n=0
for e in "$src/adapters-inbound-ws/target/test-classes" "$src/adapters-inbound-ws/target/classes" "${deps[@]}"; do
    if [ -d "$e" ] && [[ $e == "$src"/* ]]; then
        mkdir -p "$work/gateway/$n"
        cp -r "$e/." "$work/gateway/$n/"
        e=$work/gateway/$n
        n=$((n + 1))
    fi
    gw_cp+=${gw_cp:+:}$e
done
[ -f "$work/gateway/0/dev/larkinbox/inbound/ws/gateway/LarkGateway.class" ] || die "LarkGateway was not compiled"
compgen -G "$work/gateway/*/dev/larkinbox/inbound/lark/fixtures/LarkFixtures.class" >/dev/null ||
    die "the gateway classpath lacks adapters-inbound-lark's test classes (LarkFixtures): $gw_cp"

# ---- the peer: a copy of the shared folder (read-only), with its node_modules ----
cp -r "$peer_src" "$work/peer"
chmod -R u+w "$work/peer"
if [ ! -d "$work/peer/node_modules" ]; then
    log "installing the Node SDK peer (npm ci, in a temporary copy)"
    bounded 600 bash -c 'cd "$1" && exec npm ci --no-audit --no-fund --silent' _ "$work/peer" || die "npm ci failed"
fi

# ---- one run ----
# run_ws SIDE ROUND: sets R_LINE (printable result), R_RATE, R_OK (0: complete; 1: stored check failed)
# returns 1 when the run did not complete.
summary_re='^published ([0-9]+), delivered ([0-9]+)'

show_logs() {
    local f
    for f in "$@"; do
        [ -s "$f" ] || continue
        log "--- last lines of $(basename "$f") ---"
        tail -n 15 "$f" | cut -c1-300 >&2
    done
}

run_ws() {
    local side=$1 round=$2 d=$work/run-$2-$1 gw client domain line port api_token i start progress_at last_d=-1
    local up= cpu0= gw0= pg0= stored0= batches0= batched0= cpu_line=
    mkdir -p "$d"
    R_LINE= R_RATE= R_OK=0
    start_bg "$d/gateway.out" java ${GATEWAY_JAVA_OPTS:-} -cp "$gw_cp" dev.larkinbox.inbound.ws.gateway.LarkGateway \
        --port 0 --app-id "$app_id" --app-secret "$app_secret" --events "$events" --fragment-every 10 --warmup-events "$warmup"
    gw=$LAST_PID
    for ((i = 0; i < 300; i++)); do
        # (the gateway may not have created its output file yet)
        domain=$(sed -n 's/^lark gateway: \(http[^ ]*\).*/\1/p' "$d/gateway.out" 2>/dev/null || true)
        [ -n "$domain" ] && break
        kill -0 "$gw" 2>/dev/null || break
        sleep 0.1
    done
    if [ -z "$domain" ]; then
        R_LINE="FAILED: the gateway did not start"
        show_logs "$d/gateway.out"
        stop_pid "$gw"
        return 1
    fi

    if [ "$side" = service ]; then
        port=$(free_port)
        api_token=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
        PG_DIRS+=("$d/data")
        start_bg "$d/client.out" env LARK_MODE=ws LARK_APP_ID="$app_id" LARK_APP_SECRET="$app_secret" \
            LARK_DOMAIN="$domain" INBOX_DATA_DIR="$d/data" INBOX_API_TOKEN="$api_token" \
            MICRONAUT_SERVER_HOST=127.0.0.1 MICRONAUT_SERVER_PORT="$port" INBOX_RECOVERY_INITIAL_DELAY=24h \
            java $(service_jvm_options) ${SERVICE_JAVA_OPTS:-} -Djava.io.tmpdir="$work/jtmp" -jar "$work/lark-app-inbox.jar"
    else
        start_bg "$d/client.out" env APP_ID="$app_id" APP_SECRET="$app_secret" LARK_DOMAIN="$domain" \
            node "$work/peer/ws-client.js"
    fi
    client=$LAST_PID

    # until the gateway's summary says everything was delivered (acked 200). The service's CPU is counted from
    # when it is UP (its start-up left out), or once the warm-up is delivered, with the events it stored since;
    # the peer's and the gateway's likewise, over the measured events.
    start=$SECONDS progress_at=$SECONDS
    [ "$side" = service ] || up=1
    while :; do
        if [ "$side" = service ] && [ -z "$up" ] && curl -fsS -m 1 "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
            up=1
        fi
        # (not the health check again: under load it may not answer within its second)
        if [ -n "$up" ] && [ -z "$cpu0" ] && { [ "$warmup" = 0 ] || grep -q '^warm-up delivered' "$d/gateway.out"; }; then
            cpu0=$(cpu_seconds "$client") gw0=$(cpu_seconds "$gw")
            if [ "$side" = service ]; then
                pg0=$(pg_cpu_seconds "$d/data")
                stored0=$(metric "http://127.0.0.1:$port" lark_events_total 'outcome="stored"')
                batches0=$(metric "http://127.0.0.1:$port" inbox_store_commit_batch_size_count)
                batched0=$(metric "http://127.0.0.1:$port" inbox_store_commit_batch_size_sum)
            fi
        fi
        line=$(grep '^published ' "$d/gateway.out" | tail -n 1 || true)
        if [[ $line =~ $summary_re ]]; then
            if [ "${BASH_REMATCH[2]}" = "${BASH_REMATCH[1]}" ]; then break; fi
            if [ "${BASH_REMATCH[2]}" != "$last_d" ]; then last_d=${BASH_REMATCH[2]} progress_at=$SECONDS; fi
        fi
        if ! kill -0 "$client" 2>/dev/null; then
            R_LINE="FAILED: the $side exited before all events were delivered"
        elif ! kill -0 "$gw" 2>/dev/null; then
            R_LINE="FAILED: the gateway exited"
        elif ((SECONDS - start > run_timeout)); then
            R_LINE="FAILED: not all delivered within ${run_timeout}s (WS_RUN_TIMEOUT)"
        elif ((last_d > 0 && SECONDS - progress_at > stall_timeout)); then
            R_LINE="FAILED: no delivery for ${stall_timeout}s"
        fi
        if [ -n "$R_LINE" ]; then
            R_LINE+="; gateway: ${line:-no summary}"
            show_logs "$d/client.out" "$d/gateway.out"
            stop_pid "$client" 60
            stop_pid "$gw"
            [ "$side" = service ] && stop_leftover_pg "$d/data"
            rm -rf "$d"
            return 1
        fi
        sleep 0.5
    done

    # every summary line is an exact point (delivered D at T ms after the first connection): the final one gives
    # the rate; the first one past half the events gives the rate of the second half (after warm-up)
    read -r R_RATE R_LINE < <(python3 - "$d/gateway.out" <<'EOF'
import re, sys
pts, final = [], None
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    m = re.match(r"published (\d+), delivered (\d+) in (\d+) ms.*acks by code \{([^}]*)\}; redeliveries (\d+); "
                 r"connections opened (\d+)", line)
    if m:
        n, d, t = int(m[1]), int(m[2]), int(m[3])
        pts.append((d, t))
        final = (n, d, t, m[4], int(m[5]), int(m[6]))
n, d, t, acks, redeliveries, conns = final
rate = d * 1000 / t
late = next(((d - pd) * 1000 / (t - pt) for pd, pt in pts if pd >= n / 2 and pt < t), None)
non200 = sum(int(v) for k, v in (kv.split("=") for kv in acks.split(", ") if kv) if k.strip() != "200")
print(f"{rate:.6f} events_per_s={rate:.0f} ms={t} second_half_events_per_s="
      f"{'n/a' if late is None else f'{late:.0f}'} acks={{{acks}}} non200_acks={non200} "
      f"redeliveries={redeliveries} connections={conns}")
EOF
    )

    if [ "$side" = service ] && [ -n "$cpu0" ]; then
        cpu_line=$(python3 - "$(cpu_seconds "$client")" "$cpu0" "$(pg_cpu_seconds "$d/data")" "$pg0" \
            "$(metric "http://127.0.0.1:$port" lark_events_total 'outcome="stored"')" "$stored0" \
            "$(metric "http://127.0.0.1:$port" inbox_store_commit_batch_size_count)" "$batches0" \
            "$(metric "http://127.0.0.1:$port" inbox_store_commit_batch_size_sum)" "$batched0" \
            "$(cpu_seconds "$gw")" "$gw0" <<'EOF'
import sys
v = [float(x) for x in sys.argv[1:]]
jvm, pg, stored, batches, batched, gw = v[0] - v[1], v[2] - v[3], v[4] - v[5], v[6] - v[7], v[8] - v[9], v[10] - v[11]
per = lambda s: "%.3f" % (s * 1000 / stored) if stored else "n/a"
print(f"cpu_after_up: stored={stored:.0f} ms_per_event jvm={per(jvm)} postgres={per(pg)} total={per(jvm + pg)} "
      f"gateway={per(gw)} mean_batch={batched / batches if batches else 0:.1f}")
EOF
        )
    elif [ -n "$cpu0" ]; then
        cpu_line=$(python3 -c 'import sys
node, gw, n = float(sys.argv[1]) - float(sys.argv[2]), float(sys.argv[3]) - float(sys.argv[4]), int(sys.argv[5])
print(f"cpu: ms_per_event node={node * 1000 / n:.3f} gateway={gw * 1000 / n:.3f}")' \
            "$(cpu_seconds "$client")" "$cpu0" "$(cpu_seconds "$gw")" "$gw0" "$events")
        R_LINE+=" | $cpu_line"
    fi
    if [ "$side" = service ]; then
        local stored
        if stored=$(bounded 300 python3 "$bench_dir/check-stored.py" "http://127.0.0.1:$port" "$api_token" "$events"); then
            R_LINE+=" | $stored"
        else
            R_LINE+=" | ${stored:-stored: the read API did not answer} (CHECK FAILED)"
            R_OK=1
        fi
        # the long connection opens while the service is still starting: how long before it was ready
        local overlap
        overlap=$(python3 - "$d/client.out" <<'EOF2'
import re, sys
t = {}
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    m = re.match(r"(\d\d):(\d\d):(\d\d)\.(\d{3}) .*?(long connection open|listening on port)", line)
    if m and m[5] not in t:
        t[m[5]] = ((int(m[1]) * 60 + int(m[2])) * 60 + int(m[3])) * 1000 + int(m[4])
print(t["listening on port"] - t["long connection open"] if len(t) == 2 else "n/a")
EOF2
        )
        R_LINE+=" connected_before_ready_ms=$overlap | ${cpu_line:-cpu: the service was never seen UP}"
        local errors
        errors=$(grep -c -E '^[0-9:.]+ +(ERROR|WARN) ' "$d/client.out" || true)
        [ "$errors" = 0 ] || R_LINE+=" | service log: $errors ERROR/WARN line(s)"
    fi
    stop_pid "$client" 60
    stop_pid "$gw"
    if [ "$side" = service ]; then stop_leftover_pg "$d/data"; fi
    rm -rf "$d"
    return 0
}

# ---- rounds ----
echo "ws-compare: $events events (every 10th in 3 fragments) x $rounds rounds, after $warmup warm-up events each; service = $src_label"
echo "  $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)); $(load_note)"
echo "  $(java -version 2>&1 | head -n 1); node $(node --version)"
svc_rates=() peer_rates=() ratios=() failed=0
for r in $(seq "$rounds"); do
    s= p=
    if run_ws service "$r"; then
        s=$R_RATE
        svc_rates+=("$s")
        [ "$R_OK" = 0 ] || failed=1
    else failed=1; fi
    echo "round $r service: $R_LINE"
    if run_ws peer "$r"; then
        p=$R_RATE
        peer_rates+=("$p")
    else failed=1; fi
    echo "round $r peer:    $R_LINE"
    if [ -n "$s" ] && [ -n "$p" ]; then ratios+=("$(python3 -c "print(round($s / $p, 3))")"); fi
done
echo "  ($(load_note) at the end)"
echo "MEDIAN service events_per_s=$(printf '%s\n' "${svc_rates[@]}" | median 0)"
echo "MEDIAN peer events_per_s=$(printf '%s\n' "${peer_rates[@]}" | median 0)"
echo "RATIO service/peer events_per_s=$(printf '%s\n' "${ratios[@]}" | median 3)"
exit "$failed"
