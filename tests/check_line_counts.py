#!/usr/bin/env python3
"""The line counts a docs page quotes are the files' real counts.

usage: check_line_counts.py PAGE ROOT
Reads every table row of PAGE shaped `| `path` | LINES | CODE | ...` and recounts the file under ROOT:
LINES is every line, CODE the lines left without blank lines and comments (C and C++ comments; `;`
comments in a .def). Prints each row and exits 1 when a quoted figure is wrong or a row names no file.
"""
import pathlib
import re
import sys

ROW = re.compile(r"^\|\s*`([^`]+)`\s*\|\s*(\d+)\s*\|\s*(\d+)\s*\|")


def code_lines(path: pathlib.Path) -> int:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".def":
        return sum(1 for line in text.splitlines() if line.strip() and not line.strip().startswith(";"))
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return sum(1 for line in text.splitlines() if line.strip() and not line.strip().startswith("//"))


def main() -> int:
    page, root = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    rows = [m for line in page.read_text(encoding="utf-8").splitlines() if (m := ROW.match(line))]
    failed = not rows
    for match in rows:
        path = root / match.group(1)
        if not path.is_file():
            print(f"{match.group(1)}: no such file")
            failed = True
            continue
        lines, code = len(path.read_text(encoding="utf-8").splitlines()), code_lines(path)
        quoted = (int(match.group(2)), int(match.group(3)))
        ok = quoted == (lines, code)
        failed |= not ok
        print(f"{'ok  ' if ok else 'WRONG'} {match.group(1)}: {lines} lines, {code} code; the page says {quoted}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
