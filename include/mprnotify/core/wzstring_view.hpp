// mprnotify/core/wzstring_view.hpp - a NUL-terminated wide string that is never NULL, compared without
// being measured.
//
// A name MPR must pass (NPAddConnection's remote name, NPCancelConnection's name, NPGetConnection's
// local name) reaches the hook as a wzstring_view once the boundary has checked that it is not
// NULL. Comparisons (==, <=>, starts_with) walk the characters once and stop at the first
// difference, as wcscmp and wcsncmp do: no length is measured first, so `name == L"P:"` compiles
// to a few compares. equals_ignoring_case and starts_with_ignoring_case compare as Windows compares
// names, ordinally ignoring case (name_compare.hpp), without measuring the name either. Everything
// else goes through view() or the implicit conversion to std::wstring_view, which measure the text
// once; c_str() hands the terminated text to a Win32 call without a copy. (Unlike a
// std::wstring_view it does not know its length: that is the point.) One pointer, trivially
// copyable; valid only as long as the text (for a hook: during the call).
#pragma once

#include <compare>
#include <cstddef>
#include <string_view>

#include "name_compare.hpp"

// A compare against a literal is unrolled into one compare per character: the loop is unrolled
// when its length is known at compile time (a literal array, or a view whose size the optimiser
// sees as a constant), and kept in the caller so that the literal's characters become immediates.
// GCC and Clang understand these; other compilers get the plain loops, which give the same answers.
#if defined(__GNUC__)
#  define MPRNOTIFY_DETAIL_UNROLL _Pragma("GCC unroll 16")
#  define MPRNOTIFY_DETAIL_ALWAYS_INLINE [[gnu::always_inline]]
#  define MPRNOTIFY_DETAIL_KNOWN_AT_COMPILE_TIME(value) __builtin_constant_p(value)
#else
#  define MPRNOTIFY_DETAIL_UNROLL
#  define MPRNOTIFY_DETAIL_ALWAYS_INLINE
#  define MPRNOTIFY_DETAIL_KNOWN_AT_COMPILE_TIME(value) false
#endif

namespace mprnotify {

namespace detail {
/// Not constexpr: reaching it in a constant evaluation is the compile error.
inline void array_without_terminator() noexcept {}
} // namespace detail

class wzstring_view {
public:
    /// The empty string.
    constexpr wzstring_view() noexcept = default;
    /// `text` is NUL-terminated. NULL is taken as the empty string (the library never passes one).
    constexpr explicit wzstring_view(const wchar_t* text) noexcept : text_(text == nullptr ? L"" : text) {}
    /// A string literal (or another constant array), checked at compile time to end with its NUL.
    template <std::size_t N>
    consteval wzstring_view(const wchar_t (&text)[N]) noexcept : text_(text) // NOLINT(google-explicit-constructor)
    {
        if (text[N - 1] != L'\0') {
            detail::array_without_terminator();
        }
    }

    /// The terminated text, never NULL: for a Win32 call that wants a C string.
    [[nodiscard]] constexpr const wchar_t* c_str() const noexcept { return text_; }
    [[nodiscard]] constexpr bool empty() const noexcept { return text_[0] == L'\0'; }

    /// The text as a std::wstring_view: measures it (wcslen). Measure once and keep the view when
    /// several operations need the length.
    [[nodiscard]] constexpr std::wstring_view view() const noexcept { return std::wstring_view{text_}; }
    // NOLINTNEXTLINE(google-explicit-constructor): a name reads as a std::wstring_view wherever one is wanted
    constexpr operator std::wstring_view() const noexcept { return view(); }

