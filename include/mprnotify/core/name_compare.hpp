// mprnotify/core/name_compare.hpp - Windows names compared as Windows compares them: ordinally,
// ignoring case.
//
// UNC server and share names and drive letters are case-insensitive: \\HOME\docs is \\home\docs,
// and p: is P:. On Windows the comparison is CompareStringOrdinal with bIgnoreCase TRUE, which
// uppercases with the operating system's table: no locale, no normalisation. Elsewhere a portable
// fold uppercases the letters of Basic Latin, Latin-1 Supplement and Latin Extended-A (U+0000 to
// U+017F), Greek and Coptic, and Cyrillic (U+0370 to U+04FF) by the pairs of Windows' published
// uppercase table; every other unit compares exactly. Nothing allocates and nothing throws.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>

#include "platform.hpp"

#if MPRNOTIFY_PLATFORM_WINDOWS
#  if defined(__GNUC__) && !defined(__clang__)
// Declared again so that GCC knows it throws nothing (see GetLastError in platform.hpp); this also
// declares it when WINVER is below Vista's 0x0600, where the SDK leaves it out.
extern "C" WINBASEAPI int WINAPI CompareStringOrdinal(LPCWCH lpString1, int cchCount1, LPCWCH lpString2, int cchCount2,
                                                      WINBOOL bIgnoreCase) __attribute__((nothrow));
#  elif defined(WINVER) && WINVER < 0x0600
extern "C" WINBASEAPI int WINAPI CompareStringOrdinal(LPCWCH lpString1, int cchCount1, LPCWCH lpString2, int cchCount2,
                                                      BOOL bIgnoreCase);
#  endif
#endif

