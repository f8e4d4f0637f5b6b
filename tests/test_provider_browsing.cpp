// The simulated MPR's browsing calls (testing/provider_browsing.hpp): enumeration read to its end
// with every buffer checked, over random resource sets, counts and buffer sizes; which providers
// are asked; the caller's retry after WN_MORE_DATA; resource information, parent and
// NPFormatNetworkName; and a provider that breaks the protocol, which the router must name.
#include <doctest/doctest.h>

#include <mprnotify/provider.hpp>
#include <mprnotify/testing.hpp>

#include <array>
#include <atomic>
#include <cstring>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "resource_generator.hpp"

using namespace mprnotify;
namespace platform = mprnotify::platform;
using mprnotify::testing::browse_call;
using mprnotify::testing::make_provider;
using mprnotify::testing::provider_router;

namespace {

std::vector<net_resource> home_shares; // what home_browser enumerates next
std::vector<net_resource> work_shares; // what work_browser enumerates next

struct home_browser {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    static constexpr enum_scopes enumerates = enum_scopes::globalnet | enum_scopes::connected;
    std::vector<net_resource> enumerate(const enum_request&) { return home_shares; }
    std::optional<mprnotify::resource_information> resource_information(const resource_request& request)
    {
        const std::wstring_view name = request.remote_name();
        if (!name.starts_with(L"\\\\home\\")) {
            return std::nullopt;
        }
        mprnotify::resource_information info;
        info.resource.remote_name = L"\\\\home\\docs";
        info.resource.provider = L"Home Network";
        info.resource.type = resource_type::disk;
        info.resource.display_type = display_type::share;
        info.system = std::wstring{name.substr(std::wstring_view{L"\\\\home\\docs"}.size())};
        return info;
    }
    lookup<net_resource> resource_parent(const resource_request& request)
    {
        if (!request.remote_name().starts_with(L"\\\\home\\")) {
            return wn_status::bad_netname;
        }
        net_resource parent;
        parent.remote_name = L"\\\\home";
        parent.display_type = display_type::server;
        parent.usage = resource_usage::container;
        return parent;
    }
    std::optional<std::wstring> format_network_name(const format_request& request)
    {
        return std::wstring{request.remote_name()};
    }
};

struct work_browser {
    static constexpr std::uint32_t net_type = 0x00FB0000;
    static constexpr enum_scopes enumerates = enum_scopes::connected;
    std::vector<net_resource> enumerate(const enum_request&) { return work_shares; }
};

net_resource share(const wchar_t* remote)
{
    net_resource r;
    r.type = resource_type::disk;
    r.display_type = display_type::share;
    r.usage = resource_usage::connectable;
    r.remote_name = remote;
    r.comment = L"";
    return r;
}

/// An NPEnumResource that packs one entry whose name points outside the caller's buffer.
platform::dword MPRNOTIFY_APIENTRY enum_pointing_outside(void* /*handle*/, platform::dword* count, void* buffer,
                                                         platform::dword* size)
{
    static wchar_t outside[] = L"\\\\elsewhere\\share";
    if (*size < sizeof(platform::net_resource_w)) {
        *size = sizeof(platform::net_resource_w);
        return static_cast<platform::dword>(wn_status::more_data);
    }
    platform::net_resource_w entry{};
    entry.lpRemoteName = outside;
    std::memcpy(buffer, &entry, sizeof entry);
    *count = 1;
    return static_cast<platform::dword>(wn_status::success);
}

/// An NPCloseEnum that closes nothing: the handle stays usable, which the router must notice.
platform::dword MPRNOTIFY_APIENTRY close_nothing(void* /*handle*/)
{
    return static_cast<platform::dword>(wn_status::success);
}

} // namespace

