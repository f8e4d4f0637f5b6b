// options.hpp - the --run and --run-group options, shared by the parent and its children.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace mprcheck::run {

struct run_options {
    std::string dll;
    std::string group; ///< --run-group only
    std::string remote;
    std::string local;
    std::string user;
    std::string password; ///< wiped as soon as it has been handed on
    double timeout_seconds = 10;
    bool in_process = false;                 ///< --in-process: every group in the tool's own process
    std::vector<std::string> skipped_groups; ///< --skip GROUP: not run, reported SKIPPED
};

/// Parses args[first...]: options and one DLL (a group name first for --run-group). An error
/// message, or empty. A --password value is moved out of `args` and the argument wiped.
[[nodiscard]] std::string parse_run_options(std::vector<std::string>& args, std::size_t first, run_options& out,
                                            bool group_first = false);

/// Overwrites a string's characters (that the compiler cannot drop), then empties it.
void wipe(std::string& secret) noexcept;
void wipe(std::wstring& secret) noexcept;

} // namespace mprcheck::run
