#!/usr/bin/env python3
"""mprnotify-check (host build) on real DLLs built here with the MinGW-w64 cross compilers.

usage: check_tool_dlls.py TOOL OUT_DIR
Builds the example notifyees for x64 and x86 (which must pass) and deliberately broken DLLs (which
must each be flagged for their own fault), runs the tool on each, and compares what it read with
objdump's view of the same file. Prints one line per check, "RECORD<TAB>name<TAB>pass|fail<TAB>detail",
for the stage to record, and exits 1 when a check failed.
"""
import concurrent.futures
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
TRIPLE = {"x64": "x86_64-w64-mingw32", "x86": "i686-w64-mingw32"}

# Broken notifyees: small C++ files that need nothing from the library.
DECORATED = r"""
#include <windows.h>
// __declspec(dllexport) alone on x86: the names come out decorated (AddConnectNotify@8).
extern "C" __declspec(dllexport) DWORD APIENTRY AddConnectNotify(void*, void*) { return 0; }
extern "C" __declspec(dllexport) DWORD APIENTRY CancelConnectNotify(void*, void*) { return 0; }
"""
MISSING = r"""
#include <windows.h>
extern "C" __declspec(dllexport) DWORD APIENTRY AddConnectNotify(void*, void*) { return 0; }
"""
DYNAMIC = r"""
#include <windows.h>
#include <string>
// Uses libstdc++; linked without -static it needs libstdc++-6.dll at run time.
static std::string last;
extern "C" __declspec(dllexport) DWORD APIENTRY AddConnectNotify(void*, void*) { last = "add"; return 0; }
extern "C" __declspec(dllexport) DWORD APIENTRY CancelConnectNotify(void*, void*) { last += "x"; return 0; }
"""
MANGLED = r"""
#include <windows.h>
// No extern "C": C++ linkage mangles the names.
__declspec(dllexport) DWORD APIENTRY AddConnectNotify(void*, void*) { return 0; }
__declspec(dllexport) DWORD APIENTRY CancelConnectNotify(void*, void*) { return 0; }
"""

# Broken network providers, one fault each (no library code).
NP_CAPS_MISSING = r"""
#include <windows.h>
// NPGetCaps answers WNNC_ENUM_GLOBAL (and add/cancel), but only NPOpenEnum of the three enumeration functions exists.
extern "C" __declspec(dllexport) DWORD APIENTRY NPGetCaps(DWORD index) { return index == 0xB || index == 6 ? 3 : 0; }
extern "C" __declspec(dllexport) DWORD APIENTRY NPAddConnection(void*, wchar_t*, wchar_t*) { return 0; }
extern "C" __declspec(dllexport) DWORD APIENTRY NPCancelConnection(wchar_t*, BOOL) { return 0; }
extern "C" __declspec(dllexport) DWORD APIENTRY NPOpenEnum(DWORD, DWORD, DWORD, void*, HANDLE*) { return 0; }
"""
NP_DYNAMIC = r"""
#include <windows.h>
#include <string>
// Uses libstdc++; linked without -static it needs libstdc++-6.dll in every WNet caller.
static std::wstring last;
extern "C" __declspec(dllexport) DWORD APIENTRY NPGetCaps(DWORD index) { last = L"caps"; return index == 6 ? 3 : 0; }
extern "C" __declspec(dllexport) DWORD APIENTRY NPAddConnection(void*, wchar_t* p, wchar_t*) { last = p ? p : L""; return 0; }
extern "C" __declspec(dllexport) DWORD APIENTRY NPCancelConnection(wchar_t*, BOOL) { last.clear(); return 0; }
"""
NP_COMPANION = r"""
#include <windows.h>
// The provider's own library, installed beside it: an import the tool must be told about.
extern "C" __declspec(dllimport) DWORD contoso_core_version();
extern "C" __declspec(dllexport) DWORD APIENTRY NPGetCaps(DWORD index) { return index == 3 ? contoso_core_version() : 0; }
"""
COMPANION = r"""
#include <windows.h>
extern "C" __declspec(dllexport) DWORD contoso_core_version() { return 1; }
"""
# x86: every NP* function by plain name but NPAddConnection3, left decorated (the classic .def slip).
NP_DECORATED_DEF = ("EXPORTS\n    NPGetCaps = NPGetCaps@4\n    NPAddConnection = NPAddConnection@12\n"
                    "    NPAddConnection3@20\n    NPCancelConnection = NPCancelConnection@8\n")

