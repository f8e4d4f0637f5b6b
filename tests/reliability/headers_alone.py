#!/usr/bin/env python3
"""Compiles every header under an include folder on its own, twice in one translation unit.

usage: headers_alone.py INCLUDE_DIR [--elsewhere HEADER...] -- COMPILER [FLAGS...]

A header that needs something it does not include, or that breaks when included twice, fails.
Headers are found on disk, so a new one is covered without listing it anywhere. Headers listed
after --elsewhere only compile for another platform (Windows-only detail headers): they are
reported as skipped here and must exist (stage 62 compiles every header alone with MinGW).
"""
import concurrent.futures
import os
import pathlib
import subprocess
import sys
import tempfile


def main() -> int:
    separator = sys.argv.index("--")
    include = pathlib.Path(sys.argv[1]).resolve()
    options = sys.argv[2:separator]
    elsewhere = set(options[1:]) if options[:1] == ["--elsewhere"] else set()
    compiler = sys.argv[separator + 1:]
    found = sorted(p.relative_to(include).as_posix() for p in include.rglob("*.hpp"))
    missing = sorted(elsewhere - set(found))
    if missing or not found:
        print(f"no such headers under {include}: {missing or 'none at all'}")
        return 1
    for header in sorted(elsewhere):
        print(f"skipped {header} (another platform's header)")
    headers = [h for h in found if h not in elsewhere]

    with tempfile.TemporaryDirectory() as scratch:
        def check(header: str) -> tuple[str, int, str]:
            source = pathlib.Path(scratch) / (header.replace("/", "__") + ".cpp")
            source.write_text(f"#include <{header}>\n#include <{header}>\n")
            run = subprocess.run(compiler + ["-I", str(include), "-c", str(source), "-o", os.devnull],
                                 capture_output=True, text=True)
            return header, run.returncode, run.stderr

        failed = 0
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            for header, code, errors in pool.map(check, headers):
                print(f"{'ok    ' if code == 0 else 'FAILED'} {header}")
                if code != 0:
                    failed += 1
                    print(errors)
    print(f"{len(headers) - failed} of {len(headers)} headers compile on their own ({compiler[0]})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
