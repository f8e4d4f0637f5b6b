// mprnotify/notifyee/cancel_connection.hpp - a view of NOTIFYCANCEL: what is being disconnected, and how.
//
// lpProvider is undefined on pre and is set on post only when the cancel succeeded, so the view
// only reads it then. Views are valid only during the call MPR made.
#pragma once

#include <cstdint>

#include "../core/operation.hpp"
#include "../core/nullable_wstring.hpp"
#include "../core/platform.hpp"
#include "../core/status.hpp"

namespace mprnotify {

/// Read-only view of a NOTIFYCANCEL that has been checked for NULL.
class cancel_connection {
public:
    /// Views `cancel`, which the boundary has checked is not NULL; a temporary cannot be viewed.
    cancel_connection(const platform::notify_cancel_w& cancel, mprnotify::phase phase,
                      wn_status operation_status) noexcept
        : cancel_(&cancel), phase_(phase), operation_status_(operation_status)
    {
    }
    cancel_connection(const platform::notify_cancel_w&&, mprnotify::phase, wn_status) = delete;

    /// The local device or the remote name being cancelled: whatever the caller passed.
    [[nodiscard]] nullable_wstring name() const noexcept { return nullable_wstring{cancel_->lpName}; }

    /// The provider that cancelled the connection: only on post of a successful cancel;
    /// absent otherwise (the field is undefined then and is not read).
    [[nodiscard]] nullable_wstring provider() const noexcept
    {
        if (phase_ != mprnotify::phase::post || operation_status_ != wn_status::success) {
            return nullable_wstring{};
        }
        return nullable_wstring{cancel_->lpProvider};
    }

    /// CONNECT_UPDATE_PROFILE: the disconnection is persistent (no restore at logon).
    [[nodiscard]] bool update_profile() const noexcept { return (cancel_->dwFlags & 0x1U) != 0; }
    /// fForce: cancel even with open files or jobs.
    [[nodiscard]] bool force() const noexcept { return cancel_->fForce != 0; }
    [[nodiscard]] std::uint32_t flag_bits() const noexcept { return cancel_->dwFlags; }

private:
    const platform::notify_cancel_w* cancel_; // never NULL: the constructor takes a reference
    mprnotify::phase phase_;
    wn_status operation_status_;
};

} // namespace mprnotify
