// mprnotify/provider/entry_points.hpp - the boundary of a network provider: the only code that
// touches the raw pointers MPR passes to the NP functions.
//
// provider_entry_points<Handler, Policy> turns a plain handler class into the NP functions, with
// the exact npapi.h signatures. Data flows one way:
//     MPR -> checks -> view -> hook -> answer -> buffer writer -> MPR
// Rules it enforces (docs/provider.md):
//   - NPGetCaps is computed from the hooks at compile time; it runs no user code.
//   - Everything MPR passes is checked before it is read: a NULL NETRESOURCE, name, path or size
//     pointer, or a NULL buffer with a non-zero size, is WN_BAD_POINTER; a NULL remote name is
//     WN_BAD_NETNAME; an unknown info level is WN_BAD_LEVEL. The hook is not called then.
//   - The library writes lookups into MPR's buffer (detail/buffer_writer.hpp): the right unit,
//     WN_MORE_DATA with the needed size, never a byte past the buffer.
//   - No exception escapes (one translator, via call_report); a failure never answers WN_SUCCESS
//     (detail/provider_policy.hpp); the thread's last-error value is left as it was.
//   - The handler is the same instance the notification exports use (handler_instance<Handler>).
#pragma once

#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

#include "../core/config.hpp"
#include "connect_request.hpp"
#include "../detail/provider/browse_entry_points.hpp"
#include "../detail/provider/buffer_writer.hpp"
#include "../detail/core/call_report.hpp"
#include "../detail/provider/connection_info_entry_points.hpp"
#include "../detail/provider/credential_entry_points.hpp"
#include "../detail/core/handler_instance.hpp"
#include "../detail/provider/caps.hpp"
#include "../detail/provider/hooks.hpp"
#include "../detail/provider/policy.hpp"
#include "../core/failure.hpp"
#include "lookup.hpp"
#include "../core/nullable_wstring.hpp"
#include "../core/operation.hpp"
#include "../core/platform.hpp"
#include "../core/platform_provider.hpp"
#include "../core/policy.hpp"
#include "../core/status.hpp"
#include "../core/wzstring_view.hpp"

