// mprnotify/provider/connection_info.hpp - what NPGetConnection3 and NPGetConnectionPerformance answer.
//
// A provider's connection_state_of hook answers whether a redirected device is connected or
// disconnected (NPGetConnection3, level 1: a DWORD WNGETCON_CONNECTED / WNGETCON_DISCONNECTED in
// MPR's buffer); its connection_performance_of hook answers the expected performance of a
// connection (NPGetConnectionPerformance: the NETCONNECTINFOSTRUCT fields after cbStructure). The
// library writes either into MPR's memory; the hooks return values.
#pragma once

#include <cstdint>

namespace mprnotify {

/// NPGetConnection3's level-1 answer (npapi.h WNGETCON_*).
enum class connection_state : std::uint32_t {
    connected = 0,    // WNGETCON_CONNECTED
    disconnected = 1, // WNGETCON_DISCONNECTED: Windows remembers it, the link is not up
};

/// NETCONNECTINFOSTRUCT's dwFlags bits (winnetwk.h WNCON_*).
enum class performance_flags : std::uint32_t {
    none = 0,
    for_net_card = 0x1, // the figures are the network card's, not the resource's
    not_routed = 0x2,   // the resource is not reached through a router
    slow_link = 0x4,    // a slow link
    dynamic = 0x8,      // the figures may change
};
[[nodiscard]] constexpr performance_flags operator|(performance_flags a, performance_flags b) noexcept
{
    return static_cast<performance_flags>(static_cast<std::uint32_t>(a) | static_cast<std::uint32_t>(b));
}

/// NPGetConnectionPerformance's answer: NETCONNECTINFOSTRUCT without cbStructure. MPR zeroes the
/// structure before it asks, so 0 means "not known"; a rate of 1 means "better than the unit can say".
struct connection_performance {
    performance_flags flags = performance_flags::none;
    std::uint32_t speed = 0;              // dwSpeed: 100 bits per second
    std::uint32_t delay = 0;              // dwDelay: milliseconds one way
    std::uint32_t optional_data_size = 0; // dwOptDataSize: bytes worth sending in one go
};

} // namespace mprnotify
