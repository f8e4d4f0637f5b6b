// printable_utf8: every real character as UTF-8, everything that could break a log line escaped.
#include <doctest/doctest.h>

#include <mprnotify/core/text.hpp>

#include <string>

using mprnotify::append_printable_utf8;
using mprnotify::printable_utf8;

TEST_CASE("ASCII, backslashes included, is copied as it is")
{
    CHECK(printable_utf8(L"") == "");
    CHECK(printable_utf8(L"\\\\server\\share as Z:") == "\\\\server\\share as Z:");
}

TEST_CASE("non-ASCII characters become their UTF-8 bytes")
{
    CHECK(printable_utf8(L"donn\u00e9es") == "donn\xc3\xa9"
                                             "es");                                           // 2 bytes
    CHECK(printable_utf8(L"\u0424\u0430\u0439\u043b") == "\xd0\xa4\xd0\xb0\xd0\xb9\xd0\xbb"); // Cyrillic
    CHECK(printable_utf8(L"\u20ac") == "\xe2\x82\xac");                                       // 3 bytes
    CHECK(printable_utf8(L"\u5171\u6709") == "\xe5\x85\xb1\xe6\x9c\x89");                     // CJK
    CHECK(printable_utf8(L"\u00a0") == "\xc2\xa0"); // first code point past C1
    CHECK(printable_utf8(L"\uffff") == "\xef\xbf\xbf");
}

TEST_CASE("a surrogate pair is one character of 4 bytes, whatever the width of wchar_t")
{
    const wchar_t pair[] = {static_cast<wchar_t>(0xD83D), static_cast<wchar_t>(0xDE00), 0}; // U+1F600
    CHECK(printable_utf8(pair) == "\xf0\x9f\x98\x80");
    const wchar_t highest[] = {static_cast<wchar_t>(0xDBFF), static_cast<wchar_t>(0xDFFF), 0}; // U+10FFFF
    CHECK(printable_utf8(highest) == "\xf4\x8f\xbf\xbf");
}

TEST_CASE("lone surrogates are escaped, and the character after them is kept")
{
    const wchar_t high_alone[] = {L'a', static_cast<wchar_t>(0xD800), L'b', 0};
    CHECK(printable_utf8(high_alone) == "a\\uD800b");
    const wchar_t low_alone[] = {static_cast<wchar_t>(0xDC00), L'c', 0};
    CHECK(printable_utf8(low_alone) == "\\uDC00c");
    const wchar_t high_at_end[] = {L'x', static_cast<wchar_t>(0xDBFF), 0};
    CHECK(printable_utf8(high_at_end) == "x\\uDBFF");
    const wchar_t two_highs[] = {static_cast<wchar_t>(0xD800), static_cast<wchar_t>(0xD801), 0};
    CHECK(printable_utf8(two_highs) == "\\uD800\\uD801");
}

TEST_CASE("control characters cannot break a line or steer a terminal")
{
    CHECK(printable_utf8(L"a\nb") == "a\\x0Ab");
    CHECK(printable_utf8(L"\r\t") == "\\x0D\\x09");
    CHECK(printable_utf8(L"\x1b[2J") == "\\x1B[2J");
    CHECK(printable_utf8(std::wstring_view{L"nul\0here", 8}) == "nul\\x00here");
    CHECK(printable_utf8(L"\x7f") == "\\x7F");
    CHECK(printable_utf8(L"\x85\x9f") == "\\x85\\x9F"); // C1 controls (NEL)
    CHECK(printable_utf8(L"\x1f\x20") == "\\x1F ");     // the last control and the first character
}

TEST_CASE("line separators and bidirectional controls are escaped (a name cannot reorder a log line)")
{
    CHECK(printable_utf8(L"\u2028\u2029") == "\\u2028\\u2029");
    CHECK(printable_utf8(L"evil\u202etxt.exe") == "evil\\u202Etxt.exe");
    CHECK(printable_utf8(L"\u200e\u200f\u202a\u2066\u2069") == "\\u200E\\u200F\\u202A\\u2066\\u2069");
    CHECK(printable_utf8(L"\u2027\u202f\u2065\u206a") ==
          "\xe2\x80\xa7\xe2\x80\xaf\xe2\x81\xa5\xe2\x81\xaa"); // neighbours
}

TEST_CASE("a value beyond U+10FFFF (possible where wchar_t has 32 bits) is escaped")
{
    if constexpr (sizeof(wchar_t) == 4) {
        const wchar_t beyond[] = {static_cast<wchar_t>(0x110000), 0};
        CHECK(printable_utf8(beyond) == "\\U00110000");
        const wchar_t direct[] = {static_cast<wchar_t>(0x1F600), 0};
        CHECK(printable_utf8(direct) == "\xf0\x9f\x98\x80");
    } else {
        CHECK(sizeof(wchar_t) == 2);
    }
}

TEST_CASE("append adds to what is there")
{
    std::string line = "user: ";
    append_printable_utf8(line, L"\u00c5sa\n");
    CHECK(line == "user: \xc3\x85sa\\x0A");
}