TEST_CASE("browse: every random resource set comes back whole, at every count and buffer size")
{
    std::mt19937 random{20261129};
    provider_router mpr;
    mpr.add_provider(make_provider<home_browser>("Home"));
    std::size_t batches = 0;
    for (int round = 0; round < 400; ++round) {
        home_shares.clear();
        const std::size_t size = random() % 24;
        for (std::size_t i = 0; i < size; ++i) {
            home_shares.push_back(test_support::random_resource(random));
        }
        browse_call call;
        call.provider = "Home";
        const auto count_kind = random() % 3;
        call.count = count_kind == 0   ? 1U
                     : count_kind == 1 ? static_cast<platform::dword>(1U + random() % 8)
                                       : 0xFFFFFFFFU;
        call.bytes = static_cast<platform::dword>(random() % 3000);
        const auto result = mpr.browse(call);
        INFO("round " << round << ", " << size << " entries, count " << call.count << ", " << call.bytes << " bytes");
        CHECK(result.problem == "");
        CHECK(result.status == wn_status::no_more_entries);
        CHECK(result.entries == home_shares);
        batches += result.batches.size();
        for (const auto& batch : result.batches) {
            if (batch.status == wn_status::success && call.count != 0xFFFFFFFFU) {
                CHECK(batch.count <= call.count);
            }
        }
    }
    MESSAGE(batches << " NPEnumResource calls checked");
    CHECK(batches > 400);
}

TEST_CASE("browse: dwType and dwUsage select the entries MPR gets, whatever the provider returned")
{
    std::mt19937 random{20261130};
    provider_router mpr;
    mpr.add_provider(make_provider<home_browser>("Home"));
    constexpr resource_type types[] = {resource_type::any, resource_type::disk, resource_type::print};
    constexpr resource_usage usages[] = {resource_usage::none, resource_usage::connectable, resource_usage::container,
                                         resource_usage::connectable | resource_usage::container};
    for (int round = 0; round < 300; ++round) {
        home_shares.clear();
        const std::size_t size = random() % 24;
        for (std::size_t i = 0; i < size; ++i) {
            net_resource r = test_support::random_resource(random);
            r.type = types[random() % 3];
            r.usage = usages[random() % 4];
            home_shares.push_back(std::move(r));
        }
        browse_call call;
        call.provider = "Home";
        call.scope = random() % 4 == 0 ? resource_scope::connected : resource_scope::globalnet;
        call.type = types[random() % 3];
        call.usage = usages[random() % 4];
        call.count = random() % 2 == 0 ? 1U : 0xFFFFFFFFU;
        call.bytes = static_cast<platform::dword>(random() % 3000);
        const enum_filter asked{call.scope, static_cast<std::uint32_t>(call.type),
                                static_cast<std::uint32_t>(call.usage)};
        std::vector<net_resource> expected;
        for (const net_resource& r : home_shares) {
            const bool type_ok = call.type == resource_type::any || r.type == resource_type::any || r.type == call.type;
            const bool usage_ok = call.scope != resource_scope::globalnet || call.usage == resource_usage::none ||
                                  (static_cast<std::uint32_t>(r.usage) & static_cast<std::uint32_t>(call.usage)) != 0;
            CHECK(asked.selects(view_of(r)) == (type_ok && usage_ok));
            if (type_ok && usage_ok) {
                expected.push_back(r);
            }
        }
        const auto result = mpr.browse(call);
        INFO("round " << round << ", " << size << " entries, type " << static_cast<int>(call.type) << ", usage "
                      << static_cast<int>(call.usage) << ", " << call.bytes << " bytes");
        CHECK(result.problem == "");
        CHECK(result.status == wn_status::no_more_entries);
        CHECK(result.entries == expected);
    }
}

TEST_CASE("browse: the caller retries with the size WN_MORE_DATA asked for, or stops")
{
    home_shares = {share(L"\\\\home\\docs"), share(L"\\\\home\\music")};
    provider_router mpr;
    mpr.add_provider(make_provider<home_browser>("Home"));
    browse_call call;
    call.bytes = sizeof(platform::net_resource_w); // room for the entry, not its strings
    auto result = mpr.browse(call);
    REQUIRE(result.batches.size() >= 2);
    CHECK(result.batches[0].status == wn_status::more_data);
    CHECK(result.batches[0].size > call.bytes);
    CHECK(result.batches[1].bytes == result.batches[0].size);
    CHECK(result.complete());
    CHECK(result.entries == home_shares);

    call.grow = false;
    result = mpr.browse(call);
    CHECK(result.status == wn_status::more_data);
    CHECK(result.entries.empty());
    CHECK(result.problem == "");
}

