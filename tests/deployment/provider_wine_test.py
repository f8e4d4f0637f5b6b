#!/usr/bin/env python3
"""Network-provider registration under Wine: the API and regsvr32 write what Wine's real mpr.dll loads.

usage: provider_wine_test.py CASE --wine WINE PROVIDER_TOOL WNET_CONNECT TEST_PROVIDER REGISTERED_PROVIDER
                             [MPRNOTIFY_CHECK NOTIFYEE_DLL]
  api        provider_tool registers test_provider.dll after LanmanWorkstation in Microsoft's default
             order; a new process's WNetAddConnection2W reaches NPAddConnection3 through Wine's
             mpr.dll; registering again changes nothing; unregistering restores the order byte for
             byte, removes the keys, and a new process no longer loads the provider
  regsvr32   the same with regsvr32 / regsvr32 /u on a DLL built with MPRNOTIFY_EXPORT_PROVIDER_REGISTRATION
  check      mprnotify-check --registered on a deliberately broken ProviderOrder (empty token, padded
             token, duplicate, a provider without Name, one whose DLL is missing, one without NPGetCaps)
             exits 1 naming each; on a healthy one it exits 0
Wine loads the providers listed in ProviderOrder in every process that loads mpr.dll (no restart
needed). The machine's ProviderOrder is saved first and put back afterwards. Every program runs
through WINE; WINEPREFIX comes from the environment.
"""
import pathlib
import shutil
import sys
import tempfile

from windows_session import Windows, check, failures, system32

ORDER_KEY = r"HKLM\SYSTEM\CurrentControlSet\Control\NetworkProvider\Order"
SERVICES = r"HKLM\SYSTEM\CurrentControlSet\Services"
MICROSOFT = "RDPNP,LanmanWorkstation,webclient"
API_NAME = "MprnotifyTestNP"
REGSVR32_NAME = "MprnotifyRegsvr32NP"  # what registered_provider.cpp passes to the macro
REMOTE = r"\\mprnotify-test\share"

class Wine(Windows):
    def set_order(self, value, kind="REG_SZ"):
        self.set_value(ORDER_KEY, "ProviderOrder", kind, value)


def connect(win, connect_exe, log):
    """WNetAddConnection2W in a new process; returns (result, lines the provider logged)."""
    log.write_text("")
    _, out = win.run(connect_exe, REMOTE, env={"MPRNOTIFY_TEST_PROVIDER_LOG": win.windows_path(log)})
    result = None
    for line in out.splitlines():
        if line.startswith("WNetAddConnection2W: "):
            result = int(line.split(": ", 1)[1])
    return result, log.read_text().splitlines()


def expect_registered(win, name, connect_exe, log, how):
    order = win.query(ORDER_KEY, "ProviderOrder")
    check(order is not None and order[0] == "REG_SZ", f"{how}: ProviderOrder is REG_SZ: {order}")
    return order


def expect_loaded_and_called(win, name, connect_exe, log, how):
    keys = rf"{SERVICES}\{name}\NetworkProvider"
    check(win.query(keys, "Name") is not None, f"{how}: {keys} has Name")
    path = win.query(keys, "ProviderPath")
    check(path is not None and path[0] == "REG_EXPAND_SZ", f"{how}: ProviderPath is REG_EXPAND_SZ: {path}")
    result, lines = connect(win, connect_exe, log)
    check(result == 0, f"{how}: WNetAddConnection2W({REMOTE}) through Wine's mpr.dll answers 0 (got {result})")
    check(any(l.startswith("caps ") for l in lines), f"{how}: the new process loaded the provider (NPGetCaps asked)")
    check(f"add3 {REMOTE}" in lines, f"{how}: the call reached NPAddConnection3 with the remote name: {lines}")


def expect_gone(win, name, connect_exe, log, how):
    order = win.query(ORDER_KEY, "ProviderOrder")
    check(order == ("REG_SZ", MICROSOFT), f"{how}: Microsoft's order is back byte for byte: {order}")
    check(not win.key_exists(rf"{SERVICES}\{name}"), f"{how}: Services\\{name} is gone")
    result, lines = connect(win, connect_exe, log)
    check(result != 0 and not lines,
          f"{how}: a new process no longer loads it (WNetAddConnection2W {result}, provider log {lines})")


