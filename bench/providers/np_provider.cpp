// The library side of the provider benchmark: the same answers as baselines/np_provider.c, in the
// form docs/provider.md shows: the names MPR passes are wzstring_view and compared with literals
// (== L"P:", starts_with(L"\\\\bench\\")), which reads them once, as the C version's wcscmp does.
#include <mprnotify/provider.hpp>

#include <atomic>
#include <optional>
#include <string_view>

namespace {

using namespace mprnotify;
using namespace std::literals;

struct bench_provider {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    wn_status connect(const connect_request& r)
    {
        return r.remote_name().starts_with(L"\\\\bench\\") ? wn_status::success : wn_status::bad_netname;
    }
    wn_status disconnect(const disconnect_request& r)
    {
        return r.name() == L"P:" ? wn_status::success : wn_status::not_connected;
    }
    std::optional<std::wstring_view> connection_of(wzstring_view local)
    {
        if (local != L"P:") {
            return std::nullopt;
        }
        return L"\\\\bench\\share"sv;
    }
    std::optional<universal_name_view> universal_name_of(std::wstring_view path)
    {
        if (!path.starts_with(L"P:"sv)) {
            return std::nullopt;
        }
        return universal_name_view{L"\\\\bench\\share"sv, path.substr(2)};
    }
    std::optional<std::wstring_view> user_of(nullable_wstring /*name*/) { return L"bench-user"sv; }
#if defined(MPRNOTIFY_BENCH_OBSERVED) // np_provider_observed.cpp: the same provider with a call observer
    std::atomic<unsigned long> calls{0};
    void on_call(const call_record& /*call*/) noexcept { calls.fetch_add(1, std::memory_order_relaxed); }
#endif
};

} // namespace

MPRNOTIFY_PROVIDER_EXPORT(bench_provider);