namespace mprnotify {

/// The connection functions are here; the browsing ones (enumeration, resource information,
/// NPFormatNetworkName) come from detail::browse_entry_points, NPGetConnection3 and
/// NPGetConnectionPerformance from detail::connection_info_entry_points, the credential-manager
/// pair from detail::credential_entry_points.
template <class Handler, policy Policy = fail_open>
class provider_entry_points : public detail::browse_entry_points<Handler, Policy>,
                              public detail::connection_info_entry_points<Handler, Policy>,
                              public detail::credential_entry_points<Handler, Policy> {
    static_assert(detail::validate_provider<Handler>());

    using instance = detail::handler_instance<Handler>;
    using report = detail::call_report<Handler, detail::provider_policy<Policy>>;
    template <class Signature, std::size_t I>
    using param = typename platform::parameters<Signature>::template at<I>;
    struct sig {
        using caps = platform::np_signature::NPGetCaps;
        using add = platform::np_signature::NPAddConnection;
        using add3 = platform::np_signature::NPAddConnection3;
        using cancel = platform::np_signature::NPCancelConnection;
        using get_connection = platform::np_signature::NPGetConnection;
        using universal = platform::np_signature::NPGetUniversalName;
        using user = platform::np_signature::NPGetUser;
    };

public:
    using handler_type = Handler;
    using policy_type = Policy;

    /// True when Handler has what NP function `Row` (a detail::np_* row) needs: it is exported.
    template <class Row>
    static constexpr bool exports = Row::template exported<Handler>;

    /// NPGetCaps.
    static platform::dword MPRNOTIFY_APIENTRY get_caps(param<typename sig::caps, 0> index) noexcept
    {
        return detail::get_caps<Handler>(index);
    }

    /// NPAddConnection: the connect hook, without owner window or flags.
    static platform::dword MPRNOTIFY_APIENTRY add_connection(param<typename sig::add, 0> resource,
                                                             param<typename sig::add, 1> password,
                                                             param<typename sig::add, 2> user_name) noexcept
    {
        [[maybe_unused]] const platform::last_error_guard keep_last_error;
        return to_dword(
            connect(wide(resource), wide(password), wide(user_name), nullptr, 0, connect_entry::add_connection));
    }

    /// NPAddConnection3: the connect hook.
    static platform::dword MPRNOTIFY_APIENTRY add_connection3(param<typename sig::add3, 0> owner,
                                                              param<typename sig::add3, 1> resource,
                                                              param<typename sig::add3, 2> password,
                                                              param<typename sig::add3, 3> user_name,
                                                              param<typename sig::add3, 4> flags) noexcept
    {
        [[maybe_unused]] const platform::last_error_guard keep_last_error;
        return to_dword(connect(wide(resource), wide(password), wide(user_name), owner,
                                static_cast<std::uint32_t>(flags), connect_entry::add_connection3));
    }

    /// NPCancelConnection: the disconnect hook.
    static platform::dword MPRNOTIFY_APIENTRY cancel_connection(param<typename sig::cancel, 0> name,
                                                                param<typename sig::cancel, 1> force) noexcept
    {
        [[maybe_unused]] const platform::last_error_guard keep_last_error;
        if constexpr (!detail::disconnect_hook::present<Handler>) {
            return to_dword(wn_status::not_supported);
        } else {
            if (name == nullptr) {
                return to_dword(wn_status::bad_pointer);
            }
            const disconnect_request request{wide(name), force != 0};
            return to_dword(run<operation::disconnect>(
                [&](Handler& handler) { return detail::disconnect_hook::call(handler, request); }));
        }
    }

    /// NPGetConnection: the connection_of lookup; *size counts characters.
    static platform::dword MPRNOTIFY_APIENTRY get_connection(param<typename sig::get_connection, 0> local_name,
                                                             param<typename sig::get_connection, 1> remote_name,
                                                             param<typename sig::get_connection, 2> size) noexcept
    {
        [[maybe_unused]] const platform::last_error_guard keep_last_error;
        if constexpr (!detail::connection_of_hook::present<Handler>) {
            return to_dword(wn_status::not_supported);
        } else {
            if (local_name == nullptr) {
                return to_dword(wn_status::bad_pointer);
            }
            if (const auto bad = detail::check_output(remote_name, size)) {
                return to_dword(*bad);
            }
            const wzstring_view local{wide(local_name)}; // not measured: the hook compares it
            return to_dword(look_up<operation::get_connection>(
                [&](Handler& handler) { return detail::connection_of_hook::call(handler, local); },
                [&](std::wstring_view value) { return detail::write_characters(value, wide(remote_name), size); }));
        }
    }

    /// NPGetUniversalName: the universal_name_of lookup; *size counts bytes.
    static platform::dword MPRNOTIFY_APIENTRY get_universal_name(param<typename sig::universal, 0> local_path,
                                                                 param<typename sig::universal, 1> level,
                                                                 param<typename sig::universal, 2> buffer,
                                                                 param<typename sig::universal, 3> size) noexcept
    {
        [[maybe_unused]] const platform::last_error_guard keep_last_error;
        if constexpr (!detail::universal_name_of_hook::present<Handler>) {
            return to_dword(wn_status::not_supported);
        } else {
            if (local_path == nullptr || size == nullptr) {
                return to_dword(wn_status::bad_pointer);
            }
            if (!detail::known_universal_name_level(level)) {
                return to_dword(wn_status::bad_level);
            }
            if (const auto bad = detail::check_output(buffer, size)) {
                return to_dword(*bad);
            }
            const std::wstring_view path{wide(local_path)};
            return to_dword(look_up<operation::get_universal_name>(
                [&](Handler& handler) { return detail::universal_name_of_hook::call(handler, path); },
                [&](const auto& name) {
                    return detail::write_universal_name(level, name.connection, name.remaining_path, buffer, size);
                }));
        }
    }

    /// NPGetUser: the user_of lookup; *size counts characters. lpName may be NULL or empty.
    static platform::dword MPRNOTIFY_APIENTRY get_user(param<typename sig::user, 0> name,
                                                       param<typename sig::user, 1> user_name,
                                                       param<typename sig::user, 2> size) noexcept
    {
        [[maybe_unused]] const platform::last_error_guard keep_last_error;
        if constexpr (!detail::user_of_hook::present<Handler>) {
            return to_dword(wn_status::not_supported);
        } else {
            if (const auto bad = detail::check_output(user_name, size)) {
                return to_dword(*bad);
            }
            const nullable_wstring asked{wide(name)};
            return to_dword(look_up<operation::get_user>(
                [&](Handler& handler) { return detail::user_of_hook::call(handler, asked); },
                [&](std::wstring_view value) { return detail::write_characters(value, wide(user_name), size); }));
        }
    }

private:
    // to_dword(), wide(), failed() and the lookup runner are detail::provider_boundary's (through
    // the browsing base: each base has the same one).
    using browse = detail::browse_entry_points<Handler, Policy>;
    using browse::to_dword;
    using browse::wide;

    template <operation Op>
    static wn_status failed(const report& r) noexcept
    {
        return browse::template failed<Op>(r);
    }

    /// Runs a hook that answers a wn_status.
    template <operation Op, class Hook>
    static wn_status run(Hook&& hook) noexcept
    {
        report r{Op, phase::unknown};
        Handler* handler = r.handler();
        if (handler == nullptr) {
            return failed<Op>(r);
        }
        wn_status answer = detail::declined(Op);
        if (!r.attempt(failure_site::provider_hook, [&] { answer = hook(*handler); })) {
            return failed<Op>(r);
        }
        return answer;
    }

    template <class ResourcePointer>
    static wn_status connect(ResourcePointer resource, const wchar_t* password, const wchar_t* user_name,
                             platform::window_handle owner, std::uint32_t flags, connect_entry entry) noexcept
    {
        if constexpr (!detail::connect_hook::present<Handler>) {
            return wn_status::not_supported;
        } else {
            if (resource == nullptr) {
                return wn_status::bad_pointer;
            }
            if (resource->lpRemoteName == nullptr) {
                return wn_status::bad_netname;
            }
            const connect_request request{*resource, password, user_name, owner, flags, entry};
            return run<operation::connect>(
                [&](Handler& handler) { return detail::connect_hook::call(handler, request); });
        }
    }

    /// Runs a lookup hook and writes its value with `write`; "not mine" is WN_NOT_CONNECTED here.
    template <operation Op, class Hook, class Write>
    static wn_status look_up(Hook&& hook, Write&& write) noexcept
    {
        return browse::template answer_lookup<Op>(wn_status::not_connected, std::forward<Hook>(hook),
                                                  std::forward<Write>(write));
    }
};

} // namespace mprnotify
