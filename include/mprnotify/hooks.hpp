// mprnotify/hooks.hpp - which hooks a handler class has, found at compile time.
//
// A handler is a plain default-constructible class with any of:
//     mprnotify::decision<C> before_add(const mprnotify::add_connection&);
//     void after_add(const mprnotify::add_connection&, mprnotify::wn_status result[, C context]);
//     mprnotify::decision<C> before_cancel(const mprnotify::cancel_connection&);
//     void after_cancel(const mprnotify::cancel_connection&, mprnotify::wn_status result[, C context]);
//     void on_error(const mprnotify::failure&) noexcept;
// A member with a hook's name that does not fit its signature is a compile error
// (validate_handler), never silently ignored.
#pragma once

#include <concepts>
#include <type_traits>
#include <utility>

#include "add_connection.hpp"
#include "cancel_connection.hpp"
#include "decision.hpp"
#include "failure.hpp"
#include "status.hpp"

// clang-format 14 cannot lay out requires-expressions and hand-written macros; kept by hand.
// clang-format off
namespace mprnotify::hooks {

/// Converts to anything: used to notice a hook name called with the wrong parameter types.
struct any_argument {
    template <class T>
    operator T() const; // NOLINT(google-explicit-constructor): never defined, only for detection
};

#define MPRNOTIFY_DETAIL_NAMES_MEMBER(member)                                                     \
    template <class H>                                                                             \
    concept names_##member = requires { &H::member; } || requires(H& h, any_argument a) {          \
        h.member();                                                                                \
    } || requires(H& h, any_argument a) { h.member(a); } || requires(H& h, any_argument a) {       \
        h.member(a, a);                                                                            \
    } || requires(H& h, any_argument a) { h.member(a, a, a); } || requires(H& h, any_argument a) { \
        h.member(a, a, a, a);                                                                      \
    }
MPRNOTIFY_DETAIL_NAMES_MEMBER(before_add);
MPRNOTIFY_DETAIL_NAMES_MEMBER(after_add);
MPRNOTIFY_DETAIL_NAMES_MEMBER(before_cancel);
MPRNOTIFY_DETAIL_NAMES_MEMBER(after_cancel);
MPRNOTIFY_DETAIL_NAMES_MEMBER(on_error);
#undef MPRNOTIFY_DETAIL_NAMES_MEMBER

