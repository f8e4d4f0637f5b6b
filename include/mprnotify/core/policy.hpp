// mprnotify/core/policy.hpp - what the library answers MPR when a handler fails.
//
// The rule, the same for every operation:
//   - a hook that throws mprnotify::wn_error has answered deliberately: its code is returned under
//     every policy;
//   - every other failure - any other exception (std::system_error and std::bad_alloc included),
//     a context that cannot be stored, a handler that cannot be created - goes to the policy.
// The policies:
//   fail_open                           the operation proceeds (WN_SUCCESS); the default
//   fail_closed<wn_status::cancel>      the operation is refused with the chosen code
//   use_error_codes<P>                  a failure that names a WN code (a std::system_error whose
//                                       code maps to one, std::bad_alloc) answers that code; others as P
//   per_operation<AddPolicy, CancelPolicy>   CancelPolicy for a notifyee's cancel and a provider's
//                                       disconnect, AddPolicy for every other operation
// A policy of one's own is a class with either a constant `unexpected_error` or a function
// `static wn_status answer(operation, std::optional<wn_status> named_code) noexcept`. A policy
// may also size the table of contexts awaiting their post call.
#pragma once

#include <concepts>
#include <cstddef>
#include <optional>

#include "operation.hpp"
#include "status.hpp"

namespace mprnotify {

/// Default number of operations that may await their post call at once, per notifyee.
inline constexpr std::size_t default_context_capacity = 1024;
/// Contexts up to this size (and max_align_t alignment) are stored without a heap allocation.
inline constexpr std::size_t default_context_inline_bytes = 64;
/// The largest context_inline_bytes a policy may ask for; larger contexts go to the heap anyway.
inline constexpr std::size_t max_context_inline_bytes = 1024;

/// A failure lets the operation proceed.
struct fail_open {
    static constexpr wn_status unexpected_error = wn_status::success;
};

/// A failure refuses the operation with `Status`.
template <wn_status Status = wn_status::cancel>
struct fail_closed {
    static_assert(Status != wn_status::success, "mprnotify: fail_closed needs an error code; use fail_open");
    static constexpr wn_status unexpected_error = Status;
};

// clang-format 14 cannot lay out requires-expressions.
// clang-format off
template <class P>
concept policy = requires {
    { P::unexpected_error } -> std::convertible_to<wn_status>;
} || requires(operation op, std::optional<wn_status> code) {
    { P::answer(op, code) } noexcept -> std::same_as<wn_status>;
};
// clang-format on

namespace detail {

/// What policy P answers for a failure of `op` that names `code` (if any).
template <policy P>
[[nodiscard]] constexpr wn_status policy_answer(operation op, std::optional<wn_status> code) noexcept
{
    if constexpr (requires { P::answer(op, code); }) {
        return P::answer(op, code);
    } else {
        return P::unexpected_error;
    }
}

} // namespace detail

/// A failure whose exception names a WN code answers it; every other failure answers as `Policy`.
template <policy Policy = fail_closed<>>
struct use_error_codes {
    [[nodiscard]] static constexpr wn_status answer(operation op, std::optional<wn_status> code) noexcept
    {
        return code ? *code : detail::policy_answer<Policy>(op, std::nullopt);
    }
};

/// `CancelPolicy` for the operations that end a connection (a notifyee's cancel, a provider's
/// disconnect), `AddPolicy` for every other one (adds, connects, lookups, enumerations, credential
/// notifications): e.g. a security gate that refuses a connection it could not check but never keeps
/// a drive from being disconnected.
template <policy AddPolicy, policy CancelPolicy>
struct per_operation {
    [[nodiscard]] static constexpr wn_status answer(operation op, std::optional<wn_status> code) noexcept
    {
        return op == operation::cancel_connection || op == operation::disconnect
                   ? detail::policy_answer<CancelPolicy>(op, code)
                   : detail::policy_answer<AddPolicy>(op, code);
    }
};

namespace detail {

template <class P>
constexpr std::size_t context_capacity_of() noexcept
{
    if constexpr (requires { P::context_capacity; }) {
        return P::context_capacity;
    } else {
        return default_context_capacity;
    }
}

template <class P>
constexpr std::size_t context_inline_bytes_of() noexcept
{
    if constexpr (requires { P::context_inline_bytes; }) {
        static_assert(P::context_inline_bytes <= max_context_inline_bytes,
                      "mprnotify: the policy's context_inline_bytes is above max_context_inline_bytes (1024); "
                      "larger contexts are stored on the heap without asking");
        return P::context_inline_bytes;
    } else {
        return default_context_inline_bytes;
    }
}

} // namespace detail
} // namespace mprnotify
