// mprnotify/entry_points.hpp - the boundary: the only code that touches the raw pointers MPR passes.
//
// entry_points<Handler, Policy> turns a plain handler class into the two functions MPR calls,
// with the exact npapi.h signatures. Data flows one way:
//     MPR -> checks -> view -> handler hook -> decision -> context table -> MPR
// Rules it enforces (see docs/entry_points.md):
//   - NULL NOTIFYINFO or NULL operation struct: WN_BAD_POINTER, the handler is not called.
//   - An undocumented dwNotifyStatus: WN_SUCCESS, lpContext untouched.
//   - Pre: lpContext is NULL unless the answer is WN_SUCCESS with a post requested.
//   - Post: a context this library did not hand out, already consumed, or handed out for the
//     other operation (an add context offered to CancelConnectNotify), is ignored.
//   - The context is destroyed after the after-hook returns, even if it throws.
//   - No exception escapes; the thread's last-error value is left as it was.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <type_traits>
#include <utility>

#include <gsl/pointers>

#include "add_connection.hpp"
#include "cancel_connection.hpp"
#include "decision.hpp"
#include "detail/context_table.hpp"
#include "detail/exception_translation.hpp"
#include "detail/handler_instance.hpp"
#include "failure.hpp"
#include "hooks.hpp"
#include "notification.hpp"
#include "platform.hpp"
#include "policy.hpp"
#include "status.hpp"

namespace mprnotify {

template <class Handler, policy Policy = fail_open>
class entry_points {
    static_assert(hooks::validate_handler<Handler>());

    using table_type =
        detail::context_table<detail::context_capacity_of<Policy>(), detail::context_inline_bytes_of<Policy>()>;
    using instance = detail::handler_instance<Handler>;

public:
    using handler_type = Handler;
    using policy_type = Policy;

    /// AddConnectNotify, exactly as npapi.h declares it.
    static platform::dword MPRNOTIFY_APIENTRY add_connect_notify(platform::notify_info_param info,
                                                                 platform::notify_add_param add) noexcept
    {
        [[maybe_unused]] const platform::last_error_guard keep_last_error;
        return to_dword(dispatch<hooks::add_tag>(info, platform::wide(add)));
    }

    /// CancelConnectNotify, exactly as npapi.h declares it.
    static platform::dword MPRNOTIFY_APIENTRY cancel_connect_notify(platform::notify_info_param info,
                                                                    platform::notify_cancel_param cancel) noexcept
    {
        [[maybe_unused]] const platform::last_error_guard keep_last_error;
        return to_dword(dispatch<hooks::cancel_tag>(info, platform::wide(cancel)));
    }

    /// The process's handler instance, created on first use (for tests and for forwarding code).
    static Handler& handler() { return instance::get(); }

    /// Contexts handed to MPR whose post has not come yet.
    [[nodiscard]] static std::size_t pending_contexts() noexcept { return table_.live_count(); }

private:
    static constexpr platform::dword to_dword(wn_status status) noexcept
    {
        return static_cast<platform::dword>(to_underlying(status));
    }

    static hooks::add_tag::view make_view(hooks::add_tag /*unused*/, const platform::notify_add_w& add,
                                          const platform::notify_info& /*unused*/) noexcept
    {
        return add_connection{gsl::not_null<const platform::notify_add_w*>{&add}};
    }
    static hooks::cancel_tag::view make_view(hooks::cancel_tag /*unused*/, const platform::notify_cancel_w& cancel,
                                             const platform::notify_info& info) noexcept
    {
        return cancel_connection{gsl::not_null<const platform::notify_cancel_w*>{&cancel},
                                 to_phase(info.dwNotifyStatus), static_cast<wn_status>(info.dwOperationStatus)};
    }

    template <class Op, class Struct>
    static wn_status dispatch(platform::notify_info* info, Struct* op) noexcept
    {
        if (info == nullptr || op == nullptr) {
            return wn_status::bad_pointer; // checked before anything else is read or wrapped
        }
        switch (to_phase(info->dwNotifyStatus)) {
        case phase::pre: return pre<Op>(*info, *op);
        case phase::post: return post<Op>(*info, *op);
        case phase::unknown: break;
        }
        return wn_status::success; // undocumented phase: answer success, touch nothing
    }

    using guard = detail::exception_guard<Handler, Policy>;

