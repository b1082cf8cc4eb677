# Shared by the bench scripts (sourced, not run): locations, process bookkeeping with a cleanup trap, and
# building the service jar. Everything a script starts is recorded and stopped on exit, however it exits;
# everything it writes goes under one temporary directory ($work) that is removed on exit.

bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$bench_dir/.." && pwd)
shared=${SHARED_DIR:-$repo/../shared}
# read-only git use only (rev-parse, status, archive): never take the index lock to refresh it
export GIT_OPTIONAL_LOCKS=0

log() { printf '%s %s\n' "$(date +%T)" "$*" >&2; }
die() {
    log "ERROR: $*"
    exit 1
}
# counts MESSAGE VALUE...: dies with MESSAGE unless every VALUE is a whole number of at least 1
counts() {
    local message=$1 v
    shift
    for v in "$@"; do [[ $v =~ ^[1-9][0-9]*$ ]] || die "$message"; done
}
# needs TOOL...: dies naming the first TOOL not on the PATH
needs() {
    local tool
    for tool in "$@"; do command -v "$tool" >/dev/null || die "$tool is needed"; done
}

PIDS=()     # processes this script started, stopped in reverse order on exit
PG_DIRS=()  # data dirs of services started: their embedded PostgreSQL must not outlive them
LAST_PID=

track() { PIDS+=("$1"); }
untrack() {
    local keep=() p
    for p in "${PIDS[@]}"; do [ "$p" = "$1" ] || keep+=("$p"); done
    PIDS=("${keep[@]}")
}

# start_bg LOGFILE CMD...: runs CMD in the background (env VAR=... CMD keeps the same pid), sets LAST_PID.
start_bg() {
    local out=$1
    shift
    "$@" >"$out" 2>&1 &
    LAST_PID=$!
    track "$LAST_PID"
}

# stop_pid PID [GRACE_S]: SIGTERM, then SIGKILL after the grace; reaps it. The service stops its embedded
# PostgreSQL on SIGTERM, so it is given time.
stop_pid() {
    local pid=$1 grace=${2:-30} i
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for ((i = 0; i < grace * 10; i++)); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$pid" 2>/dev/null; then
            log "process $pid still running ${grace}s after SIGTERM: SIGKILL"
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    wait "$pid" 2>/dev/null || true
    untrack "$pid"
}

# stop_leftover_pg DATA_DIR: the service stops its PostgreSQL itself; should it have been killed, its
# postmaster (pid in postmaster.pid, checked to be a postgres process) is shut down here.
stop_leftover_pg() {
    local pidfile=$1/pg/postmaster.pid pid i
    [ -f "$pidfile" ] || return 0
    pid=$(head -n 1 "$pidfile" 2>/dev/null || true)
    [[ $pid =~ ^[0-9]+$ ]] || return 0
    if kill -0 "$pid" 2>/dev/null && [ "$(ps -o comm= -p "$pid" 2>/dev/null)" = postgres ]; then
        log "embedded PostgreSQL (pid $pid) outlived its service: fast shutdown"
        kill -INT "$pid" 2>/dev/null || true
        for ((i = 0; i < 200; i++)); do
            kill -0 "$pid" 2>/dev/null || return 0
            sleep 0.1
        done
        kill -KILL "$pid" 2>/dev/null || true
    fi
}

cleanup() {
    local rc=$? i d
    trap - EXIT INT TERM
    for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do stop_pid "${PIDS[i]}" 30; done
    for d in "${PG_DIRS[@]}"; do stop_leftover_pg "$d"; done
    if [ -n "${work:-}" ] && [ -d "$work" ]; then rm -rf "$work"; fi
    exit "$rc"
}

# bounded SECONDS CMD...: runs CMD with a time limit, in the background so that Ctrl-C reaches our trap at
# once (timeout passes the signal on to CMD and its children).
bounded() {
    local secs=$1 p rc=0
    shift
    timeout "$secs" "$@" &
    p=$!
    track "$p"
    wait "$p" || rc=$?
    untrack "$p"
    return "$rc"
}

