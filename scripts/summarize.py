#!/usr/bin/env python3
"""Adds up every result of one scripts/test run and prints the closing line.

Doctest programs count their test cases (from their own summary line); any other meson test, and
every check recorded in results/checks.tsv, counts as one.
"""
import json
import pathlib
import re
import sys

DOCTEST = re.compile(r"\[doctest\] test cases:\s*(\d+)\s*\|\s*(\d+) passed\s*\|\s*(\d+) failed\s*\|\s*(\d+) skipped")


def main() -> int:
    results = pathlib.Path(sys.argv[1])
    passed = failed = skipped = 0
    dirs = results / "meson-dirs"
    for line in sorted(set(dirs.read_text().split())) if dirs.exists() else []:
        log = pathlib.Path(line) / "meson-logs" / "testlog.json"
        if not log.exists():
            continue
        for entry in log.read_text().splitlines():
            try:
                test = json.loads(entry)
            except json.JSONDecodeError:
                print(f"unreadable result in {log}: {entry[:80]!r}", file=sys.stderr)
                failed += 1
                continue
            outcome = test.get("result", "")
            match = DOCTEST.search(test.get("stdout", "") or "")
            if match:
                cases, ok, bad, skip = map(int, match.groups())
                passed += ok
                skipped += skip
                # A program that fails after its summary (a sanitizer report at exit) still fails.
                failed += bad if bad or outcome == "OK" else 1
                passed -= 0 if bad or outcome == "OK" else min(ok, 1)
            elif outcome in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif outcome == "SKIP":
                skipped += 1
            else:
                failed += 1
    checks = results / "checks.tsv"
    if checks.exists():
        for line in checks.read_text().splitlines():
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            status = parts[1]
            if status == "pass":
                passed += 1
            elif status == "skip":
                skipped += 1
            else:
                failed += 1
    print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
