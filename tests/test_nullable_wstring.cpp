#include <doctest/doctest.h>

#include <mprnotify/core/nullable_wstring.hpp>

#include <string_view>
#include <type_traits>

using mprnotify::nullable_wstring;

static_assert(std::is_trivially_copyable_v<nullable_wstring>);
static_assert(sizeof(nullable_wstring) == sizeof(void*));

TEST_CASE("a NULL field is absent, not empty-and-present")
{
    const nullable_wstring absent{nullptr};
    CHECK_FALSE(absent.has_value());
    CHECK(absent.absent_or_empty());
    CHECK(absent.view().empty());
    CHECK_FALSE(absent.optional().has_value());
    CHECK(absent.value_or(L"fallback") == L"fallback");
    CHECK(absent.span().empty());
    CHECK(absent.c_str() == nullptr);
    CHECK_FALSE(absent == std::wstring_view{});
}

TEST_CASE("an empty field is present and empty")
{
    const nullable_wstring empty{L""};
    CHECK(empty.has_value());
    CHECK(empty.absent_or_empty());
    CHECK(empty.optional() == std::wstring_view{});
    CHECK(empty == std::wstring_view{});
    CHECK_FALSE(empty == nullable_wstring{nullptr});
}

TEST_CASE("a field views MPR's characters without copying")
{
    const wchar_t* text = L"\\\\server\\share";
    const nullable_wstring field{text};
    CHECK(field.view().data() == text);
    CHECK(field.view().size() == 14);
    CHECK(field.span().data() == text);
    CHECK(field.span().size() == 14);
    CHECK(field == std::wstring_view{L"\\\\server\\share"});
    CHECK(field == nullable_wstring{L"\\\\server\\share"});
    CHECK_FALSE(field.absent_or_empty());
}

// optional() and span() are templates only to defer instantiation: callers see exactly these types.
static_assert(std::is_same_v<decltype(nullable_wstring{}.span()), std::span<const wchar_t>>);
static_assert(std::is_same_v<decltype(nullable_wstring{}.optional()), std::optional<std::wstring_view>>);
template <class T>
concept offers_mutable_span = requires(T n)
{
    n.template span<wchar_t>();
};
static_assert(!offers_mutable_span<nullable_wstring>, "no mutable span of MPR's characters");

TEST_CASE("comparisons walk the characters: prefixes, longer texts, arrays and embedded NULs")
{
    const nullable_wstring x{L"X:"};
    CHECK(x == L"X:");
    CHECK(L"X:" == x);
    CHECK(x != L"X");
    CHECK(x != L"X:\\");
    CHECK(x != L"");
    CHECK(nullable_wstring{L"X"} != L"X:");
    CHECK(nullable_wstring{L""} == L"");
    CHECK_FALSE(nullable_wstring{nullptr} == L"");

    const wchar_t buffer[8] = L"X:"; // an array compares by its text up to the first NUL, like a view of it
    CHECK(x == buffer);
    const wchar_t unterminated[2] = {L'X', L':'}; // no NUL inside: all of it
    CHECK(x == unterminated);
    CHECK(nullable_wstring{L"X:y"} != unterminated);

    CHECK(x == std::wstring_view{L"X:"});
    CHECK(x != std::wstring_view{L"X:\0", 3}); // the field ends where the view still has a NUL
    CHECK(x != std::wstring_view{L"X"});

    CHECK(x == nullable_wstring{L"X:"});
    CHECK(x != nullable_wstring{L"X:y"});
    CHECK(nullable_wstring{L"X:y"} != x);
    CHECK(nullable_wstring{nullptr} == nullable_wstring{nullptr});
    CHECK(nullable_wstring{nullptr} != nullable_wstring{L""});
}

TEST_CASE("ignoring case: Windows names compared ordinally; a NULL field matches nothing")
{
    const nullable_wstring drive{L"p:"};
    CHECK(drive.equals_ignoring_case(L"P:"));
    CHECK(drive.equals_ignoring_case(L"p:"));
    CHECK(nullable_wstring{L"X:"}.equals_ignoring_case(std::wstring_view{L"x:"}));
    CHECK_FALSE(drive.equals_ignoring_case(L"Q:"));
    CHECK_FALSE(drive.equals_ignoring_case(L"P"));
    CHECK_FALSE(drive.equals_ignoring_case(L"P:\\"));
    CHECK_FALSE(drive.equals_ignoring_case(L""));
    CHECK_FALSE(drive != L"p:"); // == still compares exactly
    CHECK(drive != L"P:");

    const nullable_wstring remote{L"\\\\HOME\\docs"};
    CHECK(remote.starts_with_ignoring_case(L"\\\\home\\"));
    CHECK(remote.starts_with_ignoring_case(L""));
    CHECK(remote.equals_ignoring_case(L"\\\\home\\DOCS"));
    CHECK_FALSE(remote.starts_with_ignoring_case(L"\\\\homework\\"));
    CHECK_FALSE(remote.starts_with_ignoring_case(L"\\\\home\\docs\\more"));
    CHECK_FALSE(remote.equals_ignoring_case(L"\\\\home\\"));

    CHECK(nullable_wstring{L""}.equals_ignoring_case(L""));
    CHECK(nullable_wstring{L""}.starts_with_ignoring_case(L""));
    CHECK_FALSE(nullable_wstring{L""}.equals_ignoring_case(L"a"));
    CHECK_FALSE(nullable_wstring{nullptr}.equals_ignoring_case(L""));
    CHECK_FALSE(nullable_wstring{nullptr}.starts_with_ignoring_case(L""));
    CHECK_FALSE(nullable_wstring{}.equals_ignoring_case(L"P:"));

    CHECK(nullable_wstring{L"\u00e9t\u00e9"}.equals_ignoring_case(L"\u00c9T\u00c9"));
    CHECK(nullable_wstring{L"\u03c3\u03c9"}.equals_ignoring_case(L"\u03a3\u03a9"));
    CHECK(nullable_wstring{L"\u0434\u043e\u043c"}.equals_ignoring_case(L"\u0414\u041e\u041c"));
    CHECK_FALSE(nullable_wstring{L"ab"}.equals_ignoring_case(std::wstring_view{L"AB\0", 3}));
}