TEST_CASE("browse: which providers are asked")
{
    home_shares = {share(L"\\\\home\\docs")};
    work_shares = {share(L"\\\\work\\reports")};
    provider_router mpr;
    mpr.add_provider(make_provider<home_browser>("Home"));
    mpr.add_provider(make_provider<work_browser>("Work"));

    SUBCASE("GLOBALNET: the first that opens; Work does not announce it")
    {
        const auto result = mpr.browse({});
        CHECK(result.complete());
        CHECK(result.providers == std::vector<std::size_t>{0});
        CHECK(result.entries == home_shares);
    }
    SUBCASE("CONNECTED: every provider that announces it, joined")
    {
        browse_call call;
        call.scope = resource_scope::connected;
        const auto result = mpr.browse(call);
        CHECK(result.complete());
        CHECK(result.providers == std::vector<std::size_t>{0, 1});
        CHECK(result.entries == std::vector<net_resource>{home_shares[0], work_shares[0]});
    }
    SUBCASE("a named provider alone; an unknown name without a call")
    {
        browse_call call;
        call.scope = resource_scope::connected;
        call.provider = "Work";
        CHECK(mpr.browse(call).entries == work_shares);
        const std::size_t before = mpr.calls().size();
        call.provider = "Nobody";
        CHECK(mpr.browse(call).status == wn_status::bad_provider);
        CHECK(mpr.calls().size() == before);
    }
    SUBCASE("REMEMBERED is MPR's own: no provider is asked")
    {
        browse_call call;
        call.scope = resource_scope::remembered;
        CHECK(mpr.browse(call).status == wn_status::not_supported);
        CHECK(mpr.calls().empty());
    }
    SUBCASE("the trace shows the open, the reads, the close and the closed handle's answer")
    {
        (void)mpr.browse({});
        const std::string trace = testing::format_provider_trace(mpr);
        CHECK(trace.find("NPOpenEnum") != std::string::npos);
        CHECK(trace.find("NPCloseEnum") != std::string::npos);
        CHECK(trace.find("the closed handle") != std::string::npos);
        CHECK(trace.find("WN_BAD_HANDLE") != std::string::npos);
    }
}

TEST_CASE("browse: a provider that breaks the protocol is named, never read past")
{
    home_shares = {share(L"\\\\home\\docs")};
    SUBCASE("a string outside the buffer")
    {
        auto broken = make_provider<home_browser>("Broken");
        broken.enum_resource = &enum_pointing_outside;
        provider_router mpr;
        mpr.add_provider(broken);
        const auto result = mpr.browse({});
        CHECK_FALSE(result.complete());
        CHECK(result.problem.find("outside the buffer") != std::string::npos);
        CHECK(result.entries.empty());
    }
    SUBCASE("a closed handle that still works")
    {
        auto leaky = make_provider<home_browser>("Leaky");
        leaky.close_enum = &close_nothing;
        provider_router mpr;
        mpr.add_provider(leaky);
        const auto result = mpr.browse({});
        CHECK(result.entries == home_shares);
        CHECK(result.problem.find("not WN_BAD_HANDLE") != std::string::npos);
    }
}

