// mprnotify/detail/provider/policy.hpp - the failure policy, read for a provider operation.
//
// The rule of policy.hpp holds (a wn_error is the hook's own answer; every other failure goes to
// the policy), with one difference: a provider operation that failed never answers WN_SUCCESS.
// A notifyee that fails open lets the operation go on; a provider that "fails open" would tell
// MPR the drive is connected when it is not. So a policy answer of WN_SUCCESS (fail_open, the
// default) becomes the code that tells MPR "not mine, ask the next provider":
//   connect                         WN_BAD_NETNAME   (NPAddConnection3: the remote name is not
//                                                     valid for this provider)
//   disconnect and every lookup     WN_NOT_CONNECTED (NPCancelConnection, NPGetConnection,
//                                                     NPGetUniversalName, NPGetUser: this provider
//                                                     does not have that connection)
//   resource information, parent    WN_BAD_NETNAME   (not this provider's resource)
//   open an enumeration             WN_NOT_SUPPORTED (this enumeration cannot be made)
//   read an enumeration             WN_NO_MORE_ENTRIES (the enumeration ends there)
//   format a name, logon and        WN_NOT_SUPPORTED (MPR uses the name unformatted; the credential
//   password-change notifications                     manager has nothing to say)
// fail_closed<S> answers S, use_error_codes<P> the code the exception names, as for notifications.
#pragma once

#include <optional>

#include "../../core/operation.hpp"
#include "../../core/policy.hpp"
#include "../../core/status.hpp"

namespace mprnotify::detail {

/// The answer that lets MPR move on to the next provider for `op`.
[[nodiscard]] constexpr wn_status declined(operation op) noexcept
{
    switch (op) {
    case operation::connect:
    case operation::get_resource_information: // "the resource is not recognized by this provider"
    case operation::get_resource_parent: return wn_status::bad_netname;
    case operation::open_enum:           // "does not support the type of enumeration being requested"
    case operation::format_network_name: // MPR shows the name unformatted
    case operation::logon_notify:
    case operation::password_change_notify: return wn_status::not_supported;
    case operation::enum_resource: return wn_status::no_more_entries; // the enumeration ends
    default: return wn_status::not_connected;
    }
}

/// Policy P, never answering WN_SUCCESS for a failure.
template <policy P>
struct provider_policy {
    [[nodiscard]] static constexpr wn_status answer(operation op, std::optional<wn_status> code) noexcept
    {
        const wn_status chosen = policy_answer<P>(op, code);
        return chosen == wn_status::success ? declined(op) : chosen;
    }
};

} // namespace mprnotify::detail
