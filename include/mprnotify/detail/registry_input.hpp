// mprnotify/detail/registry_input.hpp - what registry.hpp accepts as a value name and a DLL path.
//
// Portable and constexpr: the rules are checked at compile time by MPRNOTIFY_EXPORT_REGISTRATION
// and tested on every platform. The registry itself allows value names of up to 16,383 characters
// holding anything but NUL (backslashes included); the rule here is stricter on purpose, so every
// accepted name can be printed, typed after `reg add ... /v`, and never be mistaken for a key path.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace mprnotify::registry {

/// The longest value name accepted, in UTF-16 code units (the registry's own key-name limit).
inline constexpr std::size_t max_value_name_length = 255;
/// The longest DLL path accepted, in UTF-16 code units (the limit of a \\?\ path).
inline constexpr std::size_t max_dll_path_length = 32767;

/// Why a value name or DLL path was refused; `none` when it is acceptable.
enum class input_problem {
    none,
    name_empty,
    name_too_long,
    name_has_backslash,
    name_has_control_character,
    path_empty,
    path_too_long,
    path_has_control_character,
};

namespace detail {
/// U+0000-U+001F and U+007F: invisible in listings, and NUL would cut the name short.
[[nodiscard]] constexpr bool is_control(wchar_t c) noexcept
{
    const auto unit = static_cast<char32_t>(c); // wchar_t is signed on some hosts: negatives become large
    return unit < 0x20 || unit == 0x7f;
}
} // namespace detail

/// The rule for a notifyee value name: 1 to 255 UTF-16 code units, no backslash, no control character.
[[nodiscard]] constexpr input_problem check_value_name(std::wstring_view name) noexcept
{
    if (name.empty()) {
        return input_problem::name_empty;
    }
    if (name.size() > max_value_name_length) {
        return input_problem::name_too_long;
    }
    for (const wchar_t c : name) {
        if (c == L'\\') {
            return input_problem::name_has_backslash;
        }
        if (detail::is_control(c)) {
            return input_problem::name_has_control_character;
        }
    }
    return input_problem::none;
}

/// The rule for a DLL path: 1 to 32,767 UTF-16 code units, no control character (%VARIABLES% allowed).
[[nodiscard]] constexpr input_problem check_dll_path(std::wstring_view path) noexcept
{
    if (path.empty()) {
        return input_problem::path_empty;
    }
    if (path.size() > max_dll_path_length) {
        return input_problem::path_too_long;
    }
    for (const wchar_t c : path) {
        if (detail::is_control(c)) {
            return input_problem::path_has_control_character;
        }
    }
    return input_problem::none;
}

/// A sentence saying what is wrong, for messages and exceptions.
[[nodiscard]] constexpr std::string_view describe(input_problem problem) noexcept
{
    switch (problem) {
    case input_problem::none: return "the value name and path are acceptable";
    case input_problem::name_empty: return "the notifyee value name is empty";
    case input_problem::name_too_long: return "the notifyee value name is longer than 255 characters";
    case input_problem::name_has_backslash: return "the notifyee value name contains a backslash";
    case input_problem::name_has_control_character:
        return "the notifyee value name contains a control character (U+0000-U+001F or U+007F)";
    case input_problem::path_empty: return "the DLL path is empty";
    case input_problem::path_too_long: return "the DLL path is longer than 32767 characters";
    case input_problem::path_has_control_character:
        return "the DLL path contains a control character (U+0000-U+001F or U+007F)";
    }
    return "invalid registry input";
}

} // namespace mprnotify::registry
