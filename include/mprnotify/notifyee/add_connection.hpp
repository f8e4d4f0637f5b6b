// mprnotify/notifyee/add_connection.hpp - a view of NOTIFYADD: what is being connected, and how.
//
// Only lpRemoteName, lpLocalName and dwType of the NETRESOURCE are defined for notifications;
// the other fields are not exposed. Views are valid only during the call MPR made.
#pragma once

#include <cstdint>

#include "../core/nullable_wstring.hpp"
#include "../core/resource.hpp"
#include "../core/platform.hpp"

namespace mprnotify {

/// Read-only view of a NOTIFYADD that has been checked for NULL.
class add_connection {
public:
    /// Views `add`, which the boundary has checked is not NULL; a temporary cannot be viewed.
    explicit add_connection(const platform::notify_add_w& add) noexcept : add_(&add) {} // never NULL: a reference
    explicit add_connection(const platform::notify_add_w&&) = delete;

    /// Owner window for any UI the notifyee shows; may be NULL.
    [[nodiscard]] platform::window_handle owner_window() const noexcept { return add_->hwndOwner; }
    [[nodiscard]] mprnotify::resource_type resource_type() const noexcept
    {
        return static_cast<mprnotify::resource_type>(add_->NetResource.dwType);
    }
    /// The device ("Z:", "LPT1"); NULL or empty for a deviceless connection.
    [[nodiscard]] nullable_wstring local_name() const noexcept
    {
        return nullable_wstring{add_->NetResource.lpLocalName};
    }
    /// The network resource ("\\server\share").
    [[nodiscard]] nullable_wstring remote_name() const noexcept
    {
        return nullable_wstring{add_->NetResource.lpRemoteName};
    }
    [[nodiscard]] bool is_deviceless() const noexcept { return local_name().absent_or_empty(); }
    [[nodiscard]] add_flags flags() const noexcept { return add_flags{add_->dwAddFlags}; }

private:
    // A plain pointer keeps the view trivially copyable (Clang does not find gsl::not_null so); it is
    // never NULL: the constructor takes a reference.
    const platform::notify_add_w* add_;
};

} // namespace mprnotify
