// mprnotify/detail/provider/credential_entry_points.hpp - the boundary for the credential-manager pair:
// NPLogonNotify and NPPasswordChangeNotify.
//
// provider_entry_points<Handler, Policy> inherits these. They exist only for a handler with
// on_logon / on_password_change (docs/security.md: a credential manager sees every user's
// password). Rules, beyond those of the provider boundary (provider/entry_points.hpp):
//   - *lpLogonScript is set to NULL before anything else, so every answer but a script leaves it NULL.
//   - A NULL lpLogonId, lpLogonScript, lpAuthentInfoType or lpAuthentInfo is WN_BAD_POINTER, and so
//     is a previous type without previous information; a NULL previous type means "no previous
//     information" (the page), whatever lpPreviousAuthentInfo holds.
//   - An authentication type other than "MSV1_0:Interactive" and "Kerberos:Interactive" is
//     WN_NOT_SUPPORTED: the library cannot build a typed view of a structure it does not know.
//   - Each UNICODE_STRING is checked before it is read: an odd Length, a Length above MaximumLength,
//     or a NULL Buffer with a non-zero Length is WN_BAD_VALUE. Exactly Length bytes are read, never
//     to a NUL. The structure itself is copied with memcpy (any alignment).
//   - The hook is not called after any of those answers. The logon script it returns is copied
//     into memory from platform::local_alloc (LocalAlloc, which MPR frees); an empty script is none.
//   - Failures follow the provider policy (WN_NOT_SUPPORTED under fail_open); a hook's WN_MORE_DATA
//     or WN_NO_MORE_ENTRIES is reported and answered WN_NOT_SUPPORTED (boundary.hpp); no message,
//     trace or log the library writes names a credential; the thread's last error is kept.
#pragma once

#include <cstddef>
#include <cstring>
#include <optional>
#include <string_view>
#include <type_traits>

#include "../../core/failure.hpp"
#include "../../provider/logon_request.hpp"
#include "../../core/operation.hpp"
#include "../../core/platform.hpp"
#include "../../core/platform_provider.hpp"
#include "../../core/secret.hpp"
#include "../../core/status.hpp"
#include "../core/call_report.hpp"
#include "boundary.hpp"
#include "caps.hpp"
#include "hooks.hpp"
#include "policy.hpp"

namespace mprnotify::detail {

/// A counted credential, or the WN code that says why it cannot be read.
struct counted_text {
    std::optional<wn_status> bad;
    secret text;
};

[[nodiscard]] inline counted_text read_counted(const platform::unicode_string& field) noexcept
{
    if (field.Length % sizeof(wchar_t) != 0 || field.Length > field.MaximumLength ||
        (field.Buffer == nullptr && field.Length != 0)) {
        return {wn_status::bad_value, {}};
    }
    if (field.Buffer == nullptr) {
        return {std::nullopt, secret{}};
    }
    return {std::nullopt, secret{field.Buffer, field.Length / sizeof(wchar_t)}};
}

/// The typed view of (type, information), or the WN code for what cannot be read.
struct authentication_read {
    std::optional<wn_status> bad;
    std::optional<interactive_logon> logon;
};

[[nodiscard]] inline authentication_read read_authentication(const wchar_t* type, const void* information) noexcept
{
    if (type == nullptr || information == nullptr) {
        return {wn_status::bad_pointer, std::nullopt};
    }
    const std::wstring_view name{type};
    authentication_type kind{};
    if (name == platform::msv1_0_interactive) {
        kind = authentication_type::msv1_0_interactive;
    } else if (name == platform::kerberos_interactive) {
        kind = authentication_type::kerberos_interactive;
    } else {
        return {wn_status::not_supported, std::nullopt};
    }
    platform::interactive_logon raw{};
    std::memcpy(&raw, information, sizeof raw);
    const counted_text domain = read_counted(raw.LogonDomainName);
    const counted_text user = read_counted(raw.UserName);
    const counted_text password = read_counted(raw.Password);
    for (const counted_text* field : {&domain, &user, &password}) {
        if (field->bad) {
            return {field->bad, std::nullopt};
        }
    }
    return {std::nullopt, interactive_logon{kind, domain.text, user.text, password.text}};
}

/// Both notifications' shared part, or the WN code for bad input.
struct event_read {
    std::optional<wn_status> bad;
    std::optional<credential_event> event;
};

// NOLINTNEXTLINE(bugprone-easily-swappable-parameters): the order the SDK and the docs use
[[nodiscard]] inline event_read read_event(const wchar_t* type, const void* information, const wchar_t* previous_type,
                                           const void* previous_information, const wchar_t* station,
                                           void* station_handle) noexcept
{
    const authentication_read current = read_authentication(type, information);
    if (current.bad) {
        return {current.bad, std::nullopt};
    }
    std::optional<interactive_logon> previous;
    if (previous_type != nullptr) {
        const authentication_read before = read_authentication(previous_type, previous_information);
        if (before.bad) {
            return {before.bad, std::nullopt};
        }
        previous = before.logon;
    }
    return {std::nullopt, credential_event{*current.logon, previous, station, station_handle}};
}

template <class Handler, class Policy>
class credential_entry_points {
    using report = provider_report<Handler, Policy>;

public:
    /// NPLogonNotify: the on_logon hook; its script is returned in LocalAlloc'd memory.
    static wn_status logon_notify(param_of<np_logon_notify, 0> logon_id, param_of<np_logon_notify, 1> type,
                                  param_of<np_logon_notify, 2> information, param_of<np_logon_notify, 3> previous_type,
                                  param_of<np_logon_notify, 4> previous_information,
                                  param_of<np_logon_notify, 5> station, param_of<np_logon_notify, 6> station_handle,
                                  param_of<np_logon_notify, 7> script) noexcept
    {
        if constexpr (!on_logon_hook::present<Handler>) {
            return wn_status::not_supported;
        } else {
            if (script == nullptr) {
                return wn_status::bad_pointer;
            }
            *script = nullptr;
            if (logon_id == nullptr) {
                return wn_status::bad_pointer;
            }
            const event_read read =
                read_event(type, information, previous_type, previous_information, station, station_handle);
            if (read.bad) {
                return *read.bad;
            }
            platform::luid id{};
            std::memcpy(&id, logon_id, sizeof id);
            const logon_request request{id, *read.event};
            return logon(request, script);
        }
    }

