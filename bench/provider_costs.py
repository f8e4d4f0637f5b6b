"""What a network provider costs besides its instructions: its DLL's size, split by where the bytes come from,
and the compiler's work for its translation unit. Used by bench/run (the size and compile sections).

Size: the DLL is linked once more with -Wl,-Map (and -ffunction-sections -fdata-sections, so each function
of the translation unit has its own input section, named after its symbol); every allocated input section
is then counted in one group:
    library              the translation unit's sections whose symbol is in namespace mprnotify, and the
                         NP exports
    handler              the handler class's own member functions
    std templates        standard-library templates instantiated in the translation unit (std::, __gnu_cxx)
    TU, other            the rest of the translation unit: string literals, switch tables, typeinfo
    C++ runtime, std     members of libstdc++.a, libgcc.a, libgcc_eh.a and libpthread.a (winpthread)
    C runtime            MinGW's start-up code, CRT members and import stubs
The groups add up to the unstripped DLL's allocated sections (what -s keeps, before the file's alignment).
Which archive members the link pulls, and for which symbol, is in the same map; `members()` lists them.
"""
import collections
import re
import subprocess

RUNTIME_ARCHIVES = re.compile(r"libstdc\+\+\.a|libsupc\+\+\.a|libgcc\.a|libgcc_eh\.a|libpthread\.a|libwinpthread")
STD_PREFIXES = ("_ZNSt", "_ZSt", "_ZNKSt", "_ZN9__gnu_cxx", "_ZNK9__gnu_cxx", "_ZNSa", "_ZNKSa", "_ZTISt", "_ZTSSt",
                "_ZTVSt")
GROUPS = ("library", "handler", "std templates", "TU, other", "C++ runtime, std", "C runtime")


def input_sections(map_path):
    """(output section, input section, size, origin) for every allocated input section of a GNU ld map."""
    text = map_path.read_text()
    body = text[text.index("Linker script and memory map"):]
    output, pending, items = None, None, []
    for line in body.splitlines():
        if not line.startswith(" "):
            head = re.match(r"^(\S+)", line)
            output, pending = (head.group(1) if head else output), None
            continue
        whole = re.match(r"^ (\S+)\s+0x[0-9a-f]+\s+0x([0-9a-f]+)\s+(\S.*)$", line)
        if whole:
            items.append((output, whole.group(1), int(whole.group(2), 16), whole.group(3)))
            pending = None
            continue
        name_only = re.match(r"^ (\S+)\s*$", line)
        if name_only:
            pending = name_only.group(1)
            continue
        rest = re.match(r"^\s+0x[0-9a-f]+\s+0x([0-9a-f]+)\s+(\S.*)$", line)
        if rest and pending:
            items.append((output, pending, int(rest.group(1), 16), rest.group(2)))
            pending = None
    return [i for i in items if i[0] and i[0].startswith(".") and not i[0].startswith((".debug", ".drectve"))]


def group_of(section, origin, object_name, handler):
    if object_name not in origin:
        return "C++ runtime, std" if RUNTIME_ARCHIVES.search(origin) else "C runtime"
    symbol = re.sub(r"^\.[a-z]+[.$]((unlikely|startup)[.$])?", "", section)
    if "mprnotify" in symbol or symbol.startswith("NP"):
        return "library"
    if handler in symbol:
        return "handler"
    if symbol.startswith(STD_PREFIXES):
        return "std templates"
    return "TU, other"


def split(map_path, object_name, handler):
    """Bytes per group (GROUPS) of a DLL linked from the single object `object_name`."""
    totals = collections.Counter({g: 0 for g in GROUPS})
    for _, section, size, origin in input_sections(map_path):
        totals[group_of(section, origin, object_name, handler)] += size
    return dict(totals)


def members(map_path):
    """[(archive(member), wanted by, for symbol)]: the archive members the link pulled, and why."""
    text = map_path.read_text()
    start = text.find("Archive member included")
    end = min(i for i in (text.find("Discarded input sections"), text.find("Memory Configuration"), len(text))
              if i >= 0)
    rows = []
    lines = text[start:end].splitlines()[1:]
    for first, second in zip(lines, lines[1:]):
        if first.startswith("/") and second.startswith(" "):
            wanted = re.match(r"^\s+(\S+)\s+\((.*)\)$", second)
            if wanted:
                rows.append((first.rsplit("/", 1)[-1], wanted.group(1).rsplit("/", 1)[-1], wanted.group(2)))
    return rows