namespace mprnotify {

namespace detail {

/// The uppercase of one unit off Windows: the pairs that Windows' uppercase table (the "Windows 8
/// Upper Case Mapping Table" of [MS-FSA] 3.1.5.3) has in U+0000 to U+017F and U+0370 to U+04FF.
/// Every other unit is returned as it is, among them the lowercase letters whose Unicode uppercase
/// is another letter's (U+00B5 micro sign, U+0131 dotless i, U+017F long s, U+03C2 final sigma,
/// U+0345, the Greek symbols U+03D0, U+03D1, U+03D5, U+03D6, U+03F0, U+03F1, U+03F5), and U+03F3:
/// the table leaves them out too.
[[nodiscard]] constexpr wchar_t portable_upper(wchar_t c) noexcept
{
    // A negative 32-bit wchar_t becomes no letter.
    const auto u = static_cast<std::uint32_t>(c); // NOLINT(bugprone-signed-char-misuse): wchar_t, not char
    const bool odd = (u & 1U) != 0;
    std::uint32_t upper = u;
    if (u >= 0x61 && u <= 0x7A) { // a-z
        upper = u - 0x20;
    } else if (u < 0xE0 || (u > 0x17F && u < 0x370)) {
        // nothing: the rest of Basic Latin and the Latin-1 Supplement up to U+00DF; Latin
        // Extended-B, IPA, modifiers and combining marks
    } else if (u <= 0xFE) {
        upper = u == 0xF7 ? u : u - 0x20; // U+00E0 to U+00FE, the division sign excepted
    } else if (u == 0xFF) {
        upper = 0x178;
    } else if (u <= 0x17F) { // Latin Extended-A: pairs, the lowercase one odd or even by stretch
        if (u <= 0x12F || (u >= 0x132 && u <= 0x137) || (u >= 0x14A && u <= 0x177)) {
            upper = odd ? u - 1 : u;
        } else if ((u >= 0x139 && u <= 0x148) || (u >= 0x179 && u <= 0x17E)) {
            upper = odd ? u : u - 1;
        }
    } else if (u <= 0x3FF) { // Greek and Coptic
        if (u <= 0x373 || u == 0x376 || u == 0x377 || (u >= 0x3D8 && u <= 0x3EF)) {
            upper = odd ? u - 1 : u;
        } else if (u >= 0x37B && u <= 0x37D) {
            upper = u + 0x82;
        } else if (u == 0x3AC) {
            upper = 0x386;
        } else if (u >= 0x3AD && u <= 0x3AF) {
            upper = u - 0x25;
        } else if (u >= 0x3B1 && u <= 0x3CB && u != 0x3C2) {
            upper = u - 0x20;
        } else if (u == 0x3CC) {
            upper = 0x38C;
        } else if (u == 0x3CD || u == 0x3CE) {
            upper = u - 0x3F;
        } else if (u == 0x3D7) {
            upper = 0x3CF;
        } else if (u == 0x3F2) {
            upper = 0x3F9;
        } else if (u == 0x3F8 || u == 0x3FB) {
            upper = u - 1;
        }
    } else if (u <= 0x4FF) { // Cyrillic
        if (u >= 0x430 && u <= 0x44F) {
            upper = u - 0x20;
        } else if (u >= 0x450 && u <= 0x45F) {
            upper = u - 0x50;
        } else if ((u >= 0x460 && u <= 0x481) || (u >= 0x48A && u <= 0x4BF) || u >= 0x4D0) {
            upper = odd ? u - 1 : u;
        } else if (u >= 0x4C1 && u <= 0x4CE) {
            upper = odd ? u : u - 1;
        } else if (u == 0x4CF) {
            upper = 0x4C0;
        }
    }
    return static_cast<wchar_t>(upper);
}

/// `a` and `b` hold `size` units each. Ordinal, ignoring case.
// NOLINTNEXTLINE(bugprone-easily-swappable-parameters): two texts compared, either order
[[nodiscard]] inline bool same_units_ignoring_case(const wchar_t* a, const wchar_t* b, std::size_t size) noexcept
{
#if MPRNOTIFY_PLATFORM_WINDOWS
    // CompareStringOrdinal counts in int: a longer text is compared in pieces.
    constexpr auto most = static_cast<std::size_t>((std::numeric_limits<int>::max)());
    while (size != 0) {
        const std::size_t piece = size < most ? size : most;
        if (::CompareStringOrdinal(a, static_cast<int>(piece), b, static_cast<int>(piece), TRUE) != CSTR_EQUAL) {
            return false;
        }
        a += piece; // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic)
        b += piece; // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic)
        size -= piece;
    }
    return true;
#else
    for (std::size_t i = 0; i < size; ++i) {
        const wchar_t x = a[i]; // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic)
        const wchar_t y = b[i]; // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic)
        if (x != y && portable_upper(x) != portable_upper(y)) {
            return false;
        }
    }
    return true;
#endif
}

// Only called at or before the terminator. GCC's -Warray-bounds, comparing a short array with a
// longer view once both are inlined, warns about paths where the array has no terminator: those
// reads would be the caller's broken promise (wzstring_view.hpp's at() says the same).
#if defined(__GNUC__) && !defined(__clang__)
#  pragma GCC diagnostic push
#  pragma GCC diagnostic ignored "-Warray-bounds"
#endif

/// The NUL-terminated `text` begins with `prefix`, ignoring case. Reads the text no further than
/// the prefix's length or its own terminator. A NUL in the prefix matches nothing.
[[nodiscard]] inline bool terminated_starts_with_ignoring_case(const wchar_t* text, std::wstring_view prefix) noexcept
{
#if MPRNOTIFY_PLATFORM_WINDOWS
    // The system compares counted texts: the name must have as many units before its NUL.
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (text[i] == L'\0' || prefix[i] == L'\0') { // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic)
            return false;
        }
    }
    return same_units_ignoring_case(text, prefix.data(), prefix.size());
#else
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        const wchar_t c = text[i]; // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic)
        if (c == L'\0' || (c != prefix[i] && portable_upper(c) != portable_upper(prefix[i]))) {
            return false; // the name ended, or differs (a NUL in the prefix differs from every unit but NUL)
        }
    }
    return true;
#endif
}

/// The NUL-terminated `text` is `other`, ignoring case. Reads the text no further than one unit
/// past `other`'s length or its own terminator.
[[nodiscard]] inline bool terminated_equals_ignoring_case(const wchar_t* text, std::wstring_view other) noexcept
{
    return terminated_starts_with_ignoring_case(text, other) &&
           text[other.size()] == L'\0'; // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic)
}

#if defined(__GNUC__) && !defined(__clang__)
#  pragma GCC diagnostic pop
#endif

} // namespace detail

/// `a` and `b` are the same name: the same length, every unit equal ignoring case (ordinal).
[[nodiscard]] inline bool equals_ignoring_case(std::wstring_view a, std::wstring_view b) noexcept
{
    return a.size() == b.size() && detail::same_units_ignoring_case(a.data(), b.data(), a.size());
}

/// `text` begins with `prefix`, ignoring case (ordinal).
[[nodiscard]] inline bool starts_with_ignoring_case(std::wstring_view text, std::wstring_view prefix) noexcept
{
    return text.size() >= prefix.size() && detail::same_units_ignoring_case(text.data(), prefix.data(), prefix.size());
}

} // namespace mprnotify
