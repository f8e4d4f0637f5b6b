// mprnotify/detail/core/call_report.hpp - what went wrong in one call, and what MPR is answered.
//
// The boundary runs each step that executes user code through attempt(); a throw is caught there,
// translated by the one translator, reported to the handler's on_error hook and remembered. The
// first failure of a call decides its answer: a deliberate wn_error keeps its code, everything
// else gets the policy's answer. Built without exceptions, attempt() just calls.
#pragma once

#include <optional>
#include <string_view>
#include <utility>

#include "../../core/config.hpp"
#include "../../core/failure.hpp"
#include "../../core/operation.hpp"
#include "../../core/policy.hpp"
#include "../../core/status.hpp"
#include "exception_translation.hpp"
#include "handler_instance.hpp"
#include "../core/hook_probe.hpp"

namespace mprnotify::detail {

template <class Handler, class Policy>
class call_report {
public:
    call_report(operation op, phase ph) noexcept : operation_(op), phase_(ph) {}

    /// Runs `step`; false when it threw (the failure is then recorded at `site`).
    template <class Step>
    bool attempt(failure_site site, Step&& step) noexcept
    {
#if MPRNOTIFY_HAS_EXCEPTIONS
        try {
            std::forward<Step>(step)();
            return true;
        } catch (...) {
            const caught_exception caught = translate_current_exception();
            record(site, caught.deliberate ? *caught.code : policy_answer<Policy>(operation_, caught.code),
                   caught.message);
            return false;
        }
#else
        static_cast<void>(site);
        std::forward<Step>(step)();
        return true;
#endif
    }

    /// The handler, created on first use; nullptr with the failure recorded when its constructor
    /// threw, re-entered the library on this thread, or the handler is already destroyed. Every
    /// boundary asks for the handler through here.
    [[nodiscard]] Handler* handler() noexcept
    {
        Handler* handler = nullptr;
        if (attempt(failure_site::handler_create, [&] { handler = handler_instance<Handler>::get(); }) &&
            handler == nullptr) {
            fail(failure_site::handler_create, handler_instance<Handler>::gone()
                                                   ? "the handler is already destroyed (DLL unload or process exit)"
                                                   : "the handler's constructor re-entered the library");
        }
        return handler;
    }

    /// Records a failure the library detected itself; the policy decides the answer.
    wn_status fail(failure_site site, std::string_view message, std::optional<wn_status> code = {}) noexcept
    {
        return record(site, policy_answer<Policy>(operation_, code), message);
    }

    /// Tells on_error about an event that does not change this call's answer.
    void notice(operation about, failure_site site, std::string_view message) const noexcept
    {
        tell(failure{about, phase_, site, answer_, message});
    }

    [[nodiscard]] bool failed() const noexcept { return failed_; }
    /// WN_SUCCESS, or the answer of the first failure.
    [[nodiscard]] wn_status answer() const noexcept { return answer_; }

private:
    wn_status record(failure_site site, wn_status answer, std::string_view message) noexcept
    {
        if (!failed_) {
            failed_ = true;
            answer_ = answer;
        }
        tell(failure{operation_, phase_, site, answer, message});
        return answer_;
    }

    static void tell(const failure& f) noexcept
    {
        if constexpr (has_on_error<Handler>) {
            if (Handler* handler = handler_instance<Handler>::existing()) {
                handler->on_error(f);
            }
        }
    }

    operation operation_;
    phase phase_;
    bool failed_ = false;
    wn_status answer_ = wn_status::success;
};

} // namespace mprnotify::detail
