// mprnotify/detail/provider/connection_entry_points.hpp - the bodies of the connection functions:
// NPAddConnection, NPAddConnection3, NPCancelConnection, NPGetConnection, NPGetUniversalName and
// NPGetUser. Each checks what MPR passed, calls the hook through the report and answers a
// wn_status; provider_entry_points wraps it in the export signature.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>

#include "../../core/failure.hpp"
#include "../../core/nullable_wstring.hpp"
#include "../../core/operation.hpp"
#include "../../core/platform.hpp"
#include "../../core/platform_provider.hpp"
#include "../../core/status.hpp"
#include "../../core/wzstring_view.hpp"
#include "../../provider/connect_request.hpp"
#include "../../provider/lookup.hpp"
#include "boundary.hpp"
#include "caps.hpp"
#include "buffer_writer.hpp"
#include "hooks.hpp"
#include "policy.hpp"

namespace mprnotify::detail {

template <class Handler, class Policy>
class connection_entry_points {
    using report = provider_report<Handler, Policy>;

public:
    /// NPAddConnection: the connect hook, without owner window or flags.
    static wn_status add_connection(param_of<np_add_connection, 0> resource, param_of<np_add_connection, 1> password,
                                    param_of<np_add_connection, 2> user_name) noexcept
    {
        return connect(wide(resource), wide(password), wide(user_name), nullptr, 0, connect_entry::add_connection);
    }

    /// NPAddConnection3: the connect hook.
    static wn_status add_connection3(param_of<np_add_connection3, 0> owner, param_of<np_add_connection3, 1> resource,
                                     param_of<np_add_connection3, 2> password,
                                     param_of<np_add_connection3, 3> user_name,
                                     param_of<np_add_connection3, 4> flags) noexcept
    {
        return connect(wide(resource), wide(password), wide(user_name), owner, static_cast<std::uint32_t>(flags),
                       connect_entry::add_connection3);
    }

    /// NPCancelConnection: the disconnect hook.
    static wn_status cancel_connection(param_of<np_cancel_connection, 0> name,
                                       param_of<np_cancel_connection, 1> force) noexcept
    {
        if constexpr (!disconnect_hook::present<Handler>) {
            return wn_status::not_supported;
        } else {
            if (name == nullptr) {
                return wn_status::bad_pointer;
            }
            const disconnect_request request{wide(name), force != 0};
            return run<operation::disconnect>(
                [&](Handler& handler) { return disconnect_hook::call(handler, request); });
        }
    }

    /// NPGetConnection: the connection_of lookup; *size counts characters.
    static wn_status get_connection(param_of<np_get_connection, 0> local_name,
                                    param_of<np_get_connection, 1> remote_name,
                                    param_of<np_get_connection, 2> size) noexcept
    {
        if constexpr (!connection_of_hook::present<Handler>) {
            return wn_status::not_supported;
        } else {
            if (local_name == nullptr || !usable_output(remote_name, size)) {
                return wn_status::bad_pointer;
            }
            const wzstring_view local{wide(local_name)}; // not measured: the hook compares it
            if constexpr (connection_of_hook::in_place<Handler>) {
                name_answer answer = answer_access::make_name(wide(remote_name), size);
                return in_place<operation::get_connection>(answer, [&](Handler& handler, name_answer& out) {
                    return connection_of_hook::call_in_place(handler, local, out);
                });
            } else {
                return look_up<operation::get_connection>(
                    [&](Handler& handler) { return connection_of_hook::call(handler, local); },
                    [&](std::wstring_view value) { return write_characters(value, wide(remote_name), size); });
            }
        }
    }