def case_api(win, tool, connect_exe, provider, _registered, log):
    path = win.windows_path(provider)
    code, out = win.run(tool, "register", API_NAME, "mprnotify test network", path, "after:LanmanWorkstation")
    check(code == 0 and out.strip() == "created", f"register_provider: {out.strip()!r} (exit {code})")
    order = expect_registered(win, API_NAME, connect_exe, log, "api")
    check(order == ("REG_SZ", f"RDPNP,LanmanWorkstation,{API_NAME},webclient"),
          f"api: the token sits after LanmanWorkstation, the rest untouched: {order}")
    expect_loaded_and_called(win, API_NAME, connect_exe, log, "api")
    code, out = win.run(tool, "register", API_NAME, "mprnotify test network", path, "after:LanmanWorkstation")
    check(code == 0 and out.strip() == "none", f"api: registering again changes nothing: {out.strip()!r}")
    check(win.query(ORDER_KEY, "ProviderOrder") == order, "api: ProviderOrder unchanged by the second call")
    code, out = win.run(tool, "register", "Bad,Name", "x", path)
    check(code == 87 and "comma" in out, f"api: a service name with a comma is refused: {out.strip()!r}")
    check(win.query(ORDER_KEY, "ProviderOrder") == order, "api: and nothing was written")
    code, out = win.run(tool, "unregister", API_NAME)
    check(code == 0 and out.strip() == "removed", f"unregister_provider: {out.strip()!r}")
    expect_gone(win, API_NAME, connect_exe, log, "api")
    code, out = win.run(tool, "unregister", API_NAME)
    check(code == 0 and out.strip() == "none", f"api: unregistering again changes nothing: {out.strip()!r}")


def case_regsvr32(win, _tool, connect_exe, _provider, registered, log):
    code, out = win.run("regsvr32", "/s", registered)
    check(code == 0, f"regsvr32 exits 0 (got {code}) {out.strip()}")
    order = expect_registered(win, REGSVR32_NAME, connect_exe, log, "regsvr32")
    check(order == ("REG_SZ", f"{MICROSOFT},{REGSVR32_NAME}"), f"regsvr32: appended, the rest untouched: {order}")
    path = win.query(rf"{SERVICES}\{REGSVR32_NAME}\NetworkProvider", "ProviderPath")
    expected = win.windows_path(registered)
    check(path is not None and path[1].lower() == expected.lower(), f"regsvr32: ProviderPath is the DLL's own path: {path}")
    expect_loaded_and_called(win, REGSVR32_NAME, connect_exe, log, "regsvr32")
    code, _ = win.run("regsvr32", "/s", registered)
    check(code == 0 and win.query(ORDER_KEY, "ProviderOrder") == order, "regsvr32: again changes nothing")
    code, out = win.run("regsvr32", "/u", "/s", registered)
    check(code == 0, f"regsvr32 /u exits 0 (got {code}) {out.strip()}")
    expect_gone(win, REGSVR32_NAME, connect_exe, log, "regsvr32")


