#!/usr/bin/env python3
"""Static checks of a built Windows DLL, read with the MinGW objdump.

usage: check_pe.py OBJDUMP DLL MACHINE CHECK [ARGS...] [--expect-problem TEXT]
  MACHINE  i386 | x86-64: the DLL must be built for it
  exports NAME...     the export table names exactly these functions, undecorated
  imports             every imported DLL is a system DLL (no MinGW runtime DLL)
  epilogue NAME[=BYTES]...  (i386) each exported function returns with `ret $BYTES` (8 unless given):
                      __stdcall, the callee pops its own arguments (two pointers for the notification
                      functions; NPGetCaps=4, NPAddConnection3=20, ...), as MPR's caller expects
With --expect-problem the check must find a problem whose description contains TEXT (a check
that the check can fail), and the script then succeeds.
"""
import pathlib
import re
import subprocess
import sys

# Windows' own DLLs a notifyee may import: the list mprnotify-check uses (one quoted name a line).
# Anything else would have to be shipped beside it, and MPR loads the notifyee into every WNet
# caller, where no such DLL can be expected.
SYSTEM_DLLS_FILE = pathlib.Path(__file__).resolve().parents[2] / "tools" / "check" / "system_dlls.inc"
SYSTEM_DLLS = set(re.findall(r'^"([^"]+)",', SYSTEM_DLLS_FILE.read_text(), re.M))
API_SET_PREFIXES = ("api-ms-win-", "ext-ms-")
RUNTIME_DLLS = re.compile(r"^(libstdc\+\+|libgcc_s|libwinpthread|libc\+\+|libunwind|libssp)", re.I)


def objdump(tool: str, *args: str) -> str:
    return subprocess.run([tool, *args], capture_output=True, text=True, check=True).stdout


def machine_problems(headers: str, machine: str) -> list[str]:
    found = re.search(r"file format (\S+)", headers)
    wanted = {"i386": "pei-i386", "x86-64": "pei-x86-64"}[machine]
    if not found or found.group(1) != wanted:
        return [f"file format is {found.group(1) if found else '?'}, expected {wanted}"]
    return []


def export_table(headers: str) -> dict[str, int]:
    """Export name -> RVA, from the export address and name pointer tables."""
    rvas = {}
    section = re.search(r"Export Address Table -- Ordinal Base (\d+)\n(.*?)\n\n", headers, re.S)
    if section:
        for line in section.group(2).splitlines():
            m = re.search(r"\+base\[\s*(\d+)\]\s+([0-9a-fA-F]+)\s+Export RVA", line)
            if m:
                rvas[int(m.group(1))] = int(m.group(2), 16)
    names = {}
    table = re.search(r"\[Ordinal/Name Pointer\] Table\n(.*?)(?:\n\n|\Z)", headers, re.S)
    if table:
        ordinal_base = int(section.group(1)) if section else 1
        for line in table.group(1).splitlines():
            m = re.match(r"\s*\[\s*(\d+)\]\s+(\S+)", line)
            if m:
                names[m.group(2)] = rvas.get(int(m.group(1)) + ordinal_base, -1)
    return names


def check_exports(headers: str, expected: list[str]) -> list[str]:
    names = export_table(headers)
    print("exports:", " ".join(sorted(names)) or "(none)")
    problems = [f"decorated export name {n!r}" for n in names if "@" in n or n.lstrip("_") != n]
    problems += [f"missing export {n!r}" for n in expected if n not in names]
    problems += [f"unexpected export {n!r}" for n in names if n not in expected and n.strip("_").split("@")[0] == n]
    return problems


def check_imports(headers: str) -> list[str]:
    dlls = re.findall(r"DLL Name: (\S+)", headers)
    print("imports:", " ".join(dlls) or "(none)")
    problems = []
    for dll in dlls:
        if RUNTIME_DLLS.match(dll):
            problems.append(f"imports the MinGW runtime DLL {dll} (link with -static)")
        elif dll.lower() not in SYSTEM_DLLS and not dll.lower().startswith(API_SET_PREFIXES):
            problems.append(f"imports {dll}, which is not a system DLL")
    return problems


def check_epilogue(tool: str, dll: str, headers: str, functions: list[str]) -> list[str]:
    base = re.search(r"ImageBase\s+([0-9a-fA-F]+)", headers)
    if not base:
        return ["no ImageBase in the headers"]
    exports = export_table(headers)
    listing = objdump(tool, "-d", "--no-show-raw-insn", dll)
    # Each function runs from its symbol's label to the next label.
    blocks = re.split(r"\n(?=[0-9a-f]+ <[^>]+>:\n)", listing)
    by_address = {}
    for block in blocks:
        m = re.match(r"([0-9a-f]+) <([^>]+)>:\n", block)
        if m:
            by_address[int(m.group(1), 16)] = (m.group(2), block)
    problems = []
    for wanted in functions:
        name, _, size = wanted.partition("=")
        pops = int(size) if size else 8
        if exports.get(name, -1) < 0:
            problems.append(f"{name} is not exported by that name")
            continue
        address = int(base.group(1), 16) + exports[name]
        if address not in by_address:
            problems.append(f"{name}: no symbol at its export address {address:#x}")
            continue
        returns = function_returns(by_address, address, set())
        print(f"{name} at {address:#x}: " + "; ".join(f"{symbol}: {ret}" for symbol, ret in returns))
        if not returns:
            problems.append(f"{name}: no return instruction found")
        for symbol, ret in returns:
            if not re.fullmatch(rf"retl? \${pops:#x}", ret):
                problems.append(f"{name}: `{ret}` in {symbol} is not the __stdcall epilogue `ret ${pops:#x}`")
    return problems


def function_returns(by_address: dict, address: int, seen: set) -> list[tuple[str, str]]:
    """Every return of the function at `address`, following tail calls (a jmp to another function's
    start, as Clang emits when the exported function only forwards)."""
    if address in seen or address not in by_address or len(seen) > 8:
        return []
    seen.add(address)
    symbol, block = by_address[address]
    returns = [(symbol, " ".join(r.split())) for r in re.findall(r"^\s*[0-9a-f]+:\s+(ret[lw]?\b.*)$", block, re.M)]
    for target in re.findall(r"^\s*[0-9a-f]+:\s+jmp\s+([0-9a-f]+) <", block, re.M):
        if int(target, 16) in by_address and int(target, 16) != address:
            returns += function_returns(by_address, int(target, 16), seen)
    return returns


def main() -> int:
    args = sys.argv[1:]
    expect = None
    if "--expect-problem" in args:
        i = args.index("--expect-problem")
        expect = args[i + 1]
        del args[i:i + 2]
    tool, dll, machine, check, rest = args[0], args[1], args[2], args[3], args[4:]
    headers = objdump(tool, "-p", dll)
    problems = machine_problems(headers, machine)
    if check == "exports":
        problems += check_exports(headers, rest)
    elif check == "imports":
        problems += check_imports(headers)
    elif check == "epilogue":
        problems += check_epilogue(tool, dll, headers, rest)
    else:
        print(f"unknown check {check!r}")
        return 2
    for problem in problems:
        print("problem:", problem)
    if expect is not None:
        if any(expect in p for p in problems):
            print(f"found the expected problem ({expect!r})")
            return 0
        print(f"expected a problem containing {expect!r}, found none")
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
