// mprnotify/failure.hpp - what an on_error hook is told when something went wrong in a call.
#pragma once

#include <cstdint>
#include <string_view>

#include "notification.hpp"
#include "status.hpp"

namespace mprnotify {

/// Where in a call the failure happened.
enum class failure_site : std::uint8_t {
    before_hook,      // the before-hook threw (including the context's construction)
    after_hook,       // the after-hook threw
    context_store,    // moving the context into its slot threw, or its heap allocation failed
    context_destroy,  // the context's destructor threw
    context_capacity, // every context slot was in use; the operation got no post call
    handler_create,   // the handler's constructor threw
};

[[nodiscard]] constexpr std::string_view to_string(failure_site site) noexcept
{
    switch (site) {
    case failure_site::before_hook: return "before-hook";
    case failure_site::after_hook: return "after-hook";
    case failure_site::context_store: return "context store";
    case failure_site::context_destroy: return "context destroy";
    case failure_site::context_capacity: return "context capacity";
    case failure_site::handler_create: return "handler construction";
    }
    return "unknown";
}

/// Passed to a handler's optional `void on_error(const mprnotify::failure&) noexcept`.
/// `message` is valid only during that call.
struct failure {
    mprnotify::operation operation;
    mprnotify::phase phase;
    failure_site site;
    wn_status answer;         // what the library returns to MPR for this call
    std::string_view message; // what() of the exception, or a description
};

} // namespace mprnotify
