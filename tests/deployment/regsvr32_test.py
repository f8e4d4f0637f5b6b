#!/usr/bin/env python3
"""regsvr32 on a notifyee built with MPRNOTIFY_EXPORT_REGISTRATION, read back with `reg query`.

usage: regsvr32_test.py CASE [--wine WINE] REGISTERED_DLL PLAIN_DLL
  round_trip            regsvr32 writes Notifyees\\<name> = the DLL's path (REG_EXPAND_SZ), again
                        changes nothing, /u removes it; a neighbouring value is never touched
  system_folder         a copy in System32 is registered as %SystemRoot%\\System32\\<file>
  without_registration  regsvr32 fails on a notifyee without the macro, and writes nothing
Under Wine (--wine), every Windows program runs through it; WINEPREFIX comes from the environment.
"""
import shutil
import sys

from windows_session import Windows, check, failures, system32, x86_cannot_run

KEY = r"HKLM\SYSTEM\CurrentControlSet\Control\NetworkProvider\Notifyees"
NAME = "mprnotify-regsvr32-test"  # the name registered_notifyee.cpp passes to the macro
NEIGHBOUR = "mprnotify-regsvr32-neighbour"

def round_trip(win, dll, _plain):
    win.delete_value(KEY, NAME)
    win.set_value(KEY, NEIGHBOUR, "REG_SZ", r"C:\neighbour.dll")
    neighbour = win.query(KEY, NEIGHBOUR)
    check(neighbour == ("REG_SZ", r"C:\neighbour.dll"), f"the neighbouring value is in place: {neighbour}")

    code, out = win.run("regsvr32", "/s", dll)
    check(code == 0, f"regsvr32 exits 0 (got {code}) {out.strip()}")
    expected = win.windows_path(dll)
    value = win.query(KEY, NAME)
    check(value is not None, f"reg query finds {NAME}")
    check(value is not None and value[0] == "REG_EXPAND_SZ", f"the value is REG_EXPAND_SZ: {value}")
    check(value is not None and value[1].lower() == expected.lower(), f"the value is the DLL's path {expected!r}: {value}")

    code, _ = win.run("regsvr32", "/s", dll)
    check(code == 0 and win.query(KEY, NAME) == value, "registering again succeeds and changes nothing")

    code, out = win.run("regsvr32", "/u", "/s", dll)
    check(code == 0, f"regsvr32 /u exits 0 (got {code}) {out.strip()}")
    check(win.query(KEY, NAME) is None, "after /u reg query no longer finds the value")
    code, _ = win.run("regsvr32", "/u", "/s", dll)
    check(code == 0, "unregistering again succeeds (nothing to remove)")
    check(win.query(KEY, NEIGHBOUR) == neighbour, "the neighbouring value is untouched")
    win.delete_value(KEY, NEIGHBOUR)


def system_folder(win, dll, _plain):
    copy = system32() / "mprnotify-regsvr32-test.dll"
    shutil.copyfile(dll, copy)
    try:
        win.delete_value(KEY, NAME)
        code, out = win.run("regsvr32", "/s", r"C:\windows\system32\mprnotify-regsvr32-test.dll")
        check(code == 0, f"regsvr32 of the System32 copy exits 0 (got {code}) {out.strip()}")
        value = win.query(KEY, NAME)
        check(value == ("REG_EXPAND_SZ", r"%SystemRoot%\System32\mprnotify-regsvr32-test.dll"),
              f"the value is %SystemRoot%\\System32\\<file>, which each bitness resolves to its own copy: {value}")
        win.run("regsvr32", "/u", "/s", r"C:\windows\system32\mprnotify-regsvr32-test.dll")
        check(win.query(KEY, NAME) is None, "/u removes it")
    finally:
        copy.unlink(missing_ok=True)


def without_registration(win, _dll, plain):
    win.delete_value(KEY, NAME)
    code, out = win.run("regsvr32", "/s", plain)
    check(code != 0, f"regsvr32 fails on a DLL without DllRegisterServer (exit {code})")
    check(win.query(KEY, NAME) is None, "and nothing is registered")


def main():
    args = sys.argv[1:]
    case = args.pop(0)
    wine = None
    if args and args[0] == "--wine":
        wine = args[1]
        args = args[2:]
    dll, plain = args
    # Wine without its 32-bit half cannot load an x86 DLL (and its regsvr32 would not say so
    # clearly): skip loudly unless scripts/windows/wine.sh's probe saw a 32-bit program run.
    if x86_cannot_run(wine, dll):
        print("SKIPPED: an x86 DLL, and 32-bit programs do not run in this Wine")
        return 77
    win = Windows(wine, timeout=90)
    {"round_trip": round_trip, "system_folder": system_folder,
     "without_registration": without_registration}[case](win, dll, plain)
    print(f"{case}: {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
