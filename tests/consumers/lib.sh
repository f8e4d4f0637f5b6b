# Shared by scripts/stages/50-consumers and the checks in tests/consumers/checks/. Sourced, not run.
# Every consumer build is a Release build (-O3, vcpkg's flags) with warnings as errors.
C="$BUILD/consumers"
STAGE="$C/stage"
NOTIFYEE="$ROOT/examples/minimal/minimal.cpp"
LOADER="$C/cmake/consumer_loader"
STRICT=(-Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion -Wshadow -Wold-style-cast -Werror)
RELEASE=(-O3 -DNDEBUG)
CHECKS="$ROOT/tests/consumers/checks"

# pkg-config's answer without its trailing blank.
pc() { pkg-config "$@" | sed 's/ *$//'; }

# One top-level field of the JSON document on stdin.
json_field() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

# Loads each library through the simulated MPR: X: vetoed with WN_ACCESS_DENIED, Y: proceeds.
load() { "$LOADER" "$@"; }

# A verbose build log whose every compile was a Release build with warnings as errors.
release_werror() {
  local log="$1" compiles
  compiles="$(grep -E -- ' -c [^ ]+\.(cpp|c)( |$)|-o [^ ]+\.(o|obj) -c ' "$log")"
  [ -n "$compiles" ]
  if grep -v -- '-O3' <<<"$compiles"; then return 1; fi
  if grep -v -- '-Werror' <<<"$compiles"; then return 1; fi
}

# Both entry points exported from a host .so, and no symbol of namespace mprnotify beside them (std::
# templates instantiated over mprnotify types keep libstdc++'s default visibility; they are not ours).
host_exports() {
  local symbols
  symbols="$(nm -D --defined-only "$1" | awk '{print $3}')"
  grep -qx AddConnectNotify <<<"$symbols"
  grep -qx CancelConnectNotify <<<"$symbols"
  if grep -E '^_Z[A-Z]*9mprnotify' <<<"$symbols"; then return 1; fi
}

# A notifyee DLL as MPR needs it, checked by tests/windows/check_pe.py (the system-DLL list of
# tools/check/system_dlls.inc): built for ARCH, exactly the two plain names exported, only system DLLs
# imported (-static); on x86 both __stdcall, each returning with `ret $0x8`. usage: pe_check DLL ARCH
pe_check() {
  local dll="$1" arch="$2" machine
  machine=$([ "$arch" = i686 ] && echo i386 || echo x86-64)
  local check=(python3 "$ROOT/tests/windows/check_pe.py" "$arch-w64-mingw32-objdump" "$dll" "$machine")
  "${check[@]}" exports AddConnectNotify CancelConnectNotify
  "${check[@]}" imports
  if [ "$machine" = i386 ]; then
    "${check[@]}" epilogue AddConnectNotify CancelConnectNotify
  fi
}

# The host's /usr/include must not reach a MinGW compile.
no_host_includes() {
  if grep -E -- '-(I|isystem ?)/usr/include( |$)' "$1"; then return 1; fi
}
