#!/usr/bin/env bash
# Builds Entraide when its sources changed, then starts it in the foreground (logs on the console,
# Ctrl-C stops it) with the embedded H2 database, the demo brand and every capability started and enabled.
# The instance lives in demo/ (its data in demo/entraide-*/data); a rebuilt distribution replaces it.
# The port is etc/org.entraide.http.cfg's (8181), or ORG_ENTRAIDE_HTTP_HTTP_PORT's when set.
# For tests: ENTRAIDE_DIST names a distribution to use as it is (no build), ENTRAIDE_DEMO_DIR another folder than demo/.
set -euo pipefail
cd "$(dirname "$0")"
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)
# the capabilities the distribution carries: one list, in the root pom
capabilities=$(sed -n 's:.*<entraide.capabilities>\(.*\)</entraide.capabilities>.*:\1:p' pom.xml | head -n 1)
dist="${ENTRAIDE_DIST:-assembly/target/entraide-${version}.tar.gz}"
if [ -z "${ENTRAIDE_DIST:-}" ] && { [ ! -f "$dist" ] || [ -n "$(find pom.xml config bundles karaf-features assembly -type f -newer "$dist" -not -path '*/target/*' | head -n 1)" ]; }; then
  echo "Building Entraide ${version}..."
  mvn -B -q -DskipTests package -pl assembly -am
fi
home="${ENTRAIDE_DEMO_DIR:-demo}/entraide-${version}"
if [ ! -f "$home/.unpacked" ] || [ "$dist" -nt "$home/.unpacked" ]; then
  rm -rf "$home"
  mkdir -p "$home"
  tar xzf "$dist" -C "$home" --strip-components=1
  sed -i -e 's/^demo.enabled = false/demo.enabled = true/' -e 's/^demo.scenario = false/demo.scenario = true/' \
    "$home/etc/org.entraide.core.cfg"
  # Every capability starts at boot, as in a distribution built with -Dentraide.boot.capabilities=<all of them>
  # (docs/operations.md): added to featuresBoot after entraide-core.
  awk -v caps="$capabilities" '{ print } /^[[:space:]]*entraide-core\/[^,]*, \\$/ {
      n = split(caps, c, ","); for (i = 1; i <= n; i++) printf "    %s, \\\n", c[i] }' \
    "$home/etc/org.apache.karaf.features.cfg" > "$home/etc/features.cfg.new"
  mv "$home/etc/features.cfg.new" "$home/etc/org.apache.karaf.features.cfg"
  for c in ${capabilities//,/ }; do
    grep -q "^ *${c}, " "$home/etc/org.apache.karaf.features.cfg" || { echo "could not add ${c} to featuresBoot" >&2; exit 1; }
  done
  touch "$home/.unpacked"
fi
port="${ORG_ENTRAIDE_HTTP_HTTP_PORT:-}"
if [ -z "$port" ]; then
  port=$(sed -n 's/^[[:space:]]*http\.port[[:space:]]*=[[:space:]]*\([0-9][0-9]*\).*/\1/p' "$home/etc/org.entraide.http.cfg" | tail -n 1)
fi
echo "Starting Entraide on http://localhost:${port:-8181}/ with ${capabilities//,/, } (demo accounts in README.md; Ctrl-C to stop)"
exec "$home/bin/karaf" run
