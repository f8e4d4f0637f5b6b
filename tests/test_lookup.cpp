// A lookup's answer: a value, a WN code, or "not mine"; the accepted value types.
#include <doctest/doctest.h>

#include <mprnotify/provider/lookup.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

using mprnotify::lookup;
using mprnotify::wn_status;
using mprnotify::detail::lookup_value_t;

static_assert(std::is_same_v<lookup_value_t<std::optional<std::wstring>>, std::wstring>);
static_assert(std::is_same_v<lookup_value_t<lookup<std::wstring_view>>, std::wstring_view>);
static_assert(std::is_same_v<lookup_value_t<const lookup<mprnotify::universal_name>&>, mprnotify::universal_name>);
static_assert(std::is_void_v<lookup_value_t<std::wstring>>, "a bare value is not an answer: not-found must be sayable");
static_assert(std::is_void_v<lookup_value_t<int>>);

TEST_CASE("lookup holds a value or a code")
{
    const lookup<std::wstring> found{std::wstring{L"\\\\home\\docs"}};
    CHECK(found.has_value());
    CHECK(found.status() == wn_status::success);
    CHECK(found.value() == L"\\\\home\\docs");
    const lookup<std::wstring> refused{wn_status::no_network};
    CHECK_FALSE(refused.has_value());
    CHECK(refused.status() == wn_status::no_network);
    const lookup<std::wstring> not_mine{std::nullopt};
    CHECK(not_mine.status() == wn_status::not_connected);
}

TEST_CASE("WN_SUCCESS without a value is not an answer: it reads as WN_NOT_CONNECTED")
{
    const lookup<std::wstring_view> odd{wn_status::success};
    CHECK_FALSE(odd.has_value());
    CHECK(odd.status() == wn_status::not_connected);
}

TEST_CASE("status_of and value_of read optional and lookup alike")
{
    using mprnotify::detail::status_of;
    using mprnotify::detail::value_of;
    const std::optional<std::wstring_view> some{L"x"};
    const std::optional<std::wstring_view> none;
    CHECK(status_of(some) == wn_status::success);
    CHECK(status_of(none) == wn_status::not_connected);
    CHECK(value_of(some) == L"x");
    const lookup<mprnotify::universal_name_view> name{mprnotify::universal_name_view{L"\\\\h\\s", L"\\f"}};
    CHECK(value_of(name).connection == L"\\\\h\\s");
    CHECK(value_of(name).remaining_path == L"\\f");
}