TEST_CASE("resource information: too small, then right; the system part in the same buffer")
{
    provider_router mpr;
    mpr.add_provider(make_provider<work_browser>("Work")); // announces no resource information
    mpr.add_provider(make_provider<home_browser>("Home"));
    const net_resource asked = share(L"\\\\home\\docs\\2026\\plan.txt");
    const auto too_small = mpr.get_resource_information(asked, 8);
    CHECK(too_small.status == wn_status::more_data);
    CHECK(too_small.size > 8);
    CHECK(too_small.problem == "");
    const auto right = mpr.get_resource_information(asked, too_small.size);
    CHECK(right.status == wn_status::success);
    CHECK(right.problem == "");
    CHECK(right.provider == 1U);
    REQUIRE(right.resource.has_value());
    CHECK(right.resource->remote_name == L"\\\\home\\docs");
    CHECK(right.system == L"\\2026\\plan.txt");
    CHECK(mpr.get_resource_information(share(L"\\\\other\\x")).status == wn_status::bad_netname);
}

TEST_CASE("resource parent and NPFormatNetworkName")
{
    provider_router mpr;
    mpr.add_provider(make_provider<home_browser>("Home"));
    const auto parent = mpr.get_resource_parent(share(L"\\\\home\\docs"));
    CHECK(parent.status == wn_status::success);
    REQUIRE(parent.resource.has_value());
    CHECK(parent.resource->remote_name == L"\\\\home");
    CHECK(parent.resource->usage == resource_usage::container);

    const auto formatted = mpr.format_network_name("Home", L"\\\\home\\docs", 0, 40);
    CHECK(formatted.status == wn_status::success);
    CHECK(formatted.text == L"\\\\home\\docs");
    const auto short_one = mpr.format_network_name("Home", L"\\\\home\\docs", 0, 40, 4);
    CHECK(short_one.status == wn_status::more_data);
    CHECK(short_one.length == 12); // 11 characters and the terminator
    CHECK(mpr.format_network_name("Nobody", L"\\\\home\\docs", 0, 40).status == wn_status::bad_provider);
}

namespace {

constexpr std::array<resource_view, 5> fixed_shares = {
    resource_view{resource_scope::globalnet, resource_type::disk, display_type::share, resource_usage::connectable,
                  std::nullopt, std::wstring_view{L"\\\\fixed\\a"}, std::wstring_view{L"first"}, std::nullopt},
    resource_view{resource_scope::globalnet, resource_type::disk, display_type::share, resource_usage::connectable,
                  std::nullopt, std::wstring_view{L"\\\\fixed\\b"}, std::wstring_view{L""}, std::nullopt},
    resource_view{resource_scope::globalnet, resource_type::print, display_type::share, resource_usage::connectable,
                  std::nullopt, std::wstring_view{L"\\\\fixed\\c"}, std::nullopt, std::nullopt},
    resource_view{resource_scope::globalnet, resource_type::disk, display_type::share, resource_usage::connectable,
                  std::nullopt, std::wstring_view{L"\\\\fixed\\d"}, std::wstring_view{L"fourth"}, std::nullopt},
    resource_view{resource_scope::globalnet, resource_type::disk, display_type::share, resource_usage::connectable,
                  std::nullopt, std::wstring_view{L"\\\\fixed\\e"}, std::nullopt, std::nullopt},
};

/// Enumerates a span over its own constant data: a borrowed range, of which only the iterators are kept.
struct span_browser {
    static constexpr std::uint32_t net_type = 0x00FC0000;
    static constexpr std::wstring_view provider_name = L"Fixed Network";
    static constexpr enum_scopes enumerates = enum_scopes::globalnet;
    std::span<const resource_view> enumerate(const enum_request&) { return fixed_shares; }
};

std::atomic<int> live_large_states{0};

/// A generator larger than a slot holds inline: its state is allocated at the open.
struct large_generator {
    std::array<std::byte, 1024> scratch{};
    std::size_t next = 0;
    large_generator() { ++live_large_states; }
    large_generator(large_generator&& other) noexcept : scratch(other.scratch), next(other.next)
    {
        ++live_large_states;
    }
    large_generator(const large_generator&) = delete;
    large_generator& operator=(const large_generator&) = delete;
    large_generator& operator=(large_generator&&) = delete;
    ~large_generator() { --live_large_states; }
    std::optional<resource_view> operator()()
    {
        if (next == fixed_shares.size()) {
            return std::nullopt;
        }
        return fixed_shares.at(next++);
    }
};

struct large_browser {
    static constexpr std::uint32_t net_type = 0x00FD0000;
    static constexpr enum_scopes enumerates = enum_scopes::globalnet;
    large_generator enumerate(const enum_request&) { return {}; }
};

constexpr platform::dword globalnet_scope = 2;

/// Reads `handle` to its end, `count` entries and a `bytes`-byte buffer per call; every batch checked.
template <class Np>
std::vector<net_resource> read_to_end(void* handle, platform::dword count, std::size_t bytes)
{
    std::vector<net_resource> read;
    for (int call = 0; call < 100; ++call) {
        std::vector<std::byte> buffer(bytes);
        platform::dword asked = count;
        auto size = static_cast<platform::dword>(bytes);
        const platform::dword answer = Np::enum_resource(handle, &asked, buffer.data(), &size);
        if (answer == 259) {
            return read;
        }
        REQUIRE(answer == 0);
        REQUIRE(mprnotify::testing::check_packed_resources(buffer.data(), bytes, asked) == "");
        for (net_resource& entry : mprnotify::testing::read_packed_resources(buffer.data(), asked)) {
            read.push_back(std::move(entry));
        }
    }
    FAIL("the enumeration did not end");
    return read;
}

} // namespace

