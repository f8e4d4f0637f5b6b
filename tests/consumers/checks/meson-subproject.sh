#!/usr/bin/env bash
# dependency('mprnotify') from subprojects/mprnotify (this checkout, nothing downloaded), a Release
# build with werror; X: vetoed, Y: proceeds.
set -eo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/lib.sh"
source "$ROOT/tests/consumers/lib.sh"

rm -rf "$C/meson-src"
cp -r "$ROOT/tests/consumers/meson" "$C/meson-src"
mkdir -p "$C/meson-src/subprojects"
ln -s "$ROOT" "$C/meson-src/subprojects/mprnotify"
rm -rf "$C/meson"
meson setup "$C/meson" "$C/meson-src" --buildtype=release -Dnotifyee_source="$NOTIFYEE" --force-fallback-for=mprnotify
grep -q 'Dependency mprnotify found: YES .* (overridden)' "$C/meson/meson-logs/meson-log.txt"
ninja -C "$C/meson" -v >"$C/meson.build.log"
cat "$C/meson.build.log"
release_werror "$C/meson.build.log"
host_exports "$C/meson/minimal.so"
load "$C/meson/minimal.so"
