// mprnotify/testing/credential_router.hpp - a simulated MPR driving credential managers the way
// Winlogon (through mpnotify) does: NPLogonNotify at a logon, NPPasswordChangeNotify at a password
// change. Wine's mpr.dll never calls either function; this is where they are tested.
//
// Every credential manager is notified, in the order added (there is no "first one that accepts");
// each may return a logon script, which the router takes over and frees with platform::local_free
// (LocalFree), as MPR does. The router builds MSV1_0_INTERACTIVE_LOGON the way the authenticator
// does: UNICODE_STRINGs that are NOT NUL-terminated (each is followed by a visible marker
// character, so a provider that reads to a NUL instead of Length is caught), and it wipes its own
// copies of the credentials afterwards. The trace (format_credential_trace) names the
// authentication type, the station and "given/absent" for each credential, never the text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "../provider/logon_request.hpp"
#include "../core/platform.hpp"
#include "../core/platform_provider.hpp"
#include "../core/policy.hpp"
#include "../provider/entry_points.hpp"
#include "../core/secret.hpp"
#include "../core/status.hpp"
#include "notifyee.hpp"
#include "provider.hpp"
#include "trace.hpp"

namespace mprnotify::testing {

/// A credential manager as MPR sees it: the two functions, found by plain name.
struct credential_manager {
    std::string name;
    platform::np_logon_notify_fn logon_notify = nullptr;
    platform::np_password_change_notify_fn password_change_notify = nullptr;
};

/// The credential-manager functions the library generates for Handler (NULL where it has no hook).
template <class Handler, class Policy = fail_open>
[[nodiscard]] credential_manager make_credential_manager(std::string name)
{
    const provider p = make_provider<Handler, Policy>(std::move(name));
    return {p.name, p.logon_notify, p.password_change_notify};
}

/// The same functions of a loaded library, by plain name.
[[nodiscard]] inline credential_manager find_credential_manager(const shared_library& library, std::string name)
{
    provider p;
    p.name = std::move(name);
    detail::look_up_functions(library, p);
    return {p.name, p.logon_notify, p.password_change_notify};
}

/// One set of credentials as the authenticator hands them over.
struct logon_credentials {
    std::wstring type = platform::msv1_0_interactive; // lpAuthentInfoType
    std::optional<std::wstring> domain = L"WORKGROUP";
    std::optional<std::wstring> user_name = L"user";
    std::optional<std::wstring> password = std::nullopt;
};

/// One logon or password change as Winlogon reports it.
struct credential_call {
    logon_credentials credentials;
    std::optional<logon_credentials> previous = std::nullopt; // a password changed at logon
    std::optional<std::wstring> station = L"WinSta_0";        // or L"SvcCtl"
    platform::window_handle station_window = nullptr;
    platform::luid logon_id{0x3E7, 0};
    std::uint32_t change_info = platform::wn_valid_logon_account | platform::wn_nt_password_changed;
};

/// One NP call the router made.
struct credential_record {
    std::size_t manager = 0;
    std::string function; // "NPLogonNotify"
    std::string detail;   // type, station, given/absent
    wn_status returned = wn_status::success;
    std::optional<std::wstring> script; // what NPLogonNotify returned, copied before LocalFree
};

class credential_router {
public:
    std::size_t add(credential_manager m)
    {
        managers_.push_back(std::move(m));
        return managers_.size() - 1;
    }
    [[nodiscard]] const std::vector<credential_manager>& managers() const noexcept { return managers_; }
    [[nodiscard]] const std::vector<credential_record>& calls() const noexcept { return calls_; }

    /// A logon: NPLogonNotify on every manager that has it; the scripts they returned, in order.
    std::vector<std::wstring> logon(const credential_call& call)
    {
        std::vector<std::wstring> scripts;
        prepared built{call};
        for (std::size_t i = 0; i < managers_.size(); ++i) {
            if (managers_[i].logon_notify == nullptr) {
                continue;
            }
            platform::luid id = call.logon_id;
            wchar_t* script = nullptr;
            const auto answer = static_cast<wn_status>(managers_[i].logon_notify(
                &id, built.type(), built.info(), built.previous_type(), built.previous_info(), built.station(),
                call.station_window, arg<platform::np_signature::NPLogonNotify, 7>(&script)));
            credential_record record{i, "NPLogonNotify", describe(call), answer, std::nullopt};
            if (script != nullptr) {
                record.script = std::wstring{script};
                scripts.push_back(*record.script);
                platform::local_free(script);
            }
            calls_.push_back(std::move(record));
        }
        return scripts;
    }

