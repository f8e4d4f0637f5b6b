#!/usr/bin/env bash
# The meson consumer (laid out by meson-subproject.sh) cross-built for x86_64 with its own cross file,
# in Release with werror; GSL named by the subproject's option; the DLL checked as MPR needs it.
set -eo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/lib.sh"
source "$ROOT/tests/consumers/lib.sh"

mkdir -p "$C/gsl-include"
ln -sfn /usr/include/gsl "$C/gsl-include/gsl"
rm -rf "$C/meson-win"
meson setup "$C/meson-win" "$C/meson-src" --buildtype=release --cross-file "$ROOT/tests/consumers/mingw-w64-x86_64.ini" \
  -Dmprnotify:gsl_include_dir="$C/gsl-include" -Dnotifyee_source="$NOTIFYEE" --force-fallback-for=mprnotify
ninja -C "$C/meson-win" -v >"$C/meson-win.build.log"
cat "$C/meson-win.build.log"
no_host_includes "$C/meson-win.build.log"
release_werror "$C/meson-win.build.log"
pe_check "$C/meson-win/minimal.dll" x86_64
