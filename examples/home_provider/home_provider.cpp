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
#include <string_view>
#include <system_error>
#include <vector>

#if !defined(_WIN32) // no drives to define: the map alone holds the connections
#  define DDD_REMOVE_DEFINITION 2
static bool DefineDosDeviceW(unsigned /*flags*/, const wchar_t* /*device*/, const wchar_t* /*target*/) { return true; }
#endif

using namespace mprnotify;

namespace {
constexpr std::wstring_view share_prefix = L"\\\\home\\"; // it serves \\home\<name>, in any case (\\HOME\docs)
constexpr std::wstring_view home_folder = L"C:\\home";    // the local folder holding one folder per share
} // namespace

struct home_provider {
    static constexpr std::uint32_t net_type = 0x00FA0000; // the WNNC_NET_* value NPGetCaps answers
    std::mutex lock;
    std::map<std::wstring, std::wstring, std::less<>> connections; // L"P:" or L"\\home\x" -> L"\\home\x"

    wn_status connect(const connect_request& request)
    {
        if (!request.remote_name().starts_with_ignoring_case(share_prefix)) {
            return wn_status::bad_netname; // not mine: MPR asks the next provider
        }
        // A drive is remembered by its letter, a deviceless connection by its remote name.
        const std::wstring key{request.is_deviceless() ? request.remote_name() : request.local_name().view()};
        std::scoped_lock hold{lock};
        if (!connections.emplace(key, request.remote_name()).second) {
            return wn_status::already_connected;
        }
        if (request.is_deviceless()) {
            return wn_status::success;
        }
        const std::wstring_view share = request.remote_name().view().substr(share_prefix.size());
        const std::wstring folder = std::wstring{home_folder} + L"\\" + std::wstring{share};
        if (DefineDosDeviceW(0, key.c_str(), folder.c_str())) {
            return wn_status::success;
        }
        connections.erase(key);
        return wn_status::bad_localname;
    }

    wn_status disconnect(const disconnect_request& request)
    {
        std::scoped_lock hold{lock};
        if (connections.erase(std::wstring{request.name()}) == 0) {
            return wn_status::not_connected;
        }
        DefineDosDeviceW(DDD_REMOVE_DEFINITION, request.name().c_str(), nullptr);
        return wn_status::success;
    }

    // Answered in place: the name is copied into MPR's buffer while the lock is held.
    wn_status connection_of(wzstring_view local, name_answer& answer)
    {
        std::scoped_lock hold{lock};
        const auto it = connections.find(local); // std::less<> compares local in place: never measured
        return it == connections.end() ? wn_status::not_connected : answer.set(it->second);
    }

    // Browsing (WNetOpenEnum, RESOURCE_GLOBALNET): \\home's shares, one per folder of C:\home.
    static constexpr std::wstring_view provider_name = L"Home Network"; // its registered Name: lpProvider of its shares
    static constexpr enum_scopes enumerates = enum_scopes::globalnet;
    std::vector<net_resource> enumerate(const enum_request&)
    {
        std::vector<net_resource> shares;
        std::error_code error; // C:\home missing or unreadable: no shares
        for (const auto& folder : std::filesystem::directory_iterator{home_folder, error}) {
            // No local name (a share, not a connection); no provider: the library puts provider_name there.
            shares.push_back({.scope = resource_scope::globalnet,
                              .type = resource_type::disk,
                              .display_type = display_type::share,
                              .usage = resource_usage::connectable,
                              .remote_name = std::wstring{share_prefix} + folder.path().filename().wstring()});
        }
        return shares;
    }
};

MPRNOTIFY_PROVIDER_EXPORT(home_provider);
