// mprnotify/notifyee/entry_points.hpp - the boundary: the only code that touches the raw pointers MPR passes.
//
// entry_points<Handler, Policy> turns a plain handler class into the two functions MPR calls,
// with the exact npapi.h signatures. Data flows one way, and each function below is one step:
//     MPR -> checks (dispatch) -> view -> hook (pre/post) -> decision (settle) -> table -> MPR
// Rules it enforces (see docs/notifyee.md):
//   - NULL NOTIFYINFO or NULL operation struct: WN_BAD_POINTER, the handler is not called.
//   - An undocumented dwNotifyStatus: WN_SUCCESS, lpContext untouched.
//   - Pre: lpContext is NULL unless the answer is WN_SUCCESS with a post requested.
//   - Post: a context this library did not hand out, already consumed or reclaimed, or handed out
//     for the other operation (an add context offered to CancelConnectNotify), is ignored.
//   - The context is destroyed after the after-hook returns, even if it throws; contexts whose
//     post never comes are reclaimed oldest first when the table is full, and destroyed before the
//     handler at unload.
//   - No exception escapes; a failure is answered by the policy (a wn_error by its own code); the
//     thread's last-error value is left as it was.
#pragma once

#include <cstdint>
#include <exception>
#include <type_traits>
#include <utility>

#include "add_connection.hpp"
#include "cancel_connection.hpp"
#include "decision.hpp"
#include "../detail/core/call_report.hpp"
#include "../detail/core/context_table.hpp"
#include "../detail/core/handler_instance.hpp"
#include "../detail/notifyee/hooks.hpp"
#include "../core/failure.hpp"
#include "../core/operation.hpp"
#include "../core/platform.hpp"
#include "../core/policy.hpp"
#include "../core/status.hpp"

namespace mprnotify {

template <class Handler, policy Policy = fail_open>
class entry_points {
    static_assert(detail::validate_handler<Handler>());

    using table_type =
        detail::context_table<detail::context_capacity_of<Policy>(), detail::context_inline_bytes_of<Policy>()>;
    using instance = detail::handler_instance<Handler>;
    using report = detail::call_report<Handler, Policy>;

public:
    using handler_type = Handler;
    using policy_type = Policy;

    /// AddConnectNotify, exactly as npapi.h declares it.
    static platform::dword MPRNOTIFY_APIENTRY add_connect_notify(platform::notify_info_param info,
                                                                 platform::notify_add_param add) noexcept
    {
        [[maybe_unused]] const platform::last_error_guard keep_last_error;
        return to_dword(dispatch<detail::add_hooks>(info, platform::wide(add)));
    }

    /// CancelConnectNotify, exactly as npapi.h declares it.
    static platform::dword MPRNOTIFY_APIENTRY cancel_connect_notify(platform::notify_info_param info,
                                                                    platform::notify_cancel_param cancel) noexcept
    {
        [[maybe_unused]] const platform::last_error_guard keep_last_error;
        return to_dword(dispatch<detail::cancel_hooks>(info, platform::wide(cancel)));
    }

    /// The process's handler instance, created on first use (for tests and for forwarding code).
    /// Called from the handler's own constructor or after its destruction it throws
    /// wn_error(WN_FUNCTION_BUSY), or ends the program in a build without exceptions.
    static Handler& handler() { return detail::handler_for_caller<Handler>(); }

    /// Contexts handed to MPR whose post has not come yet.
    [[nodiscard]] static std::size_t pending_contexts() noexcept
    {
        if constexpr (any_post) {
            return instance::existing() != nullptr ? table().live_count() : 0;
        } else {
            return 0; // without an after-hook there is no table
        }
    }

private:
    static constexpr platform::dword to_dword(wn_status status) noexcept
    {
        return static_cast<platform::dword>(to_underlying(status));
    }

    /// Contexts may refer to the handler, so the table must be destroyed first. A handler that is
    /// never destroyed (constant-initialized) shares the program's lifetime: its table is a plain
    /// static. Any other handler's table is created after it, so destroyed before it.
    static table_type& table() noexcept
    {
        if constexpr (detail::constant_handler<Handler>) {
            return constant_table_;
        } else {
            return detail::owned_by_handler<table_type, entry_points>::get();
        }
    }
    // Without an after-hook nothing is ever stored: no table, no destructor registered at load, and
    // none of the exception runtime its cleanup would bring into the DLL.
    static constexpr bool any_post = detail::hook_traits<Handler, detail::add_hooks>::has_after ||
                                     detail::hook_traits<Handler, detail::cancel_hooks>::has_after;
    struct no_table {};
    static constinit inline std::conditional_t<detail::constant_handler<Handler> && any_post, table_type, no_table>
        constant_table_{};

    /// Add and cancel share one table; the tag keeps one operation's contexts from the other's post.
    template <class Ops>
    static constexpr std::uint8_t owner_tag = static_cast<std::uint8_t>(Ops::id);

    template <class Ops>
    static constexpr bool wants_post = detail::hook_traits<Handler, Ops>::has_after;

    static add_connection make_view(detail::add_hooks /*unused*/, const platform::notify_add_w& add,
                                    const platform::notify_info& /*unused*/) noexcept
    {
        return add_connection{add};
    }
    static cancel_connection make_view(detail::cancel_hooks /*unused*/, const platform::notify_cancel_w& cancel,
                                       const platform::notify_info& info) noexcept
    {
        return cancel_connection{cancel, to_phase(info.dwNotifyStatus), static_cast<wn_status>(info.dwOperationStatus)};
    }

