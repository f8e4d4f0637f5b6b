// Benchmark provider: browsing a fixed list of 16 shares (bench/baselines/np_browse.c is the same in C).
#include <mprnotify/provider.hpp>

#include <array>
#include <span>

namespace {

using namespace mprnotify;

constexpr resource_view share(std::wstring_view remote, std::wstring_view comment)
{
    return {resource_scope::globalnet,
            resource_type::disk,
            display_type::share,
            resource_usage::connectable,
            std::nullopt,
            remote,
            comment,
            std::nullopt}; // the provider's name, from provider_name below
}

constexpr std::array<resource_view, 16> shares = {
    share(L"\\\\bench\\share00", L"first"),     share(L"\\\\bench\\share01", L""),
    share(L"\\\\bench\\share02", L"music"),     share(L"\\\\bench\\share03", L"photos"),
    share(L"\\\\bench\\share04", L"documents"), share(L"\\\\bench\\share05", L""),
    share(L"\\\\bench\\share06", L"backup"),    share(L"\\\\bench\\share07", L"films"),
    share(L"\\\\bench\\share08", L"projects"),  share(L"\\\\bench\\share09", L""),
    share(L"\\\\bench\\share10", L"archive"),   share(L"\\\\bench\\share11", L"scratch"),
    share(L"\\\\bench\\share12", L"public"),    share(L"\\\\bench\\share13", L""),
    share(L"\\\\bench\\share14", L"home"),      share(L"\\\\bench\\share15", L"last"),
};

struct browse_provider {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    static constexpr std::wstring_view provider_name = L"Bench Network"; // lpProvider of every share
    static constexpr enum_scopes enumerates = enum_scopes::globalnet;
    std::span<const resource_view> enumerate(const enum_request&) { return shares; }
};

} // namespace

MPRNOTIFY_PROVIDER_EXPORT(browse_provider);
