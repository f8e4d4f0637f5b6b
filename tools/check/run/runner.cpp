// runner.cpp - the --run parent: checks the DLL's architecture, then runs each check group in a child
// process (this program again, with the hidden --run-group), prints the child's lines as they arrive,
// and turns a child's crash or hang into one FAIL line. Windows only.
#include <algorithm>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <mprnotify/core/platform.hpp>
#include <mprnotify/core/text.hpp>

#include "../files.hpp"
#include "../pe_reader.hpp"
#include "child.hpp"
#include "child_output.hpp"
#include "options.hpp"
#include "run.hpp"

namespace mprcheck::run {
namespace {

#if defined(_M_X64) || defined(__x86_64__)
constexpr std::uint16_t own_machine = machine::amd64;
#elif defined(_M_ARM64) || defined(__aarch64__)
constexpr std::uint16_t own_machine = machine::arm64;
#else
constexpr std::uint16_t own_machine = machine::i386;
#endif

/// One argument quoted the way CommandLineToArgvW and the C runtime read it back.
std::wstring quoted(const std::wstring& arg)
{
    std::wstring out = L"\"";
    std::size_t backslashes = 0;
    for (const wchar_t c : arg) {
        if (c == L'\\') {
            ++backslashes;
            continue;
        }
        out.append(c == L'"' ? backslashes * 2 + 1 : backslashes, L'\\');
        backslashes = 0;
        out.push_back(c);
    }
    out.append(backslashes * 2, L'\\');
    return out + L"\"";
}

/// CreateProcessW in a thread of its own, waited for with a timeout. A start given up on stays with
/// the thread, which ends the child as soon as it has started.
class process_start : public std::enable_shared_from_this<process_start> {
public:
    process_start(std::wstring command_line, const STARTUPINFOW& startup)
        : line_(std::move(command_line)), startup_(startup)
    {
    }
    /// True with `process` filled when the child started within `milliseconds`.
    bool run(DWORD milliseconds, PROCESS_INFORMATION& process)
    {
        auto* handed = new std::shared_ptr<process_start>(shared_from_this());
        const HANDLE thread = ::CreateThread(nullptr, 0, &process_start::start, handed, 0, nullptr);
        if (thread == nullptr) {
            delete handed;
            return false;
        }
        const bool ended = ::WaitForSingleObject(thread, milliseconds) == WAIT_OBJECT_0;
        ::CloseHandle(thread);
        const std::lock_guard<std::mutex> hold{lock_};
        if (!ended && !done_) {
            abandoned_ = true;
            return false;
        }
        process = process_;
        return started_;
    }
    [[nodiscard]] bool abandoned() const noexcept { return abandoned_; }

private:
    static DWORD WINAPI start(void* handed)
    {
        const std::unique_ptr<std::shared_ptr<process_start>> owner{
            static_cast<std::shared_ptr<process_start>*>(handed)};
        process_start& state = **owner;
        PROCESS_INFORMATION process{};
        const bool started = ::CreateProcessW(nullptr, state.line_.data(), nullptr, nullptr, TRUE, 0, nullptr, nullptr,
                                              &state.startup_, &process) != 0;
        const std::lock_guard<std::mutex> hold{state.lock_};
        state.done_ = true;
        state.started_ = started;
        state.process_ = process;
        if (state.abandoned_ && started) {
            ::TerminateProcess(process.hProcess, 1);
            ::CloseHandle(process.hProcess);
            ::CloseHandle(process.hThread);
        }
        return 0;
    }
    std::wstring line_;
    STARTUPINFOW startup_;
    std::mutex lock_;
    PROCESS_INFORMATION process_{};
    bool done_ = false;
    bool started_ = false;
    bool abandoned_ = false;
};

struct child_result {
    bool started = false;
    bool timed_out = false;
    DWORD exit_code = 0;
};

child_result run_child(const std::wstring& command_line, const std::string& secret, double timeout_seconds,
                       line_reader& reader, error_collector& errors)
{
    child_result result;
    SECURITY_ATTRIBUTES inherit{sizeof(SECURITY_ATTRIBUTES), nullptr, TRUE};
    HANDLE out_read = nullptr;
    HANDLE out_write = nullptr;
    HANDLE err_read = nullptr;
    HANDLE err_write = nullptr;
    HANDLE in_read = nullptr;
    HANDLE in_write = nullptr;
    if (!::CreatePipe(&out_read, &out_write, &inherit, 0) || !::CreatePipe(&err_read, &err_write, &inherit, 0) ||
        !::CreatePipe(&in_read, &in_write, &inherit, 0)) {
        return result;
    }
    ::SetHandleInformation(out_read, HANDLE_FLAG_INHERIT, 0);
    ::SetHandleInformation(err_read, HANDLE_FLAG_INHERIT, 0);
    ::SetHandleInformation(in_write, HANDLE_FLAG_INHERIT, 0);
    STARTUPINFOW startup{};
    startup.cb = sizeof startup;
    startup.dwFlags = STARTF_USESTDHANDLES;
    startup.hStdInput = in_read;
    startup.hStdOutput = out_write;
    startup.hStdError = err_write;
    // Started from a thread of its own: Wine's CreateProcessW returns only once the child has started,
    // which takes about a minute under an emulated 32-bit Wine, and the timeout counts from here.
    const ULONGLONG deadline = ::GetTickCount64() + static_cast<ULONGLONG>(timeout_seconds * 1000);
    const auto start = std::make_shared<process_start>(command_line, startup);
    PROCESS_INFORMATION process{};
    result.started = start->run(static_cast<DWORD>(timeout_seconds * 1000), process);
    result.timed_out = start->abandoned();
    if (!result.timed_out) { // else the start still uses the child's ends: left to it
        ::CloseHandle(out_write);
        ::CloseHandle(err_write);
        ::CloseHandle(in_read);
    }
    if (!result.started) {
        ::CloseHandle(out_read);
        ::CloseHandle(err_read);
        ::CloseHandle(in_write);
        return result;
    }
    pipe_drain out{out_read};
    pipe_drain err{err_read};
    // The password is shorter than any pipe's buffer: this write does not wait for the child.
    DWORD written = 0;
    ::WriteFile(in_write, secret.data(), static_cast<DWORD>(secret.size()), &written, nullptr);
    ::CloseHandle(in_write);

    for (;;) {
        const DWORD waited = ::WaitForSingleObject(process.hProcess, 50);
        reader.feed(out.take());
        errors.feed(err.take());
        if (waited != WAIT_TIMEOUT) {
            break;
        }
        if (::GetTickCount64() > deadline) {
            ::TerminateProcess(process.hProcess, 1);
            ::WaitForSingleObject(process.hProcess, 5000);
            result.timed_out = true;
            break;
        }
    }
    // The last lines: the pipes end when the child has closed them (at once, unless it started
    // another process that holds them).
    out.wait_end(2000);
    err.wait_end(500);
    reader.feed(out.take());
    errors.feed(err.take());
    reader.finish();
    ::GetExitCodeProcess(process.hProcess, &result.exit_code);
    ::CloseHandle(process.hProcess);
    ::CloseHandle(process.hThread);
    return result;
}

bool exports_name(const pe_image& image, std::string_view name)
{
    return std::any_of(image.exports.begin(), image.exports.end(),
                       [&](const named_export& e) { return e.name == name; });
}

/// A password nobody typed, for the calls that pass one when --password was not given.
std::string made_up_password() { return "mprcheck-pw-" + std::to_string(::GetTickCount64() ^ ::GetCurrentProcessId()); }

std::wstring own_path()
{
    std::wstring path(32768, L'\0');
    path.resize(::GetModuleFileNameW(nullptr, path.data(), static_cast<DWORD>(path.size())));
    return path;
}

int finish(const tally& counts)
{
    std::printf("run: %u ok, %u FAIL, %u notes, %u skipped\n", counts.ok, counts.fail, counts.notes, counts.skipped);
    return counts.fail > 0 ? 1 : 0;
}

} // namespace

int run_command(std::vector<std::string>& args, const std::string& /*program*/)
{
    run_options options;
    if (const std::string error = parse_run_options(args, 2, options); !error.empty()) {
        std::fprintf(stderr, "mprnotify-check: %s\n", error.c_str());
        return 64;
    }
    std::string secret = options.password.empty() ? made_up_password() : options.password;
    wipe(options.password);

    const auto contents = read_file(options.dll);
    const auto image = contents.error.empty() ? read_pe(contents.bytes) : pe_result{{}, contents.error};
    if (!image.ok()) {
        std::printf("error: %s: %s\n", options.dll.c_str(), image.error.c_str());
        wipe(secret);
        return 2;
    }
    tally counts;
    if (image.image.machine != own_machine) {
        std::printf("SKIPPED run  an %s DLL needs the %s build of mprnotify-check (this is the %s build; nothing "
                    "was loaded)\n",
                    std::string{machine_name(image.image.machine)}.c_str(),
                    std::string{machine_name(image.image.machine)}.c_str(),
                    std::string{machine_name(own_machine)}.c_str());
        ++counts.skipped;
        wipe(secret);
        return finish(counts);
    }
    std::vector<std::string> groups;
    if (exports_name(image.image, "NPGetCaps")) {
        groups = {"caps", "null", "size", "enum", "names", "last-error", "threads"};
    }
    const bool notifyee =
        exports_name(image.image, "AddConnectNotify") || exports_name(image.image, "CancelConnectNotify");
    if (notifyee) {
        groups.insert(groups.end(), {"notify", groups.empty() ? "last-error" : "notify-last-error"});
    }
    if (groups.empty()) {
        std::printf(
            "SKIPPED run  exports neither NPGetCaps nor AddConnectNotify/CancelConnectNotify: nothing to call\n");
        ++counts.skipped;
        wipe(secret);
        return finish(counts);
    }
    for (const auto& skip : options.skipped_groups) {
        const auto found = std::find_if(groups.begin(), groups.end(), [&skip](const std::string& g) {
            return g == skip || (g == "notify-last-error" && skip == "last-error");
        });
        if (found == groups.end()) {
            std::fprintf(stderr, "mprnotify-check: --skip %s: the DLL has no such check group\n", skip.c_str());
            wipe(secret);
            return 64;
        }
        std::printf("SKIPPED %s  not run (--skip %s)\n", skip.c_str(), skip.c_str());
        ++counts.skipped;
        groups.erase(found);
    }
    if (options.in_process) {
        const int status = run_in_process(options, groups, secret, counts);
        wipe(secret);
        if (status == 2) {
            return 2;
        }
        const int verdict = finish(counts);
        if (status == 1) {
            std::fflush(stdout);
            ::TerminateProcess(::GetCurrentProcess(), static_cast<UINT>(verdict)); // a call still hangs in it
        }
        return verdict;
    }
    // Every child in a job that ends with this process: a start given up on (see process_start) ends
    // with the run instead of running on unread.
    const HANDLE job = ::CreateJobObjectW(nullptr, nullptr);
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits{};
    limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
    if (job != nullptr) {
        ::SetInformationJobObject(job, JobObjectExtendedLimitInformation, &limits, sizeof limits);
        ::AssignProcessToJobObject(job, ::GetCurrentProcess());
    }
    const std::wstring program = own_path();
    for (const auto& group : groups) {
        std::wstring line = quoted(program) + L" --run-group " + quoted(to_wide(group)) + L" " +
                            quoted(to_wide(options.dll)) + L" --timeout " + std::to_wstring(options.timeout_seconds);
        for (const auto& [flag, value] : {std::pair{L"--remote", &options.remote},
                                          std::pair{L"--local", &options.local}, std::pair{L"--user", &options.user}}) {
            if (!value->empty()) {
                line += std::wstring{L" "} + flag + L" " + quoted(to_wide(*value));
            }
        }
        const std::string shown_group = group == "notify-last-error" ? "last-error" : group;
        line_reader reader{shown_group, secret, counts};
        error_collector errors{secret};
        const child_result result = run_child(line, secret, options.timeout_seconds, reader, errors);
        counts.notes += errors.report(shown_group) ? 1U : 0U;
        if (!result.started && !result.timed_out) {
            std::printf("error: cannot start %s (error %lu)\n", mprnotify::printable_utf8(program).c_str(),
                        static_cast<unsigned long>(::GetLastError()));
            wipe(secret);
            return 2;
        }
        if (!reader.load_error().empty()) {
            std::printf("error: %s: %s\n", options.dll.c_str(), reader.load_error().c_str());
            wipe(secret);
            return 2;
        }
        if (result.timed_out) {
            std::printf("FAIL  %s.timeout  no answer within %g s in %s  [rule: each call returns; %s]\n",
                        shown_group.c_str(), options.timeout_seconds,
                        result.started ? reader.last_id().c_str() : "(start: the child process had not started)",
                        page_of_check(reader.last_id()).c_str());
            ++counts.fail;
        } else if (result.exit_code != 0) {
            std::printf("FAIL  %s.crash  exception 0x%08lX after %s  [rule: no crash on what a caller passes; %s]\n",
                        shown_group.c_str(), static_cast<unsigned long>(result.exit_code), reader.last_id().c_str(),
                        page_of_check(reader.last_id()).c_str());
            ++counts.fail;
        }
        std::fflush(stdout);
    }
    wipe(secret);
    return finish(counts);
}

} // namespace mprcheck::run
