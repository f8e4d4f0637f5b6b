// runner_wine.cpp - --run off Windows: the Windows build of this tool, run under Wine with the same
// arguments, or a message saying what is missing.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>

#include "run.hpp"

namespace mprcheck::run {
namespace {

std::string on_path(const char* name)
{
    const char* path = std::getenv("PATH");
    std::string dirs = path != nullptr ? path : "";
    for (std::size_t start = 0; start <= dirs.size();) {
        const std::size_t end = (std::min)(dirs.find(':', start), dirs.size());
        const std::filesystem::path candidate = std::filesystem::path{dirs.substr(start, end - start)} / name;
        if (end > start && ::access(candidate.c_str(), X_OK) == 0) {
            return candidate.string();
        }
        start = end + 1;
    }
    return {};
}

} // namespace

int run_command(std::vector<std::string>& args, const std::string& program)
{
    std::error_code error;
    const char* given = std::getenv("MPRNOTIFY_CHECK_EXE");
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
    const std::filesystem::path beside =
        (error ? std::filesystem::path{program} : self).parent_path() / "mprnotify-check.exe";
    const std::string exe = given != nullptr && *given != 0 ? std::string{given} : beside.string();
    std::string wine = on_path("wine64");
    if (wine.empty()) {
        wine = on_path("wine");
    }
    const bool have_exe = std::filesystem::exists(exe, error);
    if (wine.empty() || !have_exe) {
        std::string message = "mprnotify-check: --run loads the DLL, so it runs the Windows build of this tool:\n";
        if (!have_exe) {
            message += "  build mprnotify-check.exe (a MinGW-w64 or MSVC build of tools/check) and put it beside\n"
                       "  this program or name it in MPRNOTIFY_CHECK_EXE (now: " +
                       exe + ")\n";
        }
        if (wine.empty()) {
            message += "  install Wine (wine64 or wine on PATH), or run mprnotify-check.exe --run on Windows\n";
        }
        std::fputs(message.c_str(), stderr);
        return 2;
    }
    std::string exe_argument = exe;
    std::vector<char*> argv{wine.data(), exe_argument.data()};
    for (std::size_t i = 1; i < args.size(); ++i) { // args[0] is this program
        argv.push_back(args[i].data());
    }
    argv.push_back(nullptr);
    std::fflush(stdout);
    ::execv(wine.c_str(), argv.data());
    std::fputs(("mprnotify-check: cannot run " + wine + "\n").c_str(), stderr);
    return 2;
}

int run_group_command(const std::vector<std::string>& /*args*/)
{
    std::fputs("mprnotify-check: --run-group is the Windows build's own\n", stderr);
    return 64;
}

} // namespace mprcheck::run
