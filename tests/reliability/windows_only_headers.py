#!/usr/bin/env python3
"""Lists the headers under an include folder that only compile for Windows, from the headers themselves.

usage: windows_only_headers.py INCLUDE_DIR

A header is Windows-only when it never tests _WIN32 itself, other headers include it, and every
one of those includes is inside an `#if defined(_WIN32)` / `#ifdef _WIN32` block or comes from a
header that is itself Windows-only. A header that tests _WIN32 guards its own Windows part
(registry.hpp, registration.hpp) and a header nobody includes is a public entry point: both must
compile everywhere. Nothing is listed by hand: a new Windows-only header is found the moment
a header includes it under _WIN32. Prints one path per line, relative to INCLUDE_DIR.
"""
import pathlib
import re
import sys

DIRECTIVE = re.compile(r"^\s*#\s*(if|ifdef|ifndef|elif|else|endif|include)\b(.*)$")
WINDOWS = re.compile(r"^\s*(defined\s*\(?\s*_WIN32\s*\)?|_WIN32)\s*(&&.*)?$")


def includes(header: pathlib.Path, include_dir: pathlib.Path) -> list[tuple[str, bool]]:
    """(included header relative to include_dir, included only on Windows) for each quoted include."""
    found, stack = [], []  # stack: per #if level, whether that branch is Windows-only
    for line in header.read_text(encoding="utf-8").splitlines():
        match = DIRECTIVE.match(line)
        if not match:
            continue
        word, rest = match.group(1), match.group(2).strip()
        if word in ("if", "ifdef", "ifndef"):
            windows = (word == "ifdef" and rest == "_WIN32") or (word == "if" and bool(WINDOWS.match(rest)))
            stack.append(windows)
        elif word in ("elif", "else") and stack:
            stack[-1] = False  # the other branch of a _WIN32 test is not Windows-only
        elif word == "endif" and stack:
            stack.pop()
        elif word == "include" and rest.startswith('"'):
            target = (header.parent / rest.split('"')[1]).resolve()
            if target.is_relative_to(include_dir):
                found.append((target.relative_to(include_dir).as_posix(), any(stack)))
    return found


def windows_only(include_dir: pathlib.Path) -> list[str]:
    headers = sorted(p.relative_to(include_dir).as_posix() for p in include_dir.rglob("*.hpp"))
    edges = {h: includes(include_dir / h, include_dir) for h in headers}
    guards_itself = {h for h in headers if re.search(r"^\s*#\s*(if|ifdef|ifndef|elif)\b.*_WIN32",
                                                     (include_dir / h).read_text(encoding="utf-8"), re.M)}
    result: set[str] = set()
    changed = True
    while changed:  # a fixpoint: what a Windows-only header includes may be Windows-only too
        changed = False
        for candidate in headers:
            if candidate in result or candidate in guards_itself:
                continue
            uses = [(who, guarded) for who, found in edges.items() for target, guarded in found if target == candidate]
            if uses and all(guarded or who in result for who, guarded in uses):
                result.add(candidate)
                changed = True
    return sorted(result)


def main() -> int:
    include_dir = pathlib.Path(sys.argv[1]).resolve()
    for header in windows_only(include_dir):
        print(header)
    return 0


if __name__ == "__main__":
    sys.exit(main())
