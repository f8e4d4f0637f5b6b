// A provider whose connection table changes while it is looked up: a vector under a std::mutex,
// reallocated by every connect and disconnect (tests/reliability/lookup_race.cpp drives it).
// Built twice: answering in place (the name is copied into MPR's buffer under the lock), and with
// MPRNOTIFY_LOOKUP_RACE_VIEWS returning views into the table (copied after the lock is released:
// the data race ThreadSanitizer must report, tests/reliability/lookup_race_view_reported.py).
#include <mprnotify/provider.hpp>

#include <algorithm>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

using namespace mprnotify;

namespace {

struct connection {
    std::wstring local;  // L"P:"
    std::wstring remote; // L"\\race\share-of-P" (long enough to live on the heap)
    std::wstring user;   // L"user-of-P"
};

struct race_provider {
    static constexpr std::uint32_t net_type = 0x00FC0000;
    std::mutex lock;
    std::vector<connection> table;

    wn_status connect(const connect_request& request)
    {
        const std::wstring_view local = request.local_name().view();
        std::scoped_lock hold{lock};
        if (find(local) != table.end()) {
            return wn_status::already_connected;
        }
        table.push_back(
            {std::wstring{local}, std::wstring{request.remote_name().view()}, L"user-of-" + std::wstring{local}});
        table.shrink_to_fit(); // a new block every time: a view into the old one would dangle
        return wn_status::success;
    }

    wn_status disconnect(const disconnect_request& request)
    {
        std::scoped_lock hold{lock};
        const auto it = find(request.name().view());
        if (it == table.end()) {
            return wn_status::not_connected;
        }
        table.erase(it);
        table.shrink_to_fit();
        return wn_status::success;
    }

#if !defined(MPRNOTIFY_LOOKUP_RACE_VIEWS)
    wn_status connection_of(wzstring_view local, name_answer& answer)
    {
        std::scoped_lock hold{lock};
        const auto it = find(local.view());
        return it == table.end() ? wn_status::not_connected : answer.set(it->remote);
    }
    wn_status universal_name_of(std::wstring_view path, universal_name_answer& answer)
    {
        std::scoped_lock hold{lock};
        const auto it = find(path.substr(0, 2));
        return it == table.end() ? wn_status::not_connected : answer.set(it->remote, path.substr(2));
    }
    wn_status user_of(nullable_wstring name, name_answer& answer)
    {
        std::scoped_lock hold{lock};
        const auto it = find(name.view());
        return it == table.end() ? wn_status::not_connected : answer.set(it->user);
    }
#else
    std::optional<std::wstring_view> connection_of(wzstring_view local)
    {
        std::scoped_lock hold{lock};
        const auto it = find(local.view());
        return it == table.end() ? std::nullopt : std::optional<std::wstring_view>{it->remote};
    }
    std::optional<universal_name_view> universal_name_of(std::wstring_view path)
    {
        std::scoped_lock hold{lock};
        const auto it = find(path.substr(0, 2));
        return it == table.end() ? std::nullopt : std::optional{universal_name_view{it->remote, path.substr(2)}};
    }
    std::optional<std::wstring_view> user_of(nullable_wstring name)
    {
        std::scoped_lock hold{lock};
        const auto it = find(name.view());
        return it == table.end() ? std::nullopt : std::optional<std::wstring_view>{it->user};
    }
#endif

private:
    std::vector<connection>::iterator find(std::wstring_view local)
    {
        return std::find_if(table.begin(), table.end(), [&](const connection& c) { return c.local == local; });
    }
};

} // namespace

MPRNOTIFY_PROVIDER_EXPORT(race_provider);