def runtime_members(map_path):
    """The members of the C++ runtime archives (libstdc++, libgcc_eh, winpthread) the link pulled."""
    return [m for m in members(map_path) if re.search(r"libstdc\+\+|libgcc_eh|libpthread|winpthread", m[0])]


def own_std_headers(source):
    """The <...> headers a source file includes itself: what its own code needs."""
    return [h for h in re.findall(r"^#\s*include\s*<([^>]+)>", source.read_text(), re.MULTILINE)
            if not h.startswith(("mprnotify/", "gsl/"))]


def demangle(symbols):
    return subprocess.run(["c++filt"], input="\n".join(symbols), capture_output=True, text=True).stdout.splitlines()


def measure_size(run, work, mingw_cxx, mingw_cc, cxx_flags, bench, example=None):
    """The size section's provider rows: bench/size/fixed_provider.cpp against the same provider in C, which
    runtime members the library's DLL pulls (none is the goal), and, given the example (examples/home_provider),
    its DLL split by group. cxx_flags: the include options. Returns a dict for results.json."""
    work.mkdir(parents=True, exist_ok=True)
    strip = mingw_cxx.split("-g++")[0] + "-strip"  # x86_64-w64-mingw32-strip
    cxx = [mingw_cxx, "-std=c++20", "-O2", "-shared", "-static", *cxx_flags]
    sources = {"fixed_provider": bench / "size/fixed_provider.cpp"}
    if example is not None:
        sources["home_provider"] = example
    for name, source in sources.items():
        # One section per function, so each can be named in the map; without --gc-sections the code and the
        # stripped file are the same as without these options (checked: same bytes for both DLLs).
        run(["nice", *cxx, "-ffunction-sections", "-fdata-sections", "-c", source, "-o", work / f"{name}.o"])
        run([*cxx, work / f"{name}.o", "-o", work / f"{name}-unstripped.dll", f"-Wl,-Map,{work / f'{name}.map'}"])
        run([strip, "-o", work / f"{name}.dll", work / f"{name}-unstripped.dll"])
    run(["nice", mingw_cc, "-std=c17", "-O2", "-shared", "-static", "-s", bench / "size/fixed_provider.c",
         "-o", work / "c_fixed_provider.dll"])
    fixed_map = work / "fixed_provider.map"
    result = {
        "fixed_bytes": (work / "fixed_provider.dll").stat().st_size,
        "fixed_c_bytes": (work / "c_fixed_provider.dll").stat().st_size,
        "fixed_runtime_members": [list(m) for m in runtime_members(fixed_map)],
        "fixed_split": split(fixed_map, "fixed_provider.o", "fixed_provider"),
    }
    if example is not None:
        home_map = work / "home_provider.map"
        result.update({
            "home_bytes": (work / "home_provider.dll").stat().st_size,
            "home_split": split(home_map, "home_provider.o", "home_provider"),
            "home_runtime_members": len(runtime_members(home_map)),
        })
    return result


def print_size(size, goal):
    ratio = size["fixed_bytes"] / size["fixed_c_bytes"]
    print(f"  provider without standard-library state (bench/size/fixed_provider.cpp) {size['fixed_bytes']} bytes, "
          f"the same in C {size['fixed_c_bytes']} bytes, ratio {ratio:.2f} (goal <= {goal:.2f})")
    pulled = size["fixed_runtime_members"]
    print(f"    C++ runtime members it links: {len(pulled)} (goal 0)"
          + "".join(f"\n      {m} for {w}: {s}" for m, w, s in pulled))
    if "home_bytes" not in size:
        print("  examples/home_provider's DLL by origin: bench/run without --quick")
        return ratio
    print(f"  examples/home_provider {size['home_bytes']} bytes; by origin (unstripped sections, bytes):")
    for group, count in size["home_split"].items():
        print(f"    {group:20s} {count:9d}")
    print(f"    ({size['home_runtime_members']} members of libstdc++ / libgcc_eh / winpthread; which symbol wanted each: "
          "home_provider.map; why none is the library's: docs/performance.md)")
    return ratio


