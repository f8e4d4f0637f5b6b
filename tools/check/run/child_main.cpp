// child_main.cpp - the hidden --run-group: loads the DLL and runs one check group.
#include <string>
#include <vector>

#include <mprnotify/core/text.hpp>

#include "../files.hpp"
#include "child.hpp"
#include "options.hpp"
#include "provider_run.hpp"
#include "run.hpp"

namespace mprcheck::run {
namespace {

/// The password the parent writes to this process's standard input, then closes.
std::wstring read_password()
{
    std::string bytes;
    char chunk[256];
    DWORD got = 0;
    while (::ReadFile(::GetStdHandle(STD_INPUT_HANDLE), chunk, sizeof chunk, &got, nullptr) && got > 0) {
        bytes.append(chunk, got);
        ::SecureZeroMemory(chunk, sizeof chunk);
    }
    std::wstring wide = to_wide(bytes);
    wipe(bytes);
    return wide;
}

struct group_entry {
    const char* name;
    void (*run)(const child_context&);
};

constexpr group_entry groups[] = {
    {"caps", run_caps},
    {"null", run_null},
    {"size", run_size},
    {"enum", run_enum},
    {"names", run_names},
    {"last-error", nullptr}, // the provider's or the notifyee's, by the DLL's exports
    {"threads", run_threads},
    {"notify", run_notify},
    {"notify-last-error", run_notify_last_error},
};

} // namespace

int run_group_command(const std::vector<std::string>& args)
{
    std::vector<std::string> copy = args;
    run_options options;
    if (const std::string error = parse_run_options(copy, 2, options, true); !error.empty()) {
        std::printf("! %s\n", error.c_str());
        return 64;
    }
    child_context context;
    context.remote = to_wide(options.remote);
    context.local = to_wide(options.local);
    context.user = to_wide(options.user);
    context.timeout_seconds = options.timeout_seconds;
    context.password = read_password();
    install_crash_handler();
    begin_check("load");
    context.dll = ::LoadLibraryW(to_wide(options.dll).c_str());
    if (context.dll == nullptr) {
        const DWORD error = ::GetLastError();
        std::printf("! LoadLibraryW failed with error %lu\n", static_cast<unsigned long>(error));
        std::fflush(stdout);
        return 3;
    }
    const bool known = run_named_group(options.group, context);
    std::fflush(stdout);
    wipe(context.password);
    if (!known) {
        std::printf("! unknown check group %s\n", options.group.c_str());
        return 64;
    }
    return 0;
}

bool run_named_group(const std::string& name, const child_context& context)
{
    for (const auto& group : groups) {
        if (name != group.name) {
            continue;
        }
        if (group.run != nullptr) {
            group.run(context);
        } else if (::GetProcAddress(context.dll, "NPGetCaps") != nullptr) {
            run_provider_last_error(context);
        } else {
            run_notify_last_error(context);
        }
        return true;
    }
    return false;
}

} // namespace mprcheck::run
