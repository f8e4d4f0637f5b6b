// child.hpp - what every check group's child process shares: the report lines (flushed one by one,
// so a crash loses none), the current check id the crash handler names, the loaded DLL and the
// names the user gave. Windows only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <mprnotify/core/platform.hpp>

namespace mprcheck::run {

/// Microsoft Learn pages the FAIL lines cite.
namespace page {
inline constexpr std::string_view np = "https://learn.microsoft.com/en-us/windows/win32/api/npapi/nf-npapi-";
} // namespace page

/// The page of an npapi.h function, e.g. page_of("NPGetConnection").
[[nodiscard]] std::string page_of(std::string_view function);

/// The page of the function a check id is named for ("null.NPGetUser", "size.get-user": NPGetUser;
/// "enum.packing": NPEnumResource); the npapi.h index for an id named for no function ("load").
[[nodiscard]] std::string page_of_check(std::string_view id);

/// What a group's child knows: the loaded DLL and the names given on the command line.
struct child_context {
    HMODULE dll = nullptr;
    std::wstring remote;   ///< --remote, or empty
    std::wstring local;    ///< --local, or empty
    std::wstring user;     ///< --user, or empty
    std::wstring password; ///< --password (read from the parent's pipe), or a made-up one; never printed
    double timeout_seconds = 10;
};

/// The check now running: printed as "@ id" for the parent (its timeout line names it) and kept
/// for the crash handler.
void begin_check(std::string_view id);

/// Where the report lines go instead of the standard output (--in-process: to the parent's reader,
/// which may be called from several threads at once); nullptr: the standard output.
using line_sink = void (*)(const std::string& line);
void set_line_sink(line_sink sink) noexcept;

/// Runs one check group ("caps", "notify-last-error", ...) in this process; false for an unknown name.
bool run_named_group(const std::string& group, const child_context& context);

void report_ok(std::string_view id, std::string_view text);
void report_fail(std::string_view id, std::string_view text, std::string_view rule, std::string_view url);
void report_note(std::string_view id, std::string_view text);
void report_skipped(std::string_view id, std::string_view reason);

/// Installs the handler that turns an access violation (or another fatal exception) into a FAIL line
/// for the current check and ends the process with the exception code.
void install_crash_handler();

/// "WN_MORE_DATA (234)" and friends.
[[nodiscard]] std::string status_text(DWORD status);

/// A name for a report line (UTF-8, control characters escaped).
[[nodiscard]] std::string shown(std::wstring_view text);

/// An export by its plain name, as the function pointer type `F`, or nullptr.
template <class F>
[[nodiscard]] F find_export(HMODULE dll, const char* name)
{
    return reinterpret_cast<F>(reinterpret_cast<void*>(::GetProcAddress(dll, name)));
}

/// The value the tool puts in the thread's last error before each call.
inline constexpr DWORD last_error_marker = 0x1234;

} // namespace mprcheck::run
