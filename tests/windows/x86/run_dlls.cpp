// The 32-bit run: loads each DLL named on the command line with LoadLibraryW, finds its exports by
// plain name with GetProcAddress, as MPR does, and drives it:
//   - a notifyee (AddConnectNotify and CancelConnectNotify) through the simulated MPR and the calls
//     MPR never makes but a notifyee must survive (notifyee_checks.hpp);
//   - a network provider (NPGetCaps) through its capabilities and bad input (provider_checks.hpp).
// Every call is measured: ESP where __stdcall leaves it, the thread's last error kept.
// One line per check, then one verdict line per DLL, then a closing line:
//     x86 run: N DLLs, N passed, N failed
// Exit status 0 only when every DLL passed; 2 when the run itself cannot be trusted.
//
//     run_dlls DLL...
#include <windows.h>

#include <cstdio>
#include <span>
#include <string>

#include "notifyee_checks.hpp"
#include "provider_checks.hpp"

static_assert(sizeof(void*) == 4, "the x86 run is a 32-bit program");

namespace {

std::wstring widen(const char* text)
{
    const int size = ::MultiByteToWideChar(CP_ACP, 0, text, -1, nullptr, 0);
    std::wstring wide(static_cast<std::size_t>(size > 0 ? size : 1), L'\0');
    ::MultiByteToWideChar(CP_ACP, 0, text, -1, wide.data(), size);
    wide.resize(wide.size() - 1);
    for (wchar_t& c : wide) {
        c = c == L'/' ? L'\\' : c;
    }
    return wide;
}

std::string stem_of(const std::string& path)
{
    const auto slash = path.find_last_of("/\\");
    std::string file = slash == std::string::npos ? path : path.substr(slash + 1);
    const auto dot = file.rfind('.');
    return dot == std::string::npos ? file : file.substr(0, dot);
}

/// Seconds since this process was created: how long the (emulated) start took, and the checks.
double seconds_since_process_start()
{
    FILETIME created{};
    FILETIME unused[3]{};
    ::GetProcessTimes(::GetCurrentProcess(), &created, &unused[0], &unused[1], &unused[2]);
    ::GetSystemTimeAsFileTime(&unused[2]);
    const auto ticks = [](const FILETIME& t) {
        return (static_cast<unsigned long long>(t.dwHighDateTime) << 32U) | t.dwLowDateTime;
    };
    return static_cast<double>(ticks(unused[2]) - ticks(created)) / 1e7; // 100 ns units
}

/// A DLL that crashes the process is a failure too: say where, then end the run.
LONG WINAPI report_crash(EXCEPTION_POINTERS* exception)
{
    std::printf("  FAILED  crash: exception 0x%08lx during %s\nx86 run: ended by a crash\n",
                exception->ExceptionRecord->ExceptionCode, x86_run::current_call);
    std::fflush(stdout);
    ::ExitProcess(3);
}

bool run_one(const char* path)
{
    const std::string stem = stem_of(path);
    std::printf("== %s\n", path);
    x86_run::dll_report report{stem};
    HMODULE module = ::LoadLibraryW(widen(path).c_str());
    if (!report.check(module != nullptr, "load", "LoadLibraryW: %s (error %lu)", module ? "loaded" : "failed",
                      module ? 0UL : ::GetLastError())) {
        return report.verdict();
    }
    const bool notifyee = ::GetProcAddress(module, "AddConnectNotify") != nullptr ||
                          ::GetProcAddress(module, "CancelConnectNotify") != nullptr;
    const bool provider = ::GetProcAddress(module, "NPGetCaps") != nullptr;
    report.check(notifyee || provider, "kind", "%s%s%s", notifyee ? "notifyee" : "", notifyee && provider ? ", " : "",
                 provider   ? "network provider (exports NPGetCaps)"
                 : notifyee ? ""
                            : "exports neither interface");
    if (notifyee) {
        x86_run::check_notifyee(report, module, stem);
    }
    if (provider) {
        x86_run::check_provider(report, module);
    }
    report.check_calls();
    ::FreeLibrary(module);
    return report.verdict();
}

} // namespace

int main(int argc, char** argv)
{
    const std::span<char*> args{argv, static_cast<std::size_t>(argc)};
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: run_dlls DLL...\n");
        return 2;
    }
    const double started_after = seconds_since_process_start();
    ::SetUnhandledExceptionFilter(&report_crash);
    ::SetEnvironmentVariableW(L"MPRNOTIFY_AUDIT_LOG", x86_run::audit_log_file);
    ::DeleteFileW(x86_run::audit_log_file);

    std::ptrdiff_t correct_shift = 0;
    const std::ptrdiff_t cdecl_shift = x86_run::detector_self_test(&correct_shift);
    const bool detector_works = correct_shift == 0 && cdecl_shift == -8;
    std::printf(
        "x86 run: 32-bit process; ESP detector: a __stdcall call shifts ESP by %d, a __cdecl function called as "
        "__stdcall by %d: %s\n",
        static_cast<int>(correct_shift), static_cast<int>(cdecl_shift),
        detector_works ? "works" : "BROKEN, the run cannot be trusted");
    if (!detector_works) {
        return 2;
    }
    unsigned passed = 0;
    unsigned failed = 0;
    for (const char* path : args.subspan(1)) {
        (run_one(path) ? passed : failed) += 1;
    }
    std::printf("x86 run: main() began %.1f s after the process was created; the checks took %.1f s\n", started_after,
                seconds_since_process_start() - started_after);
    std::printf("x86 run: %u DLLs, %u passed, %u failed\n", passed + failed, passed, failed);
    return failed == 0 ? 0 : 1;
}