results = []


def record(name, ok, detail):
    results.append((name, ok, detail))
    print(f"RECORD\t{name}\t{'pass' if ok else 'fail'}\t{detail}", flush=True)


def build(out, name, arch, sources, extra, library=False):
    """Compiles one DLL; returns its path, or None with the compiler's output recorded."""
    target = out / f"{name}-{arch}.dll"
    command = [f"{TRIPLE[arch]}-g++-posix", "-std=c++20", "-O1", "-shared", "-o", str(target)]
    if library:
        command += ["-I", str(ROOT / "include"), "-isystem", str(out / "gsl-include")]
    command += [str(s) for s in sources] + extra
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        record(f"check-tool:build:{name}-{arch}", False, result.stderr[-400:].replace("\n", " "))
        return None
    return target


def objdump_view(dll, arch):
    """(export names, imported DLL names) as binutils reads them: an oracle independent of the tool."""
    text = subprocess.run([f"{TRIPLE[arch]}-objdump", "-p", str(dll)], capture_output=True, text=True,
                          check=True).stdout
    exports, imports, in_names = [], [], False
    for line in text.splitlines():
        if "[Ordinal/Name Pointer] Table" in line:
            in_names = True
            continue
        if in_names:
            if line.strip().startswith("[") and "]" in line:
                exports.append(line.split("]", 1)[1].strip())
                continue
            in_names = False
        if "DLL Name:" in line:
            imports.append(line.split("DLL Name:", 1)[1].strip())
    return exports, imports


def run_tool(tool, dll, *options):
    r = subprocess.run([tool, "--verbose", *options, str(dll)], capture_output=True, text=True, check=False)
    return r.returncode, r.stdout + r.stderr


def listed(output, label):
    for line in output.splitlines():
        if line.startswith(f"  {label}: "):
            items = line.split(": ", 1)[1]
            return [i.strip() for i in items.split(",") if i.strip()] if items else []
    return None


def expect(tool, dll, arch, name, code, needles, *options):
    exit_code, out = run_tool(tool, dll, *options)
    missing = [n for n in needles if n not in out]
    ok = exit_code == code and not missing
    detail = f"exit {exit_code} (want {code})" + (f", missing {missing!r}" if missing else "")
    if not ok:
        print(out)
    record(f"check-tool:{name}-{arch}", ok, detail if not ok else f"exit {exit_code}: " + (needles[0] if needles else ""))
    # The tool must read the same exports and imports objdump reads.
    exports, imports = objdump_view(dll, arch)
    same = listed(out, "exports") == exports and listed(out, "imports") == imports
    record(f"check-tool:{name}-{arch}:agrees-with-objdump", same,
           f"{len(exports)} exports, {len(imports)} imports" if same else
           f"tool {listed(out, 'exports')} / {listed(out, 'imports')} vs objdump {exports} / {imports}")
    return out


