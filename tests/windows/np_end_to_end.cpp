// End to end through Wine's real mpr.dll (x64): registers examples/home_provider.dll and then
// np_recorder.dll as network providers (Services\<Name>\NetworkProvider + ProviderOrder), starts
// itself again as a child (mpr.dll reads ProviderOrder in every new process's DllMain), and the
// child makes WNet calls. Checks what each caller got, what the example did (QueryDosDeviceW), and
// what reached the second provider (its log), which shows the fall-through order.
//
// Wine 8.0's defects this test steers around, never counted as the library's failures
// (its dlls/mpr/wnet.c): CONNECT_INTERACTIVE answers 67 without calling any provider (not used
// here); a ProviderOrder with spaces or of type REG_MULTI_SZ loads nothing (a plain REG_SZ
// "A,B" is written); a drive made with DefineDosDeviceW is not usable for file access under Wine,
// so no file is opened through P: - QueryDosDeviceW shows the mapping instead. Wine never calls
// NPGetConnection, NPGetUniversalName or NPGetUser: the simulated MPR tests those.
//
// usage: np_end_to_end HOME_PROVIDER_DLL RECORDER_DLL     (paths relative to the working folder)
#include <windows.h>
#include <winnetwk.h>

#include <cstdio>
#include <cstring>
#include <cwchar>
#include <fstream>
#include <string>
#include <vector>

#include "np_browse.hpp"