TEST_CASE("a span over the handler's data: read in batches of every size, only its iterators kept")
{
    using np = provider_entry_points<span_browser>;
    using state = detail::enumeration_state<std::span<const resource_view>>;
    // Two iterators, the filter and how it ended; the span itself would add two more words.
    static_assert(sizeof(state) <= 2 * sizeof(void*) + 16,
                  "a borrowed range's state holds its iterators, not the range");
    for (const platform::dword count : {1U, 2U, 3U, 0xFFFFFFFFU}) {
        void* handle = nullptr;
        REQUIRE(np::open_enum(globalnet_scope, 0, 0, nullptr, &handle) == 0);
        const auto read = read_to_end<np>(handle, count, 4096);
        REQUIRE(read.size() == fixed_shares.size());
        for (std::size_t i = 0; i < read.size(); ++i) {
            net_resource expected = to_net_resource(fixed_shares.at(i));
            expected.provider = L"Fixed Network"; // the handler's provider_name
            CHECK(read[i] == expected);
        }
        CHECK(np::close_enum(handle) == 0);
        CHECK(np::close_enum(handle) == 6); // closed: WN_BAD_HANDLE
    }
    // Only the disks: the filter applies to a span as to any range.
    void* handle = nullptr;
    REQUIRE(np::open_enum(globalnet_scope, 1, 0, nullptr, &handle) == 0); // RESOURCETYPE_DISK
    CHECK(read_to_end<np>(handle, 2, 4096).size() == fixed_shares.size() - 1);
    CHECK(np::close_enum(handle) == 0);
    CHECK(np::open_enumerations() == 0);
}

TEST_CASE("a state larger than a slot holds: allocated at the open, freed at the close")
{
    using np = provider_entry_points<large_browser>;
    static_assert(sizeof(detail::enumeration_state<large_generator>) > detail::inline_enumeration_state_bytes);
    const int before = live_large_states;
    std::vector<void*> handles(3);
    for (void*& handle : handles) {
        REQUIRE(np::open_enum(globalnet_scope, 0, 0, nullptr, &handle) == 0);
    }
    CHECK(live_large_states == before + 3);
    CHECK(np::open_enumerations() == 3);
    CHECK(read_to_end<np>(handles[1], 2, 4096).size() == fixed_shares.size());
    CHECK(read_to_end<np>(handles[0], 1, 4096).size() == fixed_shares.size());
    for (void* handle : handles) {
        CHECK(np::close_enum(handle) == 0);
    }
    CHECK(live_large_states == before);
    CHECK(np::open_enumerations() == 0);
    CHECK(np::close_enum(handles[2]) == 6);
}
