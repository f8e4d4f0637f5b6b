// mprnotify/detail/exception_translation.hpp - the one place an exception becomes a WN code.
//
// Every step of a call that runs user code goes through exception_guard::run; a throw is caught
// there, translated, reported to the handler's on_error hook, and remembered as the call's answer.
// The first failure of a call decides its answer. Built without exceptions, run just calls.
#pragma once

#include <new>
#include <optional>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>

#include "../failure.hpp"
#include "../hooks.hpp"
#include "../notification.hpp"
#include "../status.hpp"
#include "handler_instance.hpp"

#if defined(__cpp_exceptions) || defined(_CPPUNWIND)
#  define MPRNOTIFY_HAS_EXCEPTIONS 1
#else
#  define MPRNOTIFY_HAS_EXCEPTIONS 0
#endif

namespace mprnotify::detail {

/// The WN code a std::error_code stands for, when it stands for one.
[[nodiscard]] inline std::optional<wn_status> wn_status_from(const std::error_code& code) noexcept
{
    if (!code) {
        return std::nullopt;
    }
    if (code.category() == wn_category()) {
        return static_cast<wn_status>(static_cast<std::uint32_t>(code.value()));
    }
#if defined(_WIN32)
    if (code.category() == std::system_category()) { // Win32 error codes are the WN codes
        return static_cast<wn_status>(static_cast<std::uint32_t>(code.value()));
    }
#endif
    const std::error_condition condition = code.default_error_condition();
    if (condition == std::errc::not_enough_memory) {
        return wn_status::out_of_memory;
    }
    if (condition == std::errc::permission_denied || condition == std::errc::operation_not_permitted) {
        return wn_status::access_denied;
    }
    if (condition == std::errc::operation_canceled) {
        return wn_status::cancel;
    }
    if (condition == std::errc::invalid_argument) {
        return wn_status::bad_value;
    }
    if (condition == std::errc::not_supported || condition == std::errc::operation_not_supported) {
        return wn_status::not_supported;
    }
    if (condition == std::errc::device_or_resource_busy) {
        return wn_status::function_busy;
    }
    return std::nullopt;
}

template <class Handler, class Policy>
class exception_guard {
public:
    exception_guard(operation op, phase ph) noexcept : operation_(op), phase_(ph) {}

    /// Runs `step` (returning a pointer); nullptr if it threw.
    template <class Step>
    auto run(const failure_site& site, Step&& step) noexcept -> decltype(step())
    {
        static_assert(std::is_pointer_v<decltype(step())>);
#if MPRNOTIFY_HAS_EXCEPTIONS
        try {
            return std::forward<Step>(step)();
        } catch (...) {
            handle_current_exception(site);
            return nullptr;
        }
#else
        (void)site;
        return std::forward<Step>(step)();
#endif
    }

    /// Runs `step`; false if it threw. `site` is read when the exception is caught, so a step
    /// may advance it as it goes.
    template <class Step>
    bool run_void(const failure_site& site, Step&& step) noexcept
    {
#if MPRNOTIFY_HAS_EXCEPTIONS
        try {
            std::forward<Step>(step)();
            return true;
        } catch (...) {
            handle_current_exception(site);
            return false;
        }
#else
        (void)site;
        std::forward<Step>(step)();
        return true;
#endif
    }

    /// Records a failure (the first one decides the answer), tells on_error, returns `answer`.
    wn_status report(failure_site site, wn_status answer, std::string_view message) noexcept
    {
        if (!failed_) {
            failed_ = true;
            answer_ = answer;
        }
        if constexpr (hooks::has_on_error<Handler>) {
            if (Handler* handler = handler_instance<Handler>::existing()) {
                handler->on_error(failure{operation_, phase_, site, answer, message});
            }
        }
        return answer;
    }

    /// WN_SUCCESS, or the answer of the first failure.
    [[nodiscard]] wn_status answer() const noexcept { return answer_; }

private:
#if MPRNOTIFY_HAS_EXCEPTIONS
    void handle_current_exception(failure_site site) noexcept
    {
        try {
            throw;
        } catch (const wn_error& e) {
            report(site, e.status(), e.what());
        } catch (const std::bad_alloc& e) {
            report(site, wn_status::out_of_memory, e.what());
        } catch (const std::system_error& e) {
            report(site, wn_status_from(e.code()).value_or(Policy::unexpected_error), e.what());
        } catch (const std::exception& e) {
            report(site, Policy::unexpected_error, e.what());
        } catch (...) {
            report(site, Policy::unexpected_error, "an exception not derived from std::exception");
        }
    }
#endif

    operation operation_;
    phase phase_;
    bool failed_ = false;
    wn_status answer_ = wn_status::success;
};

} // namespace mprnotify::detail
