// A network provider built with the library for the end-to-end test: it accepts \\recorder\...,
// declines everything else, and writes one line per call it receives to the file named by
// MPRNOTIFY_NP_LOG. Credentials appear only as given/absent.
#include <mprnotify/provider.hpp>

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include <mprnotify/core/text.hpp>

namespace {

using namespace mprnotify;

struct recorder {
    static constexpr std::uint32_t net_type = 0x00FD0000;
    std::mutex lock;
    std::set<std::wstring, std::less<>> names; // drives and deviceless remote names

    static std::string hex(std::uint32_t value)
    {
        char text[16];
        std::snprintf(text, sizeof text, "0x%X", static_cast<unsigned>(value));
        return text;
    }

    static void log(const std::string& line)
    {
        const char* path = std::getenv("MPRNOTIFY_NP_LOG");
        if (path == nullptr) {
            return;
        }
        if (std::FILE* f = std::fopen(path, "a")) {
            std::fputs((line + "\n").c_str(), f);
            std::fclose(f);
        }
    }

    wn_status connect(const connect_request& r)
    {
        const bool mine = r.remote_name().starts_with(L"\\\\recorder\\");
        log(std::string{r.entry() == connect_entry::add_connection3 ? "NPAddConnection3 " : "NPAddConnection "} +
            printable_utf8(r.remote_name()) + " as " +
            (r.is_deviceless() ? std::string{"(deviceless)"} : printable_utf8(r.local_name().view())) + ", type " +
            std::to_string(static_cast<unsigned>(r.resource_type())) + ", flags " + hex(r.flags().bits()) +
            ", password: " + std::string{r.password().presence()} + ", user: " + std::string{r.user_name().presence()} +
            (mine ? " -> WN_SUCCESS" : " -> WN_BAD_NETNAME"));
        if (!mine) {
            return wn_status::bad_netname;
        }
        std::scoped_lock hold{lock};
        names.emplace(r.is_deviceless() ? std::wstring{r.remote_name()} : std::wstring{r.local_name().view()});
        return wn_status::success;
    }

    wn_status disconnect(const disconnect_request& r)
    {
        std::scoped_lock hold{lock};
        const auto it = names.find(r.name());
        const bool mine = it != names.end();
        if (mine) {
            names.erase(it);
        }
        log("NPCancelConnection " + printable_utf8(r.name()) + (r.force() ? ", forced" : ", not forced") +
            (mine ? " -> WN_SUCCESS" : " -> WN_NOT_CONNECTED"));
        return mine ? wn_status::success : wn_status::not_connected;
    }

    /// Wine 8.0's mpr.dll looks NPGetResourceInformation up only for a provider whose NPGetCaps
    /// announces enumeration (otherwise WNetGetResourceInformationW answers WN_NO_NETWORK without a
    /// call): an empty enumeration steers around that.
    static constexpr enum_scopes enumerates = enum_scopes::globalnet;
    std::vector<net_resource> enumerate(const enum_request& /*unused*/) { return {}; }

    /// WNetGetResourceInformationW (np_browse.hpp): \\recorder\<share> is the network part, the
    /// rest of the name the system part. Not logged: the log lists the connection calls only.
    std::optional<mprnotify::resource_information> resource_information(const resource_request& r)
    {
        const std::wstring_view name = r.remote_name();
        if (!name.starts_with(L"\\\\recorder\\")) {
            return std::nullopt;
        }
        const std::size_t share_end = name.find(L'\\', 11);
        mprnotify::resource_information info;
        info.resource.remote_name = std::wstring{name.substr(0, share_end)};
        info.resource.provider = L"Mprnotify Recorder";
        info.resource.type = resource_type::disk;
        info.resource.display_type = display_type::share;
        info.resource.usage = resource_usage::connectable;
        if (share_end != std::wstring_view::npos) {
            info.system = std::wstring{name.substr(share_end)};
        }
        return info;
    }
};

} // namespace

MPRNOTIFY_PROVIDER_EXPORT(recorder);
