// mprnotify/detail/notifyee/hooks.hpp - which hooks a handler class has, found at compile time.
//
// A handler is a plain default-constructible class with any of (docs/notifyee.md):
//     mprnotify::decision<...> before_add(const mprnotify::add_connection&);
//     void after_add(const mprnotify::add_connection&, mprnotify::wn_status result[, C context]);
//     mprnotify::decision<...> before_cancel(const mprnotify::cancel_connection&);
//     void after_cancel(const mprnotify::cancel_connection&, mprnotify::wn_status result[, C context]);
//     void on_error(const mprnotify::failure&) noexcept;
// A member with a hook's name that does not fit its signature is a compile error with its own
// message, never silently ignored. Both operations are described once, by one macro.
#pragma once

#include <concepts>
#include <string_view>
#include <type_traits>
#include <utility>

#include "../../notifyee/add_connection.hpp"
#include "../../notifyee/cancel_connection.hpp"
#include "../../notifyee/decision.hpp"
#include "../../core/failure.hpp"
#include "../../core/operation.hpp"
#include "../../core/status.hpp"
#include "../core/hook_probe.hpp"

namespace mprnotify::detail {

/// One operation's hooks: detection, the calls the boundary makes, and the checks with their
/// messages. `op` is the hooks' suffix, `view_type` the view they receive.
#define MPRNOTIFY_DETAIL_DESCRIBE_OPERATION(op, view_type)                                                             \
  MPRNOTIFY_DETAIL_MEMBER_PROBE(before_##op);                                                                          \
  MPRNOTIFY_DETAIL_MEMBER_PROBE(after_##op);                                                                           \
  struct op##_hooks {                                                                                                  \
    using view = view_type;                                                                                            \
    static constexpr operation id = operation::op##_connection;                                                        \
    template <class H>                                                                                                 \
    static constexpr bool declares_before = declares_before_##op<H>;                                                   \
    template <class H>                                                                                                 \
    static constexpr bool declares_after = declares_after_##op<H>;                                                     \
    template <class H>                                                                                                 \
    static auto before(H& h, const view& v) -> decltype(h.before_##op(v))                                              \
    {                                                                                                                  \
      return h.before_##op(v);                                                                                         \
    }                                                                                                                  \
    template <class H, class... Context>                                                                               \
    static auto after(H& h, const view& v, wn_status s, Context&&... c)                                                \
        -> decltype(h.after_##op(v, s, std::forward<Context>(c)...))                                                   \
    {                                                                                                                  \
      return h.after_##op(v, s, std::forward<Context>(c)...);                                                          \
    }                                                                                                                  \
    template <class H>                                                                                                 \
    static consteval bool validate()                                                                                   \
    {                                                                                                                  \
      using traits = hook_traits<H, op##_hooks>;                                                                       \
      static_assert(!traits::declares_before || traits::callable_before,                                               \
                    "mprnotify: before_" #op " has the wrong parameters or is overloaded; expected exactly one "       \
                    "mprnotify::decision<...> before_" #op "(const mprnotify::" #view_type "&)");                      \
      static_assert(!traits::callable_before || traits::has_before,                                                    \
                    "mprnotify: before_" #op " must return mprnotify::decision<...> (return "                          \
                    "mprnotify::proceed, mprnotify::call_after(...) or mprnotify::veto(...))");                        \
      static_assert(!traits::declares_after || traits::has_after,                                                      \
                    "mprnotify: after_" #op " has the wrong signature; expected void after_" #op                       \
                    "(const mprnotify::" #view_type "&, mprnotify::wn_status), plus exactly the context type "         \
                    "before_" #op " hands over (C, C&& or const C&) as a third parameter when it hands one "           \
                    "over");                                                                                           \
      static_assert(!traits::can_post || traits::declares_after,                                                       \
                    "mprnotify: before_" #op " can ask for a post call (it returns decision<no_context> or "           \
                    "hands over a context) but there is no after_" #op " to call; declare after_" #op                  \
                    " or return decision<>");                                                                          \
      return true;                                                                                                     \
    }                                                                                                                  \
  }

template <class H, class Ops>
struct hook_traits;

MPRNOTIFY_DETAIL_DESCRIBE_OPERATION(add, add_connection);
MPRNOTIFY_DETAIL_DESCRIBE_OPERATION(cancel, cancel_connection);

/// What Ops' before-hook returns, when it can be called with the view.
template <class H, class Ops>
using before_result_t = decltype(Ops::before(std::declval<H&>(), std::declval<const typename Ops::view&>()));

/// Ops' after-hook can be called with the view, the result and `Context` (none, or exactly<C>).
template <class H, class Ops, class... Context>
concept after_callable = std::is_void_v<decltype(Ops::after(
    std::declval<H&>(), std::declval<const typename Ops::view&>(), wn_status{}, std::declval<Context>()...))>;

/// What Ops' before-hook returns (void without a usable one), and what follows from it.
template <class H, class Ops>
struct hook_traits {
private:
    template <class T>
    struct result {
        using type = void;
    };
    template <class T>
    requires well_formed<before_result_t<T, Ops>>
    struct result<T> {
        using type = std::remove_cvref_t<before_result_t<T, Ops>>;
    };
    using before_result = typename result<H>::type;

public:
    static constexpr bool declares_before = Ops::template declares_before<H>;
    static constexpr bool declares_after = Ops::template declares_after<H>;
    static constexpr bool callable_before = !std::is_void_v<before_result>;
    static constexpr bool has_before = is_decision_v<before_result>;
    /// The context type the before-hook hands over: no_post without a before-hook.
    using context = typename decision_context<before_result>::type;
    static constexpr bool can_post = !std::is_same_v<context, no_post>;
    static constexpr bool has_after = [] {
        if constexpr (std::is_same_v<context, no_post> || std::is_same_v<context, no_context>) {
            return after_callable<H, Ops>;
        } else {
            return after_callable<H, Ops, exactly<context>>;
        }
    }();
};

/// Every compile-time rule a handler must follow, each with its own readable message.
template <class H>
consteval bool validate_handler()
{
    static_assert(std::is_class_v<H>, "mprnotify: a handler must be a class type");
    static_assert(std::is_default_constructible_v<H>,
                  "mprnotify: a handler must be default-constructible (the library creates one "
                  "instance per process on its first call)");
    static_assert(declares_before_add<H> || declares_after_add<H> || declares_before_cancel<H> ||
                      declares_after_cancel<H>,
                  "mprnotify: the handler has no hook; declare at least one of before_add, after_add, "
                  "before_cancel, after_cancel");
    static_assert(!declares_on_error<H> || has_on_error<H>,
                  "mprnotify: on_error must be declared void on_error(const mprnotify::failure&) noexcept");
    return add_hooks::validate<H>() && cancel_hooks::validate<H>();
}

} // namespace mprnotify::detail
