// wzstring_view: a never-NULL terminated wide string whose comparisons read no further than the
// first difference or the terminator (guard pages prove it), and agree with std::wstring_view's.
#include <doctest/doctest.h>

#include <mprnotify/core/wzstring_view.hpp>

#include <algorithm>
#include <compare>
#include <cstring>
#include <map>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "guard_page.hpp"

using mprnotify::wzstring_view;
using namespace std::literals;

static_assert(std::is_trivially_copyable_v<wzstring_view>);
static_assert(sizeof(wzstring_view) == sizeof(void*));
static_assert(!std::is_convertible_v<const wchar_t*, wzstring_view>, "a raw pointer is wrapped explicitly");
static_assert(std::is_convertible_v<wzstring_view, std::wstring_view>);
static_assert(!std::is_convertible_v<std::wstring_view, wzstring_view>, "a view need not be terminated");
static_assert(!std::is_convertible_v<wzstring_view, const wchar_t*>, "c_str() says so");

// Everything is constexpr: the answers below are checked by the compiler too.
static_assert(wzstring_view{L"P:"} == L"P:");
static_assert(wzstring_view{L"P:"} != L"P:\\");
static_assert(wzstring_view{L"P:"} == L"P:"sv);
static_assert(wzstring_view{L"\\\\home\\docs"}.starts_with(L"\\\\home\\"));
static_assert(!wzstring_view{L"\\\\home"}.starts_with(L"\\\\home\\"));
static_assert((wzstring_view{L"A:"} <=> wzstring_view{L"B:"}) < 0);
static_assert(wzstring_view{nullptr}.empty());
static_assert(wzstring_view{}.c_str() != nullptr);

TEST_CASE("the text is MPR's, never copied; NULL is the empty string, never a NULL pointer")
{
    const wchar_t* text = L"\\\\server\\share";
    const wzstring_view name{text};
    CHECK(name.c_str() == text);
    CHECK(name.view().data() == text);
    CHECK(name.view().size() == 14);
    const std::wstring_view converted = name; // implicit: substr, find, std::wstring all work
    CHECK(converted.data() == text);
    CHECK(converted.substr(2, 6) == L"server");
    CHECK(std::wstring{name} == L"\\\\server\\share");
    CHECK_FALSE(name.empty());

    const wzstring_view null_name{nullptr};
    REQUIRE(null_name.c_str() != nullptr);
    CHECK(null_name.empty());
    CHECK(null_name == L"");
    CHECK(null_name.view().empty());
    CHECK(wzstring_view{}.empty());
}

TEST_CASE("equality: literals, views, other names, prefixes and longer texts")
{
    const wzstring_view p{L"P:"};
    CHECK(p == L"P:");
    CHECK(L"P:" == p);
    CHECK(p == L"P:"sv);
    CHECK(L"P:"sv == p);
    CHECK(p == std::wstring{L"P:"});
    CHECK(p == wzstring_view{L"P:"});
    CHECK(p != L"P");
    CHECK(p != L"P:\\");
    CHECK(p != L"Q:");
    CHECK(p != L"");
    CHECK(p != L"P"sv);
    CHECK(p != L"P:\\"sv);
    CHECK(p != wzstring_view{L"P"});
    CHECK(p != wzstring_view{L"P:\\"});
    CHECK(wzstring_view{L""} == L""sv);
    CHECK(wzstring_view{L""} == wzstring_view{});
}

TEST_CASE("embedded NULs: an array compares by its text up to its first NUL, a view by all of it")
{
    const wzstring_view ab{L"ab"};
    CHECK(ab == L"ab\0cd");                     // the array's text is "ab", as std::wstring_view{array} reads it
    CHECK(ab != std::wstring_view{L"ab\0", 3}); // the view has three characters, the name two
    CHECK(ab.starts_with(L"ab\0zz"));
    CHECK_FALSE(ab.starts_with(std::wstring_view{L"ab\0", 3}));
    CHECK((ab <=> std::wstring_view{L"ab\0", 3}) < 0);
    constexpr wchar_t padded[8] = L"ab"; // a constant buffer with room to spare
    CHECK(ab == padded);
    CHECK(ab.starts_with(padded));
}