def case_check(win, tool, _connect, provider, _registered, _log, check_exe, notifyee):
    good = win.windows_path(provider)
    made = {
        "MprnotifyCheckGood": ("good provider", good),
        "MprnotifyCheckNoName": (None, good),
        "MprnotifyCheckMissing": ("missing DLL", r"C:\nowhere\missing-provider.dll"),
        "MprnotifyCheckNoCaps": ("a notifyee, not a provider", win.windows_path(notifyee)),
    }
    for name, (display, path) in made.items():
        key = rf"{SERVICES}\{name}\NetworkProvider"
        win.run("reg", "add", key, "/v", "ProviderPath", "/t", "REG_EXPAND_SZ", "/d", path, "/f")
        if display:
            win.run("reg", "add", key, "/v", "Name", "/t", "REG_SZ", "/d", display, "/f")
    try:
        broken = ("MprnotifyCheckGood,,MprnotifyCheckNoName, MprnotifyCheckGood,MprnotifyCheckMissing,"
                  "MprnotifyCheckNoCaps,mprnotifycheckgood")
        win.set_order(broken)
        code, out = win.run(check_exe, "--registered")
        print(out)
        check(code == 1, f"check on a broken ProviderOrder exits 1 (got {code})")
        for needle, what in [
            ('token 2               PROBLEM  "" is empty', "the empty token"),
            ('token 4               PROBLEM  " MprnotifyCheckGood" has spaces around it', "the padded token"),
            ('token 7               PROBLEM  "mprnotifycheckgood" names a provider listed earlier', "the duplicate"),
            ("Name                  PROBLEM  missing: MPR skips a provider without a Name", "the provider without Name"),
            ("missing-provider.dll: ", "the missing DLL"),
            ("NPGetCaps             PROBLEM  not exported: MPR skips a DLL without NPGetCaps", "the DLL without NPGetCaps"),
            ("verdict: OK - MPR can load this DLL as a network provider", "the good provider judged OK"),
        ]:
            check(needle in out, f"check names {what}")
        win.set_order("MprnotifyCheckGood")
        code, out = win.run(check_exe, "--registered")
        print(out)
        check(code == 0 and "list: OK - 1 provider to check" in out,
              f"check on a healthy ProviderOrder exits 0 (got {code})")
        win.set_order(MICROSOFT + ",MprnotifyCheckGood", "REG_EXPAND_SZ")
        code, out = win.run(check_exe, "--registered")
        check("ProviderOrder         WARNING  REG_EXPAND_SZ" in out, "a REG_EXPAND_SZ ProviderOrder is warned about")
        check(code == 1 and "no Services\\RDPNP\\NetworkProvider key: MPR skips it" in out,
              f"a token without its key is a problem (exit {code})")
        # A System32 path: 32-bit processes load SysWOW64's file of that name, and this one is x64.
        copies = [system32() / "mprnotify-check-np.dll", system32().parent / "syswow64" / "mprnotify-check-np.dll"]
        if copies[1].parent.is_dir():
            for copy in copies:
                shutil.copyfile(provider, copy)
            win.run("reg", "add", rf"{SERVICES}\MprnotifyCheckGood\NetworkProvider", "/v", "ProviderPath", "/t",
                    "REG_EXPAND_SZ", "/d", r"%SystemRoot%\System32\mprnotify-check-np.dll", "/f")
            win.set_order("MprnotifyCheckGood")
            code, out = win.run(check_exe, "--registered")
            print(out)
            check(code == 1 and "x86 processes cannot load it" in out,
                  f"the SysWOW64 copy of a System32 provider is checked as 32-bit processes load it (exit {code})")
            for copy in copies:
                copy.unlink(missing_ok=True)
    finally:
        for name in made:
            win.run("reg", "delete", rf"{SERVICES}\{name}", "/f")


def main():
    args = sys.argv[1:]
    case = args.pop(0)
    if args[:1] != ["--wine"]:
        print("SKIPPED: these tests drive Wine's mpr.dll (run them in the cross build)")
        return 77
    win = Wine(args[1])
    tool, connect_exe, provider, registered, *rest = args[2:]
    saved = win.query(ORDER_KEY, "ProviderOrder")
    with tempfile.TemporaryDirectory() as scratch:
        log = pathlib.Path(scratch) / "provider.log"
        try:
            win.set_order(MICROSOFT)
            if case == "api":
                case_api(win, tool, connect_exe, provider, registered, log)
            elif case == "regsvr32":
                case_regsvr32(win, tool, connect_exe, provider, registered, log)
            elif case == "check":
                case_check(win, tool, connect_exe, provider, registered, log, *rest)
            else:
                print(f"unknown case {case}")
                return 2
        finally:
            for name in (API_NAME, REGSVR32_NAME):
                win.run("reg", "delete", rf"{SERVICES}\{name}", "/f")
            if saved is None:
                win.run("reg", "delete", ORDER_KEY, "/v", "ProviderOrder", "/f")
            else:
                win.set_order(saved[1], saved[0])
    print(f"{case}: {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
