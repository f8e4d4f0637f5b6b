// mprnotify/detail/core/exception_translation.hpp - the one place an exception becomes a WN code.
//
// translate_current_exception() is a single non-template function, called from every catch (...)
// in the library: one translator for every handler, every operation and both sides (notifyee and
// provider), as C++/WinRT's to_hresult and WIL's ResultFromCaughtException are.
#pragma once

#include <new>
#include <optional>
#include <string_view>
#include <system_error>

#include "../../core/config.hpp"
#include "../../core/platform.hpp"
#include "../../core/status.hpp"

namespace mprnotify::detail {

/// The WN code a std::error_code stands for, when it stands for one.
[[nodiscard]] inline std::optional<wn_status> wn_status_from(const std::error_code& code) noexcept
{
    if (!code) {
        return std::nullopt;
    }
    // By its name, not its address: naming wn_category() here would compile its message table into
    // every boundary, and the name also matches a wn_status code from another module's copy.
    if (std::string_view{code.category().name()} == wn_category_name) {
        return static_cast<wn_status>(static_cast<std::uint32_t>(code.value()));
    }
#if MPRNOTIFY_PLATFORM_WINDOWS
    if (code.category() == std::system_category()) { // Win32 error codes are the WN codes
        return static_cast<wn_status>(static_cast<std::uint32_t>(code.value()));
    }
#endif
    // One test of the category, then plain integers: each `condition == std::errc::x` would build an
    // error_condition and compare categories again, in every provider's translation unit.
    const std::error_condition condition = code.default_error_condition();
    if (condition.category() != std::generic_category()) {
        return std::nullopt;
    }
    const int value = condition.value();
    const auto is = [value](std::errc e) noexcept { return value == static_cast<int>(e); };
    if (is(std::errc::not_enough_memory)) {
        return wn_status::out_of_memory;
    }
    if (is(std::errc::permission_denied) || is(std::errc::operation_not_permitted)) {
        return wn_status::access_denied;
    }
    if (is(std::errc::operation_canceled)) {
        return wn_status::cancel;
    }
    if (is(std::errc::invalid_argument)) {
        return wn_status::bad_value;
    }
    if (is(std::errc::not_supported) || is(std::errc::operation_not_supported)) {
        return wn_status::not_supported;
    }
    if (is(std::errc::device_or_resource_busy)) {
        return wn_status::function_busy;
    }
    return std::nullopt;
}

/// What a caught exception says.
struct caught_exception {
    bool deliberate = false;       // a wn_error: the hook's own answer, honoured under every policy
    std::optional<wn_status> code; // the WN code it carries or names, if any
    std::string_view message;      // what(); valid while the exception is being handled
};

#if MPRNOTIFY_HAS_EXCEPTIONS
/// Translates the exception being handled. Call only from inside a catch block.
[[nodiscard]] inline caught_exception translate_current_exception() noexcept
{
    try {
        throw;
    } catch (const wn_error& e) {
        return {true, e.status(), e.what()};
    } catch (const std::bad_alloc& e) {
        return {false, wn_status::out_of_memory, e.what()};
    } catch (const std::system_error& e) {
        return {false, wn_status_from(e.code()), e.what()};
    } catch (const std::exception& e) {
        return {false, std::nullopt, e.what()};
    } catch (...) {
        return {false, std::nullopt, "an exception not derived from std::exception"};
    }
}
#endif

} // namespace mprnotify::detail
