// mprnotify/provider/connect_request.hpp - what NPAddConnection / NPAddConnection3 and NPCancelConnection
// ask a provider, as zero-copy views.
//
// Only lpRemoteName, lpLocalName and dwType of the NETRESOURCE are defined for a connection
// (NPAddConnection3's page: "The others are ignored"), so only they are exposed. The credentials
// are secrets (secret.hpp). hwndOwner is meaningful only with CONNECT_INTERACTIVE, so the view
// hands it out only then. The names MPR must pass arrive as wzstring_view (wzstring_view.hpp):
// compared without being measured. Views are valid only during the call MPR made.
#pragma once

#include <cstdint>
#include <optional>

#include "../core/resource.hpp"
#include "../core/nullable_wstring.hpp"
#include "../core/platform.hpp"
#include "../core/platform_provider.hpp"
#include "../core/secret.hpp"
#include "../core/wzstring_view.hpp"

namespace mprnotify {

/// Which NP function a connect hook is serving.
enum class connect_entry : std::uint8_t {
    add_connection,  // NPAddConnection: no owner window, no flags
    add_connection3, // NPAddConnection3
};

/// A connection MPR asks this provider to make. The remote name is never NULL: the boundary
/// answers WN_BAD_NETNAME for a NULL one without calling the hook.
class connect_request {
public:
    // NOLINTNEXTLINE(bugprone-easily-swappable-parameters): the order the SDK and the docs use
    connect_request(const platform::net_resource_w& resource, const wchar_t* password, const wchar_t* user_name,
                    platform::window_handle owner, std::uint32_t flags, connect_entry entry) noexcept
        : resource_(&resource), remote_name_(resource.lpRemoteName), password_(password), user_name_(user_name),
          owner_(owner), flags_(flags), entry_(entry)
    {
    }
    connect_request(const platform::net_resource_w&&, const wchar_t*, const wchar_t*, platform::window_handle,
                    std::uint32_t, connect_entry) = delete;

    /// The network resource ("\\server\share"): never NULL; `== L"..."` and starts_with() compare
    /// without measuring, view() or a std::wstring_view for the rest.
    [[nodiscard]] wzstring_view remote_name() const noexcept { return remote_name_; }
    /// The device to redirect ("Z:", "LPT1"); NULL or empty for a connection without a device.
    [[nodiscard]] nullable_wstring local_name() const noexcept { return nullable_wstring{resource_->lpLocalName}; }
    [[nodiscard]] bool is_deviceless() const noexcept { return local_name().absent_or_empty(); }
    [[nodiscard]] mprnotify::resource_type resource_type() const noexcept
    {
        return static_cast<mprnotify::resource_type>(resource_->dwType);
    }
    /// dwFlags as an open bit set: unknown bits are kept and must be ignored (the page says so).
    [[nodiscard]] add_flags flags() const noexcept { return add_flags{flags_}; }
    /// The window that should own an authentication dialog: only with CONNECT_INTERACTIVE.
    [[nodiscard]] std::optional<platform::window_handle> owner_window() const noexcept
    {
        if ((flags_ & platform::connect_interactive) == 0) {
            return std::nullopt;
        }
        return owner_;
    }
    /// NULL: the default password; L"": no password.
    [[nodiscard]] secret password() const noexcept { return password_; }
    /// NULL: the logged-on user's name.
    [[nodiscard]] secret user_name() const noexcept { return user_name_; }
    [[nodiscard]] connect_entry entry() const noexcept { return entry_; }

private:
    const platform::net_resource_w* resource_; // never NULL: the constructor takes a reference
    wzstring_view remote_name_;
    secret password_;
    secret user_name_;
    platform::window_handle owner_;
    std::uint32_t flags_;
    connect_entry entry_;
};

/// A connection MPR asks this provider to cancel (NPCancelConnection). The name is never NULL.
class disconnect_request {
public:
    disconnect_request(const wchar_t* name, bool force) noexcept : name_(name), force_(force) {}

    /// The redirected device ("Z:") or the remote name of a connection without a device: never
    /// NULL; compares without measuring.
    [[nodiscard]] wzstring_view name() const noexcept { return name_; }
    /// fForce: disconnect even with open files or jobs; else answer WN_OPEN_FILES if there are any.
    [[nodiscard]] bool force() const noexcept { return force_; }

private:
    wzstring_view name_;
    bool force_;
};

} // namespace mprnotify