    /// A password change: NPPasswordChangeNotify on every manager that has it.
    void change_password(const credential_call& call)
    {
        prepared built{call};
        for (std::size_t i = 0; i < managers_.size(); ++i) {
            if (managers_[i].password_change_notify == nullptr) {
                continue;
            }
            const auto answer = static_cast<wn_status>(managers_[i].password_change_notify(
                built.type(), built.info(), built.previous_type(), built.previous_info(), built.station(),
                call.station_window, call.change_info));
            calls_.push_back({i, "NPPasswordChangeNotify", describe(call), answer, std::nullopt});
        }
    }

private:
    /// The authenticator's structures for one call; the router's copies are wiped when it ends.
    class prepared {
        struct block {
            explicit block(const logon_credentials& c) : type(c.type)
            {
                raw.MessageType = 2; // MsV1_0InteractiveLogon, KerbInteractiveLogon
                put(domain, c.domain, raw.LogonDomainName);
                put(user, c.user_name, raw.UserName);
                put(password, c.password, raw.Password);
            }
            block(const block&) = delete;
            block& operator=(const block&) = delete;
            ~block()
            {
                for (std::wstring* text : {&domain, &user, &password}) {
                    ::mprnotify::detail::secure_wipe(text->data(), text->size());
                }
            }
            static void put(std::wstring& storage, const std::optional<std::wstring>& value,
                            platform::unicode_string& field)
            {
                field = {};
                if (!value) {
                    return;
                }
                storage = *value + L'#'; // not NUL-terminated where Length ends: a marker follows
                field.Length = static_cast<std::uint16_t>(value->size() * sizeof(wchar_t));
                field.MaximumLength = static_cast<std::uint16_t>(storage.size() * sizeof(wchar_t));
                field.Buffer = storage.data();
            }
            std::wstring type;
            std::wstring domain;
            std::wstring user;
            std::wstring password;
            platform::interactive_logon raw{};
        };

    public:
        explicit prepared(const credential_call& call)
            : current_(call.credentials), station_(call.station.value_or(L"")), has_station_(call.station.has_value())
        {
            if (call.previous) {
                previous_.emplace(*call.previous);
            }
        }
        [[nodiscard]] const wchar_t* type() const noexcept { return current_.type.c_str(); }
        [[nodiscard]] void* info() noexcept { return &current_.raw; }
        [[nodiscard]] const wchar_t* previous_type() const noexcept
        {
            return previous_ ? previous_->type.c_str() : nullptr;
        }
        [[nodiscard]] void* previous_info() noexcept { return previous_ ? &previous_->raw : nullptr; }
        [[nodiscard]] wchar_t* station() noexcept { return has_station_ ? station_.data() : nullptr; }

    private:
        block current_;
        std::optional<block> previous_;
        std::wstring station_;
        bool has_station_;
    };

    static std::string narrow(const std::wstring& text)
    {
        std::string out;
        for (wchar_t c : text) {
            out += (c >= 0x20 && c < 0x7F) ? static_cast<char>(c) : '?';
        }
        return out;
    }
    static std::string describe(const logon_credentials& c)
    {
        return narrow(c.type) + ", domain: " + (c.domain ? "given" : "absent") +
               ", user: " + (c.user_name ? "given" : "absent") + ", password: " + (c.password ? "given" : "absent");
    }
    static std::string describe(const credential_call& call)
    {
        return describe(call.credentials) + ", previous: " + (call.previous ? describe(*call.previous) : "none") +
               ", station: " + (call.station ? narrow(*call.station) : std::string{"(null)"});
    }

    template <class Signature, std::size_t I, class T>
    static typename platform::parameters<Signature>::template at<I> arg(T* pointer)
    {
        return reinterpret_cast<typename platform::parameters<Signature>::template at<I>>(pointer); // NOLINT
    }

    std::vector<credential_manager> managers_;
    std::vector<credential_record> calls_;
};

/// One line per NP call: function, manager, answer, what was passed (credentials as given/absent),
/// and whether a script came back.
[[nodiscard]] inline std::string format_credential_trace(const credential_router& mpr)
{
    std::string out;
    for (const credential_record& call : mpr.calls()) {
        out += call.function + " " + mpr.managers()[call.manager].name + " -> " + status_text(call.returned) + ": " +
               call.detail + (call.script ? ", logon script returned" : "") + "\n";
    }
    return out;
}

} // namespace mprnotify::testing
