#!/usr/bin/env python3
"""Static checks of the vcpkg port (vcpkg itself cannot be installed on the test machines).

    check_port.py <ports/mprnotify> <source root> <expected version>

vcpkg.json: valid JSON, name = folder name, version = the project's, ms-gsl as a dependency and the two
host helper ports the portfile's functions come from. portfile.cmake: release-only, calls each helper,
and every file it installs exists.
"""
import json
import pathlib
import re
import sys

HELPERS = {
    "vcpkg-tool-meson": ["vcpkg_configure_meson", "vcpkg_install_meson"],
    "vcpkg-cmake-config": ["vcpkg_cmake_config_fixup"],
}


def main() -> int:
    port, source, version = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3]
    problems = []
    manifest = json.loads((port / "vcpkg.json").read_text())
    if manifest.get("name") != port.name:
        problems.append(f"vcpkg.json name {manifest.get('name')!r} is not the folder name {port.name!r}")
    if manifest.get("version") != version:
        problems.append(f"vcpkg.json version {manifest.get('version')!r}, the project says {version!r}")
    deps = {d if isinstance(d, str) else d["name"]: d for d in manifest.get("dependencies", [])}
    if "ms-gsl" not in deps:
        problems.append("vcpkg.json does not depend on ms-gsl")
    portfile = (port / "portfile.cmake").read_text()
    code = "\n".join(line.split("#", 1)[0] for line in portfile.splitlines())
    for helper_port, functions in HELPERS.items():
        dep = deps.get(helper_port)
        if not isinstance(dep, dict) or dep.get("host") is not True:
            problems.append(f"vcpkg.json lacks {{\"name\": \"{helper_port}\", \"host\": true}}")
        for function in functions:
            if not re.search(rf"\b{function}\s*\(", code):
                problems.append(f"portfile.cmake does not call {function}")
    for function in ["vcpkg_fixup_pkgconfig", "vcpkg_install_copyright"]:
        if not re.search(rf"\b{function}\s*\(", code):
            problems.append(f"portfile.cmake does not call {function}")
    if not re.search(r"set\(\s*VCPKG_BUILD_TYPE\s+release\s*\)", code):
        problems.append("portfile.cmake does not build release only (header-only)")
    for option in ["-Dtests=disabled", "-Dexamples=disabled", "-Dtools=disabled"]:
        if option not in code:
            problems.append(f"portfile.cmake does not pass {option}")
    for needed in [source / "LICENSE", source / "meson.build"]:
        if not needed.is_file():
            problems.append(f"{needed} (used by the port) does not exist")
    # vcpkg prints the find_package / target_link_libraries lines itself from the installed CMake package.
    if (port / "usage").exists() or re.search(r"\busage\b", code):
        problems.append("the port ships a usage file: vcpkg generates the same text from the CMake package")
    for problem in problems:
        print(problem)
    if not problems:
        print(f"port {manifest['name']} {manifest['version']}: manifest and portfile consistent")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
