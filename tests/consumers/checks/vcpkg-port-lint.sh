#!/usr/bin/env bash
# ports/mprnotify: vcpkg.json and portfile.cmake consistent with this checkout. usage: vcpkg-port-lint.sh VERSION
set -eo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/lib.sh"
source "$ROOT/tests/consumers/lib.sh"

python3 "$ROOT/tests/consumers/check_port.py" "$ROOT/ports/mprnotify" "$ROOT" "$1"
