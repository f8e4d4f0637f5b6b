#!/usr/bin/env python3
"""Counts a source file's lines of user code (not blank, not a comment, not an #include) against a limit.

usage: count_user_lines.py FILE LIMIT
"""
import sys


def user_lines(path: str) -> list[str]:
    lines = []
    in_block = False
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            if in_block:
                in_block = "*/" not in line
                continue
            if line.startswith("/*"):
                in_block = "*/" not in line
                continue
            if not line or line.startswith("//") or line.startswith("#include"):
                continue
            lines.append(line)
    return lines


def main() -> int:
    path, limit = sys.argv[1], int(sys.argv[2])
    lines = user_lines(path)
    print(f"{path}: {len(lines)} lines of user code (limit {limit})")
    for line in lines:
        print("   ", line)
    return 0 if 0 < len(lines) <= limit else 1


if __name__ == "__main__":
    sys.exit(main())
