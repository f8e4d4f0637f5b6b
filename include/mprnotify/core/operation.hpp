// mprnotify/core/operation.hpp - which operation a call is about, and which half of it.
#pragma once

#include <cstdint>
#include <string_view>

#include "platform.hpp"

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

/// The operation an MPR call is about: the two notifications, then the provider functions.
enum class operation : std::uint8_t {
    add_connection,             // AddConnectNotify
    cancel_connection,          // CancelConnectNotify
    connect,                    // NPAddConnection, NPAddConnection3
    disconnect,                 // NPCancelConnection
    get_connection,             // NPGetConnection
    get_universal_name,         // NPGetUniversalName
    get_user,                   // NPGetUser
    open_enum,                  // NPOpenEnum
    enum_resource,              // NPEnumResource
    close_enum,                 // NPCloseEnum
    get_resource_information,   // NPGetResourceInformation
    get_resource_parent,        // NPGetResourceParent
    format_network_name,        // NPFormatNetworkName
    logon_notify,               // NPLogonNotify (credential manager)
    password_change_notify,     // NPPasswordChangeNotify (credential manager)
    get_connection_state,       // NPGetConnection3
    get_connection_performance, // NPGetConnectionPerformance
};

/// "pre", "post" or "unknown".
[[nodiscard]] constexpr std::string_view name(phase value) noexcept
{
    switch (value) {
    case phase::pre: return "pre";
    case phase::post: return "post";
    case phase::unknown: break;
    }
    return "unknown";
}

/// "add", "cancel", or the provider operation's name ("connect", "get-user", ...).
[[nodiscard]] constexpr std::string_view name(operation value) noexcept
{
    switch (value) {
    case operation::add_connection: return "add";
    case operation::cancel_connection: return "cancel";
    case operation::connect: return "connect";
    case operation::disconnect: return "disconnect";
    case operation::get_connection: return "get-connection";
    case operation::get_universal_name: return "get-universal-name";
    case operation::get_user: return "get-user";
    case operation::open_enum: return "open-enum";
    case operation::enum_resource: return "enum-resource";
    case operation::close_enum: return "close-enum";
    case operation::get_resource_information: return "get-resource-information";
    case operation::get_resource_parent: return "get-resource-parent";
    case operation::format_network_name: return "format-network-name";
    case operation::logon_notify: return "logon-notify";
    case operation::password_change_notify: return "password-change-notify";
    case operation::get_connection_state: return "get-connection-state";
    case operation::get_connection_performance: return "get-connection-performance";
    }
    return "unknown";
}

} // namespace mprnotify
