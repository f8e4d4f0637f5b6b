// mprnotify/notification.hpp - a view of NOTIFYINFO: which phase, and the operation's status.
//
// Views are non-owning and valid only during the call MPR made: they point into MPR's memory.
// Copy out anything that must outlive the call.
#pragma once

#include <cstdint>

#include <gsl/pointers>

#include "platform.hpp"
#include "status.hpp"

namespace mprnotify {

/// NOTIFYINFO::dwNotifyStatus. Values other than pre and post are undocumented.
enum class phase : std::uint32_t {
    unknown = 0,
    pre = platform::notify_pre,   // before the provider is asked
    post = platform::notify_post, // after the provider answered
};

/// Maps a raw dwNotifyStatus to a phase; anything undocumented becomes phase::unknown.
[[nodiscard]] constexpr phase to_phase(std::uint32_t raw) noexcept
{
    switch (raw) {
    case platform::notify_pre: return phase::pre;
    case platform::notify_post: return phase::post;
    default: return phase::unknown;
    }
}

/// The operation an MPR call is about.
enum class operation : std::uint8_t { add_connection, cancel_connection };

/// Read-only view of a NOTIFYINFO that has been checked for NULL.
class notification {
public:
    explicit notification(gsl::not_null<const platform::notify_info*> info) noexcept : info_(info.get()) {}

    [[nodiscard]] mprnotify::phase phase() const noexcept { return to_phase(info_->dwNotifyStatus); }
    [[nodiscard]] std::uint32_t raw_phase() const noexcept { return info_->dwNotifyStatus; }
    [[nodiscard]] bool is_pre() const noexcept { return phase() == mprnotify::phase::pre; }
    [[nodiscard]] bool is_post() const noexcept { return phase() == mprnotify::phase::post; }

    /// WN_SUCCESS on pre; on post, what the provider call returned.
    [[nodiscard]] wn_status operation_status() const noexcept
    {
        return static_cast<wn_status>(info_->dwOperationStatus);
    }

    /// The context value as MPR holds it: NULL on pre, the notifyee's own value on post.
    [[nodiscard]] const void* context() const noexcept { return info_->lpContext; }

private:
    const platform::notify_info* info_; // never NULL: the constructor takes a not_null
};

} // namespace mprnotify