    template <class Op, class Struct>
    static wn_status pre(platform::notify_info& info, const Struct& op) noexcept
    {
        info.lpContext = nullptr; // stays NULL on every path but a granted post request
        constexpr bool wants_before = hooks::has_before<Handler, Op>;
        constexpr bool wants_after = hooks::has_after<Handler, Op>;
        if constexpr (!wants_before && !wants_after) {
            return wn_status::success;
        } else {
            guard g{Op::id, phase::pre};
            Handler* handler = g.run(failure_site::handler_create, [] { return &instance::get(); });
            if (handler == nullptr) {
                return g.answer();
            }
            if constexpr (wants_before) {
                return pre_with_before<Op>(info, make_view(Op{}, op, info), *handler, g);
            } else {
                return request_post<Op>(info, g); // after-only: the library asks for the post itself
            }
        }
    }

    template <class Op>
    static wn_status pre_with_before(platform::notify_info& info, const typename Op::view& view, Handler& handler,
                                     guard& g) noexcept
    {
        using context = hooks::context_t<Handler, Op>;
        using set = hooks::hook_set<Handler, Op>;
        using kind = typename decision<context>::kind;
        constexpr bool can_post = hooks::has_after<Handler, Op>;
        typename table_type::lease lease;
        wn_status answer = wn_status::success;
        bool wants_post = false;
        failure_site site = failure_site::before_hook; // read by the guard when something throws
        const bool completed = g.run_void(site, [&] {
            decision<context> made = set::before(handler, view); // no copy, no move: a prvalue
            if (made.what() == kind::vetoes) {
                answer = made.veto_status();
            } else if (made.what() == kind::calls_after) {
                if constexpr (can_post) { // without an after-hook the table is not even instantiated
                    wants_post = true;
                    site = failure_site::context_capacity;
                    lease = table_.reserve(owner_tag<Op>);
                    if constexpr (!std::is_same_v<context, no_context>) {
                        if (lease) {
                            site = failure_site::context_store;
                            if (!lease.template store<context>(std::move(*made.context()))) {
                                answer = g.report(site, wn_status::out_of_memory, "no memory for the context");
                            }
                            site = failure_site::context_destroy; // the moved-from context dies next
                        }
                    }
                }
            }
        });
        if (!completed) {
            return g.answer(); // the lease, if any, destroys the context: lpContext stays NULL
        }
        if (answer != wn_status::success || !wants_post) {
            return answer; // a veto, a proceed, or no memory for the context: lpContext stays NULL
        }
        return publish(info, lease, g);
    }

    template <class Op>
    static wn_status request_post(platform::notify_info& info, guard& g) noexcept
    {
        auto lease = table_.reserve(owner_tag<Op>);
        return publish(info, lease, g);
    }

    static wn_status publish(platform::notify_info& info, typename table_type::lease& lease, guard& g) noexcept
    {
        if (!lease) {
            return g.report(failure_site::context_capacity, Policy::unexpected_error, "every context slot is in use");
        }
        info.lpContext = lease.publish();
        return wn_status::success;
    }

    template <class Op, class Struct>
    static wn_status post(platform::notify_info& info, const Struct& op) noexcept
    {
        if constexpr (!hooks::has_after<Handler, Op>) {
            return wn_status::success;
        } else {
            using context = hooks::context_t<Handler, Op>;
            using set = hooks::hook_set<Handler, Op>;
            if (info.lpContext == nullptr) {
                return wn_status::success;
            }
            auto lease = table_.claim(info.lpContext, owner_tag<Op>);
            if (!lease) {
                return wn_status::success; // not ours, already consumed, or another operation's: ignore
            }
            guard g{Op::id, phase::post};
            Handler* handler = g.run(failure_site::handler_create, [] { return &instance::get(); });
            if (handler == nullptr) {
                return g.answer(); // the lease destroys the context and frees the slot
            }
            const auto view = make_view(Op{}, op, info);
            const auto result = static_cast<wn_status>(info.dwOperationStatus);
            if constexpr (std::is_same_v<context, no_context>) {
                g.run_void(failure_site::after_hook, [&] { set::after(*handler, view, result); });
            } else {
                g.run_void(failure_site::after_hook,
                           [&] { set::after(*handler, view, result, std::move(lease.template object<context>())); });
                g.run_void(failure_site::context_destroy, [&] { lease.destroy_object(); });
            } // the lease frees the slot when it goes out of scope
            return g.answer();
        }
    }

    /// Add and cancel share one table; the tag keeps one operation's contexts from the other's post.
    template <class Op>
    static constexpr std::uint8_t owner_tag = static_cast<std::uint8_t>(Op::id);

    static constinit inline table_type table_{};
};

} // namespace mprnotify
