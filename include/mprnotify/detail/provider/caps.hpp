// mprnotify/detail/provider/caps.hpp - the table of NP functions, and NPGetCaps computed from it.
//
// One row per exportable NP function: its plain name, its x86 argument bytes, the NPGetCaps index
// and bit that announce it, and the hook that makes a handler have it. The export macro
// (provider_export.hpp) exports a function exactly when its row says the handler has it, and
// NPGetCaps answers exactly the bits of those rows: a caps mask that disagrees with the exports
// cannot be written. A function without a bit (NPGetUniversalName: MPR finds it by name) has
// caps_index 0.
// Adding an NP function: a hook in provider_hooks.hpp, a row here (added to np_functions), an
// entry point in provider_entry_points.hpp, one line in MPRNOTIFY_PROVIDER_EXPORT.
#pragma once

#include <cstdint>

#include "../../core/platform.hpp"
#include "../../core/platform_provider.hpp"
#include "hooks.hpp"

namespace mprnotify::detail {

/// A row of the table. `Present` is the hook description whose present<H> decides the export.
template <class Present, platform::dword CapsIndex, platform::dword CapsBit>
struct np_function {
    template <class H>
    static constexpr bool exported = Present::template present<H>;
    static constexpr platform::dword caps_index = CapsIndex;
    static constexpr platform::dword caps_bit = CapsBit;
    /// The bits this row adds to NPGetCaps(caps_index) for H.
    template <class H>
    static constexpr platform::dword bits = exported<H> ? CapsBit : 0U;
};

namespace wnnc = platform::wnnc;

// clang-format off
struct np_add_connection : np_function<connect_hook, wnnc::connection, wnnc::con_add_connection> {
    static constexpr const char* name = platform::np_name::add_connection;
    using signature = platform::np_signature::NPAddConnection;
};
struct np_add_connection3 : np_function<connect_hook, wnnc::connection, wnnc::con_add_connection3> {
    static constexpr const char* name = platform::np_name::add_connection3;
    using signature = platform::np_signature::NPAddConnection3;
};
struct np_cancel_connection : np_function<disconnect_hook, wnnc::connection, wnnc::con_cancel_connection> {
    static constexpr const char* name = platform::np_name::cancel_connection;
    using signature = platform::np_signature::NPCancelConnection;
};
struct np_get_connection : np_function<connection_of_hook, wnnc::connection, wnnc::con_get_connections> {
    static constexpr const char* name = platform::np_name::get_connection;
    using signature = platform::np_signature::NPGetConnection;
};
struct np_get_universal_name : np_function<universal_name_of_hook, 0, 0> {
    static constexpr const char* name = platform::np_name::get_universal_name;
    using signature = platform::np_signature::NPGetUniversalName;
};
struct np_get_user : np_function<user_of_hook, wnnc::user, wnnc::usr_get_user> {
    static constexpr const char* name = platform::np_name::get_user;
    using signature = platform::np_signature::NPGetUser;
};
/// NPOpenEnum announces the scopes the handler enumerates (WNNC_ENUMERATION's bits, one per scope).
struct np_open_enum : np_function<enumerate_hook, wnnc::enumeration, 0> {
    static constexpr const char* name = platform::np_name::open_enum;
    using signature = platform::np_signature::NPOpenEnum;
    template <class H>
    static constexpr platform::dword bits = static_cast<platform::dword>(enumerated_scopes<H>());
};
// NPEnumResource and NPCloseEnum come with NPOpenEnum; MPR asks for no bit of their own.
struct np_enum_resource : np_function<enumerate_hook, 0, 0> {
    static constexpr const char* name = platform::np_name::enum_resource;
    using signature = platform::np_signature::NPEnumResource;
};
struct np_close_enum : np_function<enumerate_hook, 0, 0> {
    static constexpr const char* name = platform::np_name::close_enum;
    using signature = platform::np_signature::NPCloseEnum;
};
struct np_get_resource_information
    : np_function<resource_information_hook, wnnc::dialog, wnnc::dlg_get_resource_information> {
    static constexpr const char* name = platform::np_name::get_resource_information;
    using signature = platform::np_signature::NPGetResourceInformation;
};
struct np_get_resource_parent : np_function<resource_parent_hook, wnnc::dialog, wnnc::dlg_get_resource_parent> {
    static constexpr const char* name = platform::np_name::get_resource_parent;
    using signature = platform::np_signature::NPGetResourceParent;
};
struct np_format_network_name
    : np_function<format_network_name_hook, wnnc::dialog, wnnc::dlg_format_network_name> {
    static constexpr const char* name = platform::np_name::format_network_name;
    using signature = platform::np_signature::NPFormatNetworkName;
};
// NPGetConnection3 has no bit of its own: MPR finds it by name, as NPGetUniversalName.
struct np_get_connection3 : np_function<connection_state_of_hook, 0, 0> {
    static constexpr const char* name = platform::np_name::get_connection3;
    using signature = platform::np_signature::NPGetConnection3;
};
struct np_get_connection_performance
    : np_function<connection_performance_of_hook, wnnc::connection, wnnc::con_get_performance> {
    static constexpr const char* name = platform::np_name::get_connection_performance;
    using signature = platform::np_signature::NPGetConnectionPerformance;
};
// The credential-manager pair is found by name too: MPR calls it for a provider registered in the
// credential class (NPGetCaps has no bit for it; WNNC_START is already answered).
struct np_logon_notify : np_function<on_logon_hook, 0, 0> {
    static constexpr const char* name = platform::np_name::logon_notify;
    using signature = platform::np_signature::NPLogonNotify;
};
struct np_password_change_notify : np_function<on_password_change_hook, 0, 0> {
    static constexpr const char* name = platform::np_name::password_change_notify;
    using signature = platform::np_signature::NPPasswordChangeNotify;
};
// clang-format on

/// The rows, and what follows from them for a handler.
template <class... Rows>
struct np_table {
    /// The bits of NPGetCaps(index) for H: the OR of the bits of every row H has.
    template <class H>
    static constexpr platform::dword caps(platform::dword index) noexcept
    {
        return ((Rows::caps_index == index ? Rows::template bits<H> : 0U) | ... | 0U);
    }
    /// How many NP functions H exports besides NPGetCaps.
    template <class H>
    static constexpr std::size_t exported_count = ((Rows::template exported<H> ? 1U : 0U) + ... + 0U);
};

using np_functions =
    np_table<np_add_connection, np_add_connection3, np_cancel_connection, np_get_connection, np_get_universal_name,
             np_get_user, np_open_enum, np_enum_resource, np_close_enum, np_get_resource_information,
             np_get_resource_parent, np_format_network_name, np_get_connection3, np_get_connection_performance,
             np_logon_notify, np_password_change_notify>;

/// NPGetCaps(Index) for H, as a constant.
template <class H, platform::dword Index>
inline constexpr platform::dword caps_v = np_functions::caps<H>(Index);

/// WNNC_START's answer: 1 (started). A provider built on this library has no service to wait for.
inline constexpr platform::dword started = 1;

/// NPGetCaps for H: constants for the fixed indexes, computed masks for the sets, 0 for anything else.
template <class H>
[[nodiscard]] constexpr platform::dword get_caps(platform::dword index) noexcept
{
    switch (index) {
    case wnnc::spec_version: return wnnc::spec_version_51;
    case wnnc::net_type: return static_cast<platform::dword>(H::net_type);
    case wnnc::driver_version:
        if constexpr (has_driver_version<H>) {
            return static_cast<platform::dword>(H::driver_version);
        } else {
            return 0;
        }
    case wnnc::start: return started;
    case wnnc::user: return caps_v<H, wnnc::user>;
    case wnnc::connection: return caps_v<H, wnnc::connection>;
    case wnnc::dialog: return caps_v<H, wnnc::dialog>;
    case wnnc::admin: return caps_v<H, wnnc::admin>;
    case wnnc::enumeration: return caps_v<H, wnnc::enumeration>;
    default: return 0;
    }
}

} // namespace mprnotify::detail
