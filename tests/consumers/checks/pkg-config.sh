#!/usr/bin/env bash
# g++ $(pkg-config --cflags mprnotify) with strict warnings, -Werror and -O3: the module names only the
# include folder and no libraries; X: vetoed, Y: proceeds.
set -eo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/lib.sh"
source "$ROOT/tests/consumers/lib.sh"

export PKG_CONFIG_PATH="$STAGE/share/pkgconfig"
[ "$(pc --cflags mprnotify)" = "-I$STAGE/include" ]
[ -z "$(pc --libs mprnotify)" ]
mkdir -p "$C/pkg-config"
# shellcheck disable=SC2046 # the flags are words
g++ -std=c++20 "${STRICT[@]}" "${RELEASE[@]}" -fPIC -shared -fvisibility=hidden $(pkg-config --cflags mprnotify) \
  "$NOTIFYEE" -o "$C/pkg-config/minimal.so"
host_exports "$C/pkg-config/minimal.so"
load "$C/pkg-config/minimal.so"
