// Enumeration through the provider boundary, dwType and dwUsage: the library hands MPR only the entries
// the request selects, whether the handler applies the filter or not, across batches of every size.
#include "enumeration_browsers.hpp"

namespace {

net_resource entry(std::wstring name, resource_type type, resource_usage usage)
{
    net_resource r = share(std::move(name));
    r.type = type;
    r.usage = usage;
    return r;
}

/// Shares, printers and containers mixed, as a provider that ignores dwType and dwUsage returns them.
std::vector<net_resource> mixed()
{
    return {
        entry(L"printer1", resource_type::print, resource_usage::connectable),
        entry(L"docs", resource_type::disk, resource_usage::connectable),
        entry(L"server", resource_type::any, resource_usage::container),
        entry(L"printer2", resource_type::print, resource_usage::connectable),
        entry(L"projects", resource_type::disk, resource_usage::connectable | resource_usage::container),
        entry(L"odd", resource_type::disk, resource_usage::none),
        entry(L"printer3", resource_type::print, resource_usage::connectable),
    };
}

/// The entries of mixed() the filter keeps, in order.
std::vector<net_resource> selected(const enum_filter& filter)
{
    std::vector<net_resource> kept;
    for (const net_resource& r : mixed()) {
        if (filter.selects(view_of(r))) {
            kept.push_back(r);
        }
    }
    return kept;
}

std::vector<std::wstring> names(const std::vector<net_resource>& resources)
{
    std::vector<std::wstring> out;
    for (const net_resource& r : resources) {
        out.push_back(r.remote_name.value_or(L"(none)").substr(7)); // the name after the server
    }
    return out;
}

template <class Np>
std::vector<std::wstring> browse(platform::dword scope, platform::dword type, platform::dword usage, std::size_t bytes,
                                 platform::dword count)
{
    void* handle = nullptr;
    REQUIRE(Np::open_enum(scope, type, usage, nullptr, &handle) == 0);
    platform::dword last = 0;
    const auto got = read_all<Np>(handle, bytes, count, last);
    CHECK(last == 259);
    CHECK(Np::close_enum(handle) == 0);
    return names(got);
}

using strings = std::vector<std::wstring>;

} // namespace

TEST_CASE("enum_filter: dwType DISK / PRINT select, an entry of type any is always taken; dwUsage for GLOBALNET")
{
    constexpr enum_filter everything{};
    static_assert(everything.selects_everything());
    static_assert(enum_filter{resource_scope::globalnet, 0x10, 0}.selects_everything());  // just ATTACHED
    static_assert(enum_filter{resource_scope::globalnet, 0x8, 0x4}.selects_everything()); // no selecting bit
    constexpr enum_filter printers{resource_scope::globalnet, 0x2, 0};
    static_assert(!printers.selects_everything());
    static_assert(printers.selects(resource_type::print) && !printers.selects(resource_type::disk));
    static_assert(printers.selects(resource_type::any));
    constexpr enum_filter containers{resource_scope::globalnet, 0, 0x2};
    static_assert(containers.selects(resource_usage::container) && !containers.selects(resource_usage::connectable));
    static_assert(containers.selects(resource_usage::connectable | resource_usage::container));
    static_assert(!containers.selects(resource_usage::none));
    static_assert(enum_filter{resource_scope::globalnet, 0, 0x12}.selects(resource_usage::container)); // + ATTACHED
    static_assert(enum_filter{resource_scope::globalnet, 0, 0x10}.selects_everything());
    static_assert(enum_filter{resource_scope::connected, 0, 0x2}.selects_everything()); // dwUsage: GLOBALNET only
    static_assert(!enum_filter{resource_scope::connected, 0x1, 0x2}.selects(resource_type::print));

    const enum_request request{resource_scope::globalnet, 0x11, 0x1, nullptr};
    CHECK(request.wants(resource_type::disk));
    CHECK(request.wants(resource_type::any));
    CHECK_FALSE(request.wants(resource_type::print));
    CHECK(request.wants(resource_usage::connectable));
    CHECK_FALSE(request.wants(resource_usage::container));
    CHECK(request.requires_authentication());
}

