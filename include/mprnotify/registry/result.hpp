// mprnotify/registry/result.hpp - what the registry calls of registry.hpp report (Windows).
//
// A `_nothrow` call returns a `result`: the Win32 error code of the step that failed (0 on
// success), what the call changed, and - when the caller's input was refused before the registry
// was touched - which rule it broke. The throwing twins raise `registry_error` with the same facts.
#pragma once

#include <cstdint>
#include <new>
#include <string>
#include <string_view>
#include <system_error>

#include "../core/config.hpp"
#include "../core/platform.hpp"
#include "../core/registry_input.hpp"
#include "../core/status.hpp"
#include "../core/text.hpp"

namespace mprnotify::registry {

/// What a call did to the registry.
enum class change : std::uint8_t {
    none,    ///< nothing to do: the value was already as asked (or already absent)
    created, ///< a new value was written
    updated, ///< an existing value with that name was rewritten
    removed, ///< the value was deleted
};

/// The outcome of a `_nothrow` call.
class result {
public:
    constexpr result() noexcept = default;
    constexpr explicit result(std::uint32_t win32_error, registry::change effect = change::none) noexcept
        : code_(win32_error), effect_(effect)
    {
    }
    /// A refusal of the caller's input (ERROR_INVALID_PARAMETER), the registry left alone.
    static constexpr result invalid(input_problem problem) noexcept
    {
        result r{ERROR_INVALID_PARAMETER};
        r.problem_ = problem;
        return r;
    }

    [[nodiscard]] constexpr bool ok() const noexcept { return code_ == ERROR_SUCCESS; }
    /// ERROR_SUCCESS, or the Win32 error code of the step that failed.
    [[nodiscard]] constexpr std::uint32_t win32_error() const noexcept { return code_; }
    [[nodiscard]] constexpr registry::change effect() const noexcept { return effect_; }
    /// Which input rule was broken, or input_problem::none.
    [[nodiscard]] constexpr input_problem problem() const noexcept { return problem_; }
    /// The same value as a WN code (the WN_* codes are Win32 error codes): access_denied, bad_value, ...
    [[nodiscard]] constexpr wn_status status() const noexcept { return static_cast<wn_status>(code_); }
    /// Win32 error codes live in std::system_category on Windows.
    [[nodiscard]] std::error_code error_code() const noexcept
    {
        return {static_cast<int>(code_), std::system_category()};
    }
    /// A readable sentence: the broken rule, or the system's text for the error code.
    [[nodiscard]] std::string message() const;

private:
    std::uint32_t code_ = ERROR_SUCCESS;
    registry::change effect_ = change::none;
    input_problem problem_ = input_problem::none;
};

inline std::string result::message() const
{
    if (problem_ != input_problem::none) {
        return std::string{registry::message(problem_)};
    }
    if (ok()) {
        return "the operation completed successfully";
    }
    char text[512] = {};
    const DWORD length = ::FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, nullptr, code_, 0,
                                          text, static_cast<DWORD>(sizeof text), nullptr);
    std::string_view words{text, length};
    while (!words.empty() && (words.back() == '\n' || words.back() == '\r' || words.back() == ' ')) {
        words.remove_suffix(1);
    }
    std::string out = "Win32 error " + std::to_string(code_);
    if (!words.empty()) {
        out.append(": ").append(words);
    }
    return out;
}

#if MPRNOTIFY_HAS_EXCEPTIONS
/// Thrown by the throwing twins: a std::system_error in the system category, plus the broken rule.
class registry_error : public std::system_error {
public:
    registry_error(const result& outcome, const std::string& context)
        : std::system_error(outcome.error_code(), context + ": " + outcome.message()), problem_(outcome.problem())
    {
    }
    [[nodiscard]] input_problem problem() const noexcept { return problem_; }
    [[nodiscard]] std::uint32_t win32_error() const noexcept { return static_cast<std::uint32_t>(code().value()); }

private:
    input_problem problem_;
};
#endif

} // namespace mprnotify::registry

namespace mprnotify::detail {
/// A wide name for an exception message: UTF-8 with control characters escaped (text.hpp).
inline std::string printable(std::wstring_view text) { return printable_utf8(text); }

/// Runs a `_nothrow` body: an allocation failure becomes ERROR_NOT_ENOUGH_MEMORY, never an exception.
template <class Body>
[[nodiscard]] registry::result guarded(Body&& body) noexcept
{
#if MPRNOTIFY_HAS_EXCEPTIONS
    try {
        return body();
    } catch (const std::bad_alloc&) {
        return registry::result{ERROR_NOT_ENOUGH_MEMORY};
    } catch (...) {
        return registry::result{ERROR_INTERNAL_ERROR};
    }
#else
    return body();
#endif
}

#if MPRNOTIFY_HAS_EXCEPTIONS
/// The throwing twins' one way to fail: `registry::registry_error` naming the call and its argument.
inline void throw_if_failed(const registry::result& outcome, const char* call, std::wstring_view name)
{
    if (!outcome.ok()) {
        throw registry::registry_error(outcome, std::string{call} + "(\"" + printable(name) + "\")");
    }
}
#endif
} // namespace mprnotify::detail

namespace mprnotify::registry {

} // namespace mprnotify::registry
