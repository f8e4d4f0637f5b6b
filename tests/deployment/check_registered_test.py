#!/usr/bin/env python3
"""mprnotify-check --registered against values put under Notifyees with `reg add`.

usage: check_registered_test.py [--wine WINE] MPRNOTIFY_CHECK_EXE GOOD_DLL
Registers a working notifyee by full path and by %SystemRoot%\\System32 path, a path to no file,
and a REG_DWORD; the tool must check each and judge each right, and exit 1 (one would not work).
"""
import shutil
import sys

from windows_session import Windows, check, failures, system32, x86_cannot_run

KEY = r"HKLM\SYSTEM\CurrentControlSet\Control\NetworkProvider\Notifyees"
VALUES = {
    "mprnotify-check-good": None,  # filled with the good DLL's Windows path
    "mprnotify-check-system32": r"%SystemRoot%\System32\mprnotify-check-test.dll",
    "mprnotify-check-missing": r"C:\nowhere\missing-notifyee.dll",
}
DWORD = "mprnotify-check-dword"


def main():
    args = sys.argv[1:]
    wine = None
    if args[0] == "--wine":
        wine, args = args[1], args[2:]
    tool, good = args
    if x86_cannot_run(wine, tool):
        print("SKIPPED: an x86 program, and 32-bit programs do not run in this Wine")
        return 77
    win = Windows(wine, timeout=90)
    run = win.run
    VALUES["mprnotify-check-good"] = win.windows_path(good)
    copy = system32() / "mprnotify-check-test.dll"
    shutil.copyfile(good, copy)
    # The same (64-bit) DLL where 32-bit processes look: the tool must say they cannot load it.
    wow_copy = system32().parent / "syswow64" / "mprnotify-check-test.dll"
    if wow_copy.parent.is_dir():
        shutil.copyfile(good, wow_copy)
    try:
        for name, data in VALUES.items():
            run("reg", "add", KEY, "/v", name, "/t", "REG_EXPAND_SZ", "/d", data, "/f")
        run("reg", "add", KEY, "/v", DWORD, "/t", "REG_DWORD", "/d", "1", "/f")
        code, out = run(tool, "--registered")
        print(out)
        check(code == 1, f"exit status 1: one registered DLL would not work (got {code})")
        blocks = {}
        for block in out.split("\n\n"):
            head = block.split(" = ", 1)[0].strip()
            blocks[head] = block
        good_block = blocks.get("mprnotify-check-good", "")
        check("verdict: OK" in good_block, "the good DLL, registered by full path, is judged OK")
        system_block = blocks.get("mprnotify-check-system32", "")
        check("verdict: OK" in system_block and "mprnotify-check-test.dll" in system_block,
              "the %SystemRoot%\\System32 path is expanded, found and judged OK")
        if wow_copy.parent.is_dir():
            check("x86 processes cannot load it" in system_block,
                  "the SysWOW64 copy is checked as what 32-bit processes load, and its x64 machine is a problem")
        missing_block = blocks.get("mprnotify-check-missing", "")
        check("PROBLEM" in missing_block and "verdict: FAIL" in missing_block, "the missing file is a problem")
        dword_block = blocks.get(DWORD, "")
        check("REG_DWORD is not a path" in dword_block, "the REG_DWORD value is reported as not a path")
    finally:
        for name in list(VALUES) + [DWORD]:
            run("reg", "delete", KEY, "/v", name, "/f")
        copy.unlink(missing_ok=True)
        wow_copy.unlink(missing_ok=True)
    print(f"{len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
