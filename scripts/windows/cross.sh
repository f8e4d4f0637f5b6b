# The Windows cross builds (cross/*.ini). Sourced after lib.sh and wine.sh, not run.
#   windows_configure ARCH DIR run|build-only [meson args]   meson setup; `run` adds the Wine exe wrapper
#   windows_tests_without_exe DIR / windows_tests_with_exe DIR   test names, split by whether they run a Windows program
#   windows_report_dlls DIR ARCH    sizes, exports and imports of the built DLLs, for the log

WINDOWS_SCRIPTS="$ROOT/scripts/windows"

windows_configure() {
  local arch="$1" dir="$2" mode="$3"; shift 3
  local machine
  machine="$(windows_machine_file "$dir" "$mode")"
  # A build folder set up for the other mode has the wrong machine files: start it afresh.
  if [ -f "$dir/machine.ini" ] && [ "$(cat "$dir/machine.ini")" != "$machine" ]; then
    rm -rf "$dir"
  fi
  mkdir -p "$dir/gsl-include" "$dir/doctest-include" "$dir/pkgconfig"
  printf '%s\n' "$machine" >"$dir/machine.ini"
  # The host's GSL and doctest headers are plain headers; point at them without adding /usr/include.
  ln -sfn /usr/include/gsl "$dir/gsl-include/gsl"
  ln -sfn /usr/include/doctest "$dir/doctest-include/doctest"
  printf 'Name: doctest\nDescription: doctest headers for the cross build\nVersion: %s\nCflags: -isystem %s\n' \
    "$(dpkg-query -W -f='${Version}' doctest-dev 2>/dev/null | cut -d- -f1)" "$dir/doctest-include" \
    >"$dir/pkgconfig/doctest.pc"
  configure "$dir" --cross-file "$ROOT/cross/$arch-w64-mingw32.ini" --cross-file "$dir/machine.ini" \
    -Dgsl_include_dir="$dir/gsl-include" "$@"
}

# The build folder's own machine file: pkg-config sees only the folder's doctest.pc; with `run`,
# meson runs Windows programs (its sanity check, the tests) through wine-exec.
windows_machine_file() {
  local dir="$1" mode="$2"
  printf '[binaries]\npkgconfig = %s\n' "'pkg-config'"
  [ "$mode" = run ] && printf "exe_wrapper = '%s'\n" "$WINDOWS_SCRIPTS/wine-exec"
  printf "\n[properties]\npkg_config_libdir = '%s'\n" "$dir/pkgconfig"
}

windows_tests_without_exe() { windows_tests "$1" false; }
windows_tests_with_exe() { windows_tests "$1" true; }
windows_tests() {
  meson introspect --tests "$1" | python3 -c '
import json, sys
wanted = sys.argv[1] == "true"
for test in json.load(sys.stdin):
    if test["cmd"][0].lower().endswith(".exe") == wanted:
        print(test["name"])' "$2"
}

windows_report_dlls() {
  local dir="$1" arch="$2" dll size stripped tmp
  tmp="$(mktemp)"
  echo "  $arch DLLs (size as built / stripped; exports; imports):"
  for dll in "$dir"/examples/*.dll; do
    size=$(stat -c %s "$dll")
    "$arch-w64-mingw32-strip" -o "$tmp" "$dll" && stripped=$(stat -c %s "$tmp")
    printf '    %-18s %8s / %7s  %s; %s\n' "$(basename "$dll")" "$size" "$stripped" \
      "$("$arch-w64-mingw32-objdump" -p "$dll" | sed -n '/\[Ordinal\/Name Pointer\] Table/,/^$/p' |
        awk 'NR>1 && NF {print $NF}' | paste -sd' ')" \
      "$("$arch-w64-mingw32-objdump" -p "$dll" | awk '/DLL Name:/ {print $3}' | paste -sd' ')"
  done
  rm -f "$tmp"
}

# Clang with lld builds the minimal example too, so the export directive export.hpp emits for
# GCC/Clang on x86 is checked with both linkers. Debian's clang does not find the -posix MinGW C++
# headers by itself: they are named here. usage: windows_clang_minimal ARCH DIR (DIR: the cross build)
windows_clang_minimal() {
  local arch="$1" dir="$2" machine gcc_dir dll name
  machine=$([ "$arch" = i686 ] && echo i386 || echo x86-64)
  name="clang-lld:minimal_$machine"
  if ! command -v clang++ >/dev/null || ! command -v ld.lld >/dev/null; then
    record "$name" skip "clang++ or ld.lld is not installed"
    return 0
  fi
  gcc_dir="$(dirname "$("$arch-w64-mingw32-g++-posix" -print-libgcc-file-name)")"
  dll="$dir/clang-lld/minimal.dll"
  mkdir -p "$dir/clang-lld"
  if ! clang++ --target="$arch-w64-mingw32" -std=c++20 -O2 -nostdinc++ -Werror -Wall -Wextra -Wpedantic \
      -Wconversion -Wsign-conversion -Wshadow -Wold-style-cast \
      -isystem "$gcc_dir/include/c++" -isystem "$gcc_dir/include/c++/$arch-w64-mingw32" \
      -I"$ROOT/include" -isystem "$dir/gsl-include" -shared -static -fuse-ld=lld -L"$gcc_dir" \
      -o "$dll" "$ROOT/examples/minimal/minimal.cpp" -Wl,-Bstatic -lpthread >"$dir/clang-lld/build.log" 2>&1; then
    record "$name" fail "does not build: $(grep -m1 -E 'error' "$dir/clang-lld/build.log")"
    return 1
  fi
  local check=("$ROOT/tests/windows/check_pe.py" "$arch-w64-mingw32-objdump" "$dll" "$machine") out rc=0
  out="$(python3 "${check[@]}" exports AddConnectNotify CancelConnectNotify 2>&1)" || rc=1
  if [ "$machine" = i386 ]; then
    out="$out; $(python3 "${check[@]}" epilogue AddConnectNotify CancelConnectNotify 2>&1)" || rc=1
  fi
  if [ $rc -eq 0 ]; then
    out="$(printf '%s' "$out" | grep -m1 -o '^exports:[^;]*')"
    record "$name" pass "$out$([ "$machine" = i386 ] && echo ", ret \$0x8 in both")"
  else
    record "$name" fail "$(printf '%s' "$out" | grep -E '^(problem|exports)' | tr '\n' ' ')"
  fi
  return $rc
}
