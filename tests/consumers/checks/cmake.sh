#!/usr/bin/env bash
# find_package(mprnotify VERSION EXACT CONFIG) from the staging prefix; the notifyee and the consumer's
# own loader (tests/consumers/loader.cpp, which includes <mprnotify/testing.hpp>) built in Release with
# -Werror; only the two entry points exported; X: vetoed, Y: proceeds. usage: cmake.sh VERSION
set -eo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/lib.sh"
source "$ROOT/tests/consumers/lib.sh"

rm -rf "$C/cmake"
cmake -S "$ROOT/tests/consumers/cmake" -B "$C/cmake" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$STAGE" \
  -DNOTIFYEE_SOURCE="$NOTIFYEE" -DMPRNOTIFY_EXPECTED_VERSION="$1"
cmake --build "$C/cmake" -v >"$C/cmake.build.log"
cat "$C/cmake.build.log"
release_werror "$C/cmake.build.log"
host_exports "$C/cmake/minimal.so"
load "$C/cmake/minimal.so"
