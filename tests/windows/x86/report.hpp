// The 32-bit run's bookkeeping: one line per check, and every call into a DLL made through one
// place that measures ESP (stack_check.hpp) and the thread's last error around it.
#pragma once

#include <windows.h>

#include <cstdarg>
#include <cstdio>
#include <string>

#include "stack_check.hpp"

namespace x86_run {

/// The call in progress, for the crash handler's message.
inline const char* current_call = "(none)";

/// One DLL's checks and the calls made into it.
class dll_report {
public:
    explicit dll_report(std::string name) : name_(std::move(name)) {}

    [[nodiscard]] const std::string& name() const noexcept { return name_; }

    /// Prints one check's line; `detail` is printf-formatted.
    bool check(bool passed, const char* check_name, const char* detail, ...)
    {
        std::va_list args;
        va_start(args, detail);
        char text[512];
        std::vsnprintf(text, sizeof text, detail, args);
        va_end(args);
        std::printf("  %-7s %s: %s\n", passed ? "ok" : "FAILED", check_name, text);
        std::fflush(stdout); // a crash in the next call must not swallow this line
        ++checks_;
        failed_ += passed ? 0 : 1;
        return passed;
    }

    /// Calls `function(args...)` with a fresh last-error value set, and records whether the call
    /// kept it and where it left ESP. `what` names the call in the first problem kept.
    template <class... Args>
    DWORD call(const char* what, stdcall_fn<Args...> function, Args... args)
    {
        (void)baseline<Args...>(); // measured once, before the last error is set
        const DWORD callers_value = 0xC0DE0000U + ++calls_;
        current_call = what;
        ::SetLastError(callers_value);
        const measured m = x86_run::call<Args...>(function, args...);
        const DWORD last_error = ::GetLastError();
        if (m.stack_shift != 0) {
            if (unbalanced_++ == 0) {
                const std::ptrdiff_t bytes = m.stack_shift < 0 ? -m.stack_shift : m.stack_shift;
                first_unbalanced_ =
                    std::string{what} + " popped " + std::to_string(bytes) + " bytes too " +
                    (m.stack_shift < 0 ? "few: ESP left that much low" : "many: ESP left that much high");
            }
        }
        if (last_error != callers_value) {
            if (last_error_changed_++ == 0) {
                first_last_error_ = std::string{what} + " changed it to " + std::to_string(last_error);
            }
        }
        return m.result;
    }

    /// The two checks every call feeds: the last error kept, ESP where __stdcall leaves it.
    void check_calls()
    {
        if (last_error_changed_ == 0) {
            check(true, "last error", "kept across all %u calls", calls_);
        } else {
            check(false, "last error", "changed by %u of %u calls; first: %s", last_error_changed_, calls_,
                  first_last_error_.c_str());
        }
        if (unbalanced_ == 0) {
            check(true, "stack", "ESP where __stdcall leaves it after all %u calls", calls_);
        } else {
            check(false, "stack", "%u of %u calls popped the wrong number of bytes (not __stdcall); first: %s",
                  unbalanced_, calls_, first_unbalanced_.c_str());
        }
    }

    /// Prints the DLL's verdict line; true when every check passed.
    bool verdict() const
    {
        std::printf("  %s: %s (%u checks, %u failed)\n", name_.c_str(), failed_ == 0 ? "PASS" : "FAIL", checks_,
                    failed_);
        std::fflush(stdout);
        return failed_ == 0 && checks_ > 0;
    }

private:
    std::string name_;
    unsigned checks_ = 0;
    unsigned failed_ = 0;
    unsigned calls_ = 0;
    unsigned unbalanced_ = 0;
    unsigned last_error_changed_ = 0;
    std::string first_unbalanced_;
    std::string first_last_error_;
};

} // namespace x86_run