    /// True when the text begins with `prefix`; reads the text no further than the prefix's length
    /// or its own terminator.
    [[nodiscard]] MPRNOTIFY_DETAIL_ALWAYS_INLINE constexpr bool starts_with(std::wstring_view prefix) const noexcept
    {
        // A NUL in the prefix matches nothing: the text has ended there.
        const std::size_t size = prefix.size(); // a scalar: GCC sees through it, not through prefix.size()
        if (MPRNOTIFY_DETAIL_KNOWN_AT_COMPILE_TIME(size) && size <= 16) {
            MPRNOTIFY_DETAIL_UNROLL
            for (std::size_t i = 0; i < size; ++i) {
                if (at(i) != prefix[i] || prefix[i] == L'\0') {
                    return false;
                }
            }
            return true;
        }
        for (std::size_t i = 0; i < size; ++i) {
            if (at(i) != prefix[i] || prefix[i] == L'\0') {
                return false;
            }
        }
        return true;
    }
    [[nodiscard]] constexpr bool starts_with(wzstring_view prefix) const noexcept
    {
        for (std::size_t i = 0; prefix.at(i) != L'\0'; ++i) {
            if (at(i) != prefix.at(i)) {
                return false;
            }
        }
        return true;
    }
    /// An array (a literal) is a prefix by its text up to its first NUL. The loop is unrolled for
    /// the array's known length, so with a literal this is one compare per character.
    template <std::size_t N>
    [[nodiscard]] MPRNOTIFY_DETAIL_ALWAYS_INLINE constexpr bool starts_with(const wchar_t (&prefix)[N]) const noexcept
    {
        MPRNOTIFY_DETAIL_UNROLL
        for (std::size_t i = 0; i < N; ++i) {
            if (prefix[i] == L'\0') {
                return true;
            }
            if (at(i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
    [[nodiscard]] constexpr bool starts_with(wchar_t c) const noexcept { return c != L'\0' && at(0) == c; }

    /// True when the text is `other`, ignoring case as Windows compares names (ordinal; on Windows
    /// CompareStringOrdinal). Reads the text no further than one character past `other`'s length or
    /// its own terminator. Not constexpr: on Windows the system compares.
    [[nodiscard]] bool equals_ignoring_case(std::wstring_view other) const noexcept
    {
        return detail::terminated_equals_ignoring_case(text_, other);
    }
    /// True when the text begins with `prefix`, ignoring case as equals_ignoring_case does; reads the
    /// text no further than the prefix's length or its own terminator.
    [[nodiscard]] bool starts_with_ignoring_case(std::wstring_view prefix) const noexcept
    {
        return detail::terminated_starts_with_ignoring_case(text_, prefix);
    }

    /// Lexicographic by character value, as std::wstring_view compares: a map keyed by std::wstring
    /// with std::less<> finds a wzstring_view without measuring it.
    [[nodiscard]] friend constexpr std::strong_ordering operator<=>(wzstring_view a, std::wstring_view b) noexcept
    {
        for (std::size_t i = 0;; ++i) {
            if (i == b.size()) {
                return a.at(i) == L'\0' ? std::strong_ordering::equal : std::strong_ordering::greater;
            }
            if (a.at(i) == L'\0') {
                return std::strong_ordering::less; // a ended first (b may hold a NUL here: b is longer)
            }
            if (a.at(i) != b[i]) {
                return a.at(i) <=> b[i];
            }
        }
    }
    [[nodiscard]] friend constexpr std::strong_ordering operator<=>(wzstring_view a, wzstring_view b) noexcept
    {
        std::size_t i = 0;
        for (; a.at(i) == b.at(i); ++i) {
            if (a.at(i) == L'\0') {
                return std::strong_ordering::equal;
            }
        }
        return a.at(i) <=> b.at(i); // NUL is the smallest value: the shorter text is less
    }
    template <std::size_t N>
    [[nodiscard]] friend constexpr std::strong_ordering operator<=>(wzstring_view a, const wchar_t (&b)[N]) noexcept
    {
        return a <=> std::wstring_view{b, literal_size(b)};
    }

    /// Equality stops at the first difference; no length is measured.
    [[nodiscard]] MPRNOTIFY_DETAIL_ALWAYS_INLINE friend constexpr bool operator==(wzstring_view a,
                                                                                  std::wstring_view b) noexcept
    {
        return a.starts_with(b) && a.at(b.size()) == L'\0';
    }
    [[nodiscard]] friend constexpr bool operator==(wzstring_view a, wzstring_view b) noexcept
    {
        return std::is_eq(a <=> b);
    }
    /// An array (a literal) compares by its text up to its first NUL, as a view of it would; with a
    /// literal, `name == L"P:"` is three compares.
    template <std::size_t N>
    [[nodiscard]] MPRNOTIFY_DETAIL_ALWAYS_INLINE friend constexpr bool operator==(wzstring_view a,
                                                                                  const wchar_t (&b)[N]) noexcept
    {
        MPRNOTIFY_DETAIL_UNROLL
        for (std::size_t i = 0; i < N; ++i) {
            if (a.at(i) != b[i]) {
                return false;
            }
            if (b[i] == L'\0') {
                return true;
            }
        }
        return a.at(N) == L'\0'; // the array has no NUL: its text is all N characters
    }

private:
    /// Only ever called at or before the terminator. GCC's -Warray-bounds, seeing the unrolled
    /// compare of a short array against a longer literal, warns about the paths where the array has
    /// no terminator: those reads are the caller's broken promise, not this code's.
#if defined(__GNUC__) && !defined(__clang__)
#  pragma GCC diagnostic push
#  pragma GCC diagnostic ignored "-Warray-bounds"
#endif
    [[nodiscard]] constexpr wchar_t at(std::size_t i) const noexcept
    {
        return text_[i]; // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic)
    }
#if defined(__GNUC__) && !defined(__clang__)
#  pragma GCC diagnostic pop
#endif
    template <std::size_t N>
    [[nodiscard]] static constexpr std::size_t literal_size(const wchar_t (&text)[N]) noexcept
    {
        std::size_t size = 0;
        while (size < N && text[size] != L'\0') {
            ++size;
        }
        return size;
    }

    const wchar_t* text_ = L"";
};

} // namespace mprnotify
