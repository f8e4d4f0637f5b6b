// mprnotify/testing/provider_router.hpp - a simulated MPR with network providers beside the notifyees.
//
// The providers are asked in the order added (ProviderOrder). What the router does, per WNet call:
//   connect      notifyees' pre calls (router.hpp); then each provider in order, through
//                NPAddConnection3 when its WNNC_CONNECTION caps have ADDCONNECTION3, else
//                NPAddConnection; then the notifyees' posts. options().move_on lists the "not mine"
//                answers (WN_BAD_NETNAME, WN_NOT_SUPPORTED, WN_NO_NETWORK, WN_BAD_PROVIDER,
//                WN_NO_NET_OR_BAD_PATH); what happens after any other failure is options().connect:
//                  stop (default): it is the result, later providers are not asked (the Windows 95
//                    DDK's "any other error ... stop trying other networks").
//                  first_error: later providers are asked until one succeeds; if none does, the
//                    first such failure is the result ("Implementing a Network Provider", Routing).
//                  wine: Wine 8.0's mpr.dll: every answer but WN_SUCCESS and WN_ALREADY_CONNECTED
//                    moves on and the last provider's answer is the result (a provider without
//                    connection caps answers WN_BAD_PROVIDER, one lacking the function its caps
//                    promise WN_ACCESS_DENIED; no provider at all is WN_NO_NETWORK).
//                A call naming a provider (lpProvider) asks only that one; an unknown name is
//                WN_BAD_PROVIDER without a call (as Wine's mpr.dll does).
//   cancel       each provider with CANCELCONNECTION until one answers WN_SUCCESS or WN_OPEN_FILES
//                (Wine's mpr.dll); WN_NOT_CONNECTED when none has the connection.
//   lookups      NPGetConnection (caps GETCONNECTIONS), NPGetUser (caps WNNC_USR_GETUSER) and
//                NPGetUniversalName (found by name): each provider in order until one answers
//                something other than WN_NOT_CONNECTED / WN_NOT_SUPPORTED / WN_BAD_LOCALNAME, with
//                the caller's buffer size; WN_MORE_DATA comes back with the size needed.
//   browsing     WNetOpenEnumW / WNetEnumResourceW / WNetCloseEnum, WNetGetResourceInformationW,
//                WNetGetResourceParentW and NPFormatNetworkName: provider_browsing.hpp.
// Wine's mpr.dll never calls the lookups (docs/provider.md): this router is where they are tested.
// The trace (format_provider_trace) shows "password: given/absent", never a credential.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "../notifyee/add_connection.hpp"
#include "../core/platform.hpp"
#include "../core/platform_provider.hpp"
#include "../core/secret.hpp"
#include "../core/status.hpp"
#include "provider.hpp"
#include "provider_browsing.hpp"
#include "provider_journal.hpp"
#include "router.hpp"

namespace mprnotify::testing {

/// One WNetAddConnection2/3 as the caller makes it.
struct connect_call {
    std::optional<std::wstring> local_name = std::nullopt; // NULL: no device
    std::optional<std::wstring> remote_name = L"\\\\server\\share";
    resource_type type = resource_type::disk;
    std::optional<std::wstring> password = std::nullopt; // NULL: the default password
    std::optional<std::wstring> user_name = std::nullopt;
    std::uint32_t flags = 0;
    platform::window_handle owner = nullptr;
    std::optional<std::string> provider = std::nullopt; // lpProvider: ask only this one
};

/// What the WNet caller of a lookup gets.
struct lookup_result {
    wn_status status = wn_status::not_connected;
    platform::dword size = 0;            // the size passed, or the size needed after WN_MORE_DATA
    std::optional<std::size_t> provider; // who answered
    std::wstring text;                   // NPGetConnection / NPGetUser / the universal name
    std::wstring connection_name;        // REMOTE_NAME_INFO_LEVEL only
    std::wstring remaining_path;         // REMOTE_NAME_INFO_LEVEL only
};

/// What the router does after a connect failure that is not in move_on (WN_BAD_PASSWORD, ...).
enum class connect_routing : std::uint8_t {
    /// The failure is the result; later providers are not asked.
    stop,
    /// Later providers are asked until one answers WN_SUCCESS; if none does, the first such failure
    /// is the result (Microsoft's "Implementing a Network Provider", Routing).
    first_error,
    /// Wine 8.0's mpr.dll: every answer but WN_SUCCESS and WN_ALREADY_CONNECTED moves on (move_on
    /// is not read) and the last provider's answer is the result: WN_BAD_PASSWORD from the first,
    /// WN_BAD_NETNAME from a second gives 67.
    wine,
};

struct provider_router_options {
    std::vector<wn_status> move_on = {wn_status::bad_netname, wn_status::not_supported, wn_status::no_network,
                                      wn_status::bad_provider, wn_status::no_net_or_bad_path};
    connect_routing connect = connect_routing::stop;
};

class provider_router {
public:
    explicit provider_router(router_options notify_options = {}, provider_router_options options = {})
        : notifications_(notify_options), options_(std::move(options))
    {
    }

