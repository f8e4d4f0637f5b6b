#!/usr/bin/env bash
# The portfile run with stand-in vcpkg helpers (tests/consumers/vcpkg-stubs.cmake): its package has a
# relocatable .pc, and find_package from it builds the notifyee in Release with -Werror; X: vetoed.
# usage: vcpkg-port-stub.sh VERSION
set -eo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/lib.sh"
source "$ROOT/tests/consumers/lib.sh"

packages="$C/vcpkg/packages"
cmake -DPORT_DIR="$ROOT/ports/mprnotify" -DPACKAGES_DIR="$packages" -DBUILDTREES_DIR="$C/vcpkg/buildtrees" \
  -P "$ROOT/tests/consumers/vcpkg-stubs.cmake"
cflags="$(PKG_CONFIG_PATH="$packages/share/pkgconfig" pc --cflags mprnotify)"
[ "$cflags" = "-I$packages/share/pkgconfig/../../include" ] # relocatable: relative to the .pc file
rm -rf "$C/vcpkg/consumer"
cmake -S "$ROOT/tests/consumers/cmake" -B "$C/vcpkg/consumer" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$packages" -DNOTIFYEE_SOURCE="$NOTIFYEE" -DBUILD_LOADER=OFF >"$C/vcpkg/consumer.configure.log"
cat "$C/vcpkg/consumer.configure.log"
grep -q "mprnotify_VERSION=$1 from $packages/share/mprnotify\$" "$C/vcpkg/consumer.configure.log"
cmake --build "$C/vcpkg/consumer" -v >"$C/vcpkg/consumer.build.log"
release_werror "$C/vcpkg/consumer.build.log"
load "$C/vcpkg/consumer/minimal.so"