#define MPRNOTIFY_DETAIL_HOOK_CONCEPTS(op, view_type)                                             \
    template <class H>                                                                             \
    concept callable_before_##op = requires(H& h, const view_type& v) { h.before_##op(v); };       \
    template <class H, class Context>                                                              \
    concept after_##op##_accepts =                                                                 \
        (std::is_same_v<Context, no_context> && requires(H& h, const view_type& v, wn_status s) {  \
            { h.after_##op(v, s) } -> std::same_as<void>;                                          \
        }) ||                                                                                      \
        (!std::is_same_v<Context, no_context> &&                                                   \
         requires(H& h, const view_type& v, wn_status s, Context&& c) {                            \
             { h.after_##op(v, s, std::move(c)) } -> std::same_as<void>;                           \
         })
MPRNOTIFY_DETAIL_HOOK_CONCEPTS(add, add_connection);
MPRNOTIFY_DETAIL_HOOK_CONCEPTS(cancel, cancel_connection);
#undef MPRNOTIFY_DETAIL_HOOK_CONCEPTS

/// The two operations as tags, so the boundary and the checks are written once for both.
struct add_tag {
    using view = add_connection;
    static constexpr operation id = operation::add_connection;
};
struct cancel_tag {
    using view = cancel_connection;
    static constexpr operation id = operation::cancel_connection;
};

template <class H, class Op>
struct hook_set;

#define MPRNOTIFY_DETAIL_HOOK_SET(op, tag)                                                         \
    template <class H>                                                                             \
    struct hook_set<H, tag> {                                                                      \
        static constexpr bool names_before = names_before_##op<H>;                                 \
        static constexpr bool names_after = names_after_##op<H>;                                   \
        static constexpr bool callable_before = callable_before_##op<H>;                           \
        template <class Context>                                                                   \
        static constexpr bool after_accepts = after_##op##_accepts<H, Context>;                    \
        static auto before(H& h, const tag::view& v) { return h.before_##op(v); }                  \
        template <class... Context>                                                                \
        static void after(H& h, const tag::view& v, wn_status s, Context&&... c)                   \
        {                                                                                          \
            h.after_##op(v, s, std::forward<Context>(c)...);                                       \
        }                                                                                          \
    }
MPRNOTIFY_DETAIL_HOOK_SET(add, add_tag);
MPRNOTIFY_DETAIL_HOOK_SET(cancel, cancel_tag);
#undef MPRNOTIFY_DETAIL_HOOK_SET

/// What the before-hook of Op returns, or void when there is no usable one.
template <class H, class Op>
struct before_result {
    using type = void;
};
template <class H, class Op>
    requires hook_set<H, Op>::callable_before
struct before_result<H, Op> {
    using type = std::remove_cvref_t<decltype(hook_set<H, Op>::before(
        std::declval<H&>(), std::declval<const typename Op::view&>()))>;
};

template <class H, class Op>
inline constexpr bool has_before = is_decision_v<typename before_result<H, Op>::type>;

/// The context type the before-hook hands over; no_context without one.
template <class H, class Op>
struct context_of {
    using type = no_context;
};
template <class H, class Op>
    requires has_before<H, Op>
struct context_of<H, Op> {
    using type = typename decision_context<typename before_result<H, Op>::type>::type;
};
template <class H, class Op>
using context_t = typename context_of<H, Op>::type;

template <class H, class Op>
inline constexpr bool has_after = hook_set<H, Op>::template after_accepts<context_t<H, Op>>;

template <class H>
concept has_on_error = requires(H& h, const failure& f) {
    { h.on_error(f) } noexcept -> std::same_as<void>;
};

/// Every compile-time rule a handler must follow, each with its own readable message.
template <class H, class Op>
consteval bool validate_operation()
{
    using set = hook_set<H, Op>;
    using context = context_t<H, Op>;
    if constexpr (std::is_same_v<Op, add_tag>) {
        static_assert(!set::names_before || set::callable_before,
                      "mprnotify: before_add has the wrong parameters; expected "
                      "mprnotify::decision<...> before_add(const mprnotify::add_connection&)");
        static_assert(!set::callable_before || has_before<H, Op>,
                      "mprnotify: before_add must return mprnotify::decision<...> (return "
                      "mprnotify::proceed, mprnotify::call_after(...) or mprnotify::veto(...))");
        static_assert(!set::names_after || has_after<H, Op>,
                      "mprnotify: after_add has the wrong signature; expected void after_add(const "
                      "mprnotify::add_connection&, mprnotify::wn_status), plus the context type "
                      "before_add hands over as a third parameter when it hands one over");
        static_assert(std::is_same_v<context, no_context> || set::names_after,
                      "mprnotify: before_add hands over a context but there is no after_add to receive it");
    } else {
        static_assert(!set::names_before || set::callable_before,
                      "mprnotify: before_cancel has the wrong parameters; expected "
                      "mprnotify::decision<...> before_cancel(const mprnotify::cancel_connection&)");
        static_assert(!set::callable_before || has_before<H, Op>,
                      "mprnotify: before_cancel must return mprnotify::decision<...> (return "
                      "mprnotify::proceed, mprnotify::call_after(...) or mprnotify::veto(...))");
        static_assert(!set::names_after || has_after<H, Op>,
                      "mprnotify: after_cancel has the wrong signature; expected void after_cancel(const "
                      "mprnotify::cancel_connection&, mprnotify::wn_status), plus the context type "
                      "before_cancel hands over as a third parameter when it hands one over");
        static_assert(std::is_same_v<context, no_context> || set::names_after,
                      "mprnotify: before_cancel hands over a context but there is no after_cancel to receive it");
    }
    return true;
}

template <class H>
consteval bool validate_handler()
{
    static_assert(std::is_class_v<H>, "mprnotify: a handler must be a class type");
    static_assert(std::is_default_constructible_v<H>,
                  "mprnotify: a handler must be default-constructible (the library creates one "
                  "instance per process on the first notification)");
    static_assert(names_before_add<H> || names_after_add<H> || names_before_cancel<H> || names_after_cancel<H>,
                  "mprnotify: the handler has no hook; declare at least one of before_add, after_add, "
                  "before_cancel, after_cancel");
    static_assert(!names_on_error<H> || has_on_error<H>,
                  "mprnotify: on_error must be declared void on_error(const mprnotify::failure&) noexcept");
    return validate_operation<H, add_tag>() && validate_operation<H, cancel_tag>();
}

} // namespace mprnotify::hooks
// clang-format on
