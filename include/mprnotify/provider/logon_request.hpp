// mprnotify/provider/logon_request.hpp - what NPLogonNotify and NPPasswordChangeNotify tell a credential
// manager, as zero-copy views.
//
// The authentication information (MSV1_0_INTERACTIVE_LOGON or KERB_INTERACTIVE_LOGON, chosen by
// the authentication type string) holds the domain, user name and clear-text password of the
// user who logged on. Each reaches the hook only as a `secret` (secret.hpp): never formatted,
// revealed only by an explicit call. The strings are UNICODE_STRINGs, counted and not
// NUL-terminated: the views read exactly Length bytes, which the boundary has checked (even, not
// above MaximumLength, a buffer behind a non-zero length) before building a view. Views are valid
// only during the call MPR made. docs/security.md says why a provider should not be a credential
// manager unless it must.
#pragma once

#include <cstdint>
#include <optional>

#include "../core/nullable_wstring.hpp"
#include "../core/platform.hpp"
#include "../core/platform_provider.hpp"
#include "../core/secret.hpp"

namespace mprnotify {

/// Which primary authenticator's structure the authentication information is.
enum class authentication_type : std::uint8_t {
    msv1_0_interactive,   // "MSV1_0:Interactive": MSV1_0_INTERACTIVE_LOGON
    kerberos_interactive, // "Kerberos:Interactive": KERB_INTERACTIVE_LOGON (same fields)
};

/// MSV1_0_INTERACTIVE_LOGON / KERB_INTERACTIVE_LOGON: three counted credentials.
class interactive_logon {
public:
    // NOLINTNEXTLINE(bugprone-easily-swappable-parameters): the structure's field order
    interactive_logon(authentication_type type, secret domain, secret user_name, secret password) noexcept
        : type_(type), domain_(domain), user_name_(user_name), password_(password)
    {
    }

    [[nodiscard]] authentication_type type() const noexcept { return type_; }
    /// LogonDomainName. Absent when its Buffer was NULL.
    [[nodiscard]] secret domain() const noexcept { return domain_; }
    /// UserName.
    [[nodiscard]] secret user_name() const noexcept { return user_name_; }
    /// Password, in clear text.
    [[nodiscard]] secret password() const noexcept { return password_; }

private:
    authentication_type type_;
    secret domain_;
    secret user_name_;
    secret password_;
};

/// What both notifications share: the new and the previous credentials, and the station.
class credential_event {
public:
    credential_event(interactive_logon authentication, std::optional<interactive_logon> previous,
                     const wchar_t* station_name, void* station_handle) noexcept
        : authentication_(authentication), previous_(previous), station_name_(station_name),
          station_handle_(station_handle)
    {
    }

    /// lpAuthentInfo: the credentials the user logged on (or now logs on) with.
    [[nodiscard]] const interactive_logon& authentication() const noexcept { return authentication_; }
    /// lpPreviousAuthentInfo: the credentials before a change; std::nullopt when there was none.
    [[nodiscard]] const std::optional<interactive_logon>& previous_authentication() const noexcept { return previous_; }
    /// lpStationName: L"WinSta_0" (interactive) or L"SvcCtl" (the service controller); may be NULL.
    [[nodiscard]] nullable_wstring station_name() const noexcept { return nullable_wstring{station_name_}; }
    /// StationHandle as the owner window: only for "WinSta_0" (for "SvcCtl" it is random data).
    [[nodiscard]] std::optional<platform::window_handle> station_window() const noexcept
    {
        if (station_name().view() != platform::interactive_station) {
            return std::nullopt;
        }
        return static_cast<platform::window_handle>(station_handle_);
    }

private:
    interactive_logon authentication_;
    std::optional<interactive_logon> previous_;
    const wchar_t* station_name_;
    void* station_handle_;
};

/// NPLogonNotify: a user logged on. The hook may answer a logon script command line.
class logon_request : public credential_event {
public:
    logon_request(const platform::luid& logon_id, const credential_event& event) noexcept
        : credential_event(event), logon_id_(logon_id)
    {
    }
    /// lpLogonId: the logon session's identifier (not a secret).
    [[nodiscard]] platform::luid logon_id() const noexcept { return logon_id_; }

private:
    platform::luid logon_id_;
};

/// NPPasswordChangeNotify: the user's authentication information changed.
class password_change_request : public credential_event {
public:
    password_change_request(const credential_event& event, std::uint32_t change_info) noexcept
        : credential_event(event), change_info_(change_info)
    {
    }
    /// dwChangeInfo, as MPR passed it (unknown bits kept).
    [[nodiscard]] std::uint32_t change_info() const noexcept { return change_info_; }
    /// WN_VALID_LOGON_ACCOUNT: the change affects every future logon.
    [[nodiscard]] bool valid_logon_account() const noexcept
    {
        return (change_info_ & platform::wn_valid_logon_account) != 0;
    }
    /// WN_NT_PASSWORD_CHANGED: the password changed.
    [[nodiscard]] bool password_changed() const noexcept
    {
        return (change_info_ & platform::wn_nt_password_changed) != 0;
    }

private:
    std::uint32_t change_info_;
};

} // namespace mprnotify
