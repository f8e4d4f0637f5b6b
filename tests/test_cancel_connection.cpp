#include <doctest/doctest.h>

#include <mprnotify/notifyee/cancel_connection.hpp>

#include <type_traits>

#include "support.hpp"

using mprnotify::cancel_connection;
using mprnotify::phase;
using mprnotify::wn_status;

static_assert(std::is_trivially_copyable_v<cancel_connection>);

TEST_CASE("a cancel view reads name, flags and force")
{
    test_support::cancel_struct cancel;
    cancel.raw.dwFlags = 1;
    cancel.raw.fForce = 1;
    const cancel_connection view{cancel.raw, phase::pre, wn_status::success};
    CHECK(view.name() == std::wstring_view{L"Z:"});
    CHECK(view.update_profile());
    CHECK(view.force());
    CHECK(view.flag_bits() == 1U);
    cancel.raw.fForce = 0;
    cancel.raw.dwFlags = 0;
    CHECK_FALSE(view.force());
    CHECK_FALSE(view.update_profile());
}

TEST_CASE("lpProvider is read only on post of a successful cancel")
{
    test_support::cancel_struct cancel;
    CHECK_FALSE(cancel_connection(cancel.raw, phase::pre, wn_status::success).provider().has_value());
    CHECK_FALSE(cancel_connection(cancel.raw, phase::post, wn_status::open_files).provider().has_value());
    CHECK_FALSE(cancel_connection(cancel.raw, phase::unknown, wn_status::success).provider().has_value());
    const cancel_connection done{cancel.raw, phase::post, wn_status::success};
    CHECK(done.provider() == std::wstring_view{L"Microsoft Windows Network"});
}

TEST_CASE("an undefined lpProvider on pre is never dereferenced")
{
    test_support::cancel_struct cancel;
    // A dangling, misaligned value: reading it would crash or trip the sanitizers.
    cancel.raw.lpProvider = reinterpret_cast<wchar_t*>(static_cast<std::uintptr_t>(0x13));
    CHECK_FALSE(cancel_connection(cancel.raw, phase::pre, wn_status::success).provider().has_value());
    cancel.raw.lpName = nullptr;
    CHECK_FALSE(cancel_connection(cancel.raw, phase::pre, wn_status::success).name().has_value());
}