    /// NPPasswordChangeNotify: the on_password_change hook.
    static wn_status password_change_notify(param_of<np_password_change_notify, 0> type,
                                            param_of<np_password_change_notify, 1> information,
                                            param_of<np_password_change_notify, 2> previous_type,
                                            param_of<np_password_change_notify, 3> previous_information,
                                            param_of<np_password_change_notify, 4> station,
                                            param_of<np_password_change_notify, 5> station_handle,
                                            param_of<np_password_change_notify, 6> change_info) noexcept
    {
        if constexpr (!on_password_change_hook::present<Handler>) {
            return wn_status::not_supported;
        } else {
            const event_read read =
                read_event(type, information, previous_type, previous_information, station, station_handle);
            if (read.bad) {
                return *read.bad;
            }
            const password_change_request request{*read.event, static_cast<std::uint32_t>(change_info)};
            report r{operation::password_change_notify, phase::unknown};
            Handler* handler = r.handler();
            if (handler == nullptr) {
                return failed<operation::password_change_notify>(r);
            }
            wn_status answer = declined(operation::password_change_notify);
            if (!r.attempt(failure_site::provider_hook,
                           [&] { answer = on_password_change_hook::call(*handler, request); })) {
                return failed<operation::password_change_notify>(r);
            }
            return hook_answer<operation::password_change_notify, Handler>(answer);
        }
    }

private:
    template <class ScriptOut>
    static wn_status logon(const logon_request& request, ScriptOut* script) noexcept
    {
        using answer_type = decltype(on_logon_hook::call(std::declval<Handler&>(), request));
        report r{operation::logon_notify, phase::unknown};
        Handler* handler = r.handler();
        if (handler == nullptr) {
            return failed<operation::logon_notify>(r);
        }
        std::optional<answer_type> answer;
        if (!r.attempt(failure_site::provider_hook, [&] { answer.emplace(on_logon_hook::call(*handler, request)); })) {
            return failed<operation::logon_notify>(r);
        }
        if constexpr (std::is_same_v<answer_type, wn_status>) {
            return hook_answer<operation::logon_notify, Handler>(*answer);
        } else {
            if (!answer->has_value() || (*answer)->empty()) {
                return wn_status::success;
            }
            const std::wstring_view text{**answer};
            auto* copy = static_cast<wchar_t*>(platform::local_alloc((text.size() + 1) * sizeof(wchar_t)));
            if (copy == nullptr) {
                r.fail(failure_site::provider_hook, "no memory for the logon script", wn_status::out_of_memory);
                return failed<operation::logon_notify>(r);
            }
            std::memcpy(copy, text.data(), text.size() * sizeof(wchar_t));
            copy[text.size()] = L'\0'; // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic)
            *script = copy;
            return wn_status::success;
        }
    }
};

} // namespace mprnotify::detail
