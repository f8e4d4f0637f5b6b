#!/usr/bin/env bash
# One version: meson.build's (VERSION), seen by code, pkg-config, the CMake version file (in the log
# cmake.sh left) and vcpkg.json; the CMake package accepts SameMajorVersion requests only.
# usage: version-agreement.sh VERSION
set -eo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/lib.sh"
source "$ROOT/tests/consumers/lib.sh"

version="$1"
from_code="$("$LOADER" --version)"
from_pc="$(PKG_CONFIG_PATH="$STAGE/share/pkgconfig" pkg-config --modversion mprnotify)"
from_cmake="$(sed -n 's/^-- mprnotify_VERSION=\([^ ]*\) .*/\1/p' "$C/cmake.log")"
from_vcpkg="$(json_field version <"$ROOT/ports/mprnotify/vcpkg.json")"
echo "meson $version | code $from_code | pkg-config $from_pc | cmake $from_cmake | vcpkg $from_vcpkg"
IFS=. read -r major minor patch <<<"$version"
[ "$from_code" = "$version $major $minor $patch" ]
[ "$from_pc" = "$version" ]
[ "$from_cmake" = "$version" ]
[ "$from_vcpkg" = "$version" ]
# SameMajorVersion: any lower or equal version of this major is accepted, the next major is not.
for request in "$version EXACT:accepted" "$major.$minor:accepted" "$major:accepted" "$((major + 1)).0:refused" \
  "$major.$((minor + 1)):refused"; do
  expected="${request#*:}"
  request="${request%:*}"
  rm -rf "$C/cmake-version"
  answer="$(cmake -S "$ROOT/tests/consumers/cmake-version" -B "$C/cmake-version" -DCMAKE_PREFIX_PATH="$STAGE" \
    -DREQUEST="$request")"
  echo "$answer" | grep "request $request: "
  grep -q "request $request: $expected" <<<"$answer"
done
