#!/bin/sh
# The read-path benchmark of issue 18 (docs/benchmarks.md): for each database given (default: h2 postgres), starts the
# real core and pages on loopback (ReadPathServer), then loads with wrk, in the same run: nginx serving the
# question page's own bytes as a static file, the anonymous question page, the anonymous API read.
# Needs wrk and nginx (Debian packages) and the jar: mvn -B -q -Pbenchmarks package -pl benchmarks -am -DskipTests
# Environment: DURATION (measured seconds per target, default 15), WARMUP (seconds per target, default 10),
# RUNS (measured runs per target, default 1), CONNECTIONS (default 16), NGINX_PORT (default 18080),
# SERVER_OPTS (the Entraide JVM's flags, e.g. the distribution's from bin/setenv), SPIKE_CLIENTS (default 2000),
# SPIKE_SECONDS (default 60; 0 skips the crisis spike), SIGNED_WARMUP (seconds of warm-up of the signed-in page,
# default 60).
set -eu
cd "$(dirname "$0")/.."
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-10}
RUNS=${RUNS:-1}
CONNECTIONS=${CONNECTIONS:-16}
NGINX_PORT=${NGINX_PORT:-18080}
SERVER_OPTS=${SERVER_OPTS:-}
SPIKE_CLIENTS=${SPIKE_CLIENTS:-2000}
SPIKE_SECONDS=${SPIKE_SECONDS:-60}
SIGNED_WARMUP=${SIGNED_WARMUP:-60}
JAR=benchmarks/target/entraide-benchmarks.jar
[ $# -gt 0 ] || set -- h2 postgres
TMP=$(mktemp -d /tmp/entraide-readpath-XXXXXX)
chmod 755 "$TMP"  # nginx workers read the static file as another user
SERVER=
NGINX=
JETTY=
stop() {
    [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true
    [ -n "$NGINX" ] && kill "$NGINX" 2>/dev/null && wait "$NGINX" 2>/dev/null || true
    [ -n "$JETTY" ] && kill "$JETTY" 2>/dev/null && wait "$JETTY" 2>/dev/null || true
    SERVER=
    NGINX=
    JETTY=
}
trap 'stop; rm -rf "$TMP"' EXIT

load() { # name url [header] [lua script]
    wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" ${3:+-H "$3"} ${4:+-s "$4"} "$2" >/dev/null
    i=0
    while [ $i -lt "$RUNS" ]; do
        out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency ${3:+-H "$3"} ${4:+-s "$4"} "$2")
        rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
        p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
        p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
        errs=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
        printf '| %s | %s | %s | %s | %s | %s |\n' "$DB" "$1" "$rps" "$p50" "$p99" "${errs:-0}"
        i=$((i + 1))
    done
}

echo "read path, $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg), wrk -t2 -c$CONNECTIONS -d${DURATION}s"
echo "| database | target | req/s | p50 | p99 | errors |"
echo "|---|---|--:|--:|--:|---|"
for DB in "$@"; do
    rm -f "$TMP/urls"
    # shellcheck disable=SC2086 # SERVER_OPTS holds several flags
    java $SERVER_OPTS -cp "$JAR" org.entraide.benchmarks.readpath.ReadPathServer "$DB" "$TMP/urls" > "$TMP/server-$DB.log" 2>&1 &
    SERVER=$!
    n=0
    until [ -s "$TMP/urls" ]; do
        sleep 1; n=$((n + 1))
        if [ $n -gt 600 ] || ! kill -0 "$SERVER" 2>/dev/null; then cat "$TMP/server-$DB.log"; exit 1; fi
    done
    sleep 1
    PAGE=$(sed -n 's/^page=//p' "$TMP/urls")
    API=$(sed -n 's/^api=//p' "$TMP/urls")
    SPIKE=$(sed -n 's/^spike=//p' "$TMP/urls")
    COOKIE=$(sed -n 's/^cookie=//p' "$TMP/urls")
    mkdir -p "$TMP/www"
    curl -fsS "$PAGE" -o "$TMP/www/page.html"
    cat > "$TMP/nginx.conf" <<CONF
worker_processes auto;
pid $TMP/nginx.pid;
error_log $TMP/nginx-error.log;
daemon off;
events { worker_connections 1024; }
http {
    access_log off;
    server { listen 127.0.0.1:$NGINX_PORT; root $TMP/www; }
}
CONF
    nginx -c "$TMP/nginx.conf" -p "$TMP" &
    NGINX=$!
    sleep 1
    load "nginx, static file of the page ($(wc -c < "$TMP/www/page.html") bytes)" "http://127.0.0.1:$NGINX_PORT/page.html"
    load "question page, HTML" "$PAGE"
    # the same page below saturation, at about 70 % of the rate just reached: each connection pauses 1 ms after each
    # answer (wrk's delay()), with as many connections as that rate needs at about 1.8 ms a request
    FULL=$rps
    ALL=$CONNECTIONS
    CONNECTIONS=$(awk -v r="$rps" 'BEGIN { c = int(r * 0.7 * 1.8 / 1000 + 0.5); print (c < 1 ? 1 : c) }')
    printf 'function delay()\n  return 1\nend\n' > "$TMP/pace.lua"
    load "question page, HTML, paced: $CONNECTIONS connections pausing 1 ms" "$PAGE" "" "$TMP/pace.lua"
    echo "| $DB | (paced: $(awk -v p="$rps" -v f="$FULL" 'BEGIN { printf "%.0f", 100 * p / f }') % of the full rate) | | | | |"
    CONNECTIONS=$ALL
    load "API read, JSON" "$API"
    # its many code paths take the JIT a minute under load on two cores: measured once warm, as the others
    saved=$WARMUP; WARMUP=$SIGNED_WARMUP
    load "signed-in question page, HTML" "$PAGE" "Cookie: $COOKIE"
    WARMUP=$saved
    # the ceiling of the API read: the same Jetty 12 answering the read's own bytes from one handler
    curl -fsS "$API" -o "$TMP/api.json"
    rm -f "$TMP/jetty-url"
    java -cp "$JAR" org.entraide.benchmarks.BareJetty "$TMP/api.json" "$TMP/jetty-url" > "$TMP/jetty.log" 2>&1 &
    JETTY=$!
    until [ -s "$TMP/jetty-url" ]; do sleep 0.5; done
    load "bare Jetty, the API read's bytes ($(wc -c < "$TMP/api.json") bytes)" "$(cat "$TMP/jetty-url")"
    kill "$JETTY"; wait "$JETTY" 2>/dev/null || true; JETTY=
    if [ "$SPIKE_SECONDS" -gt 0 ]; then
        # shellcheck disable=SC2086 # the 20 URLs are separate arguments
        java -cp "$JAR" org.entraide.benchmarks.CrisisSpike --clients "$SPIKE_CLIENTS" --seconds "$SPIKE_SECONDS" $SPIKE \
            | sed "s/^/| $DB | /"
    fi
    echo "| $DB | resident memory of the Entraide JVM after the run | $(($(ps -o rss= -p "$SERVER") / 1024)) MB | | | |"
    stop
done