# The provider examples whose translation units are counted, with the hooks each keeps by their addresses
# in the TU without NP functions: home_provider (the goal's TU: it enumerates) and lab_provider (the README's
# provider: connections only).
COMPILED_PROVIDERS = {
    "home_provider": ("connect", "disconnect", "connection_of", "enumerate"),
    "lab_provider": ("connect", "disconnect", "connection_of"),
}
EXPORT_LINE = re.compile(r"^MPRNOTIFY_PROVIDER_EXPORT\((\w+)\);$", re.M)


def hooks_only(source, hooks):
    """The provider's source with its export line replaced by the addresses of its hooks: its own code is
    compiled and optimised as in the DLL, but no NP function is."""
    handler = EXPORT_LINE.search(source).group(1)
    kept = ", ".join(f"&{handler}::{hook}" for hook in hooks)
    return EXPORT_LINE.sub(f"extern const auto kept_hooks = std::make_tuple({kept});", source).replace(
        "#include <mprnotify/provider.hpp>\n", "#include <mprnotify/provider.hpp>\n#include <tuple>\n", 1)


def measure_compile(compiler_instructions, work, example, hooks):
    """Compiler instructions for the provider example against a TU of only the standard headers its own
    code includes; between them, those headers with the library's, and the example with its hooks but
    no NP function."""
    work.mkdir(parents=True, exist_ok=True)
    std = own_std_headers(example)
    std_tu = work / "provider_std_headers.cpp"
    std_tu.write_text("".join(f"#include <{h}>\n" for h in std))
    headers_tu = work / "provider_std_and_library.cpp"
    headers_tu.write_text(std_tu.read_text() + "#include <mprnotify/provider.hpp>\n")
    hooks_tu = work / "provider_hooks_only.cpp"
    hooks_tu.write_text(hooks_only(example.read_text(), hooks))
    counts = [compiler_instructions(p) for p in (std_tu, headers_tu, hooks_tu, example)]
    return {"std_headers": std, "std_instructions": counts[0], "headers_instructions": counts[1],
            "hooks_instructions": counts[2], "example_instructions": counts[3],
            "delta_instructions": counts[3] - counts[0],
            "library_instructions": (counts[1] - counts[0]) + (counts[3] - counts[2])}


def print_compile(name, result, goal, per_second):
    print(f"\nCompile cost of examples/{name}, g++ -O2 -c -std=c++20, instructions the compiler executes (callgrind)")
    print(f"  standard headers its own code includes: {' '.join(result['std_headers'])}")
    rows = [("standard headers only", result["std_instructions"], result["std_instructions"]),
            ("+ <mprnotify/provider.hpp>", result["headers_instructions"], result["std_instructions"]),
            ("+ its hooks, no NP function", result["hooks_instructions"], result["headers_instructions"]),
            (f"+ the NP functions: {name}.cpp", result["example_instructions"], result["hooks_instructions"])]
    for row, count, previous in rows:
        print(f"  {row:44s} {count / 1e6:9.1f} M {(count - previous) / 1e6:+9.1f} M")
    delta = result["delta_instructions"]
    library = result["library_instructions"]
    print(f"  {name} - its standard headers: {delta / 1e6:+.1f} M instructions "
          f"(about {delta / per_second:+.2f} s at {per_second / 1e9:.1f} G/s; goal <= {goal / 1e6:+.0f} M)")
    print(f"  of which the library's (its headers and NP functions): {library / 1e6:+.1f} M "
          f"(about {library / per_second:+.2f} s); the example's own code: {(delta - library) / 1e6:+.1f} M")
    return delta


def measure_and_print_compiles(compiler_instructions, out, examples, goal, per_second):
    """Every COMPILED_PROVIDERS example measured and printed; their results by name."""
    results = {}
    for name, hooks in COMPILED_PROVIDERS.items():
        results[name] = measure_compile(compiler_instructions, out / f"compile-{name}",
                                        examples / name / f"{name}.cpp", hooks)
        print_compile(name, results[name], goal, per_second)
    return results