setup_work() {
    work=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
    trap cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    mkdir -p "$work/jtmp" "$work/tmp"
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

median() { # median DIGITS: the median of the numbers on stdin, rounded
    python3 -c 'import statistics, sys
v = [float(x) for x in sys.stdin.read().split()]
print(f"{statistics.median(v):.{int(sys.argv[1])}f}" if v else "n/a")' "${1:-0}"
}

# prepare_source: sets $src, the tree to build. The working tree by default; with BENCH_REF=<commit> an exact
# commit, exported with git archive into $work (the repository is only read).
prepare_source() {
    if [ -n "${BENCH_REF:-}" ]; then
        local sha
        sha=$(git -C "$repo" rev-parse --verify --short "${BENCH_REF}^{commit}") || die "BENCH_REF $BENCH_REF is no commit"
        src=$work/src
        mkdir -p "$src"
        git -C "$repo" archive --format=tar "$sha" | tar -x -C "$src"
        src_label="commit $sha (BENCH_REF=$BENCH_REF)"
    else
        src=$repo
        local changes
        changes=$(git -C "$repo" status --porcelain 2>/dev/null | grep -cv '^?? bench/' || true)
        src_label="working tree at $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')"
        [ "$changes" = 0 ] || src_label+=" with $changes uncommitted change(s)"
    fi
}

mvn_in_src() { # runs ./mvnw with these arguments in $src, bounded
    bounded 1200 bash -c 'cd "$1" && shift && exec ./mvnw -B -ntp -q "$@"' _ "$src" "$@"
}

# build_jar: app/target/lark-app-inbox.jar of $src, built when missing or older than a source or pom, checked,
# and copied to $work/lark-app-inbox.jar (a concurrent build cannot change it under the running service).
build_jar() {
    local jar=$src/app/target/lark-app-inbox.jar newer=
    if [ -f "$jar" ]; then
        newer=$(find "$src" -name target -prune -o \( -path '*/src/main/*' -o -name pom.xml \) -type f \
            -newer "$jar" -print -quit)
    fi
    if [ ! -f "$jar" ] || [ -n "$newer" ]; then
        log "building the service jar: ./mvnw -B -ntp -q package -DskipTests (in $src)"
        mvn_in_src package -DskipTests ||
            die "the build failed (with uncommitted work in progress, try BENCH_REF=HEAD or another commit)"
    fi
    python3 - "$jar" <<'EOF' || die "$jar is not a runnable service jar (see above)"
import sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
need = {
    "dev/larkinbox/app/InboxApplication.class": "the application",
    "dev/larkinbox/app/LongConnectionWiring.class": "the long-connection wiring (the jar predates it?)",
    "io/netty/handler/codec/http/HttpServerCodec.class": "Netty's HTTP codec, which Micronaut's server needs "
        "(a <scope>test</scope> declaration of io.netty:netty-codec-http in app/pom.xml drops it from the jar)",
}
missing = [why for name, why in need.items() if name not in names]
for why in missing:
    print("the jar lacks " + why, file=sys.stderr)
sys.exit(1 if missing else 0)
EOF
    cp "$jar" "$work/lark-app-inbox.jar"
}

# kit_with_node_modules: the shared kit is read-only; when its Node peer has no node_modules, points $kit at a
# copy in $work with them installed (npm ci)
kit_with_node_modules() {
    [ -d "$kit/peers/node-sdk/node_modules" ] && return 0
    log "the shared peer has no node_modules: running a temporary copy of the kit with them installed"
    cp -r "$kit" "$work/kit"
    chmod -R u+w "$work/kit"
    kit=$work/kit
    bounded 600 bash -c 'cd "$1" && exec npm ci --no-audit --no-fund --silent' _ "$kit/peers/node-sdk" ||
        die "npm ci failed"
}

# service_jvm_options: the argument that starts the service with the JVM options of the tree built, as the
# README starts it (@app/jvm.options); nothing for a commit from before that file
service_jvm_options() {
    [ -f "$src/app/jvm.options" ] && printf '@%s' "$src/app/jvm.options"
    return 0
}

need_python_modules() {
    python3 -c 'import cryptography, requests' 2>/dev/null || die "python3 needs the modules cryptography and requests"
}

# The keys the Lark simulator (the shared kit's larksim.py) encrypts and signs events with, as Lark does, and the
# service started by start_webhook_service checks them with
encrypt_key=bench-encrypt-key
verification_token=bench-token

# need_lark_kit FILE: sets $kit to the shared bench kit (the Lark simulator, wrk's scripts), which must hold FILE
need_lark_kit() {
    need_python_modules
    kit=$shared/bench
    [ -e "$kit/$1" ] || die "no $kit/$1 (set SHARED_DIR to the shared folder)"
}

# start_webhook_service: starts $work/lark-app-inbox.jar (build_jar) in webhook mode with the simulator's keys, its
# embedded PostgreSQL under $work/data, on a free port of 127.0.0.1; sets $url, $api_token and $service (its pid)
# and returns once it is UP
start_webhook_service() {
    local port
    port=$(free_port)
    url=http://127.0.0.1:$port
    PG_DIRS+=("$work/data")
    api_token=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
    start_bg "$work/service.out" env LARK_MODE=webhook LARK_ENCRYPT_KEY="$encrypt_key" \
        LARK_VERIFICATION_TOKEN="$verification_token" INBOX_DATA_DIR="$work/data" INBOX_API_TOKEN="$api_token" \
        MICRONAUT_SERVER_HOST=127.0.0.1 MICRONAUT_SERVER_PORT="$port" \
        java $(service_jvm_options) ${SERVICE_JAVA_OPTS:-} -Djava.io.tmpdir="$work/jtmp" -jar "$work/lark-app-inbox.jar"
    service=$LAST_PID
    wait_up "$url" "$service" "$work/service.out"
}

# start_idle_postgres DIR: the service's embedded PostgreSQL (as it runs in production: fsync on) under DIR, kept
# by the built jar started idle (grouping off, port on 127.0.0.1 unused by the benchmark); sets $pg_port and
# $pg_password (user postgres, database postgres)
start_idle_postgres() {
    local dir=$1 port
    port=$(free_port)
    PG_DIRS+=("$dir")
    start_bg "$dir.out" env LARK_MODE=webhook LARK_ENCRYPT_KEY=idle-key LARK_VERIFICATION_TOKEN=idle-token \
        INBOX_DATA_DIR="$dir" INBOX_PROBLEMS_GROUP_INTERVAL=1h MICRONAUT_SERVER_HOST=127.0.0.1 \
        MICRONAUT_SERVER_PORT="$port" java $(service_jvm_options) -Djava.io.tmpdir="$work/jtmp" -jar "$work/lark-app-inbox.jar"
    wait_up "http://127.0.0.1:$port" "$LAST_PID" "$dir.out"
    postgres_of "$dir"
}

# postgres_of DIR: sets $pg_port and $pg_password (user postgres) of the embedded PostgreSQL of a service whose
# INBOX_DATA_DIR is DIR (line 4 of postmaster.pid is its port; the superuser's password is kept beside it)
postgres_of() {
    pg_port=$(sed -n 4p "$1/pg/postmaster.pid")
    pg_password=$(cat "$1/pg-password")
    log "PostgreSQL of $1 on port $pg_port"
}

# kit_events FILE COUNT: COUNT distinct events encrypted and signed with the simulator's keys as Lark sends them,
# a request a line for the kit's wrk-replay.lua
kit_events() {
    bounded 600 python3 "$kit/larksim.py" wrkfile "$1" "$2" --key "$encrypt_key" --token "$verification_token" \
        >/dev/null || die "building $2 events failed"
}

# replay URL FILE SECONDS CONNECTIONS: wrk replaying FILE's requests at URL; its RESULT line
replay() {
    REQS=$2 bounded $(($3 + 60)) wrk -t1 -c"$4" -d"$3s" -s "$kit/wrk-replay.lua" "$1" 2>&1 | grep '^RESULT'
}

# wait_grouped SINCE: waits until the grouping has put the newest feedback into a problem (it groups oldest first),
# looking twice a second, an hour at most; sets $grouped_s to the seconds from SINCE (a `date +%s.%N`) until then
wait_grouped() {
    local since=$1 start=$SECONDS
    log "waiting until the grouping has seen the last feedback (it groups oldest first)"
    until curl -fsS -m 10 -H "Authorization: Bearer $api_token" "$url/api/feedback?limit=1" |
        python3 -c 'import json, sys; sys.exit(json.load(sys.stdin)["items"][0]["problem_id"] is None)'; do
        ((SECONDS - start < 3600)) || die "the grouping did not catch up within an hour"
        sleep 0.5
    done
    grouped_s=$(awk -v a="$(date +%s.%N)" -v b="$since" 'BEGIN { printf "%.1f", a - b }')
}

load_note() { # the load average, for the reader of the figures
    printf 'load average %s' "$(cut -d' ' -f1-3 /proc/loadavg)"
}

# wait_up URL PID LOG: waits until the service at URL reports UP on /health; dies, showing the end of its LOG,
# should it exit or not be UP within 180 s
wait_up() {
    local url=$1 pid=$2 out=$3 start=$SECONDS
    log "waiting for $url/health to be UP"
    until curl -fsS -m 2 "$url/health" 2>/dev/null |
        python3 -c 'import json, sys; sys.exit(json.load(sys.stdin).get("status") != "UP")' 2>/dev/null; do
        if ! kill -0 "$pid" 2>/dev/null; then
            tail -n 20 "$out" >&2
            die "the service exited"
        fi
        if ((SECONDS - start > 180)); then
            tail -n 20 "$out" >&2
            die "the service was not UP within 180 s"
        fi
        sleep 0.5
    done
    log "service UP after $((SECONDS - start)) s"
}

# cpu_seconds PID: CPU time (user + system, in seconds) used so far by the process, its live threads and its
# children already reaped (for the postmaster: every backend that ended)
cpu_seconds() {
    local pid=$1
    awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); print ($12 + $13 + $14 + $15) / hz }' \
        "/proc/$pid/stat" 2>/dev/null || echo 0
}

# pg_cpu_seconds DATA_DIR: CPU time of the embedded PostgreSQL: its postmaster, with its reaped children, and
# every live child (the backends, the WAL writer, the checkpointer)
pg_cpu_seconds() {
    local pidfile=$1/pg/postmaster.pid pm child total
    pm=$(head -n 1 "$pidfile" 2>/dev/null || true)
    [[ $pm =~ ^[0-9]+$ ]] || { echo 0; return; }
    total=$(cpu_seconds "$pm")
    for child in $(cat "/proc/$pm/task/"*/children 2>/dev/null); do
        total=$(awk -v a="$total" -v b="$(cpu_seconds "$child")" 'BEGIN { print a + b }')
    done
    echo "$total"
}

# metric URL NAME [LABEL_FILTER]: the sum of a Prometheus metric's samples (those whose labels hold the filter)
metric() {
    # /prometheus answers only the API token's holder
    curl -fsS -m 5 -H "Authorization: Bearer $api_token" "$1/prometheus" | awk -v name="$2" -v filter="${3:-}" '
        index($0, name) == 1 && (substr($0, length(name) + 1, 1) == "{" || substr($0, length(name) + 1, 1) == " ") \
            && index($0, filter) { total += $NF } END { printf "%.0f\n", total }'
}
