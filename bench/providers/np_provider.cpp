// The library side of the provider benchmark, written the way docs/provider.md shows a provider:
// the same connection table as baselines/np_provider.c (8 fixed entries under one lock, names
// copied in, no allocation) and the same answers. The lookups answer in place (name_answer,
// universal_name_answer): the value is copied into MPR's buffer while the lock is held. The names
// MPR passes arrive as wzstring_view and are compared with the table's names without being
// measured, as the C version's wcscmp does.
#include <mprnotify/core/lock.hpp>
#include <mprnotify/provider.hpp>

#include <array>
#include <atomic>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace {

using namespace mprnotify;

constexpr std::wstring_view server = L"\\\\bench\\"; // every name this provider knows starts so
constexpr std::wstring_view default_user = L"bench-user";

/// In use when remote_size != 0; local_size 0 is a deviceless connection.
struct connection {
    std::size_t local_size = 0;
    std::size_t remote_size = 0;
    std::array<wchar_t, 16> local{};
    std::array<wchar_t, 64> remote{};

    [[nodiscard]] std::wstring_view local_name() const noexcept { return {local.data(), local_size}; }
    [[nodiscard]] std::wstring_view remote_name() const noexcept { return {remote.data(), remote_size}; }
};

struct bench_provider {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    static constexpr std::wstring_view provider_name = L"Bench Network";

    exclusive_lock lock;
    std::array<connection, 8> table{};

    /// The entry whose local name is `name`, or nullptr. With `lock` held.
    connection* find_local(wzstring_view name) noexcept
    {
        for (connection& c : table) {
            if (c.remote_size != 0 && c.local_size != 0 && name == c.local_name()) {
                return &c;
            }
        }
        return nullptr;
    }

    wn_status connect(const connect_request& r)
    {
        if (!r.remote_name().starts_with(server)) {
            return wn_status::bad_netname;
        }
        const std::wstring_view remote = r.remote_name();
        if (remote.size() >= connection{}.remote.size()) {
            return wn_status::bad_netname;
        }
        const std::wstring_view local = r.local_name().view();
        if (local.size() >= connection{}.local.size()) {
            return wn_status::bad_localname;
        }
        const std::scoped_lock hold{lock};
        connection* free_entry = nullptr;
        for (connection& c : table) {
            if (c.remote_size == 0) {
                free_entry = free_entry == nullptr ? &c : free_entry;
            } else if (!local.empty() && c.local_name() == local) {
                return wn_status::already_connected;
            }
        }
        if (free_entry == nullptr) {
            return wn_status::out_of_memory; // the table is full
        }
        free_entry->local_size = local.copy(free_entry->local.data(), local.size());
        free_entry->remote_size = remote.copy(free_entry->remote.data(), remote.size());
        return wn_status::success;
    }

    /// `name` is a local name, or the remote name of a deviceless connection.
    wn_status disconnect(const disconnect_request& r)
    {
        const wzstring_view name = r.name();
        const std::scoped_lock hold{lock};
        for (connection& c : table) {
            if (c.remote_size != 0 && name == (c.local_size != 0 ? c.local_name() : c.remote_name())) {
                c.remote_size = 0;
                return wn_status::success;
            }
        }
        return wn_status::not_connected;
    }

    wn_status connection_of(wzstring_view local, name_answer& answer)
    {
        const std::scoped_lock hold{lock};
        const connection* c = find_local(local);
        if (c == nullptr) {
            return wn_status::not_connected;
        }
        return answer.set(c->remote_name());
    }

    /// A path on one of this provider's drives: "P:" or "P:\dir\file".
    wn_status universal_name_of(std::wstring_view path, universal_name_answer& answer)
    {
        const std::scoped_lock hold{lock};
        for (const connection& c : table) {
            const std::size_t n = c.local_size;
            if (c.remote_size != 0 && n != 0 && path.starts_with(c.local_name()) &&
                (path.size() == n || path[n] == L'\\')) {
                return answer.set(c.remote_name(), path.substr(n));
            }
        }
        return wn_status::not_connected;
    }

    /// The user of a connection (NULL or empty: the default user); every connection is made as it.
    wn_status user_of(nullable_wstring name, name_answer& answer)
    {
        if (!name.absent_or_empty()) {
            const std::scoped_lock hold{lock};
            if (find_local(wzstring_view{name.c_str()}) == nullptr) {
                return wn_status::not_connected;
            }
        }
        return answer.set(default_user);
    }

    /// \\bench\<share>[\rest]: the share, type disk, and the rest of the name as the system string,
    /// packed in place: both are parts of the name MPR passed, so nothing is copied but into its buffer.
    wn_status resource_information(const resource_request& r, resource_answer& answer)
    {
        const std::wstring_view name = r.remote_name();
        if (!name.starts_with(server)) {
            return wn_status::bad_netname;
        }
        const std::size_t share_end = (std::min)(name.find(L'\\', server.size()), name.size());
        if (share_end == server.size()) {
            return wn_status::bad_netname; // no share named
        }
        const std::wstring_view rest = name.substr(share_end);
        return answer.set(resource_view{.type = resource_type::disk,
                                        .display_type = display_type::share,
                                        .usage = resource_usage::connectable,
                                        .remote_name = name.substr(0, share_end)},
                          rest.empty() ? std::nullopt : std::optional<std::wstring_view>{rest});
    }
#if defined(MPRNOTIFY_BENCH_OBSERVED) // np_provider_observed.cpp: the same provider with a call observer
    std::atomic<unsigned long> calls{0};
    void on_call(const call_record& /*call*/) noexcept { calls.fetch_add(1, std::memory_order_relaxed); }
#endif
};

} // namespace

MPRNOTIFY_PROVIDER_EXPORT(bench_provider);
