# Shared by scripts/test and its stages. Sourced, not run.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${MPRNOTIFY_BUILD:-$ROOT/build}"  # a separate folder lets two runs share a checkout
RESULTS="$BUILD/results"
JOBS="${JOBS:-$(nproc)}"

# meson setup, or reconfigure when the build folder exists. usage: configure DIR [meson args]
configure() {
  local dir="$1"; shift
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" "$ROOT" "$@" >"$dir.setup.log" 2>&1 || { cat "$dir.setup.log"; return 1; }
  else
    mkdir -p "$(dirname "$dir")"
    meson setup "$dir" "$ROOT" "$@" >"$dir.setup.log" 2>&1 || { cat "$dir.setup.log"; return 1; }
  fi
}

# The host GCC build of stage 10; stage 46 takes mprnotify-check from it rather than building it again.
HOST_GCC_DIR="$BUILD/host-gcc"
# Optimised as shipped code is (GCC's -O2 warnings need it), without debug information (a third of
# the compile time, and CI reads no debugger).
HOST_GCC_ARGS=(-Dwerror=true -Ddebug=false)

# Builds and runs a meson build's tests, and records the folder for the summary. With NINJA_TARGETS
# set, builds only those targets (what the selected tests need) and runs the tests without a rebuild.
# usage: [NINJA_TARGETS="a b"] run_meson_tests DIR [meson test args]
run_meson_tests() {
  local dir="$1"; shift
  local targets=() rebuild=()
  [ -n "${NINJA_TARGETS:-}" ] && { read -r -a targets <<<"$NINJA_TARGETS"; rebuild=(--no-rebuild); }
  ninja -C "$dir" -j "$JOBS" "${targets[@]}" >"$dir.build.log" 2>&1 || { tail -50 "$dir.build.log"; echo "$dir" >>"$RESULTS/meson-dirs"; record "build:$(basename "$dir")" fail "compile failed"; return 1; }
  echo "$dir" >>"$RESULTS/meson-dirs"
  meson test -C "$dir" "${rebuild[@]}" --print-errorlogs --num-processes "$JOBS" "$@" >"$dir.test.log" 2>&1
  local rc=$?
  grep -E "^ *[0-9]+/[0-9]+ " "$dir.test.log" | sed 's/^/  /' || true
  return $rc
}

# Records one check that is not a meson test. usage: record NAME pass|fail|skip [DETAIL]
record() {
  printf '%s\t%s\t%s\n' "$1" "$2" "${3:-}" >>"$RESULTS/checks.tsv"
  case "$2" in
    skip) echo "  SKIPPED $1${3:+: $3}" ;;
    fail) echo "  FAILED  $1${3:+: $3}" ;;
    *)    echo "  ok      $1${3:+: $3}" ;;
  esac
}
