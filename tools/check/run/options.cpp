// options.cpp - the --run options.
#include "options.hpp"

#include <cstdlib>

namespace mprcheck::run {

std::string parse_run_options(std::vector<std::string>& args, std::size_t first, run_options& out, bool group_first)
{
    std::size_t i = first;
    if (group_first) {
        if (i >= args.size()) {
            return "--run-group needs a group";
        }
        out.group = args[i++];
    }
    for (; i < args.size(); ++i) {
        const std::string& arg = args[i];
        const bool has_value = i + 1 < args.size();
        if (arg == "--remote" && has_value) {
            out.remote = args[++i];
        } else if (arg == "--local" && has_value) {
            out.local = args[++i];
        } else if (arg == "--user" && has_value) {
            out.user = args[++i];
        } else if (arg == "--password" && has_value) {
            out.password = args[++i];
            wipe(args[i]);
        } else if (arg == "--skip" && has_value) {
            out.skipped_groups.push_back(args[++i]);
        } else if (arg == "--in-process") {
            out.in_process = true;
        } else if (arg == "--timeout" && has_value) {
            char* end = nullptr;
            out.timeout_seconds = std::strtod(args[++i].c_str(), &end);
            if (end == args[i].c_str() || *end != 0 || !(out.timeout_seconds > 0 && out.timeout_seconds <= 3600)) {
                return "--timeout takes seconds (more than 0, at most 3600): " + args[i];
            }
        } else if (arg.size() > 1 && arg[0] == '-') {
            return "unknown --run option or missing value: " + arg;
        } else if (out.dll.empty()) {
            out.dll = arg;
        } else {
            return "--run takes one DLL (" + out.dll + ", " + arg + ")";
        }
    }
    return out.dll.empty() ? "--run needs a DLL" : "";
}

void wipe(std::string& secret) noexcept
{
    volatile char* bytes = secret.data();
    for (std::size_t i = 0; i < secret.size(); ++i) {
        bytes[i] = 0;
    }
    secret.clear();
}

void wipe(std::wstring& secret) noexcept
{
    volatile wchar_t* chars = secret.data();
    for (std::size_t i = 0; i < secret.size(); ++i) {
        chars[i] = 0;
    }
    secret.clear();
}

} // namespace mprcheck::run