    std::size_t attach(notifyee n) { return notifications_.attach(std::move(n)); }
    /// Adds a provider at the end of ProviderOrder; returns its index.
    std::size_t add_provider(provider p)
    {
        providers_.push_back(std::move(p));
        return providers_.size() - 1;
    }

    [[nodiscard]] const router& notifications() const noexcept { return notifications_; }
    [[nodiscard]] const std::vector<provider>& providers() const noexcept { return providers_; }
    [[nodiscard]] const std::vector<provider_call>& calls() const noexcept { return journal_.calls(); }
    /// Every WNet call made, in order.
    [[nodiscard]] const std::vector<wnet_record>& wnet_calls() const noexcept { return journal_.wnet_calls(); }
    [[nodiscard]] provider_router_options& options() noexcept { return options_; }

    /// WNetAddConnection2W / 3W.
    operation_result add_connection(const connect_call& call)
    {
        begin("add " + describe_add(call), wnet_kind::add);
        add_request request{call.local_name, call.remote_name, call.type, call.flags, call.owner};
        return notifications_.add_connection(request, [&] { return connect(call); });
    }

    /// WNetCancelConnection2W.
    operation_result cancel_connection(const std::wstring& name, bool force)
    {
        begin("cancel " + narrow(name) + (force ? " (forced)" : ""), wnet_kind::cancel);
        cancel_request request{name, 0, force, std::nullopt};
        return notifications_.cancel_connection(request, [&] { return cancel(name, force); });
    }

    /// WNetGetConnectionW with a buffer of `chars` characters.
    lookup_result get_connection(const std::wstring& local_name, platform::dword chars = 1024)
    {
        begin("get connection of " + narrow(local_name), wnet_kind::lookup);
        std::wstring name = local_name;
        return ask_chars("NPGetConnection", chars, [&](const provider& p, wchar_t* buffer, platform::dword* size) {
            if (p.get_connection == nullptr ||
                (p.caps(platform::wnnc::connection) & platform::wnnc::con_get_connections) == 0) {
                return std::optional<wn_status>{};
            }
            return std::optional{static_cast<wn_status>(p.get_connection(name.data(), buffer, size))};
        });
    }

    /// WNetGetUserW with a buffer of `chars` characters; `name` NULL asks for the logged-on user.
    lookup_result get_user(const std::optional<std::wstring>& name, platform::dword chars = 1024)
    {
        begin("get user of " + (name ? narrow(*name) : std::string{"(null)"}), wnet_kind::lookup);
        std::wstring asked = name.value_or(L"");
        return ask_chars("NPGetUser", chars, [&](const provider& p, wchar_t* buffer, platform::dword* size) {
            if (p.get_user == nullptr || (p.caps(platform::wnnc::user) & platform::wnnc::usr_get_user) == 0) {
                return std::optional<wn_status>{};
            }
            return std::optional{static_cast<wn_status>(p.get_user(name ? asked.data() : nullptr, buffer, size))};
        });
    }

    /// WNetGetUniversalNameW at `level` with a buffer of `bytes` bytes.
    lookup_result get_universal_name(const std::wstring& local_path, platform::dword level,
                                     platform::dword bytes = 2048)
    {
        begin("get universal name of " + narrow(local_path), wnet_kind::lookup);
        std::wstring path = local_path;
        lookup_result result;
        result.size = bytes;
        std::vector<std::byte> buffer(bytes);
        for (std::size_t i = 0; i < providers_.size(); ++i) {
            const provider& p = providers_[i];
            if (p.get_universal_name == nullptr) {
                continue;
            }
            platform::dword size = bytes;
            const auto answer = static_cast<wn_status>(
                p.get_universal_name(path.data(), level, bytes == 0 ? nullptr : buffer.data(), &size));
            record(i, "NPGetUniversalName", narrow(local_path) + ", level " + std::to_string(level), answer);
            if (declines_lookup(answer)) {
                result.status = answer;
                continue;
            }
            result = {answer, size, i, {}, {}, {}};
            if (answer == wn_status::success) {
                read_universal_name(buffer.data(), level, result);
            }
            break;
        }
        return finish(result);
    }

