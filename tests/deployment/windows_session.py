"""What the deployment tests share: their verdict lines, and Windows programs run natively or under Wine.

Every check prints `ok      WHAT` or `FAILED  WHAT`; a test exits 1 when any failed. Under Wine (a
`wine` loader given), every Windows program runs through it and WINEPREFIX comes from the environment.
"""
import os
import pathlib
import subprocess
import time

failures = []


def check(condition, what):
    print(("ok      " if condition else "FAILED  ") + what, flush=True)
    if not condition:
        failures.append(what)


def pe_machine(path):
    """The PE header's machine field: 0x14C for x86, 0x8664 for x64."""
    data = pathlib.Path(path).read_bytes()
    offset = int.from_bytes(data[0x3C:0x40], "little")
    return int.from_bytes(data[offset + 4:offset + 6], "little")


def wine_prefix():
    return pathlib.Path(os.environ.get("WINEPREFIX", pathlib.Path.home() / ".wine"))


def x86_cannot_run(wine, path):
    """True when `path` is x86 and this Wine runs no 32-bit program (scripts/windows/wine.sh's probe)."""
    return bool(wine) and pe_machine(path) == 0x14C and not (wine_prefix() / "mprnotify-i686-runs").exists()


def system32():
    """The System32 folder the programs see, as a path of this machine."""
    if "SystemRoot" in os.environ:
        return pathlib.Path(os.environ["SystemRoot"]) / "System32"
    return wine_prefix() / "drive_c" / "windows" / "system32"


class Windows:
    def __init__(self, wine=None, timeout=120):
        self.wine = [wine] if wine else []
        self.timeout = timeout

    def run(self, *args, env=None):
        full = dict(os.environ, **(env or {}))
        r = subprocess.run(self.wine + [str(a) for a in args], capture_output=True, text=True, errors="replace",
                           timeout=self.timeout, check=False, env=full)
        return r.returncode, r.stdout + r.stderr

    def query(self, key, name):
        """(type, data) of one registry value, or None when `reg query` does not find it. A `reg query` that
        fails without saying it found nothing is asked once more, and says so: once in a loaded CI run, one
        query failed between a write and the reads after it that all found their values."""
        code, out = self.run("reg", "query", key, "/v", name)
        if code != 0 and "unable to find" not in out.lower():
            print(f"note    reg query {key} /v {name} exited {code}; asked once more: {out.strip()[-200:]!r}",
                  flush=True)
            time.sleep(0.5)
            code, out = self.run("reg", "query", key, "/v", name)
        if code != 0:
            return None
        for line in out.splitlines():
            parts = line.strip().split(None, 2)
            if len(parts) >= 2 and parts[0].lower() == name.lower() and parts[1].startswith("REG_"):
                return parts[1], parts[2] if len(parts) == 3 else ""
        return None

    def set_value(self, key, name, kind, data):
        self.run("reg", "add", key, "/v", name, "/t", kind, "/d", data, "/f")

    def delete_value(self, key, name):
        self.run("reg", "delete", key, "/v", name, "/f")

    def key_exists(self, key):
        return self.run("reg", "query", key)[0] == 0

    def windows_path(self, path):
        if not self.wine:
            return str(pathlib.Path(path).resolve())
        code, out = self.run("winepath", "-w", pathlib.Path(path).resolve())
        return out.strip().splitlines()[-1] if code == 0 and out.strip() else ""
