#!/usr/bin/env python3
"""An import library links against the names it lists, and only those.

usage: check_import_library.py NM DLL --has NAME... --lacks NAME...
The import library is the one the linker wrote beside DLL (NAME.dll.a or libNAME.dll.a).
Every --has name must be importable from the library (its __imp_ symbol is there, x86 decoration
allowed), no --lacks name may be: DllRegisterServer and DllUnregisterServer are PRIVATE exports,
in the DLL's export table for regsvr32 but never something a program links against.
"""
import pathlib
import re
import subprocess
import sys


def main() -> int:
    nm, dll = sys.argv[1], pathlib.Path(sys.argv[2])
    candidates = [dll.with_name(dll.name + ".a"), dll.with_name("lib" + dll.name + ".a")]
    library = next((c for c in candidates if c.exists()), None)
    if library is None:
        print(f"problem: no import library beside {dll} ({', '.join(c.name for c in candidates)})")
        return 1
    has = sys.argv[sys.argv.index("--has") + 1:sys.argv.index("--lacks")]
    lacks = sys.argv[sys.argv.index("--lacks") + 1:]
    symbols = subprocess.run([nm, library], capture_output=True, text=True, check=True).stdout.split()
    # __imp_Name (x64), __imp__Name@8 (x86): the name a program's call resolves through.
    imported = {m.group(1) for s in symbols if (m := re.fullmatch(r"__imp__?([A-Za-z_]\w*?)(@\d+)?", s))}
    problems = [f"{n} is not in the import library" for n in has if n not in imported]
    problems += [f"{n} is in the import library (it must be PRIVATE)" for n in lacks if n in imported]
    print(f"import library {library}: {', '.join(sorted(imported)) or 'nothing'}")
    for p in problems:
        print(f"problem: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
