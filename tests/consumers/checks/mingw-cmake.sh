#!/usr/bin/env bash
# The CMake consumer cross-built with tests/consumers' MinGW toolchain file, in Release with -Werror,
# GSL installed for the target (Debian's headers and its relocatable CMake package in a MinGW-only
# prefix); the DLL checked as MPR needs it. usage: mingw-cmake.sh x86_64|i686
set -eo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/lib.sh"
source "$ROOT/tests/consumers/lib.sh"

arch="$1"
dir="$C/mingw-$arch"
gsl="$C/mingw-gsl-$arch"
rm -rf "$gsl" "$dir"
mkdir -p "$gsl/include" "$gsl/share/cmake"
ln -s /usr/include/gsl "$gsl/include/gsl"
cp -r /usr/share/cmake/Microsoft.GSL "$gsl/share/cmake/"
cmake -S "$ROOT/tests/consumers/cmake" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_TOOLCHAIN_FILE="$ROOT/tests/consumers/mingw-w64-$arch.cmake" -DCMAKE_FIND_ROOT_PATH="$STAGE;$gsl" \
  -DNOTIFYEE_SOURCE="$NOTIFYEE" -DBUILD_LOADER=OFF
cmake --build "$dir" -v >"$dir.build.log"
cat "$dir.build.log"
no_host_includes "$dir.build.log"
release_werror "$dir.build.log"
pe_check "$dir/minimal.dll" "$arch"
