// \\lab\<name> connected as a drive letter: the provider keeps the connections in a map.
#include <mprnotify/provider.hpp>

#include <map>
#include <mutex>
#include <string>

using namespace mprnotify;

struct lab_provider {
    static constexpr std::uint32_t net_type = 0x00FB0000; // the WNNC_NET_* value NPGetCaps answers
    std::mutex lock;
    std::map<std::wstring, std::wstring, std::less<>> drives; // L"P:" -> L"\\lab\docs"

    wn_status connect(const connect_request& request)
    {
        if (!request.remote_name().starts_with_ignoring_case(L"\\\\lab\\") || request.is_deviceless()) {
            return wn_status::bad_netname; // not mine: MPR asks the next provider
        }
        std::scoped_lock hold{lock};
        const bool added = drives.emplace(request.local_name().view(), request.remote_name()).second;
        return added ? wn_status::success : wn_status::already_connected;
    }

    wn_status disconnect(const disconnect_request& request)
    {
        std::scoped_lock hold{lock};
        return drives.erase(std::wstring{request.name()}) == 1 ? wn_status::success : wn_status::not_connected;
    }

    wn_status connection_of(wzstring_view local, name_answer& answer)
    {
        std::scoped_lock hold{lock};
        const auto it = drives.find(local); // compared in place, never measured
        return it == drives.end() ? wn_status::not_connected : answer.set(it->second); // copied under the lock
    }
};

MPRNOTIFY_PROVIDER_EXPORT(lab_provider);
