// The request views: the defined NETRESOURCE fields only, deviceless, flags, the owner window only
// when interactive, credentials as secrets.
#include <doctest/doctest.h>

#include <mprnotify/provider/connect_request.hpp>

#include <string>
#include <type_traits>

using mprnotify::connect_entry;
using mprnotify::connect_request;
using mprnotify::disconnect_request;
namespace platform = mprnotify::platform;

// The names MPR must pass are compared without being measured (wzstring_view.hpp); the requests
// stay views: trivially copyable, nothing copied.
static_assert(std::is_same_v<decltype(std::declval<const connect_request&>().remote_name()), mprnotify::wzstring_view>);
static_assert(std::is_same_v<decltype(std::declval<const disconnect_request&>().name()), mprnotify::wzstring_view>);
static_assert(std::is_trivially_copyable_v<connect_request>);
static_assert(std::is_trivially_copyable_v<disconnect_request>);

namespace {
struct resource {
    std::wstring local = L"P:";
    std::wstring remote = L"\\\\home\\docs";
    platform::net_resource_w raw{};
    resource()
    {
        raw.dwType = 1;
        raw.lpLocalName = local.data();
        raw.lpRemoteName = remote.data();
    }
};
const auto window = reinterpret_cast<platform::window_handle>(0x1234); // NOLINT: a handle value, never dereferenced
} // namespace

TEST_CASE("the defined fields are read as MPR passed them")
{
    resource r;
    const connect_request request{
        r.raw, L"pw", nullptr, platform::window_handle{}, 0x4, connect_entry::add_connection3};
    CHECK(request.remote_name() == L"\\\\home\\docs");
    CHECK(request.remote_name().c_str() == r.remote.data()); // zero-copy
    CHECK(request.remote_name().starts_with(L"\\\\home\\"));
    CHECK(request.remote_name().view().substr(7) == L"docs");
    CHECK(request.local_name() == L"P:");
    CHECK_FALSE(request.is_deviceless());
    CHECK(request.resource_type() == mprnotify::resource_type::disk);
    CHECK(request.flags().temporary());
    CHECK(request.password().given());
    CHECK_FALSE(request.user_name().given());
    CHECK(request.entry() == connect_entry::add_connection3);
}

TEST_CASE("NULL and empty local names are both deviceless, and stay distinguishable")
{
    resource r;
    r.raw.lpLocalName = nullptr;
    const connect_request null_local{r.raw, nullptr, nullptr, nullptr, 0, connect_entry::add_connection};
    CHECK(null_local.is_deviceless());
    CHECK_FALSE(null_local.local_name().has_value());
    r.local.clear();
    r.raw.lpLocalName = r.local.data();
    const connect_request empty_local{r.raw, nullptr, nullptr, nullptr, 0, connect_entry::add_connection};
    CHECK(empty_local.is_deviceless());
    CHECK(empty_local.local_name().has_value());
}

TEST_CASE("the owner window is handed out only with CONNECT_INTERACTIVE; unknown flag bits are kept")
{
    resource r;
    const connect_request quiet{r.raw, nullptr, nullptr, window, 0x0, connect_entry::add_connection3};
    CHECK_FALSE(quiet.owner_window().has_value());
    const connect_request interactive{r.raw,  nullptr,           nullptr,
                                      window, 0x8 | 0x10000000U, connect_entry::add_connection3};
    REQUIRE(interactive.owner_window().has_value());
    CHECK(*interactive.owner_window() == window);
    CHECK(interactive.flags().interactive());
    CHECK(interactive.flags().unknown_bits() == 0x10000000U);
}

TEST_CASE("disconnect_request: the name and the force flag")
{
    const wchar_t* name = L"P:";
    const disconnect_request request{name, true};
    CHECK(request.name() == L"P:");
    CHECK(request.name().c_str() == name); // zero-copy
    CHECK(request.force());
    CHECK_FALSE(disconnect_request(L"\\\\home\\docs", false).force());
}