    /// WNetOpenEnumW, WNetEnumResourceW until the end, WNetCloseEnum (provider_browsing.hpp).
    browse_result browse(const browse_call& call) { return detail::browse(providers_, journal_, call); }

    /// WNetGetResourceInformationW with a buffer of `bytes` bytes.
    resource_result get_resource_information(const net_resource& resource, platform::dword bytes = 4096)
    {
        return detail::get_resource_information(providers_, journal_, resource, bytes);
    }

    /// WNetGetResourceParentW with a buffer of `bytes` bytes.
    resource_result get_resource_parent(const net_resource& resource, platform::dword bytes = 4096)
    {
        return detail::get_resource_parent(providers_, journal_, resource, bytes);
    }

    /// NPFormatNetworkName of the provider named `provider_name`, with a buffer of `chars` characters.
    format_result format_network_name(const std::string& provider_name, const std::wstring& remote_name,
                                      platform::dword flags, platform::dword width, platform::dword chars = 256)
    {
        return detail::format_network_name(providers_, journal_, provider_name, remote_name, flags, width, chars);
    }

    /// Whether a connect answer moves on to the next provider (options().connect).
    [[nodiscard]] bool declines_connect(wn_status answer) const
    {
        switch (options_.connect) {
        case connect_routing::stop: break;
        case connect_routing::first_error: return answer != wn_status::success;
        case connect_routing::wine: return answer != wn_status::success && answer != wn_status::already_connected;
        }
        return is_not_mine(answer);
    }

    /// Whether a connect answer is in options().move_on.
    [[nodiscard]] bool is_not_mine(wn_status answer) const
    {
        return std::find(options_.move_on.begin(), options_.move_on.end(), answer) != options_.move_on.end();
    }

private:
    static bool declines_lookup(wn_status answer)
    {
        return answer == wn_status::not_connected || answer == wn_status::not_supported ||
               answer == wn_status::bad_localname;
    }

    static std::string narrow(const std::wstring& text) { return provider_journal::narrow(text); }
    static std::string describe_add(const connect_call& call)
    {
        std::string text = call.remote_name ? narrow(*call.remote_name) : std::string{"(null)"};
        text += " as ";
        text += call.local_name && !call.local_name->empty() ? narrow(*call.local_name) : std::string{"(deviceless)"};
        return text;
    }

    void begin(std::string description, wnet_kind kind)
    {
        const std::size_t next_notify = notifications_.operations().size() + 1;
        journal_.begin(std::move(description), kind, kind == wnet_kind::lookup ? 0 : next_notify);
    }
    lookup_result finish(lookup_result result) { return journal_.finish(std::move(result)); }
    void record(std::size_t provider_index, std::string function, std::string detail, wn_status answer)
    {
        journal_.record(provider_index, std::move(function), std::move(detail), answer);
    }

