#!/bin/sh
# The read-path benchmark of issue 18 (docs/benchmarks.md): for each database given (default: h2 postgres), starts the
# real core and pages on loopback (ReadPathServer), then loads with wrk, in the same run: nginx serving the
# question page's own bytes as a static file, the anonymous question page, the anonymous API read.
# Needs wrk and nginx (Debian packages) and the jar: mvn -B -q -Pbenchmarks package -pl benchmarks -am -DskipTests
# Environment: DURATION (measured seconds per target, default 15), WARMUP (seconds per target, default 10),
# RUNS (measured runs per target, default 1), CONNECTIONS (default 16), NGINX_PORT (default 18080).
set -eu
cd "$(dirname "$0")/.."
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-10}
RUNS=${RUNS:-1}
CONNECTIONS=${CONNECTIONS:-16}
NGINX_PORT=${NGINX_PORT:-18080}
JAR=benchmarks/target/entraide-benchmarks.jar
[ $# -gt 0 ] || set -- h2 postgres
TMP=$(mktemp -d /tmp/entraide-readpath-XXXXXX)
chmod 755 "$TMP"  # nginx workers read the static file as another user
SERVER=
NGINX=
stop() {
    [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true
    [ -n "$NGINX" ] && kill "$NGINX" 2>/dev/null && wait "$NGINX" 2>/dev/null || true
    SERVER=
    NGINX=
}
trap 'stop; rm -rf "$TMP"' EXIT

load() { # name url
    wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "$2" >/dev/null
    i=0
    while [ $i -lt "$RUNS" ]; do
        out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$2")
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
    java -cp "$JAR" org.entraide.benchmarks.readpath.ReadPathServer "$DB" "$TMP/urls" > "$TMP/server-$DB.log" 2>&1 &
    SERVER=$!
    n=0
    until [ -s "$TMP/urls" ]; do
        sleep 1; n=$((n + 1))
        if [ $n -gt 600 ] || ! kill -0 "$SERVER" 2>/dev/null; then cat "$TMP/server-$DB.log"; exit 1; fi
    done
    sleep 1
    PAGE=$(sed -n 's/^page=//p' "$TMP/urls")
    API=$(sed -n 's/^api=//p' "$TMP/urls")
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
    load "API read, JSON" "$API"
    echo "| $DB | resident memory of the Entraide JVM after the run | $(($(ps -o rss= -p "$SERVER") / 1024)) MB | | | |"
    stop
done
