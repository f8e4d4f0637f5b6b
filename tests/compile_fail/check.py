#!/usr/bin/env python3
"""Compiles one snippet that must NOT compile and checks the diagnostic says why.

usage: check.py SNIPPET -- COMPILER [ARGS...]
The snippet's first line is '// expect: TEXT'; TEXT must appear in the compiler's output.
"""
import subprocess
import sys


def main() -> int:
    split = sys.argv.index("--")
    snippet = sys.argv[1]
    compiler = sys.argv[split + 1:]
    with open(snippet, encoding="utf-8") as f:
        first = f.readline()
    if not first.startswith("// expect: "):
        print(f"{snippet}: first line must be '// expect: ...'")
        return 1
    expected = first[len("// expect: "):].strip()
    result = subprocess.run(compiler + ["-fsyntax-only", "-x", "c++", snippet],
                            capture_output=True, text=True, check=False)
    output = result.stdout + result.stderr
    if result.returncode == 0:
        print(f"{snippet}: compiled, but it must be rejected ({expected!r})")
        return 1
    if expected not in output:
        print(f"{snippet}: rejected, but without {expected!r}:\n{output}")
        return 1
    print(f"{snippet}: rejected as expected: {expected!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