    wn_status connect(const connect_call& call)
    {
        std::wstring local = call.local_name.value_or(L"");
        std::wstring remote = call.remote_name.value_or(L"");
        std::wstring password = call.password.value_or(L"");
        std::wstring user = call.user_name.value_or(L"");
        platform::net_resource_w resource{};
        resource.dwType = static_cast<platform::dword>(call.type);
        resource.lpLocalName = call.local_name ? local.data() : nullptr;
        resource.lpRemoteName = call.remote_name ? remote.data() : nullptr;
        std::string detail = describe_add(call) + ", password: " + (call.password ? "given" : "absent") +
                             ", user: " + (call.user_name ? "given" : "absent");
        // With no provider at all Wine's mpr.dll answers WN_NO_NETWORK.
        wn_status result = options_.connect == connect_routing::wine && providers_.empty() ? wn_status::no_network
                                                                                           : wn_status::bad_netname;
        bool asked = false;
        std::optional<wn_status> first_error; // connect_routing::first_error
        for (std::size_t i = 0; i < providers_.size(); ++i) {
            const provider& p = providers_[i];
            if (call.provider && *call.provider != p.name) {
                continue;
            }
            asked = true;
            const platform::dword caps = p.caps(platform::wnnc::connection);
            wn_status answer = wn_status::not_supported;
            if ((caps & platform::wnnc::con_add_connection3) != 0 && p.add_connection3 != nullptr) {
                using sig = platform::np_signature::NPAddConnection3;
                answer = static_cast<wn_status>(
                    p.add_connection3(call.owner, detail::arg<sig, 1>(&resource),
                                      detail::arg<sig, 2>(call.password ? password.data() : nullptr),
                                      detail::arg<sig, 3>(call.user_name ? user.data() : nullptr), call.flags));
                record(i, "NPAddConnection3", detail, answer);
            } else if ((caps & platform::wnnc::con_add_connection) != 0 && p.add_connection != nullptr) {
                using sig = platform::np_signature::NPAddConnection;
                answer = static_cast<wn_status>(p.add_connection(
                    detail::arg<sig, 0>(&resource), detail::arg<sig, 1>(call.password ? password.data() : nullptr),
                    detail::arg<sig, 2>(call.user_name ? user.data() : nullptr)));
                record(i, "NPAddConnection", detail, answer);
            } else if (options_.connect == connect_routing::wine) {
                // Wine's answer for a provider it does not call: no connection caps, or no function.
                answer = (caps & (platform::wnnc::con_add_connection | platform::wnnc::con_add_connection3)) == 0
                             ? wn_status::bad_provider
                             : wn_status::access_denied;
            } else {
                continue;
            }
            result = answer;
            if (answer != wn_status::success && !first_error && !is_not_mine(answer)) {
                first_error = answer;
            }
            if (!declines_connect(answer)) {
                break;
            }
        }
        if (options_.connect == connect_routing::first_error && result != wn_status::success && first_error) {
            result = *first_error;
        }
        // The router's own copies of the credentials are wiped like the library's.
        ::mprnotify::detail::secure_wipe(password.data(), password.size());
        ::mprnotify::detail::secure_wipe(user.data(), user.size());
        return asked || !call.provider ? result : wn_status::bad_provider;
    }

    wn_status cancel(const std::wstring& name, bool force)
    {
        std::wstring copy = name;
        for (std::size_t i = 0; i < providers_.size(); ++i) {
            const provider& p = providers_[i];
            if (p.cancel_connection == nullptr ||
                (p.caps(platform::wnnc::connection) & platform::wnnc::con_cancel_connection) == 0) {
                continue;
            }
            const auto answer = static_cast<wn_status>(p.cancel_connection(copy.data(), force ? 1 : 0));
            record(i, "NPCancelConnection", narrow(name) + (force ? ", forced" : ""), answer);
            if (answer == wn_status::success || answer == wn_status::open_files) {
                return answer;
            }
        }
        return wn_status::not_connected;
    }

    template <class Ask>
    lookup_result ask_chars(const char* function, platform::dword chars, Ask&& ask)
    {
        lookup_result result;
        result.size = chars;
        std::vector<wchar_t> buffer(chars + 1U, L'\0');
        for (std::size_t i = 0; i < providers_.size(); ++i) {
            platform::dword size = chars;
            const std::optional<wn_status> answer = ask(providers_[i], chars == 0 ? nullptr : buffer.data(), &size);
            if (!answer) {
                continue;
            }
            record(i, function, journal_.wnet_calls().back().description, *answer);
            if (declines_lookup(*answer)) {
                result.status = *answer;
                continue;
            }
            result = {*answer, size, i, {}, {}, {}};
            if (*answer == wn_status::success) {
                result.text = buffer.data();
            }
            break;
        }
        return finish(result);
    }

    static void read_universal_name(const std::byte* buffer, platform::dword level, lookup_result& result)
    {
        auto pointer_at = [&](std::size_t index) {
            const wchar_t* p = nullptr;
            std::memcpy(static_cast<void*>(&p), buffer + index * sizeof(void*), sizeof p);
            return p != nullptr ? std::wstring{p} : std::wstring{};
        };
        result.text = pointer_at(0);
        if (level == platform::remote_name_info_level) {
            result.connection_name = pointer_at(1);
            result.remaining_path = pointer_at(2);
        }
    }

    router notifications_;
    provider_router_options options_;
    std::vector<provider> providers_;
    provider_journal journal_;
};

} // namespace mprnotify::testing
