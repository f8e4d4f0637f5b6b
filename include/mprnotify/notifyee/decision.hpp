// mprnotify/notifyee/decision.hpp - what a before-hook answers: proceed, call me after, or veto.
//
//     decision<>           proceed or veto; never a post call
//     decision<no_context> proceed, veto, or call_after(): a post call without a context
//     decision<C>          proceed, veto, or call_after(c): a post call receiving c
// The type says whether a post can be asked for, so the checks at compile time can require an
// after-hook for it: a misspelt after-hook is a compile error, never dead code.
//
//     return mprnotify::proceed;                       // no post call for this operation
//     return mprnotify::call_after();                  // post call, no context
//     return mprnotify::call_after(timing{now()});     // post call, this context handed over
//     return mprnotify::veto(mprnotify::wn_status::cancel);
#pragma once

#include <optional>
#include <type_traits>
#include <utility>

#include "../detail/notifyee/context_holder.hpp"
#include "../core/status.hpp"

namespace mprnotify {

/// The context type of a decision that may ask for the post call without handing anything over.
struct no_context {};
/// The context type of decision<>: proceed or veto, never a post call.
struct no_post {};

struct proceed_t {
    explicit constexpr proceed_t() = default;
};
/// Let the operation go on; do not call the after-hook for it.
inline constexpr proceed_t proceed{};

struct call_after_t {
    explicit constexpr call_after_t() = default;
};

struct veto_t {
    wn_status status;
};

/// Let the operation go on and call the after-hook with its result.
[[nodiscard]] constexpr call_after_t call_after() noexcept { return call_after_t{}; }

/// Stop the operation: MPR returns `status` to the caller. A veto with WN_SUCCESS proceeds.
[[nodiscard]] constexpr veto_t veto(wn_status status = wn_status::cancel) noexcept { return veto_t{status}; }

template <class Context = no_post>
class decision;

/// Let the operation go on; call the after-hook with its result and this context.
template <class Context>
[[nodiscard]] decision<std::decay_t<Context>> call_after(Context&& context);

/// A before-hook's answer. `Context` is what the after-hook will receive.
template <class Context>
class decision {
    static_assert(std::is_object_v<Context> && !std::is_const_v<Context> && !std::is_array_v<Context>,
                  "mprnotify::decision<Context>: Context must be a non-const object type");
    static_assert(std::is_move_constructible_v<Context>,
                  "mprnotify::decision<Context>: Context must be movable (the library moves it into its "
                  "own storage until the after-hook takes it)");
    static_assert(std::is_destructible_v<Context>, "mprnotify::decision<Context>: Context must be destructible");
    // A context the library cannot move gets a placeholder, so the message above stands alone.
    using held = std::conditional_t<std::is_move_constructible_v<Context> && std::is_destructible_v<Context>, Context,
                                    no_context>;

public:
    enum class kind : unsigned char { proceeds, calls_after, vetoes };
    /// False for decision<>, which can only proceed or veto.
    static constexpr bool can_post = !std::is_same_v<Context, no_post>;

    constexpr decision(proceed_t) noexcept {} // NOLINT(google-explicit-constructor): return proceed;
    constexpr decision(call_after_t) noexcept : kind_(kind::calls_after) // NOLINT(google-explicit-constructor)
    {
        static_assert(can_post, "mprnotify: call_after() in a before-hook declared decision<>, which can only "
                                "proceed or veto; declare it mprnotify::decision<mprnotify::no_context> and "
                                "give the handler the matching after-hook");
        static_assert(!can_post || std::is_same_v<Context, no_context>,
                      "mprnotify: call_after() without a context in a before-hook declared decision<C>; "
                      "hand the context over with call_after(context)");
    }
    constexpr decision(veto_t v) noexcept // NOLINT(google-explicit-constructor)
        : kind_(v.status == wn_status::success ? kind::proceeds : kind::vetoes), status_(v.status)
    {
    }

    [[nodiscard]] constexpr kind what() const noexcept { return kind_; }
    [[nodiscard]] constexpr bool wants_after() const noexcept { return can_post && kind_ == kind::calls_after; }
    [[nodiscard]] constexpr wn_status veto_status() const noexcept { return status_; }

    /// The context handed over, if any (std::optional, or an optional-like holder when the
    /// context's destructor may throw); the boundary moves it into its own storage.
    [[nodiscard]] detail::context_holder<held>& context() noexcept { return context_; }

private:
    template <class C>
    friend decision<std::decay_t<C>> call_after(C&& context);

    struct with_context_t {};
    template <class C>
    decision(with_context_t, C&& context) : kind_(kind::calls_after), context_(std::in_place, std::forward<C>(context))
    {
    }

    kind kind_ = kind::proceeds;
    wn_status status_ = wn_status::success;
    detail::context_holder<held> context_;
};

template <class Context>
decision<std::decay_t<Context>> call_after(Context&& context)
{
    using result = decision<std::decay_t<Context>>;
    return result{typename result::with_context_t{}, std::forward<Context>(context)};
}

/// The context type of a decision type; no_post for anything else.
template <class T>
struct decision_context {
    using type = no_post;
};
template <class C>
struct decision_context<decision<C>> {
    using type = C;
};

template <class T>
inline constexpr bool is_decision_v = false;
template <class C>
inline constexpr bool is_decision_v<decision<C>> = true;

} // namespace mprnotify
