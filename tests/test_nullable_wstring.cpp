#include <doctest/doctest.h>

#include <mprnotify/core/nullable_wstring.hpp>

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
