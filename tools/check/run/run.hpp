// run.hpp - `mprnotify-check --run DLL`: loads the DLL and calls its exports as MPR and a hostile
// caller would, one check group per child process (runner.cpp). Off Windows, --run hands the same
// arguments to the Windows build under Wine (runner_wine.cpp).
#pragma once

#include <string>
#include <vector>

namespace mprcheck::run {

/// The whole command line (args[0] the program, args[1] "--run"); a --password value in `args` is
/// wiped. Exit status: 0 no FAIL, 1 a FAIL, 2 the DLL cannot be loaded, 64 bad usage.
[[nodiscard]] int run_command(std::vector<std::string>& args, const std::string& program);

/// The hidden `--run-group GROUP DLL [options]` a --run parent starts (Windows only; 64 elsewhere).
[[nodiscard]] int run_group_command(const std::vector<std::string>& args);

/// The --run lines of the usage text.
inline constexpr const char usage_text[] =
    "       mprnotify-check --run [run options] DLL   load the DLL and call it as MPR would (Windows, or Wine)\n"
    "\n"
    "run options:\n"
    "  --remote \\\\server\\share   a name the provider serves (connected, looked up, disconnected)\n"
    "  --local X:                 the local name to connect it to\n"
    "  --user NAME, --password P  passed to NPAddConnection3 (never printed)\n"
    "  --timeout S                seconds each check group may take (default 10)\n"
    "  --in-process               every group in this process, no child processes: a crash or a hang\n"
    "                             ends the run (for where a child process cannot be started)\n"
    "  --skip GROUP               do not run this check group (repeatable): it is reported SKIPPED\n";

} // namespace mprcheck::run
