#!/usr/bin/env python3
"""Runs `mprnotify-check --run DLL` once and holds its output to the tool's contract (docs/check-run.md).

usage: run_check.py --tool MPRNOTIFY_CHECK_EXE [--wine WINE] --dll DLL
                    (--expect-pass | --expect-fail ID_REGEX) [--expect-reported ID...] [-- TOOL_ARGS...]
  --expect-pass       exit status 0, no FAIL line, at least one ok line
  --expect-fail R     exit status 1 and a FAIL line whose check id matches R (a regular expression)
  --expect-reported   each of these check ids has a line of its own (any verdict): a crash or hang in
                      one group must not cost the others their report
Always: the last line is `run: N ok, N FAIL, N notes, N skipped` and agrees with the lines above it,
and a password passed with --password (a fresh random one) appears nowhere in the output. Under Wine
(--wine) WINEPREFIX comes from the environment, and an x86 DLL that this Wine cannot run is skipped
(exit 77) with the reason, as scripts/windows/wine-exec does.
"""
import argparse
import pathlib
import re
import secrets
import subprocess
import sys
import time

# The verdict lines and the x86-under-Wine probe the deployment tests use.
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "deployment"))
from windows_session import check, failures, x86_cannot_run  # noqa: E402

LINE = re.compile(r"^(ok|FAIL|note|SKIPPED)\s+(\S+)(?:\s+(.*))?$")
SUMMARY = re.compile(r"^run: (\d+) ok, (\d+) FAIL, (\d+) notes?, (\d+) skipped\s*$")


def windows_path(path, wine):
    """The DLL as the Windows program names it: under Wine, drive Z: is the root of this machine."""
    resolved = pathlib.Path(path).resolve()
    return "Z:" + str(resolved).replace("/", "\\") if wine else str(resolved)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tool", required=True)
    parser.add_argument("--wine")
    parser.add_argument("--dll", required=True)
    verdict = parser.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--expect-pass", action="store_true")
    verdict.add_argument("--expect-fail", metavar="ID_REGEX")
    parser.add_argument("--expect-reported", nargs="*", default=[], metavar="ID")
    parser.add_argument("tool_args", nargs="*")
    args = parser.parse_args()

    name = pathlib.Path(args.dll).name
    if x86_cannot_run(args.wine, args.dll):
        print(f"SKIPPED {name}: 32-bit programs do not run in this Wine (no i686 probe marker in the prefix)")
        return 77
    password = "pw-" + secrets.token_hex(8)  # never printed by this script either
    command = ([args.wine] if args.wine else []) + [args.tool, "--run"] + args.tool_args + [
        "--password", password, windows_path(args.dll, args.wine)]
    started = time.monotonic()
    try:
        result = subprocess.run(command, capture_output=True, text=True, errors="replace", timeout=300, check=False)
        status, out, err = result.returncode, result.stdout, result.stderr
    except subprocess.TimeoutExpired as expired:
        status, out, err = None, str(expired.stdout or ""), str(expired.stderr or "")
    seconds = time.monotonic() - started
    print(f"$ mprnotify-check --run {' '.join(args.tool_args)} --password *** {name}   ({seconds:.1f} s, exit {status})")
    for line in (out + err).replace(password, "<password>").splitlines():
        print("  | " + line)

    lines = [m.groups() for m in map(LINE.match, out.splitlines()) if m]
    fails = [check_id for verdict_word, check_id, _ in lines if verdict_word == "FAIL"]
    reported = {check_id for _, check_id, _ in lines}
    check(password not in out and password not in err, "the password given with --password appears in no output")
    last = out.strip().splitlines()[-1] if out.strip() else ""
    summary = SUMMARY.match(last)
    check(summary is not None, f"the last line is the run's summary (got {last!r})")
    if summary:
        counted = [sum(1 for v, _, _ in lines if v == word) for word in ("ok", "FAIL", "note", "SKIPPED")]
        check([int(n) for n in summary.groups()] == counted,
              f"the summary counts the lines above it ({last!r}; lines: {counted})")
    if args.expect_pass:
        check(status == 0, f"exit status 0 (got {status})")
        check(not fails, f"no FAIL line (got {', '.join(fails) or 'none'})")
        check(any(v == "ok" for v, _, _ in lines), "at least one check passed")
    else:
        check(status == 1, f"exit status 1 (got {status})")
        wanted = re.compile(args.expect_fail)
        check(any(wanted.fullmatch(f) for f in fails),
              f"a FAIL line for {args.expect_fail} (FAIL lines: {', '.join(fails) or 'none'})")
    for check_id in args.expect_reported:
        check(check_id in reported, f"{check_id} is still reported")
    print(f"{name}: {len(failures)} of the assertions failed; the run took {seconds:.1f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
