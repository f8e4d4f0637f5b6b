// mprnotify/core/text.hpp - wide names as UTF-8 for a log line, a trace or a report.
//
// A notifyee that logs what MPR passed writes names chosen by whoever called WNetAddConnection:
// they may hold any character, a control character that breaks the log's lines or moves a
// terminal's cursor, or a lone surrogate that is no character at all. printable_utf8 keeps every
// real character (UTF-8, so non-ASCII names read correctly) and writes the rest as an escape, so
// one name is always one visible run of text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

namespace mprnotify {

namespace detail {

/// Characters a log line must not carry as they are: C0 and C1 controls, DEL, the line and
/// paragraph separators, the bidirectional marks, embeddings, overrides and isolates.
[[nodiscard]] constexpr bool must_escape(std::uint32_t code) noexcept
{
    return code < 0x20 || (code >= 0x7F && code <= 0x9F) || code == 0x200E || code == 0x200F ||
           (code >= 0x2028 && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069) ||
           (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF;
}

inline void append_escape(std::string& out, std::uint32_t code)
{
    constexpr std::string_view hex = "0123456789ABCDEF";
    const int digits = code <= 0xFF ? 2 : code <= 0xFFFF ? 4 : 8;
    out += '\\';
    out += digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
        out += hex[(code >> static_cast<unsigned>(shift)) & 0xFU];
    }
}

inline void append_utf8(std::string& out, std::uint32_t code)
{
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0U | (code >> 6U));
        out += static_cast<char>(0x80U | (code & 0x3FU));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0U | (code >> 12U));
        out += static_cast<char>(0x80U | ((code >> 6U) & 0x3FU));
        out += static_cast<char>(0x80U | (code & 0x3FU));
    } else {
        out += static_cast<char>(0xF0U | (code >> 18U));
        out += static_cast<char>(0x80U | ((code >> 12U) & 0x3FU));
        out += static_cast<char>(0x80U | ((code >> 6U) & 0x3FU));
        out += static_cast<char>(0x80U | (code & 0x3FU));
    }
}

/// A wchar_t as an unsigned code unit (wchar_t is signed on some hosts).
[[nodiscard]] constexpr std::uint32_t code_unit(wchar_t c) noexcept
{
    return static_cast<std::uint32_t>(static_cast<std::make_unsigned_t<wchar_t>>(c));
}

} // namespace detail

/// Appends `text` (UTF-16 on Windows; UTF-32 or UTF-16 pairs elsewhere) to `out` as UTF-8.
/// Escaped instead of copied: controls and code points up to U+00FF as \xHH (a tab is \x09), the
/// other characters detail::must_escape names and lone surrogates as \uHHHH, values beyond
/// U+10FFFF as \UHHHHHHHH. A backslash is kept as it is (UNC names are full of them).
inline void append_printable_utf8(std::string& out, std::wstring_view text)
{
    for (std::size_t i = 0; i < text.size(); ++i) {
        std::uint32_t code = detail::code_unit(text[i]);
        if (code >= 0xD800 && code <= 0xDBFF && i + 1 < text.size()) {
            const std::uint32_t low = detail::code_unit(text[i + 1]);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                code = 0x10000 + ((code - 0xD800) << 10U) + (low - 0xDC00);
                ++i;
            }
        }
        if (detail::must_escape(code)) {
            detail::append_escape(out, code);
        } else {
            detail::append_utf8(out, code);
        }
    }
}

/// `text` as UTF-8 with the escapes append_printable_utf8 describes.
[[nodiscard]] inline std::string printable_utf8(std::wstring_view text)
{
    std::string out;
    out.reserve(text.size());
    append_printable_utf8(out, text);
    return out;
}

} // namespace mprnotify
