#!/usr/bin/env python3
"""Every WN_* code of winnetwk.h has its wn_status enumerator, with the header's value.

usage: check_wn_codes.py SOURCE_ROOT [WINNETWK_H]

Reads the `#define WN_NAME ERROR_...` lines of MinGW-w64's winnetwk.h (the first of the usual places
when WINNETWK_H is not given), resolves each ERROR_* through winerror.h beside it, and compares them
with the enumerators of include/mprnotify/core/status.hpp: WN_BAD_NETNAME is bad_netname. An
enumerator is a number or another enumerator's name (an alias such as no_error = success).
Prints every missing, extra or wrong enumerator and exits 1; prints the count otherwise. Without
the header it prints SKIPPED and exits 77 (meson's skip).
"""
import os
import re
import sys

HEADER_PLACES = (
    "/usr/share/mingw-w64/include/winnetwk.h",
    "/usr/x86_64-w64-mingw32/include/winnetwk.h",
    "/usr/i686-w64-mingw32/include/winnetwk.h",
)
WN_DEFINE = re.compile(r"^\s*#\s*define\s+WN_(\w+)\s+(\w+)\s*$", re.M)
ERROR_DEFINE = re.compile(r"^\s*#\s*define\s+(\w+)\s+(?:__MSABI_LONG\()?(\d+)L?\)?\s*$", re.M)
ENUM_BODY = re.compile(r"enum class wn_status\s*:\s*std::uint32_t\s*\{(.*?)\};", re.S)
ENUMERATOR = re.compile(r"^\s*(\w+)\s*=\s*(\w+)\s*,", re.M)


def read(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def header_codes(winnetwk):
    """{'bad_netname': 67, ...} from winnetwk.h and the winerror.h beside it."""
    errors = {"NO_ERROR": 0}
    winerror = os.path.join(os.path.dirname(winnetwk), "winerror.h")
    for name, value in ERROR_DEFINE.findall(read(winerror)):
        errors.setdefault(name, int(value))
    codes = {}
    for wn_name, error_name in WN_DEFINE.findall(read(winnetwk)):
        if error_name not in errors:
            raise SystemExit(f"check_wn_codes: {error_name} (WN_{wn_name}) is not in {winerror}")
        codes[wn_name.lower()] = errors[error_name]
    return codes


def library_codes(status_hpp):
    """{'bad_netname': 67, 'no_error': 0, ...} from status.hpp's enumerators."""
    body = ENUM_BODY.search(read(status_hpp))
    if body is None:
        raise SystemExit(f"check_wn_codes: no `enum class wn_status` in {status_hpp}")
    codes = {}
    for name, value in ENUMERATOR.findall(body.group(1)):
        codes[name] = int(value) if value.isdigit() else codes.get(value, -1)
    return codes


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    places = argv[2:] or [p for p in HEADER_PLACES if os.path.exists(p)]
    if not places or not os.path.exists(places[0]):
        print("SKIPPED: MinGW-w64's winnetwk.h is not installed (looked in " + ", ".join(argv[2:] or HEADER_PLACES) + ")")
        return 77
    winnetwk = places[0]
    expected = header_codes(winnetwk)
    ours = library_codes(os.path.join(argv[1], "include", "mprnotify", "core", "status.hpp"))
    problems = []
    for name, value in sorted(expected.items(), key=lambda item: item[1]):
        if name not in ours:
            problems.append(f"missing: wn_status::{name} = {value} (WN_{name.upper()})")
        elif ours[name] != value:
            problems.append(f"wrong value: wn_status::{name} is {ours[name]}, WN_{name.upper()} is {value}")
    for name in sorted(set(ours) - set(expected)):
        problems.append(f"extra: wn_status::{name} is no WN_* code of {winnetwk}")
    for line in problems:
        print(line)
    if problems:
        return 1
    print(f"{len(expected)} WN_* codes of {winnetwk}, each a wn_status enumerator with its value")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
