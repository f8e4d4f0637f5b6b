// mprnotify/core/failure.hpp - what an on_error hook is told when something went wrong in a call.
#pragma once

#include <cstdint>
#include <string_view>

#include "operation.hpp"
#include "status.hpp"

namespace mprnotify {

/// Where in a call the failure happened.
enum class failure_site : std::uint8_t {
    before_hook,       // the before-hook threw (including the context's construction)
    after_hook,        // the after-hook threw
    context_store,     // moving the context into its slot threw, or its heap allocation failed
    context_destroy,   // the context's destructor threw
    context_capacity,  // no context slot could be had; the operation got no post call
    handler_create,    // the handler's constructor threw, or re-entered the library, or the handler is gone
    context_reclaimed, // the table was full: the oldest pending context was destroyed (its post never came)
    provider_hook,     // a provider hook (connect, disconnect, a lookup) threw or gave an answer MPR cannot get
};

/// A short name for a failure site ("before-hook").
[[nodiscard]] constexpr std::string_view name(failure_site site) noexcept
{
    switch (site) {
    case failure_site::before_hook: return "before-hook";
    case failure_site::after_hook: return "after-hook";
    case failure_site::context_store: return "context store";
    case failure_site::context_destroy: return "context destroy";
    case failure_site::context_capacity: return "context capacity";
    case failure_site::handler_create: return "handler construction";
    case failure_site::context_reclaimed: return "context reclaimed";
    case failure_site::provider_hook: return "provider hook";
    }
    return "unknown";
}

/// Passed to a handler's optional `void on_error(const mprnotify::failure&) noexcept`.
/// `message` is valid only during that call. It is an exception's what() or the library's own
/// description: the library never puts a user name or password into it.
struct failure {
    mprnotify::operation operation;
    mprnotify::phase phase;
    failure_site site;
    wn_status answer;         // what the library returns to MPR for this call
    std::string_view message; // what() of the exception, or a description
};

} // namespace mprnotify
