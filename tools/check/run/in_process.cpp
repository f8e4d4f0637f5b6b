// in_process.cpp - `--run --in-process`: every check group in the tool's own process, one after the
// other, each in a thread of its own so that its timeout is still measured. For where a child process
// cannot be started; the price is that a crash or a hang ends the run. Windows only.
#include <cstdio>
#include <mutex>
#include <string>
#include <vector>

#include <mprnotify/core/text.hpp>

#include "../files.hpp"
#include "child.hpp"
#include "child_output.hpp"

namespace mprcheck::run {
namespace {

// The report lines of the running group go to its reader; the threads group writes from several
// threads at once.
std::mutex sink_lock;
line_reader* sink_reader = nullptr;

void to_reader(const std::string& line)
{
    const std::lock_guard<std::mutex> hold{sink_lock};
    if (sink_reader != nullptr) {
        sink_reader->feed(line + "\n");
    }
}

struct group_call {
    const std::string* group;
    const child_context* context;
};

DWORD WINAPI run_group_thread(void* argument)
{
    const auto* call = static_cast<const group_call*>(argument);
    (void)run_named_group(*call->group, *call->context);
    return 0;
}

std::string shown_name(const std::string& group) { return group == "notify-last-error" ? "last-error" : group; }

} // namespace

int run_in_process(const run_options& options, const std::vector<std::string>& groups, const std::string& secret,
                   tally& counts)
{
    std::printf("note  run  --in-process: every group runs in this process; a crash or a hang ends the run\n");
    std::fflush(stdout);
    ++counts.notes;
    child_context context;
    context.remote = to_wide(options.remote);
    context.local = to_wide(options.local);
    context.user = to_wide(options.user);
    context.timeout_seconds = options.timeout_seconds;
    context.password = to_wide(secret);
    install_crash_handler();
    set_line_sink(&to_reader); // no group's reader yet: "@ load" goes nowhere
    begin_check("load");
    context.dll = ::LoadLibraryW(to_wide(options.dll).c_str());
    if (context.dll == nullptr) {
        std::printf("error: %s: LoadLibraryW failed with error %lu\n", options.dll.c_str(),
                    static_cast<unsigned long>(::GetLastError()));
        set_line_sink(nullptr);
        wipe(context.password);
        return 2;
    }
    for (std::size_t i = 0; i < groups.size(); ++i) {
        line_reader reader{shown_name(groups[i]), secret, counts};
        {
            const std::lock_guard<std::mutex> hold{sink_lock};
            sink_reader = &reader;
        }
        group_call call{&groups[i], &context};
        const HANDLE thread = ::CreateThread(nullptr, 0, &run_group_thread, &call, 0, nullptr);
        const bool ended =
            thread != nullptr &&
            ::WaitForSingleObject(thread, static_cast<DWORD>(options.timeout_seconds * 1000)) == WAIT_OBJECT_0;
        const std::lock_guard<std::mutex> hold{sink_lock}; // a hung group's later lines wait here
        sink_reader = nullptr;
        reader.finish();
        if (!ended) {
            std::printf("FAIL  %s.timeout  no answer within %g s in %s  [rule: each call returns; %s]\n",
                        shown_name(groups[i]).c_str(), options.timeout_seconds, reader.last_id().c_str(),
                        page_of_check(reader.last_id()).c_str());
            ++counts.fail;
            for (std::size_t later = i + 1; later < groups.size(); ++later) {
                std::printf("SKIPPED %s  --in-process: not run, %s.timeout still holds this process\n",
                            shown_name(groups[later]).c_str(), shown_name(groups[i]).c_str());
                ++counts.skipped;
            }
            std::fflush(stdout);
            return 1; // the thread is not closed: the caller ends the process with it
        }
        ::CloseHandle(thread);
    }
    set_line_sink(nullptr);
    wipe(context.password);
    return 0;
}

} // namespace mprcheck::run
