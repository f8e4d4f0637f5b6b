#!/usr/bin/env python3
"""The include rule of include/mprnotify: each part uses core and itself, never another part's insides.

usage: check_include_rule.py INCLUDE_DIR

A header belongs to the part named by its folder: core/, notifyee/, provider/, registry/, testing/, or
detail/<part>/ for a part's private code. It may include
  - core/ and detail/core/ (every part builds on core);
  - its own part's public and private headers;
  - testing/ only: the public headers of notifyee/ and provider/ (it simulates MPR for both), never
    their private code.
Core includes nothing but core. The entry headers at the top may include any public header.
Prints every include that breaks the rule and exits 1; prints the count of checked includes otherwise.
"""
import os
import re
import sys

PARTS = ("core", "notifyee", "provider", "registry", "testing")
INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.M)


def part_of(path):
    """('core', False) for core/x.hpp, ('provider', True) for detail/provider/x.hpp, (None, False) at the top."""
    pieces = path.split("/")
    if pieces[0] == "detail":
        return (pieces[1] if len(pieces) > 2 else None), True
    return (pieces[0] if len(pieces) > 1 else None), False


def allowed(source, target):
    src_part, _ = part_of(source)
    dst_part, dst_private = part_of(target)
    if src_part is None:
        return not dst_private  # an entry header: public headers only
    if dst_part not in PARTS:
        return False  # a top-level entry header or an unknown folder: parts never include those
    if dst_part in ("core", src_part):
        return True
    return src_part == "testing" and dst_part in ("notifyee", "provider") and not dst_private


def main():
    root = os.path.join(sys.argv[1], "mprnotify")
    broken, checked, unplaced = [], 0, []
    for folder, _, names in os.walk(root):
        for name in sorted(names):
            if not name.endswith(".hpp"):
                continue
            source = os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")
            part, _ = part_of(source)
            if "/" in source and part not in PARTS:
                unplaced.append(source)
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                text = f.read()
            for included in INCLUDE.findall(text):
                target = os.path.normpath(os.path.join(os.path.dirname(source), included)).replace(os.sep, "/")
                checked += 1
                if not allowed(source, target):
                    broken.append(f"{source} includes {target}")
    for line in unplaced:
        print(f"not in a part: {line}")
    for line in broken:
        print(f"breaks the include rule: {line}")
    if broken or unplaced or checked == 0:
        return 1
    print(f"include rule: {checked} includes checked, none breaks it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
