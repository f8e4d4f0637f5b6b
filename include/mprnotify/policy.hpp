// mprnotify/policy.hpp - what the library answers MPR when a handler fails unexpectedly.
//
// A hook that throws wn_error answers with its code, std::bad_alloc with WN_OUT_OF_MEMORY, and a
// std::system_error with its value where that value is a WN/Win32 code. Everything else - any other
// exception, a context the library cannot store - is "unexpected" and answered by the policy:
//   fail_open                      the connection proceeds (WN_SUCCESS); the default
//   fail_closed<wn_status::cancel> the operation is refused with the chosen code
// A policy may also size the table of contexts awaiting their post call.
#pragma once

#include <concepts>
#include <cstddef>

#include "status.hpp"

namespace mprnotify {

/// Default number of operations that may await their post call at once, per notifyee.
inline constexpr std::size_t default_context_capacity = 1024;
/// Contexts up to this size (and max_align_t alignment) are stored without a heap allocation.
inline constexpr std::size_t default_context_inline_bytes = 64;

/// An unexpected failure lets the operation proceed.
struct fail_open {
    static constexpr wn_status unexpected_error = wn_status::success;
};

/// An unexpected failure refuses the operation with `Status`.
template <wn_status Status = wn_status::cancel>
struct fail_closed {
    static_assert(Status != wn_status::success, "fail_closed needs an error code; use fail_open");
    static constexpr wn_status unexpected_error = Status;
};

// clang-format 14 cannot lay out requires-expressions.
// clang-format off
template <class P>
concept policy = requires {
    { P::unexpected_error } -> std::convertible_to<wn_status>;
};
// clang-format on

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
        return P::context_inline_bytes;
    } else {
        return default_context_inline_bytes;
    }
}

} // namespace detail
} // namespace mprnotify
