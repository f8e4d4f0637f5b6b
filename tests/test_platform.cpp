// The portable layout off Windows, the SDK layout on Windows (sizes and offsets from the docs).
#include <doctest/doctest.h>

#include <mprnotify/core/platform.hpp>

#include <cstddef>
#include <ostream> // doctest prints std::string_view through it
#include <string_view>

namespace platform = mprnotify::platform;

constexpr bool is64 = sizeof(void*) == 8;

static_assert(sizeof(platform::notify_info) == (is64 ? 16 : 12));
static_assert(offsetof(platform::notify_info, dwNotifyStatus) == 0);
static_assert(offsetof(platform::notify_info, dwOperationStatus) == 4);
static_assert(offsetof(platform::notify_info, lpContext) == 8);

static_assert(sizeof(platform::net_resource_w) == (is64 ? 48 : 32));
static_assert(offsetof(platform::net_resource_w, dwType) == 4);
static_assert(offsetof(platform::net_resource_w, lpLocalName) == 16);
static_assert(offsetof(platform::net_resource_w, lpRemoteName) == (is64 ? 24 : 20));
static_assert(offsetof(platform::net_resource_w, lpComment) == (is64 ? 32 : 24));
static_assert(offsetof(platform::net_resource_w, lpProvider) == (is64 ? 40 : 28));

static_assert(sizeof(platform::notify_add_w) == (is64 ? 64 : 40));
static_assert(offsetof(platform::notify_add_w, hwndOwner) == 0);
static_assert(offsetof(platform::notify_add_w, NetResource) == (is64 ? 8 : 4));
static_assert(offsetof(platform::notify_add_w, dwAddFlags) == (is64 ? 56 : 36));

static_assert(sizeof(platform::notify_cancel_w) == (is64 ? 24 : 16));
static_assert(offsetof(platform::notify_cancel_w, lpName) == 0);
static_assert(offsetof(platform::notify_cancel_w, lpProvider) == (is64 ? 8 : 4));
static_assert(offsetof(platform::notify_cancel_w, dwFlags) == (is64 ? 16 : 8));
static_assert(offsetof(platform::notify_cancel_w, fForce) == (is64 ? 20 : 12));

TEST_CASE("phase constants are npapi.h's NOTIFY_PRE and NOTIFY_POST")
{
    CHECK(platform::notify_pre == 1U);
    CHECK(platform::notify_post == 2U);
    CHECK(std::string_view{platform::add_connect_notify_name} == "AddConnectNotify");
    CHECK(std::string_view{platform::cancel_connect_notify_name} == "CancelConnectNotify");
}

TEST_CASE("the layout holds at run time too")
{
    platform::notify_cancel_w cancel{};
    const auto* base = reinterpret_cast<const unsigned char*>(&cancel);
    CHECK(reinterpret_cast<const unsigned char*>(&cancel.fForce) - base == (is64 ? 20 : 12));
    CHECK(sizeof(cancel) == (is64 ? 24U : 16U));
}

#if MPRNOTIFY_PLATFORM_WINDOWS
TEST_CASE("last_error_guard restores the thread's last-error value")
{
    ::SetLastError(1234);
    {
        const platform::last_error_guard guard;
        ::SetLastError(5);
    }
    CHECK(::GetLastError() == 1234U);
}
#endif
