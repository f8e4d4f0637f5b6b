#include <doctest/doctest.h>

#include <mprnotify/notifyee/add_connection.hpp>

#include <type_traits>

#include "support.hpp"

using mprnotify::add_connection;
using mprnotify::add_flags;
using mprnotify::connect_flag;

static_assert(std::is_trivially_copyable_v<add_connection>);
// A view of a temporary would dangle: only an lvalue the boundary checked can be viewed.
static_assert(!std::is_constructible_v<add_connection, mprnotify::platform::notify_add_w&&>);
static_assert(std::is_constructible_v<add_connection, const mprnotify::platform::notify_add_w&>);
static_assert(std::is_trivially_copyable_v<add_flags>);

TEST_CASE("an add view reads the defined NOTIFYADD fields")
{
    test_support::add_struct add;
    int window = 0;
    add.raw.hwndOwner = reinterpret_cast<mprnotify::platform::window_handle>(&window);
    add.raw.dwAddFlags = 0x1 | 0x8;
    const add_connection view{add.raw};
    CHECK(view.local_name() == std::wstring_view{L"Z:"});
    CHECK(view.remote_name() == std::wstring_view{L"\\\\server\\share"});
    CHECK(view.remote_name().view().data() == add.remote.data()); // zero-copy
    CHECK(view.resource_type() == mprnotify::resource_type::disk);
    CHECK(view.owner_window() == add.raw.hwndOwner);
    CHECK(view.flags().update_profile());
    CHECK(view.flags().interactive());
    CHECK_FALSE(view.flags().temporary());
    CHECK_FALSE(view.is_deviceless());
}

TEST_CASE("NULL strings and an empty local name are fine: deviceless connections")
{
    test_support::add_struct add;
    add.raw.NetResource.lpLocalName = nullptr;
    add.raw.NetResource.lpRemoteName = nullptr;
    const add_connection view{add.raw};
    CHECK_FALSE(view.local_name().has_value());
    CHECK_FALSE(view.remote_name().has_value());
    CHECK(view.is_deviceless());
    add.local.clear();
    add.raw.NetResource.lpLocalName = add.local.data();
    CHECK(view.local_name().has_value());
    CHECK(view.is_deviceless());
}

TEST_CASE("dwAddFlags is an open bit set: unknown bits are kept, not rejected")
{
    const add_flags flags{0x1U | 0x80U | 0x800U | 0x40000U};
    CHECK(flags.update_profile());
    CHECK(flags.has(connect_flag::redirect));
    CHECK(flags.has(connect_flag::command_line));
    CHECK_FALSE(flags.has(connect_flag::cmd_save_credentials));
    CHECK(flags.bits() == (0x1U | 0x80U | 0x800U | 0x40000U));
    CHECK(flags.unknown_bits() == 0x40000U);
    CHECK(add_flags{0x10}.prompt());
    CHECK(add_flags{0x2}.update_recent());
    CHECK(add_flags{0x4}.temporary());
}

TEST_CASE("resource types other than the three defined ones pass through")
{
    test_support::add_struct add;
    add.raw.NetResource.dwType = 8;
    CHECK(static_cast<std::uint32_t>(add_connection{add.raw}.resource_type()) == 8U);
}