TEST_CASE("starts_with: literals, views, names, one character")
{
    const wzstring_view remote{L"\\\\home\\docs"};
    CHECK(remote.starts_with(L"\\\\home\\"));
    CHECK(remote.starts_with(L"\\\\home\\"sv));
    CHECK(remote.starts_with(wzstring_view{L"\\\\home\\"}));
    CHECK(remote.starts_with(L"\\\\home\\docs"));
    CHECK(remote.starts_with(L""));
    CHECK(remote.starts_with(std::wstring_view{}));
    CHECK(remote.starts_with(L'\\'));
    CHECK_FALSE(remote.starts_with(L'\0'));
    CHECK_FALSE(remote.starts_with(L"\\\\home\\docs\\more"));
    CHECK_FALSE(remote.starts_with(L"\\\\home\\docs\\more"sv));
    CHECK_FALSE(remote.starts_with(wzstring_view{L"\\\\home\\docs\\more"}));
    CHECK_FALSE(remote.starts_with(L"\\\\Home\\"));
    CHECK_FALSE(wzstring_view{}.starts_with(L'x'));
}

TEST_CASE("ordering agrees with std::wstring_view, so a std::less<> map finds a name without measuring it")
{
    const std::vector<std::wstring> texts{L"", L"A", L"A:", L"AB", L"B", L"a", L"\\\\home\\x", L"\\\\home"};
    for (const auto& x : texts) {
        for (const auto& y : texts) {
            CAPTURE(std::string(x.begin(), x.end()));
            CAPTURE(std::string(y.begin(), y.end()));
            const wzstring_view name{x.c_str()};
            CHECK((name <=> std::wstring_view{y}) == (std::wstring_view{x} <=> std::wstring_view{y}));
            CHECK((name <=> wzstring_view{y.c_str()}) == (std::wstring_view{x} <=> std::wstring_view{y}));
            CHECK((name == std::wstring_view{y}) == (x == y));
            CHECK((name == wzstring_view{y.c_str()}) == (x == y));
            CHECK(name.starts_with(std::wstring_view{y}) == std::wstring_view{x}.starts_with(y));
        }
    }
    const std::map<std::wstring, int, std::less<>> drives{{L"P:", 1}, {L"Q:", 2}, {L"\\\\home\\music", 3}};
    CHECK(drives.find(wzstring_view{L"Q:"})->second == 2);
    CHECK(drives.find(wzstring_view{L"\\\\home\\music"})->second == 3);
    CHECK(drives.find(wzstring_view{L"R:"}) == drives.end());
    CHECK(drives.find(wzstring_view{L"P"}) == drives.end());
}

TEST_CASE("a comparison reads the name no further than its terminator (the next byte is a guard page)")
{
    // Each text ends exactly at a guard page: a compare reading one character too far faults.
    for (const std::wstring_view text : {L""sv, L"P"sv, L"P:"sv, L"\\\\home\\"sv, L"\\\\home\\docs"sv}) {
        const test_support::guarded_tail page{(text.size() + 1) * sizeof(wchar_t)};
        REQUIRE(page.data() != nullptr);
        auto* chars = static_cast<wchar_t*>(page.data());
        std::copy(text.begin(), text.end(), chars);
        chars[text.size()] = L'\0'; // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic)
        const wzstring_view name{chars};
        CHECK((name == text));
        CHECK_FALSE(name == L"\\\\home\\docs\\longer");
        CHECK_FALSE(name == L"\\\\home\\docs\\longer"sv);
        CHECK_FALSE(name.starts_with(L"\\\\home\\docs\\longer"));
        CHECK_FALSE(name.starts_with(L"\\\\home\\docs\\longer"sv));
        CHECK_FALSE(name.starts_with(wzstring_view{L"\\\\home\\docs\\longer"}));
        CHECK((name <=> L"\\\\home\\docs\\longer"sv) < 0);
        CHECK((name <=> wzstring_view{L"\\\\home\\docs\\longer"}) < 0);
        CHECK(name.view() == text);
    }
}

