#!/usr/bin/env bash
# mprnotify installed to the staging prefix: every header of include/mprnotify and nothing else;
# besides the headers only the pkg-config module and the CMake package.
set -eo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/lib.sh"
source "$ROOT/tests/consumers/lib.sh"

configure "$C/lib-build" --prefix "$STAGE" -Dtests=disabled -Dexamples=disabled -Dtools=disabled
rm -rf "$STAGE"
meson install -C "$C/lib-build" --quiet
diff <(cd "$ROOT/include" && find mprnotify -type f | sort) \
  <(cd "$STAGE/include" && find . -type f | sed 's|^\./||' | sort)
if (cd "$ROOT/include/mprnotify" && find . -type f ! -name '*.hpp' | grep .); then exit 1; fi
diff <(printf '%s\n' share/cmake/mprnotify/mprnotifyConfig.cmake share/cmake/mprnotify/mprnotifyConfigVersion.cmake \
         share/pkgconfig/mprnotify.pc) <(cd "$STAGE" && find . -type f ! -path './include/*' | sed 's|^\./||' | sort)
