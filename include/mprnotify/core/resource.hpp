// mprnotify/core/resource.hpp - the resource type and CONNECT_* flags, shared by both parts: a
// notifyee reads them in NOTIFYADD, a provider in NPAddConnection3 and the NETRESOURCEs it packs.
#pragma once

#include <cstdint>

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

} // namespace mprnotify