TEST_CASE("ignoring case: Windows names compared ordinally, as CompareStringOrdinal with bIgnoreCase does")
{
    const wzstring_view remote{L"\\\\HOME\\docs"};
    CHECK(remote.starts_with_ignoring_case(L"\\\\home\\"));
    CHECK(remote.starts_with_ignoring_case(L"\\\\HoMe\\"sv));
    CHECK(remote.starts_with_ignoring_case(std::wstring{L"\\\\HOME\\DOCS"}));
    CHECK(remote.starts_with_ignoring_case(wzstring_view{L"\\\\home\\d"}));
    CHECK(remote.starts_with_ignoring_case(L""));
    CHECK_FALSE(remote.starts_with_ignoring_case(L"\\\\home\\docs\\more"));
    CHECK_FALSE(remote.starts_with_ignoring_case(L"\\\\homework\\"));
    CHECK_FALSE(remote.starts_with_ignoring_case(L"\\\\home/"));
    CHECK_FALSE(remote.starts_with(L"\\\\home\\")); // starts_with and == still compare exactly

    CHECK(remote.equals_ignoring_case(L"\\\\home\\DOCS"));
    CHECK(remote.equals_ignoring_case(L"\\\\HOME\\docs"sv));
    CHECK_FALSE(remote.equals_ignoring_case(L"\\\\home\\"));
    CHECK_FALSE(remote.equals_ignoring_case(L"\\\\home\\doc"));
    CHECK_FALSE(remote.equals_ignoring_case(L"\\\\home\\docs2"));
    CHECK_FALSE(remote == L"\\\\home\\docs");

    const wzstring_view drive{L"p:"};
    CHECK(drive.equals_ignoring_case(L"P:"));
    CHECK(drive.equals_ignoring_case(L"p:"));
    CHECK(wzstring_view{L"P:"}.equals_ignoring_case(L"p:"));
    CHECK_FALSE(drive.equals_ignoring_case(L"Q:"));
    CHECK_FALSE(drive.equals_ignoring_case(L"P"));
    CHECK_FALSE(drive.equals_ignoring_case(L"P:\\"));
    CHECK_FALSE(drive.equals_ignoring_case(L"P;")); // non-letters compare exactly
    CHECK_FALSE(wzstring_view{L"@"}.equals_ignoring_case(L"`"));
    CHECK_FALSE(wzstring_view{L"["}.equals_ignoring_case(L"{"));

    CHECK(wzstring_view{}.equals_ignoring_case(L""));
    CHECK(wzstring_view{nullptr}.starts_with_ignoring_case(L""));
    CHECK_FALSE(wzstring_view{}.equals_ignoring_case(L"a"));
    CHECK_FALSE(wzstring_view{}.starts_with_ignoring_case(L"a"));
    CHECK_FALSE(drive.equals_ignoring_case(L""));

    // A view with an embedded NUL: the name ends there, the view goes on.
    CHECK_FALSE(wzstring_view{L"ab"}.equals_ignoring_case(std::wstring_view{L"AB\0", 3}));
    CHECK_FALSE(wzstring_view{L"ab"}.starts_with_ignoring_case(std::wstring_view{L"A\0", 2}));
    CHECK_FALSE(wzstring_view{L"ab"}.starts_with_ignoring_case(std::wstring_view{L"AB\0", 3}));

    // Latin-1, Latin Extended-A, Greek, Cyrillic.
    CHECK(wzstring_view{L"\\\\caf\u00e9\\\u00e5r\u00ff"}.equals_ignoring_case(L"\\\\CAF\u00c9\\\u00c5R\u0178"));
    CHECK(wzstring_view{L"\u0142\u00f3d\u017a"}.equals_ignoring_case(L"\u0141\u00d3D\u0179"));
    CHECK(wzstring_view{L"\\\\\u03b1\u03b8\u03ae\u03bd\u03b1"}.starts_with_ignoring_case(L"\\\\\u0391\u0398\u0389"));
    CHECK(wzstring_view{L"\\\\\u043c\u043e\u0441\u043a\u0432\u0430\\x"}.starts_with_ignoring_case(
        L"\\\\\u041c\u041e\u0421\u041a\u0412\u0410\\"));
    CHECK_FALSE(wzstring_view{L"\u0430"}.equals_ignoring_case(L"A")); // Cyrillic a is not Latin A
#if !defined(_WIN32)
    // Off Windows only the ranges name_compare.hpp lists fold: beyond them units compare exactly.
    CHECK_FALSE(wzstring_view{L"\u0180"}.equals_ignoring_case(L"\u0243"));
    CHECK_FALSE(wzstring_view{L"\u0561"}.equals_ignoring_case(L"\u0531"));
    CHECK_FALSE(wzstring_view{L"\uff41"}.equals_ignoring_case(L"\uff21"));
    CHECK_FALSE(wzstring_view{L"\u0131"}.equals_ignoring_case(L"I"));
#endif
}

TEST_CASE("ignoring case, a comparison reads the name no further than its terminator (guard page)")
{
    for (const std::wstring_view text : {L""sv, L"P"sv, L"p:"sv, L"\\\\HOME\\"sv, L"\\\\HOME\\docs"sv}) {
        const test_support::guarded_tail page{(text.size() + 1) * sizeof(wchar_t)};
        REQUIRE(page.data() != nullptr);
        auto* chars = static_cast<wchar_t*>(page.data());
        std::copy(text.begin(), text.end(), chars);
        chars[text.size()] = L'\0'; // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic)
        const wzstring_view name{chars};
        CHECK(name.equals_ignoring_case(text));
        CHECK(name.starts_with_ignoring_case(text));
        CHECK_FALSE(name.equals_ignoring_case(L"\\\\home\\docs\\longer"));
        CHECK_FALSE(name.starts_with_ignoring_case(L"\\\\home\\docs\\longer"));
    }
}