def main():
    tool, out = sys.argv[1], pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    gsl = out / "gsl-include"
    gsl.mkdir(exist_ok=True)
    if not (gsl / "gsl").exists():
        (gsl / "gsl").symlink_to("/usr/include/gsl")
    for name, text in {"decorated": DECORATED, "missing": MISSING, "dynamic": DYNAMIC, "mangled": MANGLED,
                       "np-caps-missing": NP_CAPS_MISSING, "np-dynamic": NP_DYNAMIC, "np-companion": NP_COMPANION,
                       "contoso-core": COMPANION}.items():
        (out / f"{name}.cpp").write_text(text)
    (out / "np-decorated-x86.def").write_text(NP_DECORATED_DEF)
    test_provider = ["-x", "c", ROOT / "tests/deployment/test_provider.c", "-x", "none",
                     ROOT / "tests/deployment/test_provider.def"]
    # registration.hpp's .def route (MPRNOTIFY_NO_EXPORT_DIRECTIVES), with the x86 internal names.
    (out / "registered-x86.def").write_text(
        "EXPORTS\n    AddConnectNotify = AddConnectNotify@8\n    CancelConnectNotify = CancelConnectNotify@8\n"
        "    DllRegisterServer = DllRegisterServer@0 PRIVATE\n    DllUnregisterServer = DllUnregisterServer@0 PRIVATE\n")

    static = ["-static", "-static-libgcc", "-static-libstdc++"]
    examples = ROOT / "examples"
    jobs = {
        ("minimal", "x64"): ([examples / "minimal/minimal.cpp"], static, True),
        ("minimal", "x86"): ([examples / "minimal/minimal.cpp"], static, True),
        ("provider", "x64"): ([examples / "provider/provider.cpp", examples / "provider/provider.def"], static, True),
        ("provider", "x86"): ([examples / "provider/provider.cpp", examples / "provider/provider.def"],
                              static + ["-Wl,--enable-stdcall-fixup"], True),
        # The C provider: its .c compiled as C (-x c), the C++ file as C++, linked as C++, one .def.
        ("c_provider", "x64"): (["-x", "c", examples / "c_provider/c_provider.c", "-x", "none",
                                 examples / "c_provider/notifications.cpp", examples / "c_provider/c_provider.def"],
                                static, True),
        ("c_provider", "x86"): (["-x", "c", examples / "c_provider/c_provider.c", "-x", "none",
                                 examples / "c_provider/notifications.cpp", examples / "c_provider/c_provider.def"],
                                static + ["-Wl,--enable-stdcall-fixup"], True),
        ("registered", "x86"): ([ROOT / "tests/deployment/registered_notifyee.cpp"], static, True),
        ("registered-def", "x86"): ([ROOT / "tests/deployment/registered_notifyee.cpp", out / "registered-x86.def"],
                                    static + ["-DMPRNOTIFY_NO_EXPORT_DIRECTIVES"], True),
        ("test-provider", "x64"): (test_provider, static, False),
        ("test-provider", "x86"): (test_provider, static + ["-Wl,--enable-stdcall-fixup"], False),
        ("np-decorated", "x86"): (["-x", "c", ROOT / "tests/deployment/test_provider.c", "-x", "none",
                                   out / "np-decorated-x86.def"], static, False),
        ("np-caps-missing", "x64"): ([out / "np-caps-missing.cpp"], static, False),
        ("np-dynamic", "x64"): ([out / "np-dynamic.cpp"], [], False),
        ("decorated", "x86"): ([out / "decorated.cpp"], static, False),
        ("missing", "x64"): ([out / "missing.cpp"], static, False),
        ("dynamic", "x64"): ([out / "dynamic.cpp"], [], False),
        ("mangled", "x64"): ([out / "mangled.cpp"], static, False),
    }
    workers = max(1, min(2, os.cpu_count() or 1))
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        futures = {key: pool.submit(build, out, key[0], key[1], *job) for key, job in jobs.items()}
        dlls = {key: f.result() for key, f in futures.items()}

    good = "verdict: OK"
    checks = [
        ("minimal", "x64", 0, [good, "AddConnectNotify      ok       exported by name"]),
        ("minimal", "x86", 0, [good, "x86 (PE32)", "CancelConnectNotify   ok       exported by name"]),
        ("provider", "x64", 0, [good]),
        ("provider", "x86", 0, [good, "x86 (PE32)"]),
        ("c_provider", "x64", 0, [good, "NPAddConnection3"]),
        ("c_provider", "x86", 0, [good, "x86 (PE32)", "NPAddConnection3"]),
        ("registered", "x86", 0, [good, "supported (DllRegisterServer, DllUnregisterServer)"]),
        ("registered-def", "x86", 0, [good, "supported (DllRegisterServer, DllUnregisterServer)"]),
        ("test-provider", "x64", 0, ["verdict: OK - MPR can load this DLL as a network provider",
                                     "NP functions          ok       NPAddConnection, NPAddConnection3, NPCancelConnection"]),
        ("test-provider", "x86", 0, ["verdict: OK - MPR can load this DLL as a network provider", "x86 (PE32)"]),
        ("np-decorated", "x86", 1, ["NPAddConnection3      PROBLEM  not exported by that name, only as 'NPAddConnection3@20'",
                                    "verdict: FAIL - 1 problem: this DLL would not work as a network provider"]),
        ("np-caps-missing", "x64", 1, ["exports NPOpenEnum but not NPEnumResource NPCloseEnum",
                                       "verdict: FAIL - 1 problem: this DLL would not work as a network provider"]),
        ("np-dynamic", "x64", 1, ["libstdc++-6.dll: a MinGW runtime DLL",
                                  "would not work as a network provider"]),
        ("decorated", "x86", 1, ["only as 'AddConnectNotify@8'", "only as 'CancelConnectNotify@8'",
                                 "verdict: FAIL - 2 problems"]),
        ("missing", "x64", 1, ["CancelConnectNotify   PROBLEM  not exported: MPR needs both", "verdict: FAIL - 1 problem"]),
        ("dynamic", "x64", 1, ["libstdc++-6.dll: a MinGW runtime DLL", "verdict: FAIL"]),
        ("mangled", "x64", 1, ["extern \"C\"", "verdict: FAIL - 2 problems"]),
    ]
    for name, arch, code, needles in checks:
        if dlls[(name, arch)] is not None:
            expect(tool, dlls[(name, arch)], arch, name, code, needles)

    # A provider importing its own companion DLL: a problem, until --allow-import names it.
    core = build(out, "contoso-core", "x64", [out / "contoso-core.cpp"], static)
    if core is not None:
        companion = build(out, "np-companion", "x64", [out / "np-companion.cpp", core], static)
        if companion is not None:
            expect(tool, companion, "x64", "np-companion", 1, ["contoso-core-x64.dll: not a system DLL"])
            expect(tool, companion, "x64", "np-companion-allowed", 0,
                   ["contoso-core-x64.dll: not a system DLL, accepted by --allow-import",
                    "verdict: OK - MPR can load this DLL as a network provider"],
                   "--allow-import", "contoso-core-x64.dll")

    # The right DLL for the wrong process; damaged files; not a DLL at all.
    if dlls[("minimal", "x64")] is not None:
        minimal = dlls[("minimal", "x64")]
        code, text = run_tool(tool, minimal, "--machine", "x86")
        record("check-tool:minimal-x64:--machine-x86", code == 1 and "x86 processes cannot load it" in text,
               f"exit {code}")
        data = minimal.read_bytes()
        for cut in (100, 1024, len(data) // 2):
            truncated = out / f"minimal-x64-cut{cut}.dll"
            truncated.write_bytes(data[:cut])
            code, text = run_tool(tool, truncated)
            record(f"check-tool:truncated-at-{cut}-of-{len(data)}", code == 2 and "error: not a readable PE file" in text,
                   f"exit {code}: {text.splitlines()[-1] if text else ''}")
    not_pe = out / "readme.dll"
    not_pe.write_text("This is a text file with a .dll name, long enough to hold a DOS header.\n" * 2)
    code, text = run_tool(tool, not_pe)
    record("check-tool:not-a-pe-file", code == 2 and "no MZ signature" in text, f"exit {code}")
    code, text = run_tool(tool, out / "does-not-exist.dll")
    record("check-tool:missing-file", code == 2 and "error:" in text, f"exit {code}")

    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
