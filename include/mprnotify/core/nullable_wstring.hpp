// mprnotify/core/nullable_wstring.hpp - a NUL-terminated wide string field that may be NULL.
//
// MPR may pass NULL for any string field. A nullable_wstring keeps "absent" (NULL) apart from
// "empty" (L""), and gives std::wstring_view / std::span access without copying. The length is
// measured on each access (wcslen), so holding one costs a pointer. equals_ignoring_case and
// starts_with_ignoring_case compare as Windows compares names (name_compare.hpp).
#pragma once

#include <cstddef>
#include <cwchar>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>

#include "name_compare.hpp"

namespace mprnotify {

class nullable_wstring {
public:
    constexpr nullable_wstring() noexcept = default;
    constexpr explicit nullable_wstring(const wchar_t* text) noexcept : text_(text) {}

    /// True when the field is not NULL (it may still be empty).
    [[nodiscard]] constexpr bool has_value() const noexcept { return text_ != nullptr; }
    constexpr explicit operator bool() const noexcept { return has_value(); }

    /// True when the field is NULL or L"".
    [[nodiscard]] constexpr bool absent_or_empty() const noexcept { return text_ == nullptr || text_[0] == L'\0'; }

    /// The text; an empty view when the field is NULL.
    [[nodiscard]] std::wstring_view view() const noexcept
    {
        return text_ == nullptr ? std::wstring_view{} : std::wstring_view{text_};
    }

    /// The text, or std::nullopt when the field is NULL. (optional() and span() are templates only
    /// so that std::optional and std::span are instantiated by the code that calls them, not by every
    /// notifyee: together that is about a seventh of what the library adds to a notifyee's compile.)
    template <class View = std::wstring_view>
    requires std::is_same_v<View, std::wstring_view>
    [[nodiscard]] std::optional<View> optional() const noexcept
    {
        if (text_ == nullptr) {
            return std::nullopt;
        }
        return std::wstring_view{text_};
    }

    /// The text, or `fallback` when the field is NULL.
    [[nodiscard]] std::wstring_view value_or(std::wstring_view fallback) const noexcept
    {
        return text_ == nullptr ? fallback : std::wstring_view{text_};
    }

    /// The characters without the terminator; empty when the field is NULL.
    template <class Char = const wchar_t>
    requires std::is_same_v<Char, const wchar_t>
    [[nodiscard]] std::span<Char> span() const noexcept
    {
        const std::wstring_view text = view();
        return {text.data(), text.size()};
    }

    /// The raw pointer MPR passed, possibly NULL.
    [[nodiscard]] constexpr const wchar_t* c_str() const noexcept { return text_; }

    /// Absent equals absent; present compares by content. Absent never equals present.
    /// Comparisons walk the characters once and stop at the first difference: no length is
    /// measured, so a check against a literal costs about what a hand-written wcscmp does.
    [[nodiscard]] friend bool operator==(nullable_wstring a, nullable_wstring b) noexcept
    {
        if (a.text_ == nullptr || b.text_ == nullptr) {
            return a.text_ == b.text_;
        }
        const wchar_t* x = a.text_;
        const wchar_t* y = b.text_;
        for (; *x == *y; ++x, ++y) {
            if (*x == L'\0') {
                return true;
            }
        }
        return false;
    }
    [[nodiscard]] friend bool operator==(nullable_wstring a, std::wstring_view b) noexcept
    {
        return a.has_value() && equals(a.text_, b.data(), b.size());
    }
    /// An array (a literal) compares by its text up to its first NUL, as a view of it would; the
    /// length is known at compile time, so `name == L"X:"` compiles to a few compares.
    template <std::size_t N>
    [[nodiscard]] friend bool operator==(nullable_wstring a, const wchar_t (&b)[N]) noexcept
    {
        std::size_t size = 0;
        while (size < N && b[size] != L'\0') {
            ++size;
        }
        return a.has_value() && equals(a.text_, b, size);
    }

    /// True when the field is not NULL and its text is `other`, ignoring case as Windows compares
    /// names (ordinal; on Windows CompareStringOrdinal). Reads the text no further than one character
    /// past `other`'s length or its terminator: nothing is measured.
    [[nodiscard]] bool equals_ignoring_case(std::wstring_view other) const noexcept
    {
        return text_ != nullptr && detail::terminated_equals_ignoring_case(text_, other);
    }
    /// True when the field is not NULL and its text begins with `prefix`, ignoring case likewise.
    [[nodiscard]] bool starts_with_ignoring_case(std::wstring_view prefix) const noexcept
    {
        return text_ != nullptr && detail::terminated_starts_with_ignoring_case(text_, prefix);
    }

private:
    /// `text` is NUL-terminated; `other` has exactly `size` characters. Reads `text` no further
    /// than its terminator.
    [[nodiscard]] static constexpr bool equals(const wchar_t* text, const wchar_t* other, std::size_t size) noexcept
    {
        for (std::size_t i = 0; i < size; ++i) {
            if (text[i] == L'\0' || text[i] != other[i]) { // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic)
                return false;
            }
        }
        return text[size] == L'\0'; // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic)
    }

    const wchar_t* text_ = nullptr;
};

} // namespace mprnotify
