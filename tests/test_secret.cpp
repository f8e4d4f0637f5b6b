// Credentials as secrets: NULL apart from empty, no way to the text but reveal(), wiped copies.
#include <doctest/doctest.h>

#include <mprnotify/core/secret.hpp>

#include <ostream> // doctest prints std::string_view through it
#include <string>
#include <string_view>
#include <type_traits>

using mprnotify::secret;
using mprnotify::secret_string;

template <class T>
concept streamable = requires(std::ostream& out, const T& value)
{
    out << value;
};
template <class T>
concept wide_streamable = requires(std::wostream& out, const T& value)
{
    out << value;
};
template <class T>
concept comparable = requires(const T& a, const T& b)
{
    a == b;
};

// Streaming a secret is a compile error with its own message: tests/compile_fail/secret_streamed.cpp.
static_assert(!std::is_convertible_v<secret, std::wstring_view>, "no implicit way to the text");
static_assert(!std::is_convertible_v<secret, std::wstring>);
static_assert(!std::is_convertible_v<secret, const wchar_t*>);
static_assert(!std::is_convertible_v<secret, bool>, "not even to bool: given() says it");
static_assert(!std::is_constructible_v<std::wstring_view, secret>);
static_assert(!std::is_convertible_v<secret_string, std::wstring_view>);
static_assert(!comparable<secret> && !comparable<secret_string>, "no comparison that could leak by timing or by log");
static_assert(!std::is_copy_constructible_v<secret_string>, "a copy is made only by secret::copy()");

TEST_CASE("NULL is the default credential, empty is no password, text is given")
{
    const secret absent{nullptr};
    const secret empty{L""};
    const secret given{L"hunter2"};
    CHECK_FALSE(absent.given());
    CHECK(absent.presence() == "absent");
    CHECK(absent.reveal().empty());
    CHECK(empty.given());
    CHECK(empty.empty());
    CHECK(empty.presence() == "given");
    CHECK(given.given());
    CHECK_FALSE(given.empty());
    CHECK(given.reveal() == L"hunter2");
}

TEST_CASE("secret views MPR's characters without copying them")
{
    wchar_t text[] = L"abc";
    const secret s{text};
    CHECK(s.reveal().data() == text);
}

TEST_CASE("copy() owns the text, keeps absent absent, and is wiped and absent after clear()")
{
    secret_string none = secret{nullptr}.copy();
    CHECK_FALSE(none.given());
    secret_string owned = secret{L"pa55"}.copy();
    REQUIRE(owned.given());
    CHECK(owned.reveal() == L"pa55");
    secret_string moved = std::move(owned);
    CHECK_FALSE(owned.given()); // NOLINT(bugprone-use-after-move): the moved-from state is the point
    CHECK(owned.reveal().empty());
    CHECK(moved.reveal() == L"pa55");
    moved.clear();
    CHECK_FALSE(moved.given());
    CHECK(moved.reveal().empty());
    secret_string empty = secret{L""}.copy();
    CHECK(empty.given());
    CHECK(empty.reveal().empty());
}

TEST_CASE("secure_wipe zeroes every character it is given and nothing else")
{
    wchar_t text[] = L"secret!";
    mprnotify::detail::secure_wipe(text, 6);
    for (int i = 0; i < 6; ++i) {
        CHECK(text[i] == L'\0');
    }
    CHECK(text[6] == L'!');
}
