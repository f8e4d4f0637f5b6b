// name_compare.hpp: names compared ordinally, ignoring case. On Windows the system compares
// (CompareStringOrdinal), so the cases every table agrees on are checked everywhere; the portable
// fold's exact extent (which units fold, and that all others compare exactly) is checked off Windows.
#include <doctest/doctest.h>

#include <mprnotify/core/name_compare.hpp>

#include <cstddef>
#include <string>
#include <string_view>

using mprnotify::equals_ignoring_case;
using mprnotify::starts_with_ignoring_case;
using namespace std::literals;

TEST_CASE("ASCII: letters fold, everything else compares exactly")
{
    CHECK(equals_ignoring_case(L"\\\\HOME\\docs", L"\\\\home\\DOCS"));
    CHECK(equals_ignoring_case(L"abcdefghijklmnopqrstuvwxyz", L"ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
    CHECK(equals_ignoring_case(L"p:", L"P:"));
    CHECK(equals_ignoring_case(L"P:", L"p:"));
    CHECK(equals_ignoring_case(L"server-01_x.y$", L"SERVER-01_X.Y$"));
    CHECK_FALSE(equals_ignoring_case(L"p:", L"Q:"));
    CHECK_FALSE(equals_ignoring_case(L"p:", L"P"));
    CHECK_FALSE(equals_ignoring_case(L"p", L"P:"));
    CHECK_FALSE(equals_ignoring_case(L"\\\\home\\docs", L"//home/docs"));
    // Pairs 0x20 apart that are not letters: @ `, [ {, \ |, ] }, ^ ~, _ DEL, digits and symbols.
    CHECK_FALSE(equals_ignoring_case(L"@", L"`"));
    CHECK_FALSE(equals_ignoring_case(L"[", L"{"));
    CHECK_FALSE(equals_ignoring_case(L"\\", L"|"));
    CHECK_FALSE(equals_ignoring_case(L"]", L"}"));
    CHECK_FALSE(equals_ignoring_case(L"^", L"~"));
    CHECK_FALSE(equals_ignoring_case(L"_", L"\x7f"));
    CHECK_FALSE(equals_ignoring_case(L"1", L"\x11"));
    CHECK_FALSE(equals_ignoring_case(L":", L"\x1a"));
}

TEST_CASE("lengths, empty texts and embedded NULs")
{
    CHECK(equals_ignoring_case(L"", L""));
    CHECK(equals_ignoring_case(std::wstring_view{}, L""));
    CHECK_FALSE(equals_ignoring_case(L"", L"a"));
    CHECK_FALSE(equals_ignoring_case(L"a", L""));
    CHECK_FALSE(equals_ignoring_case(L"\\\\home\\", L"\\\\HOME\\docs"));
    CHECK(equals_ignoring_case(L"a\0b"sv, L"A\0B"sv)); // views compare all their units
    CHECK_FALSE(equals_ignoring_case(L"a\0b"sv, L"A\0C"sv));
    CHECK_FALSE(equals_ignoring_case(L"a\0"sv, L"A"sv));

    CHECK(starts_with_ignoring_case(L"\\\\HOME\\docs", L"\\\\home\\"));
    CHECK(starts_with_ignoring_case(L"\\\\home\\docs", L"\\\\HOME\\DOCS"));
    CHECK(starts_with_ignoring_case(L"\\\\home", L""));
    CHECK(starts_with_ignoring_case(L"", L""));
    CHECK_FALSE(starts_with_ignoring_case(L"", L"a"));
    CHECK_FALSE(starts_with_ignoring_case(L"\\\\home", L"\\\\HOME\\"));
    CHECK_FALSE(starts_with_ignoring_case(L"\\\\homework\\x", L"\\\\HOME\\"));
    CHECK_FALSE(starts_with_ignoring_case(L"\\\\home\\docs", L"\\\\home\\docs\\more"));
    CHECK_FALSE(starts_with_ignoring_case(L"\\\\home\\docs", L"\\\\home/"));
}

TEST_CASE("a view is read no further than its size")
{
    const std::wstring text = L"HOMEwork";
    const std::wstring_view home{text.data(), 4};
    CHECK(equals_ignoring_case(home, L"home"));
    CHECK_FALSE(equals_ignoring_case(home, L"homew"));
    CHECK(starts_with_ignoring_case(home, L"hOmE"));
    CHECK_FALSE(starts_with_ignoring_case(home, L"homew"));
}

TEST_CASE("Latin-1, Latin Extended-A, Greek and Cyrillic letters fold with their pairs")
{
    // Latin-1: U+00E0 to U+00FE (not U+00F7) fold to U+00C0 to U+00DE; U+00FF to U+0178.
    CHECK(equals_ignoring_case(L"\u00e0\u00e9\u00ee\u00f5\u00fc\u00e6\u00f8\u00fe\u00ff",
                               L"\u00c0\u00c9\u00ce\u00d5\u00dc\u00c6\u00d8\u00de\u0178"));
    CHECK(equals_ignoring_case(L"\\\\caf\u00e9\\\u00c5r", L"\\\\CAF\u00c9\\\u00e5R"));
    CHECK_FALSE(equals_ignoring_case(L"\u00f7", L"\u00d7")); // division and multiplication signs
    CHECK_FALSE(equals_ignoring_case(L"\u00e9", L"E"));      // no folding of accents: ordinal
    // Latin Extended-A: a-macron, c-caron, l-stroke, z-caron.
    CHECK(equals_ignoring_case(L"\u0101\u010d\u0142\u017e", L"\u0100\u010c\u0141\u017d"));
    // Greek: alpha to omega, accented epsilon and omicron.
    CHECK(equals_ignoring_case(L"\u03b1\u03b2\u03b3\u03c3\u03c9\u03ad\u03cc",
                               L"\u0391\u0392\u0393\u03a3\u03a9\u0388\u038c"));
    // Cyrillic: a, de, ya, io, je.
    CHECK(equals_ignoring_case(L"\u0430\u0434\u044f\u0451\u0458", L"\u0410\u0414\u042f\u0401\u0408"));
    CHECK(starts_with_ignoring_case(L"\\\\\u0441\u0435\u0440\u0432\u0435\u0440\\x",
                                    L"\\\\\u0421\u0415\u0420\u0412\u0415\u0420\\"));
    CHECK_FALSE(equals_ignoring_case(L"\u0430", L"a")); // Cyrillic a is not Latin a
    CHECK_FALSE(equals_ignoring_case(L"\u03bf", L"O")); // nor Greek omicron Latin O
}

#if !defined(_WIN32)

TEST_CASE("off Windows: the letters Windows' table leaves out, and everything beyond the ranges, compare exactly")
{
    CHECK_FALSE(equals_ignoring_case(L"\u00b5", L"\u039c")); // micro sign, capital mu
    CHECK_FALSE(equals_ignoring_case(L"\u0131", L"I"));      // dotless i
    CHECK_FALSE(equals_ignoring_case(L"\u017f", L"S"));      // long s
    CHECK_FALSE(equals_ignoring_case(L"\u03c2", L"\u03a3")); // final sigma
    CHECK_FALSE(equals_ignoring_case(L"\u00df", L"SS"));     // sharp s: no single-unit uppercase
    CHECK_FALSE(equals_ignoring_case(L"\u0130", L"i"));      // capital I with dot
    // Beyond the ranges: Latin Extended-B, Armenian, Latin Extended Additional, fullwidth, Deseret.
    CHECK_FALSE(equals_ignoring_case(L"\u0180", L"\u0243"));
    CHECK_FALSE(equals_ignoring_case(L"\u01c6", L"\u01c4"));
    CHECK_FALSE(equals_ignoring_case(L"\u0561", L"\u0531"));
    CHECK_FALSE(equals_ignoring_case(L"\u1e01", L"\u1e00"));
    CHECK_FALSE(equals_ignoring_case(L"\uff41", L"\uff21"));
    CHECK_FALSE(equals_ignoring_case(L"\U00010428", L"\U00010400"));
}

TEST_CASE("off Windows: among U+0000 to U+04FF, exactly the 297 lower-upper pairs fold")
{
    // 26 ASCII + 31 Latin-1 + 61 Latin Extended-A + 55 Greek + 124 Cyrillic pairs, no unit in two.
    std::size_t pairs = 0;
    for (wchar_t a = 0; a < 0x500; ++a) {
        for (wchar_t b = static_cast<wchar_t>(a + 1); b < 0x500; ++b) {
            if (equals_ignoring_case(std::wstring_view{&a, 1}, std::wstring_view{&b, 1})) {
                CHECK(equals_ignoring_case(std::wstring_view{&b, 1}, std::wstring_view{&a, 1}));
                ++pairs;
            }
        }
    }
    CHECK(pairs == 297);
    // The fold is constexpr off Windows.
    static_assert(mprnotify::detail::portable_upper(L'z') == L'Z');
    static_assert(mprnotify::detail::portable_upper(L'\u00ff') == L'\u0178');
    static_assert(mprnotify::detail::portable_upper(L'\u04cf') == L'\u04c0');
    static_assert(mprnotify::detail::portable_upper(L'Z') == L'Z');
}

#endif
