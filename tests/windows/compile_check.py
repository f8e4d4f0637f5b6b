#!/usr/bin/env python3
"""Compiles one translation unit whose static_asserts are the check.

usage: compile_check.py SOURCE [--expect-failure TEXT]... -- COMPILER [ARGS...]
Without --expect-failure the source must compile. With it, the compile must fail and every TEXT
must appear in the diagnostics (a check that the assertions can fail at all).
"""
import subprocess
import sys


def main() -> int:
    split = sys.argv.index("--")
    source = sys.argv[1]
    options = sys.argv[2:split]
    compiler = sys.argv[split + 1:]
    expected = [options[i + 1] for i, o in enumerate(options) if o == "--expect-failure"]
    command = compiler + ["-fsyntax-only", "-x", "c++", source]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    output = result.stdout + result.stderr
    print(" ".join(command))
    if not expected:
        if result.returncode != 0:
            print(f"{source}: does not compile:\n{output}")
            return 1
        print(f"{source}: compiles, every assertion holds")
        return 0
    if result.returncode == 0:
        print(f"{source}: compiled, but it must fail with {expected!r}")
        return 1
    missing = [text for text in expected if text not in output]
    if missing:
        print(f"{source}: failed, but without {missing!r}:\n{output}")
        return 1
    failed = output.count("static assertion failed")
    print(f"{source}: rejected as expected: {failed} static assertions failed, including {expected!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