    /// NPGetUniversalName: the universal_name_of lookup; *size counts bytes.
    static wn_status get_universal_name(param_of<np_get_universal_name, 0> local_path,
                                        param_of<np_get_universal_name, 1> level,
                                        param_of<np_get_universal_name, 2> buffer,
                                        param_of<np_get_universal_name, 3> size) noexcept
    {
        if constexpr (!universal_name_of_hook::present<Handler>) {
            return wn_status::not_supported;
        } else {
            if (local_path == nullptr || size == nullptr) {
                return wn_status::bad_pointer;
            }
            if (!known_universal_name_level(level)) {
                return wn_status::bad_level;
            }
            if (!usable_output(buffer, size)) {
                return wn_status::bad_pointer;
            }
            const std::wstring_view path{wide(local_path)};
            if constexpr (universal_name_of_hook::in_place<Handler>) {
                universal_name_answer answer = answer_access::make_universal_name(level, buffer, size);
                return in_place<operation::get_universal_name>(
                    answer, [&](Handler& handler, universal_name_answer& out) {
                        return universal_name_of_hook::call_in_place(handler, path, out);
                    });
            } else {
                return look_up<operation::get_universal_name>(
                    [&](Handler& handler) { return universal_name_of_hook::call(handler, path); },
                    [&](const auto& name) {
                        return write_universal_name(level, name.connection, name.remaining_path, buffer, size);
                    });
            }
        }
    }

    /// NPGetUser: the user_of lookup; *size counts characters. lpName may be NULL or empty.
    static wn_status get_user(param_of<np_get_user, 0> name, param_of<np_get_user, 1> user_name,
                              param_of<np_get_user, 2> size) noexcept
    {
        if constexpr (!user_of_hook::present<Handler>) {
            return wn_status::not_supported;
        } else {
            if (!usable_output(user_name, size)) {
                return wn_status::bad_pointer;
            }
            const nullable_wstring asked{wide(name)};
            if constexpr (user_of_hook::in_place<Handler>) {
                name_answer answer = answer_access::make_name(wide(user_name), size);
                return in_place<operation::get_user>(answer, [&](Handler& handler, name_answer& out) {
                    return user_of_hook::call_in_place(handler, asked, out);
                });
            } else {
                return look_up<operation::get_user>(
                    [&](Handler& handler) { return user_of_hook::call(handler, asked); },
                    [&](std::wstring_view value) { return write_characters(value, wide(user_name), size); });
            }
        }
    }

private:
    /// check_output() as one condition: a size pointer, and a buffer unless the size is 0 (a size query).
    static bool usable_output(const void* buffer, const platform::dword* size) noexcept
    {
        return size != nullptr && (buffer != nullptr || *size == 0);
    }

    /// Runs a hook that answers a wn_status; an answer the function cannot give is declined.
    template <operation Op, class Hook>
    static wn_status run(Hook&& hook) noexcept
    {
        report r{Op, phase::unknown};
        Handler* handler = r.handler();
        if (handler == nullptr) {
            return failed<Op>(r);
        }
        wn_status answer = declined(Op);
        if (!r.attempt(failure_site::provider_hook, [&] { answer = hook(*handler); })) {
            return failed<Op>(r);
        }
        return hook_answer<Op, Handler>(answer);
    }

    template <class ResourcePointer>
    static wn_status connect(ResourcePointer resource, const wchar_t* password, const wchar_t* user_name,
                             platform::window_handle owner, std::uint32_t flags, connect_entry entry) noexcept
    {
        if constexpr (!connect_hook::present<Handler>) {
            return wn_status::not_supported;
        } else {
            if (resource == nullptr) {
                return wn_status::bad_pointer;
            }
            if (resource->lpRemoteName == nullptr) {
                return wn_status::bad_netname;
            }
            const connect_request request{*resource, password, user_name, owner, flags, entry};
            return run<operation::connect>([&](Handler& handler) { return connect_hook::call(handler, request); });
        }
    }

    /// Runs a lookup hook and writes its value with `write`; "not mine" is WN_NOT_CONNECTED here.
    template <operation Op, class Hook, class Write>
    static wn_status look_up(Hook&& hook, Write&& write) noexcept
    {
        return answer_lookup<Op, report>(wn_status::not_connected, std::forward<Hook>(hook),
                                         std::forward<Write>(write));
    }

    /// Runs an in-place lookup hook over `answer`; "not mine" is WN_NOT_CONNECTED here.
    template <operation Op, class Answer, class Hook>
    static wn_status in_place(Answer& answer, Hook&& hook) noexcept
    {
        return answer_in_place<Op, report>(wn_status::not_connected, answer, std::forward<Hook>(hook));
    }
};

} // namespace mprnotify::detail