    /// Checks what MPR passed before anything is read, then picks the phase.
    template <class Ops, class Struct>
    static wn_status dispatch(platform::notify_info* info, Struct* op) noexcept
    {
        if (info == nullptr || op == nullptr) {
            return wn_status::bad_pointer;
        }
        switch (to_phase(info->dwNotifyStatus)) {
        case phase::pre: return pre<Ops>(*info, *op);
        case phase::post: return post<Ops>(*info, *op);
        case phase::unknown: break;
        }
        return wn_status::success; // undocumented phase: answer success, touch nothing
    }

    template <class Ops, class Struct>
    static wn_status pre(platform::notify_info& info, const Struct& op) noexcept
    {
        info.lpContext = nullptr; // stays NULL on every path but a granted post request
        using traits = detail::hook_traits<Handler, Ops>;
        if constexpr (!traits::has_before && !traits::has_after) {
            return wn_status::success;
        } else {
            report r{Ops::id, phase::pre};
            Handler* handler = r.handler();
            if (handler == nullptr) {
                return r.answer();
            }
            if constexpr (!traits::has_before) {
                return grant_post<Ops>(info, r); // after-hook only: the library asks for the post itself
            } else {
                const auto view = make_view(Ops{}, op, info);
                wn_status answer = wn_status::success;
                // The decision goes straight into settle(): no copy, no move of it or its context.
                if (!r.attempt(failure_site::before_hook,
                               [&] { answer = settle<Ops>(info, Ops::before(*handler, view), r); })) {
                    return r.answer();
                }
                return answer;
            }
        }
    }

    /// What the before-hook decided, carried out: a veto's code, a proceed, or a post granted
    /// with the context moved into the table. The decision's context is always empty on return.
    template <class Ops, class Context>
    static wn_status settle(platform::notify_info& info, decision<Context>&& made, report& r) noexcept
    {
        if constexpr (!decision<Context>::can_post) { // decision<>: the after-hook, if any, sees every proceed
            if constexpr (wants_post<Ops>) {
                if (made.what() != decision<Context>::kind::vetoes) {
                    return grant_post<Ops>(info, r);
                }
            }
            return made.veto_status();
        } else {
            if (!made.wants_after()) {
                return made.veto_status(); // a veto's code, or WN_SUCCESS for a proceed
            }
            auto reserved = reserve<Ops>(r);
            if constexpr (!std::is_same_v<Context, no_context>) {
                if (reserved.slot) {
                    store(reserved.slot, *made.context(), r);
                }
                // The moved-from context (or the whole one, if it was not stored) dies here.
                r.attempt(failure_site::context_destroy, [&] { made.context().reset(); });
            }
            return publish(info, reserved.slot, r);
        }
    }

    /// A slot for the context; reports the pending context the table reclaimed to make room.
    template <class Ops>
    static typename table_type::reservation reserve(report& r) noexcept
    {
        auto reserved = table().reserve(owner_tag<Ops>);
        if (reserved.reclaimed) [[unlikely]] {
            const auto about = static_cast<operation>(reserved.reclaimed_owner);
            r.notice(about, failure_site::context_reclaimed,
                     "every context slot was taken: the oldest pending context was destroyed, its post never came");
            if (reserved.destructor_threw) {
                r.notice(about, failure_site::context_destroy, "a reclaimed context's destructor threw");
            }
        }
        if (!reserved.slot) [[unlikely]] {
            r.fail(failure_site::context_capacity, "every context slot is in use by a call in progress");
        }
        return reserved;
    }

    template <class Context>
    static void store(typename table_type::lease& lease, Context& context, report& r) noexcept
    {
        bool stored = false;
        if (r.attempt(failure_site::context_store, [&] { stored = lease.store(std::move(context)); }) && !stored) {
            r.fail(failure_site::context_store, "no memory for the context", wn_status::out_of_memory);
        }
    }

    template <class Ops>
    static wn_status grant_post(platform::notify_info& info, report& r) noexcept
    {
        auto reserved = reserve<Ops>(r);
        return publish(info, reserved.slot, r);
    }

    /// Hands the slot to MPR, unless something failed on the way (the lease then frees it).
    static wn_status publish(platform::notify_info& info, typename table_type::lease& lease, report& r) noexcept
    {
        if (r.failed()) {
            return r.answer();
        }
        info.lpContext = lease.publish();
        return wn_status::success;
    }

    template <class Ops, class Struct>
    static wn_status post(platform::notify_info& info, const Struct& op) noexcept
    {
        if constexpr (!wants_post<Ops>) {
            return wn_status::success;
        } else {
            using context = typename detail::hook_traits<Handler, Ops>::context;
            // No handler yet means no context of ours can exist: nothing to claim.
            if (info.lpContext == nullptr || instance::existing() == nullptr) {
                return wn_status::success;
            }
            auto lease = table().claim(info.lpContext, owner_tag<Ops>);
            if (!lease) {
                return wn_status::success; // not ours, already consumed or reclaimed, or another operation's
            }
            report r{Ops::id, phase::post};
            Handler& handler = *instance::existing();
            const auto view = make_view(Ops{}, op, info);
            const auto result = static_cast<wn_status>(info.dwOperationStatus);
            if constexpr (std::is_same_v<context, no_context> || std::is_same_v<context, no_post>) {
                r.attempt(failure_site::after_hook, [&] { Ops::after(handler, view, result); });
            } else {
                r.attempt(failure_site::after_hook,
                          [&] { Ops::after(handler, view, result, std::move(lease.template object<context>())); });
                r.attempt(failure_site::context_destroy, [&] { lease.destroy_object(); });
            } // the lease frees the slot when it goes out of scope
            return r.answer();
        }
    }
};

} // namespace mprnotify