TEST_CASE_FIXTURE(reset, "a provider that ignores dwType / dwUsage: the library hands MPR only what was asked for")
{
    shares = mixed();
    // A real provider's defect: asked for printers, it returned its disk shares too.
    CHECK(browse<np_vector>(globalnet, 0x2, 0, 4096, all) == strings{L"printer1", L"server", L"printer2", L"printer3"});
    CHECK(browse<np>(globalnet, 0x1, 0, 4096, all) == strings{L"docs", L"server", L"projects", L"odd"});
    CHECK(browse<np>(globalnet, 0x11, 0, 4096, all) == strings{L"docs", L"server", L"projects", L"odd"}); // + ATTACHED
    CHECK(browse<np_vector>(globalnet, 0, 0x2, 4096, all) == strings{L"server", L"projects"});
    CHECK(browse<np>(globalnet, 0, 0x1, 4096, all) ==
          strings{L"printer1", L"docs", L"printer2", L"projects", L"printer3"});
    CHECK(browse<np_vector>(globalnet, 0x1, 0x2, 4096, all) == strings{L"server", L"projects"});
    CHECK(browse<np>(globalnet, 0, 0, 4096, all) == names(mixed()));
    CHECK(browse<np>(globalnet, 0x10, 0x10, 4096, all) == names(mixed()));
    // RESOURCE_CONNECTED: dwUsage is not applied, dwType is.
    CHECK(browse<np>(1, 0x2, 0x2, 4096, all) == strings{L"printer1", L"server", L"printer2", L"printer3"});
}

TEST_CASE_FIXTURE(reset, "skipped entries across batches: every count and buffer size, ranges and generators")
{
    shares = mixed();
    std::size_t largest = 0;
    for (const auto& s : shares) {
        largest = (std::max)(largest, packed_size(view_of(s)));
    }
    for (const platform::dword type : {0x0U, 0x1U, 0x2U}) {
        for (const platform::dword usage : {0x0U, 0x1U, 0x2U, 0x3U}) {
            const auto expected = names(selected(enum_filter{resource_scope::globalnet, type, usage}));
            for (const platform::dword count : {platform::dword{1}, platform::dword{2}, all}) {
                for (std::size_t bytes = largest; bytes < 3 * largest; bytes += 13) {
                    CAPTURE(type);
                    CAPTURE(usage);
                    CAPTURE(count);
                    CAPTURE(bytes);
                    CHECK(browse<np>(globalnet, type, usage, bytes, count) == expected);
                    CHECK(browse<np_vector>(globalnet, type, usage, bytes, count) == expected);
                    CHECK(browse<provider_entry_points<made_browser>>(globalnet, type, usage, bytes, count) ==
                          expected);
                }
            }
        }
    }
}

TEST_CASE_FIXTURE(reset, "WN_MORE_DATA sizes the next entry asked for; only unwanted entries left: WN_NO_MORE_ENTRIES")
{
    shares = mixed();
    void* handle = nullptr;
    REQUIRE(np_vector::open_enum(globalnet, 0x1, 0x2, nullptr, &handle) == 0); // disk containers: server, projects
    platform::dword count = all;
    platform::dword size = 0;
    CHECK(np_vector::enum_resource(handle, &count, nullptr, &size) == 234);
    CHECK(size == packed_size(view_of(shares[2])));
    std::vector<std::byte> buffer(size);
    CHECK(np_vector::enum_resource(handle, &count, buffer.data(), &size) == 0);
    CHECK(count == 1);
    CHECK(read_packed_resources(buffer.data(), 1).at(0) == shares[2]);
    count = 1;
    size = 0;
    CHECK(np_vector::enum_resource(handle, &count, nullptr, &size) == 234);
    CHECK(size == packed_size(view_of(shares[4])));
    buffer.resize(size);
    CHECK(np_vector::enum_resource(handle, &count, buffer.data(), &size) == 0);
    CHECK(read_packed_resources(buffer.data(), 1).at(0) == shares[4]);
    count = all;
    size = static_cast<platform::dword>(buffer.size());
    CHECK(np_vector::enum_resource(handle, &count, buffer.data(), &size) == 259); // "odd", printer3 skipped
    CHECK(np_vector::close_enum(handle) == 0);

    shares = {entry(L"printer", resource_type::print, resource_usage::connectable)};
    CHECK(browse<np>(globalnet, 0x1, 0, 4096, all).empty()); // nothing asked for: the end at once
}

TEST_CASE_FIXTURE(reset, "enumerate_applies_filter = true: the library skips nothing")
{
    using np_trusted = provider_entry_points<trusted_browser>;
    static_assert(detail::enumerate_applies_filter<trusted_browser>());
    static_assert(!detail::enumerate_applies_filter<vector_browser>());
    shares = mixed();
    CHECK(browse<np_trusted>(globalnet, 0x2, 0x2, 4096, all) == names(mixed()));
    CHECK(browse<np_trusted>(globalnet, 0x1, 0, 4096, 1) == names(mixed()));
}
