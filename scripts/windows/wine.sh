# Wine for the Windows cross builds. Sourced (after lib.sh), not run.
#   wine_start            prefix under $BUILD, WINEDEBUG=-all, a persistent wineserver
#   wine_stop             stops that wineserver
#   wine_runs_i686 DIR    0 when a 32-bit Windows program really runs here; else 1 with the reason in $WINE_I686_REASON
# Another stage that runs Windows programs sources this file and calls wine_start / wine_stop around
# its work; the cross builds' meson test runs programs through wine-exec, which uses the same prefix.

# Both must be set before any wine call, including the one meson setup makes for its sanity check:
# without WINEPREFIX, Wine creates ~700 MB in ~/.wine.
export WINEPREFIX="${WINEPREFIX:-$BUILD/wine-prefix}"
export WINEDEBUG="${WINEDEBUG:--all}"
# No Mono / Gecko install prompts while the prefix is created.
export WINEDLLOVERRIDES="${WINEDLLOVERRIDES:-mscoree,mshtml=}"
# `wine` picks the loader the prefix needs (bin/wine says why); meson's find_program('wine') finds it too.
case ":$PATH:" in *":$ROOT/scripts/windows/bin:"*) ;; *) export PATH="$ROOT/scripts/windows/bin:$PATH" ;; esac

wine_start() {
  command -v wine >/dev/null && command -v wineserver >/dev/null || { echo "wine is not installed" >&2; return 1; }
  if [ ! -f "$WINEPREFIX/system.reg" ]; then
    mkdir -p "$WINEPREFIX"
    wine wineboot.exe -i >"$WINEPREFIX.init.log" 2>&1 || { cat "$WINEPREFIX.init.log" >&2; return 1; }
    wineserver -w
  fi
  # A persistent server: each program then starts in ~0.2 s instead of ~2.6 s. Exit code 2 means
  # a server already runs for this prefix, which is as good.
  wineserver -p
  local rc=$?
  [ $rc -eq 0 ] || [ $rc -eq 2 ] || return 1
  # Start Wine's own background services now, detached from every pipe. Started by the first test
  # program instead, they would inherit its output pipe, and whoever reads it (meson test, a $(...))
  # would wait for them until its timeout.
  wine cmd /c exit </dev/null >/dev/null 2>&1
}

wine_stop() {
  wineserver -k 2>/dev/null || true
}

# With only the 64-bit Wine a 32-bit program is not run at all, yet wine exits 0. So run a tiny
# i686 program and look for the token it prints.
wine_runs_i686() {
  local dir="$1" token="mprnotify-i686-probe-$$-$RANDOM" out
  mkdir -p "$dir"
  printf '#include <stdio.h>\nint main(int argc, char** argv) { return argc > 1 ? puts(argv[1]) < 0 : 1; }\n' \
    >"$dir/probe.c"
  if ! i686-w64-mingw32-gcc -O1 -static -o "$dir/probe.exe" "$dir/probe.c" 2>"$dir/probe.log"; then
    WINE_I686_REASON="the i686 probe program does not build: $(head -c 300 "$dir/probe.log")"
    return 1
  fi
  out="$(cd "$dir" && timeout 60 wine probe.exe "$token" 2>&1)"
  rm -f "$WINEPREFIX/mprnotify-i686-runs"
  if printf '%s' "$out" | grep -q "$token"; then
    touch "$WINEPREFIX/mprnotify-i686-runs" # read by wine-exec
    return 0
  fi
  WINE_I686_REASON="32-bit Windows programs do not run in this Wine: a 32-bit probe exited without running"
  [ -x /usr/lib/wine/wine ] || WINE_I686_REASON="$WINE_I686_REASON (no 32-bit wine loader: wine32 is not installed)"
  return 1
}