namespace {

const wchar_t* const order_key = L"System\\CurrentControlSet\\Control\\NetworkProvider\\Order";
const wchar_t* const services = L"System\\CurrentControlSet\\Services\\";
const wchar_t* const home_name = L"MprnotifyHome";
const wchar_t* const recorder_name = L"MprnotifyRecorder";
const char* const planted = "planted-E2E-Secret-5150";

std::wstring full_path(const wchar_t* relative)
{
    wchar_t buffer[MAX_PATH];
    const DWORD n = ::GetFullPathNameW(relative, MAX_PATH, buffer, nullptr);
    return n > 0 && n < MAX_PATH ? std::wstring{buffer, n} : std::wstring{relative};
}

bool set_string(HKEY root, const std::wstring& path, const wchar_t* name, const std::wstring& value, DWORD type)
{
    HKEY key = nullptr;
    if (::RegCreateKeyExW(root, path.c_str(), 0, nullptr, 0, KEY_SET_VALUE, nullptr, &key, nullptr) != ERROR_SUCCESS) {
        return false;
    }
    const auto bytes = static_cast<DWORD>((value.size() + 1) * sizeof(wchar_t));
    const LONG rc = ::RegSetValueExW(key, name, 0, type, reinterpret_cast<const BYTE*>(value.c_str()), bytes);
    ::RegCloseKey(key);
    return rc == ERROR_SUCCESS;
}

bool register_provider(const wchar_t* service, const wchar_t* display, const std::wstring& dll)
{
    const std::wstring key = std::wstring{services} + service + L"\\NetworkProvider";
    return set_string(HKEY_LOCAL_MACHINE, key, L"ProviderPath", dll, REG_EXPAND_SZ) &&
           set_string(HKEY_LOCAL_MACHINE, key, L"Name", display, REG_SZ);
}

// ---- the child: the WNet calls --------------------------------------------------------------

int failures = 0;

void expect(const char* call, DWORD got, DWORD expected, const char* note)
{
    const bool ok = got == expected;
    failures += ok ? 0 : 1;
    std::printf("  %-62s -> %-5lu %s%s\n", call, static_cast<unsigned long>(got), ok ? "ok " : "UNEXPECTED, wanted ",
                ok ? note : std::to_string(expected).c_str());
}

DWORD add2(const wchar_t* local, const wchar_t* remote)
{
    NETRESOURCEW resource{};
    resource.dwType = RESOURCETYPE_DISK;
    resource.lpLocalName = const_cast<wchar_t*>(local);
    resource.lpRemoteName = const_cast<wchar_t*>(remote);
    return ::WNetAddConnection2W(&resource, nullptr, nullptr, 0);
}

DWORD add3(const wchar_t* local, const wchar_t* remote, const wchar_t* password, const wchar_t* user)
{
    NETRESOURCEW resource{};
    resource.dwType = RESOURCETYPE_ANY;
    resource.lpLocalName = const_cast<wchar_t*>(local);
    resource.lpRemoteName = const_cast<wchar_t*>(remote);
    return ::WNetAddConnection3W(nullptr, &resource, password, user, CONNECT_TEMPORARY);
}

std::wstring dos_device(const wchar_t* drive)
{
    wchar_t target[MAX_PATH] = L"";
    return ::QueryDosDeviceW(drive, target, MAX_PATH) != 0 ? std::wstring{target} : std::wstring{};
}

int child()
{
    std::printf("WNet calls made through Wine's mpr.dll (ProviderOrder: MprnotifyHome,MprnotifyRecorder):\n");
    expect("WNetAddConnection2W  P: = \\\\home\\docs", add2(L"P:", L"\\\\home\\docs"), NO_ERROR, "(home_provider)");
    const std::wstring target = dos_device(L"P:");
    const bool mapped = target.find(L"C:\\home\\docs") != std::wstring::npos;
    failures += mapped ? 0 : 1;
    std::printf("  %-62s -> %ls %s\n", "QueryDosDeviceW P: (what home_provider made of it)",
                target.empty() ? L"(none)" : target.c_str(), mapped ? "ok" : "UNEXPECTED");
    std::printf("  %-62s -> skipped: Wine cannot open files through a DefineDosDeviceW drive\n",
                "open a file through P:");
    expect("WNetAddConnection2W  P: = \\\\home\\again (already mapped)", add2(L"P:", L"\\\\home\\again"),
           ERROR_ALREADY_ASSIGNED, "(home_provider: WN_ALREADY_CONNECTED)");
    const std::wstring secret(planted, planted + std::strlen(planted));
    expect("WNetAddConnection3W  (deviceless) \\\\home\\music, password",
           add3(nullptr, L"\\\\home\\music", secret.c_str(), nullptr), NO_ERROR, "(home_provider)");
    expect("WNetAddConnection3W  (deviceless) \\\\recorder\\share, password+user",
           add3(nullptr, L"\\\\recorder\\share", secret.c_str(), secret.c_str()), NO_ERROR,
           "(home_provider declined, np_recorder connected)");
    expect("WNetAddConnection2W  R: = \\\\recorder\\drive", add2(L"R:", L"\\\\recorder\\drive"), NO_ERROR,
           "(fell through to np_recorder)");
    const DWORD nowhere = add2(L"S:", L"\\\\nowhere\\x");
    const bool refused = nowhere != NO_ERROR;
    failures += refused ? 0 : 1;
    std::printf("  %-62s -> %-5lu %s\n", "WNetAddConnection2W  S: = \\\\nowhere\\x (nobody's)",
                static_cast<unsigned long>(nowhere), refused ? "ok (refused by both providers)" : "UNEXPECTED");
    expect("WNetCancelConnection2W P: (not forced)", ::WNetCancelConnection2W(L"P:", 0, FALSE), NO_ERROR,
           "(home_provider)");
    const bool unmapped = dos_device(L"P:").empty();
    failures += unmapped ? 0 : 1;
    std::printf("  %-62s -> %s\n", "QueryDosDeviceW P: after the cancel", unmapped ? "(none) ok" : "UNEXPECTED");
    expect("WNetCancelConnection2W R: (forced)", ::WNetCancelConnection2W(L"R:", 0, TRUE), NO_ERROR,
           "(home_provider: not mine; np_recorder)");
    expect("WNetCancelConnection2W \\\\home\\music (forced)", ::WNetCancelConnection2W(L"\\\\home\\music", 0, TRUE),
           NO_ERROR, "(home_provider)");
    expect("WNetCancelConnection2W \\\\recorder\\share (not forced)",
           ::WNetCancelConnection2W(L"\\\\recorder\\share", 0, FALSE), NO_ERROR, "(np_recorder)");
    expect("WNetCancelConnection2W Z: (nobody's)", ::WNetCancelConnection2W(L"Z:", 0, FALSE), ERROR_NOT_CONNECTED,
           "(both: WN_NOT_CONNECTED)");
    return failures + np_browse::run(L"Home Network");
}

// ---- the parent: register, run the child, read what reached the recorder ---------------------

int parent(const wchar_t* home_dll, const wchar_t* recorder_dll)
{
    const std::wstring log = full_path(L"np_end_to_end.log");
    ::DeleteFileW(log.c_str());
    wchar_t saved[1024] = L"";
    DWORD saved_bytes = sizeof saved;
    const bool had_order = ::RegGetValueW(HKEY_LOCAL_MACHINE, order_key, L"ProviderOrder", RRF_RT_REG_SZ, nullptr,
                                          saved, &saved_bytes) == ERROR_SUCCESS;
    if (!register_provider(home_name, L"Home Network", full_path(home_dll)) ||
        !register_provider(recorder_name, L"Mprnotify Recorder", full_path(recorder_dll)) ||
        !set_string(HKEY_LOCAL_MACHINE, order_key, L"ProviderOrder", L"MprnotifyHome,MprnotifyRecorder", REG_SZ)) {
        std::printf("FAILED: cannot write the provider registration\n");
        return 1;
    }
    ::SetEnvironmentVariableW(L"MPRNOTIFY_NP_LOG", log.c_str());
    wchar_t self[MAX_PATH];
    ::GetModuleFileNameW(nullptr, self, MAX_PATH);
    std::wstring command = L"\"" + std::wstring{self} + L"\" --child";
    STARTUPINFOW startup{};
    startup.cb = sizeof startup;
    PROCESS_INFORMATION process{};
    DWORD child_failures = 1;
    if (::CreateProcessW(self, command.data(), nullptr, nullptr, TRUE, 0, nullptr, nullptr, &startup, &process)) {
        ::WaitForSingleObject(process.hProcess, 60000);
        ::GetExitCodeProcess(process.hProcess, &child_failures);
        ::CloseHandle(process.hThread);
        ::CloseHandle(process.hProcess);
    } else {
        std::printf("FAILED: cannot start the child (error %lu)\n", ::GetLastError());
    }
    // Leave the prefix as it was found.
    if (had_order) {
        set_string(HKEY_LOCAL_MACHINE, order_key, L"ProviderOrder", saved, REG_SZ);
    } else {
        HKEY key = nullptr;
        if (::RegOpenKeyExW(HKEY_LOCAL_MACHINE, order_key, 0, KEY_SET_VALUE, &key) == ERROR_SUCCESS) {
            ::RegDeleteValueW(key, L"ProviderOrder");
            ::RegCloseKey(key);
        }
    }
    for (const wchar_t* service : {home_name, recorder_name}) {
        ::RegDeleteTreeW(HKEY_LOCAL_MACHINE, (std::wstring{services} + service).c_str());
    }

    std::vector<std::string> lines;
    std::ifstream in{std::string(log.begin(), log.end())};
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    std::printf("\nWhat reached np_recorder (the second provider), in order:\n");
    for (const std::string& line : lines) {
        std::printf("  %s\n", line.c_str());
    }
    const std::vector<std::string> expected = {
        "NPAddConnection3 \\\\recorder\\share as (deviceless), type 0, flags 0x4, password: given, user: given -> "
        "WN_SUCCESS",
        "NPAddConnection3 \\\\recorder\\drive as R:, type 1, flags 0x0, password: absent, user: absent -> WN_SUCCESS",
        "NPAddConnection3 \\\\nowhere\\x as S:, type 1, flags 0x0, password: absent, user: absent -> WN_BAD_NETNAME",
        "NPCancelConnection R:, forced -> WN_SUCCESS",
        "NPCancelConnection \\\\recorder\\share, not forced -> WN_SUCCESS",
        "NPCancelConnection Z:, not forced -> WN_NOT_CONNECTED",
    };
    int failed = static_cast<int>(child_failures);
    if (lines != expected) {
        std::printf("UNEXPECTED: np_recorder's log differs; expected:\n");
        for (const std::string& line : expected) {
            std::printf("  %s\n", line.c_str());
        }
        ++failed;
    }
    for (const std::string& line : lines) {
        if (line.find(planted) != std::string::npos) {
            std::printf("FAILED: a credential reached the log\n");
            ++failed;
        }
    }
    std::printf("\nend to end: %s (%d problem(s))\n", failed == 0 ? "passed" : "FAILED", failed);
    return failed == 0 ? 0 : 1;
}

} // namespace

int wmain(int argc, wchar_t** argv)
{
    if (argc >= 2 && std::wcscmp(argv[1], L"--child") == 0) {
        return child();
    }
    if (argc < 3) {
        std::printf("usage: np_end_to_end HOME_PROVIDER_DLL RECORDER_DLL\n");
        return 2;
    }
    return parent(argv[1], argv[2]);
}
