# The Windows cross builds (cross/*.ini). Sourced after lib.sh and wine.sh, not run.
#   windows_configure ARCH DIR run|build-only [meson args]   meson setup; `run` adds the Wine exe wrapper
#   windows_tests_without_exe DIR / windows_tests_with_exe DIR   test names, split by whether they run a Windows program
#   windows_test_targets DIR TEST...  the ninja targets those tests need (their programs and dependencies)
#   windows_x86_run_targets DIR     what stage 42's x86 run loads and runs: every example DLL, the fixtures, its program
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

# Paths relative to DIR, as ninja names them: what the named tests run or depend on.
windows_test_targets() {
  local dir="$1"; shift
  (cd "$dir" && meson introspect --tests --targets . | python3 -c '
import json, os, sys
info = json.load(sys.stdin)
files = {t["id"]: t["filename"] for t in info["targets"]}
wanted = set(sys.argv[1:])
out = set()
for test in info["tests"]:
    if test["name"] in wanted:
        for dep in test["depends"]:
            out.update(os.path.relpath(f) for f in files.get(dep, []))
        if os.path.isabs(test["cmd"][0]) and test["cmd"][0].startswith(os.getcwd() + "/"):
            out.add(os.path.relpath(test["cmd"][0]))
print("\n".join(sorted(out)))' "$@")
}

windows_x86_run_targets() { # paths as ninja names them
  ninja -C "$1" -t targets all |
    sed -n 's/^\(examples\/[^:/]*\.dll\|tests\/windows\/[^:/]*\.dll\|tests\/windows\/x86\/[^:]*\.\(dll\|exe\)\): .*/\1/p'
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

# The flags Debian's clang needs to compile and link for MinGW with the -posix C++ headers and libgcc.
# usage: windows_clang_flags ARCH (prints one flag per line)
windows_clang_flags() {
  local arch="$1" gcc_dir
  gcc_dir="$(dirname "$("$arch-w64-mingw32-g++-posix" -print-libgcc-file-name)")"
  printf '%s\n' --target="$arch-w64-mingw32" -nostdinc++ -isystem "$gcc_dir/include/c++" \
    -isystem "$gcc_dir/include/c++/$arch-w64-mingw32" -fuse-ld=lld -L"$gcc_dir"
}

# Clang with -Werror on tests/windows/windows_headers_first.cpp: <windows.h>, <npapi.h> and <olectl.h>
# before the library, MPRNOTIFY_EXPORT_REGISTRATION included (no -Wdll-attribute-on-redeclaration);
# linked with lld, which must keep DllRegisterServer/DllUnregisterServer out of the import library.
# usage: windows_clang_headers_first ARCH DIR (DIR: the cross build)
windows_clang_headers_first() {
  local arch="$1" dir="$2" machine name out flags
  machine=$([ "$arch" = i686 ] && echo i386 || echo x86-64)
  name="clang-lld:headers_first_$machine"
  if ! command -v clang++ >/dev/null || ! command -v ld.lld >/dev/null; then
    record "$name" skip "clang++ or ld.lld is not installed"
    return 0
  fi
  out="$dir/clang-lld"
  mkdir -p "$out"
  mapfile -t flags < <(windows_clang_flags "$arch")
  if ! clang++ "${flags[@]}" -std=c++20 -O2 -Werror -Wall -Wextra -Wpedantic -Wconversion -Wsign-conversion -Wshadow \
      -I"$ROOT/include" -isystem "$dir/gsl-include" -shared -static -o "$out/windows_headers_first.dll" \
      -Wl,--out-implib,"$out/windows_headers_first.dll.a" "$ROOT/tests/windows/windows_headers_first.cpp" \
      -Wl,-Bstatic -lpthread >"$out/headers_first.log" 2>&1; then
    record "$name" fail "does not build: $(grep -m1 -E 'error' "$out/headers_first.log")"
    return 1
  fi
  local text rc=0
  text="$(python3 "$ROOT/tests/windows/check_pe.py" "$arch-w64-mingw32-objdump" "$out/windows_headers_first.dll" \
    "$machine" exports AddConnectNotify CancelConnectNotify DllRegisterServer DllUnregisterServer \
    headers_first_shell_execute 2>&1)" || rc=1
  text="$text; $(python3 "$ROOT/tests/windows/check_import_library.py" llvm-nm "$out/windows_headers_first.dll" \
    --has AddConnectNotify CancelConnectNotify --lacks DllRegisterServer DllUnregisterServer 2>&1)" || rc=1
  if [ $rc -eq 0 ]; then
    record "$name" pass "-Werror with olectl.h and npapi.h first; DllRegisterServer exported, not in the import library"
  else
    record "$name" fail "$(printf '%s' "$text" | grep -E 'problem' | tr '\n' ' ')"
  fi
  return $rc
}

# One .def with plain names (examples/c_provider/c_provider.def) for x86 with the other linkers:
# lld through Clang's MinGW driver (the C file compiled by clang, the C++ file by clang++), and
# lld-link in MSVC mode, whose match of a plain .def name to _name@N is the one link.exe makes.
# usage: windows_plain_def_linkers DIR (DIR: a cross build folder, for gsl-include and the outputs)
windows_plain_def_linkers() {
  local dir="$1" out="$1/plain-def" flags rc=0 text
  local def="$ROOT/examples/c_provider/c_provider.def" names=(NPGetCaps NPAddConnection3 NPCancelConnection
    AddConnectNotify CancelConnectNotify)
  if ! command -v clang++ >/dev/null || ! command -v ld.lld >/dev/null || ! command -v lld-link >/dev/null; then
    record "plain-def:lld-i386" skip "clang++, ld.lld or lld-link is not installed"
    record "plain-def:lld-link-i386" skip "clang++, ld.lld or lld-link is not installed"
    return 0
  fi
  mkdir -p "$out"
  mapfile -t flags < <(windows_clang_flags i686)
  if clang --target=i686-w64-mingw32 -c -O2 -Wall -Wextra -Werror "$ROOT/examples/c_provider/c_provider.c" \
      -o "$out/c_provider.o" >"$out/lld.log" 2>&1 &&
    clang++ "${flags[@]}" -std=c++20 -O2 -Werror -I"$ROOT/include" -isystem "$dir/gsl-include" -shared -static \
      -o "$out/c_provider.dll" "$out/c_provider.o" "$ROOT/examples/c_provider/notifications.cpp" "$def" \
      -Wl,-Bstatic -lpthread >>"$out/lld.log" 2>&1; then
    text="$(python3 "$ROOT/tests/windows/check_pe.py" i686-w64-mingw32-objdump "$out/c_provider.dll" i386 exports \
      "${names[@]}" 2>&1)" || rc=1
    text="$text; $(python3 "$ROOT/tests/windows/check_pe.py" i686-w64-mingw32-objdump "$out/c_provider.dll" i386 \
      epilogue AddConnectNotify CancelConnectNotify 2>&1)" || rc=1
    if [ $rc -eq 0 ]; then
      record "plain-def:lld-i386" pass "c_provider (C + C++) linked by lld with its plain .def: 5 plain exports, ret \$0x8"
    else
      record "plain-def:lld-i386" fail "$(printf '%s' "$text" | grep -E 'problem' | tr '\n' ' ')"
    fi
  else
    record "plain-def:lld-i386" fail "does not build: $(grep -m1 -E 'error' "$out/lld.log")"
    rc=1
  fi
  # MSVC mode: five __stdcall C functions with MSVC's decoration (_name@N), no headers or libraries needed.
  printf 'unsigned long __stdcall %s { return 0; }\n' "NPGetCaps(unsigned long i)" \
    "NPAddConnection3(void* a, void* b, void* c, void* d, unsigned long e)" "NPCancelConnection(void* a, int b)" \
    "AddConnectNotify(void* a, void* b)" "CancelConnectNotify(void* a, void* b)" >"$out/msvc_mode.c"
  if clang --target=i686-pc-windows-msvc -c -Werror "$out/msvc_mode.c" -o "$out/msvc_mode.obj" >"$out/lld-link.log" 2>&1 &&
    lld-link /dll /noentry /nodefaultlib /machine:x86 /def:"$def" "$out/msvc_mode.obj" /out:"$out/msvc_mode.dll" \
      >>"$out/lld-link.log" 2>&1 &&
    text="$(python3 "$ROOT/tests/windows/check_pe.py" i686-w64-mingw32-objdump "$out/msvc_mode.dll" i386 exports \
      "${names[@]}" 2>&1)"; then
    record "plain-def:lld-link-i386" pass "the same .def with lld-link in MSVC mode: _name@N symbols exported by plain name"
  else
    record "plain-def:lld-link-i386" fail "$(grep -h -m2 -E 'error|problem' "$out/lld-link.log" <(printf '%s' "${text:-}") | tr '\n' ' ')"
    rc=1
  fi
  return $rc
}
