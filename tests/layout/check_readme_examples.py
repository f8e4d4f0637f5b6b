#!/usr/bin/env python3
"""The README's C++ examples are real files, shown whole: each ```cpp block of README.md must be one
of the files listed below, byte for byte, and each of them must be shown. The files are built and
tested with the other examples (tests/test_provider_examples.cpp, tests/test_examples.cpp).

usage: check_readme_examples.py SOURCE_ROOT
"""
import pathlib
import re
import sys

SHOWN = ["examples/minimal/minimal.cpp", "examples/lab_provider/lab_provider.cpp"]


def main():
    root = pathlib.Path(sys.argv[1])
    blocks = re.findall(r"```cpp\n(.*?)```", (root / "README.md").read_text(encoding="utf-8"), re.S)
    files = {name: (root / name).read_text(encoding="utf-8") for name in SHOWN}
    failed = False
    for index, block in enumerate(blocks, 1):
        if block not in files.values():
            print(f"README.md's C++ block {index} is none of {', '.join(SHOWN)}: it starts {block.splitlines()[0]!r}")
            failed = True
    for name, text in files.items():
        if text not in blocks:
            print(f"{name} is not shown whole in README.md")
            failed = True
    if not failed:
        print(f"README.md: {len(blocks)} C++ blocks, each one of the built examples, shown whole")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
