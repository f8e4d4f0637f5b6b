// mprnotify/add_connection.hpp - a view of NOTIFYADD: what is being connected, and how.
//
// Only lpRemoteName, lpLocalName and dwType of the NETRESOURCE are defined for notifications;
// the other fields are not exposed. Views are valid only during the call MPR made.
#pragma once

#include <cstdint>

#include "nullable_wstring.hpp"
#include "platform.hpp"

namespace mprnotify {

/// NETRESOURCE::dwType. Open: other values are passed through unchanged.
enum class resource_type : std::uint32_t {
    any = 0,   // RESOURCETYPE_ANY
    disk = 1,  // RESOURCETYPE_DISK
    print = 2, // RESOURCETYPE_PRINT
};

/// One CONNECT_* bit of NOTIFYADD::dwAddFlags (winnetwk.h values).
enum class connect_flag : std::uint32_t {
    update_profile = 0x1, // remembered: restored at logon
    update_recent = 0x2,
    temporary = 0x4,
    interactive = 0x8, // the user may be asked for credentials
    prompt = 0x10,     // only with interactive
    redirect = 0x80,
    command_line = 0x800,
    cmd_save_credentials = 0x1000,
};

/// NOTIFYADD::dwAddFlags as an open bit set: unknown bits are kept, never rejected.
class add_flags {
public:
    constexpr add_flags() noexcept = default;
    constexpr explicit add_flags(std::uint32_t bits) noexcept : bits_(bits) {}

    [[nodiscard]] constexpr std::uint32_t bits() const noexcept { return bits_; }
    [[nodiscard]] constexpr bool has(connect_flag flag) const noexcept
    {
        return (bits_ & static_cast<std::uint32_t>(flag)) != 0;
    }
    [[nodiscard]] constexpr bool update_profile() const noexcept { return has(connect_flag::update_profile); }
    [[nodiscard]] constexpr bool update_recent() const noexcept { return has(connect_flag::update_recent); }
    [[nodiscard]] constexpr bool temporary() const noexcept { return has(connect_flag::temporary); }
    [[nodiscard]] constexpr bool interactive() const noexcept { return has(connect_flag::interactive); }
    [[nodiscard]] constexpr bool prompt() const noexcept { return has(connect_flag::prompt); }

    /// Bits this library has no name for.
    [[nodiscard]] constexpr std::uint32_t unknown_bits() const noexcept { return bits_ & ~known_bits; }

    friend constexpr bool operator==(add_flags, add_flags) noexcept = default;

private:
    static constexpr std::uint32_t known_bits = 0x1U | 0x2U | 0x4U | 0x8U | 0x10U | 0x80U | 0x800U | 0x1000U;
    std::uint32_t bits_ = 0;
};

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
