// A complete network provider: \\home\<name> maps a drive letter to the local folder
// C:\home\<name>, as subst does (DefineDosDeviceW); browsing \\home (WNetOpenEnum) lists those
// folders as its shares. A connection without a drive is only remembered. Off Windows the drives
// live only in the map, and the simulated MPR drives the provider. Wine accepts DefineDosDeviceW
// but cannot open files through such a drive (docs/provider.md); QueryDosDeviceW there shows the
// mapping.
#include <mprnotify/provider.hpp>

#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <vector>

// Kept in the compact form the README shows.
// clang-format off
#if !defined(_WIN32)
static bool DefineDosDeviceW(unsigned, const wchar_t*, const wchar_t*) { return true; } // nothing to map off Windows
#endif
using namespace mprnotify;
struct home_provider {
    static constexpr std::uint32_t net_type = 0x00FA0000; // the WNNC_NET_* value NPGetCaps answers
    std::mutex lock;
    std::map<std::wstring, std::wstring, std::less<>> connections; // L"P:" or L"\\home\x" -> L"\\home\x"
    wn_status connect(const connect_request& r) {
        if (!r.remote_name().starts_with(L"\\\\home\\")) return wn_status::bad_netname; // not mine: MPR asks the next provider
        const std::wstring key{r.is_deviceless() ? r.remote_name() : r.local_name().view()};
        std::scoped_lock hold{lock}; if (!connections.emplace(key, r.remote_name()).second) return wn_status::already_connected;
        if (r.is_deviceless() || DefineDosDeviceW(0, key.c_str(), (L"C:\\home\\" + std::wstring{r.remote_name().view().substr(7)}).c_str())) return wn_status::success;
        connections.erase(key); return wn_status::bad_localname;
    }
    wn_status disconnect(const disconnect_request& r) {
        std::scoped_lock hold{lock}; if (connections.erase(std::wstring{r.name()}) == 0) return wn_status::not_connected;
        DefineDosDeviceW(2 /* DDD_REMOVE_DEFINITION */, r.name().c_str(), nullptr); return wn_status::success;
    }
    std::optional<std::wstring> connection_of(wzstring_view local) { // compared, never measured
        std::scoped_lock hold{lock}; const auto it = connections.find(local);
        return it == connections.end() ? std::nullopt : std::optional{it->second};
    }
    static constexpr std::wstring_view provider_name = L"Home Network"; // its registered Name: lpProvider of its shares
    static constexpr enum_scopes enumerates = enum_scopes::globalnet; // browsing: WNetOpenEnum lists \\home's shares,
    std::vector<net_resource> enumerate(const enum_request&) {        // the folders of C:\home
        std::vector<net_resource> shares; std::error_code error;
        for (const auto& folder : std::filesystem::directory_iterator{L"C:\\home", error})
            shares.push_back({resource_scope::globalnet, resource_type::disk, display_type::share, resource_usage::connectable,
                              std::nullopt, L"\\\\home\\" + folder.path().filename().wstring(), std::nullopt, std::nullopt});
        return shares;
    }
};
MPRNOTIFY_PROVIDER_EXPORT(home_provider);
// clang-format on
