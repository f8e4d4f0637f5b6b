// mprnotify/detail/provider/connection_info_entry_points.hpp - the boundary for NPGetConnection3 and
// NPGetConnectionPerformance.
//
// provider_entry_points<Handler, Policy> inherits these; the rules are the provider boundary's
// (provider/entry_points.hpp), plus:
//   NPGetConnection3      a NULL lpLocalName or lpBufferSize is WN_BAD_POINTER; a dwLevel other than 1
//                         is WN_BAD_LEVEL; a NULL buffer with a non-zero size is WN_BAD_POINTER. Level 1
//                         answers one DWORD (WNGETCON_CONNECTED / WNGETCON_DISCONNECTED). The page
//                         counts *lpBufferSize in characters, yet the answer is a DWORD: the library
//                         needs 4 and reports 4 after WN_MORE_DATA, which holds whether MPR meant
//                         bytes or characters (4 characters are 8 bytes).
//   NPGetConnectionPerformance
//                         a NULL lpRemoteName or lpNetConnectInfo is WN_BAD_POINTER; a cbStructure
//                         smaller than NETCONNECTINFOSTRUCT is WN_BAD_VALUE. The hook's figures are
//                         written to the fields after cbStructure, which is never written.
// Both: the hook is not called after any of those answers; std::nullopt from the hook is
// WN_NOT_CONNECTED ("not mine"); a hook may not answer WN_MORE_DATA.
#pragma once

#include <cstddef>
#include <cstring>
#include <optional>
#include <string_view>
#include <utility>

#include "../../provider/connection_info.hpp"
#include "../../core/failure.hpp"
#include "../../provider/lookup.hpp"
#include "../../core/operation.hpp"
#include "../../core/platform.hpp"
#include "../../core/platform_provider.hpp"
#include "../../core/status.hpp"
#include "../../core/wzstring_view.hpp"
#include "buffer_writer.hpp"
#include "../core/call_report.hpp"
#include "boundary.hpp"
#include "caps.hpp"
#include "hooks.hpp"
#include "policy.hpp"

namespace mprnotify::detail {

template <class Handler, class Policy>
class connection_info_entry_points {
    using report = provider_report<Handler, Policy>;

public:
    /// NPGetConnection3: the connection_state_of lookup, level 1.
    static wn_status get_connection3(param_of<np_get_connection3, 0> local_name, param_of<np_get_connection3, 1> level,
                                     param_of<np_get_connection3, 2> buffer,
                                     param_of<np_get_connection3, 3> size) noexcept
    {
        if constexpr (!connection_state_of_hook::present<Handler>) {
            return wn_status::not_supported;
        } else {
            if (local_name == nullptr || size == nullptr) {
                return wn_status::bad_pointer;
            }
            if (level != platform::get_connection3_level) {
                return wn_status::bad_level;
            }
            if (const auto bad = check_output(buffer, size)) {
                return *bad;
            }
            const wzstring_view local{wide(local_name)}; // not measured: the hook compares it
            return answer<operation::get_connection_state>(
                [&](Handler& handler) { return connection_state_of_hook::call(handler, local); },
                [&](connection_state state) {
                    constexpr platform::dword needed = sizeof(platform::dword);
                    if (*size < needed) {
                        *size = needed;
                        return wn_status::more_data;
                    }
                    const auto value = static_cast<platform::dword>(state);
                    std::memcpy(buffer, &value, sizeof value);
                    return wn_status::success;
                });
        }
    }

    /// NPGetConnectionPerformance: the connection_performance_of lookup.
    static wn_status get_connection_performance(param_of<np_get_connection_performance, 0> name,
                                                param_of<np_get_connection_performance, 1> info) noexcept
    {
        if constexpr (!connection_performance_of_hook::present<Handler>) {
            return wn_status::not_supported;
        } else {
            if (name == nullptr || info == nullptr) {
                return wn_status::bad_pointer;
            }
            platform::dword declared = 0;
            std::memcpy(&declared, info, sizeof declared); // cbStructure is the first field
            if (declared < sizeof(platform::net_connect_info)) {
                return wn_status::bad_value;
            }
            const wzstring_view asked{wide(name)};
            return answer<operation::get_connection_performance>(
                [&](Handler& handler) { return connection_performance_of_hook::call(handler, asked); },
                [&](const connection_performance& figures) {
                    platform::net_connect_info out{};
                    out.cbStructure = declared;
                    out.dwFlags = static_cast<std::uint32_t>(figures.flags);
                    out.dwSpeed = figures.speed;
                    out.dwDelay = figures.delay;
                    out.dwOptDataSize = figures.optional_data_size;
                    std::memcpy(info, &out, sizeof out);
                    return wn_status::success;
                });
        }
    }

private:
    /// A lookup: std::nullopt (or WN_NOT_CONNECTED) is "not mine".
    template <operation Op, class Hook, class Write>
    static wn_status answer(Hook&& hook, Write&& write) noexcept
    {
        return answer_lookup<Op, report>(wn_status::not_connected, std::forward<Hook>(hook),
                                         std::forward<Write>(write));
    }
};

} // namespace mprnotify::detail
