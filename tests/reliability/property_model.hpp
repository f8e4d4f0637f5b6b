// What the library must answer, per notifyee kind, for a scripted call; and the per-notifyee
// operations the property test needs, gathered behind one runtime interface.
#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "answer_model.hpp"
#include "property_handlers.hpp"

namespace property {

namespace platform = mprnotify::platform;

enum class op_kind : std::uint8_t { add, cancel };

struct expectation {
    wn_status answer = wn_status::success;
    bool grants = false;      // pre: lpContext must be a handle
    bool failed = false;      // on_error must hear about it
    bool hook_called = false; // the before-hook (pre) or the after-hook (post) runs
    bool reclaims = false;    // pre: the table is full, its oldest pending context is destroyed (on_error told)
};

template <class Handler>
concept with_contexts = requires
{
    typename Handler::add_context;
};
template <class Handler>
concept with_before = requires(Handler& h, const mprnotify::add_connection& a)
{
    h.before_add(a);
};
template <class Handler>
concept with_after = requires(Handler& h, const mprnotify::add_connection& a)
{
    &Handler::after_add;
};

inline wn_status answer_of(const fault& f, wn_status unexpected) noexcept
{
    return reliability::expected_answer(f.kind, f.code, unexpected);
}

/// One notifyee type, seen through the functions the test calls at runtime.
struct notifyee_ops {
    const char* name = "";
    platform::add_connect_notify_fn add = nullptr;
    platform::cancel_connect_notify_fn cancel = nullptr;
    std::size_t (*pending)() = nullptr;
    observations& (*seen)() = nullptr;
    std::size_t capacity = 0;
    bool has_contexts = false;
    expectation (*expect_pre)(op_kind, const script&, std::size_t live, op_kind reclaimed_op) = nullptr;
    expectation (*expect_post)(op_kind, const script&, const fault& post_move) = nullptr;
    long long (*context_live)(op_kind) = nullptr;
    long long (*context_constructed)(op_kind) = nullptr;
    bool (*destroy_can_throw)(op_kind) = nullptr;
    void (*arm_post_move)(op_kind, const fault&) = nullptr;
    void (*disarm)() = nullptr;
};

template <class EntryPoints>
struct model {
    using handler = typename EntryPoints::handler_type;
    static constexpr wn_status unexpected = EntryPoints::policy_type::unexpected_error;
    static constexpr std::size_t capacity = EntryPoints::policy_type::context_capacity;

    template <class F>
    static decltype(auto) with_context(op_kind op, F&& f)
    {
        if (op == op_kind::add) {
            return f(static_cast<typename handler::add_context*>(nullptr));
        }
        return f(static_cast<typename handler::cancel_context*>(nullptr));
    }

    static bool destroy_can_throw(op_kind op)
    {
        if constexpr (with_contexts<handler>) {
            return with_context(op, []<class C>(C*) { return !std::is_nothrow_destructible_v<C>; });
        } else {
            return false;
        }
    }

    /// `reclaimed_op`: the operation of this notifyee's oldest pending context, reclaimed when the
    /// table is full (`live == capacity`).
    static expectation expect_pre(op_kind op, const script& s, std::size_t live, op_kind reclaimed_op)
    {
        expectation e;
        const bool full = live == capacity;
        if constexpr (!with_before<handler>) { // after-only: the library asks for the post itself
            return {wn_status::success, true, false, false, full};
        } else {
            e.hook_called = true;
            switch (s.before) {
            case before_action::proceed: return e;
            case before_action::veto: e.answer = s.veto_code; return e;
            case before_action::raise:
            case before_action::raise_in_context:
                if (s.before_fault.armed()) {
                    return {answer_of(s.before_fault, unexpected), false, true, true};
                }
                if (s.before == before_action::raise || !with_contexts<handler>) {
                    return e; // nothing thrown: the hook proceeds
                }
                break; // nothing thrown by the context's move: an ordinary call_after
            case before_action::call_after: break;
            }
            if constexpr (!with_after<handler>) {
                return e; // a before-only handler declares decision<>: it proceeds
            } else {
                const fault destroy = destroy_can_throw(op) ? s.pre_destroy_fault : fault{};
                const fault move = with_contexts<handler> ? s.pre_move_fault : fault{};
                const auto r = reliability::expect_call_after(move, destroy, full, reclaimed_op == op, unexpected);
                return {r.answer, r.grants, r.failed, true, r.reclaims};
            }
        }
    }

    static expectation expect_post(op_kind op, const script& s, const fault& post_move)
    {
        const bool by_value = op == op_kind::cancel && with_contexts<handler>;
        const bool throwing = with_contexts<handler> && destroy_can_throw(op);
        const auto r = reliability::expect_post(by_value, post_move, s.after_fault,
                                                throwing ? s.post_destroy_fault : fault{}, unexpected);
        return {r.answer, false, r.failed, r.hook_called, false};
    }

    static long long context_live(op_kind op)
    {
        if constexpr (with_contexts<handler>) {
            return with_context(op, []<class C>(C*) { return C::counts.live(); });
        } else {
            return 0;
        }
    }

    static long long context_constructed(op_kind op)
    {
        if constexpr (with_contexts<handler>) {
            return with_context(op, []<class C>(C*) { return C::counts.constructed; });
        } else {
            return 0;
        }
    }

    static void arm_post_move(op_kind op, const fault& f)
    {
        if constexpr (with_contexts<handler>) {
            with_context(op, [&]<class C>(C*) { C::move_fault = f; });
        }
    }

    static void disarm()
    {
        if constexpr (with_contexts<handler>) {
            handler::add_context::move_fault = {};
            handler::add_context::destroy_fault = {};
            handler::cancel_context::move_fault = {};
            handler::cancel_context::destroy_fault = {};
        }
    }

    static notifyee_ops ops(const char* name)
    {
        notifyee_ops o;
        o.name = name;
        o.add = &EntryPoints::add_connect_notify;
        o.cancel = &EntryPoints::cancel_connect_notify;
        o.pending = [] { return EntryPoints::pending_contexts(); };
        o.seen = []() -> observations& { return EntryPoints::handler().seen; };
        o.capacity = capacity;
        o.has_contexts = with_contexts<handler>;
        o.expect_pre = &expect_pre;
        o.expect_post = &expect_post;
        o.context_live = &context_live;
        o.context_constructed = &context_constructed;
        o.destroy_can_throw = &destroy_can_throw;
        o.arm_post_move = &arm_post_move;
        o.disarm = &disarm;
        return o;
    }
};

/// The six notifyees, in their index order (the index their handlers read their script from).
inline const notifyee_ops* all_notifyees()
{
    static const notifyee_ops table[notifyee_count] = {
        model<notifyee_0>::ops("inline contexts, fail_open"),
        model<notifyee_1>::ops("heap contexts, fail_closed(WN_CANCEL)"),
        model<notifyee_2>::ops("no context, fail_open"),
        model<notifyee_3>::ops("after-only, fail_closed(WN_NET_ERROR)"),
        model<notifyee_4>::ops("before-only, fail_closed(WN_ACCESS_DENIED)"),
        model<notifyee_5>::ops("4 slots, fail_closed(WN_OUT_OF_MEMORY)"),
    };
    return table;
}

} // namespace property
