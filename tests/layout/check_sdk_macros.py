#!/usr/bin/env python3
"""No source uses a name the Windows SDK's headers define as a macro for C++.

usage: check_sdk_macros.py SOURCE_ROOT

Scans the C and C++ sources under include/, tests/, tools/, fuzz/, examples/ and bench/, with their
comments and string literals blanked, for
  - the object-like macros small (rpcndr.h: char), near, far, hyper, pascal, cdecl and interface
    used as identifiers;
  - min or max followed by "(" (<windows.h>'s function-like macros unless NOMINMAX), which catches
    std::min(a, b), x.max() and std::numeric_limits<T>::max(); write (std::min)(a, b) or
    std::min<T>(a, b) instead. A file that defines NOMINMAX itself is exempt from this one;
  - #include <bits/...> (libstdc++'s internal headers, which no other standard library has), unless
    the same file tests __has_include(<bits/...>) for that header: guarded, with a fallback.
MinGW-w64's headers define min and max for C only, and small for the resource compiler only, so
a MinGW build does not find these.

A line may use one on purpose when it says so in a comment: "sdk-macros: on purpose". The
#define, #undef, #ifdef, #ifndef and defined() of the names themselves are allowed.

It also checks that tests/windows/windows_library_first.cpp includes, before it defines min and
max, every standard header include/mprnotify includes: a standard header first read with the
macros defined does not compile with libstdc++, so a missing one would fail there for that reason
rather than the library's.

Prints file:line for every use and exits 1; prints a one-line summary and exits 0 otherwise.
"""
import pathlib
import re
import sys

DIRS = ("include", "tests", "tools", "fuzz", "examples", "bench")
SUFFIXES = {".c", ".cc", ".cpp", ".cxx", ".h", ".hh", ".hpp", ".hxx", ".inc", ".ipp"}
OBJECT_MACROS = ("small", "near", "far", "hyper", "pascal", "cdecl", "interface")
OBJECT_USE = re.compile(r"(?<![\w$])(" + "|".join(OBJECT_MACROS) + r")(?![\w$])")
MINMAX_USE = re.compile(r"(?<![\w$])(min|max)\s*\(")
BITS_INCLUDE = re.compile(r"^\s*#\s*include\s*<(bits/[^>]+)>")
DIRECTIVE_NAME = re.compile(r"^(\s*#\s*(?:define|undef|ifdef|ifndef)\s+)(\w+)")
DEFINED_NAME = re.compile(r"\bdefined\s*(?:\(\s*\w+\s*\)|\s\w+)")
NOMINMAX = re.compile(r"^\s*#\s*define\s+NOMINMAX\b", re.M)
ON_PURPOSE = "sdk-macros: on purpose"
STD_INCLUDE = re.compile(r"^\s*#\s*include\s*<([a-z_]+)>", re.M)
LIBRARY_FIRST = pathlib.Path("tests/windows/windows_library_first.cpp")

# A string or character literal, with an optional encoding prefix; raw strings separately.
RAW_STRING = re.compile(r'(?:u8|[uUL])?R"([^()\\\s]{0,16})\((?:.|\n)*?\)\1"')
QUOTED = re.compile(r"""(?:u8|[uUL])?(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')""")


def blank(match):
    """The match with every character but newlines replaced by spaces: line numbers stay."""
    return re.sub(r"[^\n]", " ", match.group(0))


def code_only(text):
    """text with comments and literals blanked, kept line for line. #include <...> is kept."""
    out = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            out.append(" " * (end - i))
            i = end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append(re.sub(r"[^\n]", " ", text[i:end]))
            i = end
        elif c in "\"'uUL8R":
            # A literal starts here only if no identifier character precedes it (L"x", not fooL"x").
            # A ' between digits is a digit separator (1'000), not a character literal.
            before = text[i - 1] if i > 0 else ""
            if before.isalnum() or before == "_":
                out.append(c)
                i += 1
                continue
            m = RAW_STRING.match(text, i) or QUOTED.match(text, i)
            if m:
                out.append(blank(m))
                i = m.end()
            else:
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def problems_in(path, rel):
    text = path.read_text(encoding="utf-8", errors="replace")
    raw_lines = text.split("\n")
    code_lines = code_only(text).split("\n")
    nominmax = bool(NOMINMAX.search(text))
    found = []
    for number, (raw, code) in enumerate(zip(raw_lines, code_lines), start=1):
        bits = BITS_INCLUDE.match(code)
        if bits and f"__has_include(<{bits.group(1)}>)" not in text:
            found.append(f"{rel}:{number}: #include <bits/...>: libstdc++'s internal header; include the standard ones")
        if bits:
            continue
        if ON_PURPOSE in raw:
            continue
        code = DIRECTIVE_NAME.sub(r"\1", code)
        code = DEFINED_NAME.sub(" ", code)
        for m in OBJECT_USE.finditer(code):
            found.append(f"{rel}:{number}: `{m.group(1)}` is a macro in the Windows SDK's headers")
        if not nominmax:
            for m in MINMAX_USE.finditer(code):
                name = m.group(1)
                found.append(
                    f"{rel}:{number}: `{name}(` is <windows.h>'s {name} macro unless NOMINMAX: write ({name})(...) or {name}<T>(...)"
                )
    return found


def library_first_problems(root):
    first = root / LIBRARY_FIRST
    if not first.exists():
        return []
    text = first.read_text(encoding="utf-8")
    cut = re.search(r"^\s*#\s*define\s+max\b", text, re.M)
    if not cut:
        return [f"{LIBRARY_FIRST}: no #define max: the check of its standard headers no longer applies"]
    listed = set(STD_INCLUDE.findall(text[: cut.start()]))
    used = set()
    for header in (root / "include" / "mprnotify").rglob("*.hpp"):
        used.update(STD_INCLUDE.findall(code_only(header.read_text(encoding="utf-8"))))
    return [
        f"{LIBRARY_FIRST}: include <{name}> before #define max: include/mprnotify uses it"
        for name in sorted(used - listed)
    ]


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    root = pathlib.Path(sys.argv[1]).resolve()
    files = []
    for top in DIRS:
        base = root / top
        if base.is_dir():
            files.extend(p for p in sorted(base.rglob("*")) if p.is_file() and p.suffix in SUFFIXES)
    problems = []
    for path in files:
        problems.extend(problems_in(path, path.relative_to(root).as_posix()))
    problems.extend(library_first_problems(root))
    for line in problems:
        print(line)
    if problems:
        print(f"{len(problems)} use(s) of Windows SDK macro names", file=sys.stderr)
        return 1
    print(f"{len(files)} sources free of the Windows SDK's macro names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
