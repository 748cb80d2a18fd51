#!/usr/bin/env bash
# Builds Entraide when its sources changed, then starts it in the foreground (logs on the console,
# Ctrl-C stops it) with the embedded H2 database and the demo brand, on http://localhost:8181.
# The instance lives in demo/ (its data in demo/entraide-*/data); a rebuilt distribution replaces it.
set -euo pipefail
cd "$(dirname "$0")"
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)
dist="assembly/target/entraide-${version}.tar.gz"
if [ ! -f "$dist" ] || [ -n "$(find pom.xml config bundles karaf-features assembly -type f -newer "$dist" -not -path '*/target/*' | head -n 1)" ]; then
  echo "Building Entraide ${version}..."
  mvn -B -q -DskipTests package -pl assembly -am
fi
home="demo/entraide-${version}"
if [ ! -f "$home/.unpacked" ] || [ "$dist" -nt "$home/.unpacked" ]; then
  rm -rf "$home"
  mkdir -p "$home"
  tar xzf "$dist" -C "$home" --strip-components=1
  sed -i 's/^demo.enabled = false/demo.enabled = true/' "$home/etc/org.entraide.core.cfg"
  touch "$home/.unpacked"
fi
echo "Starting Entraide on http://localhost:8181 (demo accounts in README.md; Ctrl-C to stop)"
exec "$home/bin/karaf" run
