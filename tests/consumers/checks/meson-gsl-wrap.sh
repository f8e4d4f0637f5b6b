#!/usr/bin/env bash
# mprnotify's subprojects/microsoft-gsl.wrap, found through the subproject (after meson-subproject.sh
# laid out the consumer project). Its archive cannot be downloaded here, so the folder it names is
# filled with a stand-in over the system's GSL headers.
set -eo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/lib.sh"
source "$ROOT/tests/consumers/lib.sh"

gsl="$C/meson-src/subprojects/GSL-4.0.0"
mkdir -p "$gsl/include"
ln -sfn /usr/include/gsl "$gsl/include/gsl"
printf '%s\n' "project('microsoft-gsl', 'cpp', version: '4.0.0')" \
  "microsoft_gsl_dep = declare_dependency(include_directories: include_directories('include'))" >"$gsl/meson.build"
rm -rf "$C/meson-gsl-wrap"
meson setup "$C/meson-gsl-wrap" "$C/meson-src" --buildtype=release -Dnotifyee_source="$NOTIFYEE" \
  --force-fallback-for=mprnotify,Microsoft.GSL
grep -q 'Using subprojects/mprnotify/subprojects/microsoft-gsl.wrap' "$C/meson-gsl-wrap/meson-logs/meson-log.txt"
grep -q 'Dependency Microsoft.GSL .* from subproject subprojects/GSL-4.0.0 found: YES' \
  "$C/meson-gsl-wrap/meson-logs/meson-log.txt"
ninja -C "$C/meson-gsl-wrap"
load "$C/meson-gsl-wrap/minimal.so"
