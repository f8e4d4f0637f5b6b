// mprnotify/core/registry_input.hpp - what the registry calls accept as names and paths.
//
// Portable and constexpr: the rules are checked at compile time by the regsvr32 macros
// (registration.hpp) and tested on every platform. The registry itself allows value names of up to
// 16,383 characters holding anything but NUL (backslashes included); the rules here are stricter
// on purpose, so every accepted name can be printed, typed after `reg add ... /v`, and never be
// mistaken for a key path. A provider's service name is also a token of the comma-separated
// ProviderOrder value, so it may hold no comma and no space at either end.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace mprnotify::registry {

/// The longest value name accepted, in UTF-16 code units (the registry's own key-name limit).
inline constexpr std::size_t max_value_name_length = 255;
/// The longest DLL path accepted, in UTF-16 code units (the limit of a \\?\ path).
inline constexpr std::size_t max_dll_path_length = 32767;
/// The longest provider service name (a key name under Services): the registry's key-name limit.
inline constexpr std::size_t max_service_name_length = 255;
/// The longest display name (`Name`) or `DeviceName` accepted.
inline constexpr std::size_t max_display_name_length = 255;

/// Why a name or path was refused; `none` when it is acceptable.
enum class input_problem {
    none,
    name_empty,
    name_too_long,
    name_has_backslash,
    name_has_control_character,
    path_empty,
    path_too_long,
    path_has_control_character,
    service_name_empty,
    service_name_too_long,
    service_name_has_backslash,
    service_name_has_control_character,
    service_name_has_comma,
    service_name_has_edge_space,
    display_name_empty,
    display_name_too_long,
    display_name_has_control_character,
    device_name_too_long,
    device_name_has_control_character,
};

} // namespace mprnotify::registry

namespace mprnotify::detail {
/// U+0000-U+001F and U+007F: invisible in listings, and NUL would cut the name short.
[[nodiscard]] constexpr bool is_control(wchar_t c) noexcept
{
    const auto unit = static_cast<char32_t>(c); // wchar_t is signed on some hosts: negatives become large
    return unit < 0x20 || unit == 0x7f;
}

[[nodiscard]] constexpr bool has_control(std::wstring_view text) noexcept
{
    for (const wchar_t c : text) {
        if (is_control(c)) {
            return true;
        }
    }
    return false;
}

/// Space and tab: the characters a reader might trim around a ProviderOrder token (Wine does not).
[[nodiscard]] constexpr bool is_blank(wchar_t c) noexcept { return c == L' ' || c == L'\t'; }
} // namespace mprnotify::detail

namespace mprnotify::registry {

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
    return detail::has_control(path) ? input_problem::path_has_control_character : input_problem::none;
}

/// The rule for a network provider's service name (its key under Services and its ProviderOrder
/// token): 1 to 255 UTF-16 code units, no backslash, no control character, no comma, and no space
/// or tab at either end.
[[nodiscard]] constexpr input_problem check_service_name(std::wstring_view name) noexcept
{
    if (name.empty()) {
        return input_problem::service_name_empty;
    }
    if (name.size() > max_service_name_length) {
        return input_problem::service_name_too_long;
    }
    for (const wchar_t c : name) {
        if (c == L'\\') {
            return input_problem::service_name_has_backslash;
        }
        if (c == L',') {
            return input_problem::service_name_has_comma;
        }
        if (detail::is_control(c)) {
            return input_problem::service_name_has_control_character;
        }
    }
    if (detail::is_blank(name.front()) || detail::is_blank(name.back())) {
        return input_problem::service_name_has_edge_space;
    }
    return input_problem::none;
}

/// The rule for a provider's display name (the `Name` value MPR requires): 1 to 255 code units, no
/// control character.
[[nodiscard]] constexpr input_problem check_display_name(std::wstring_view name) noexcept
{
    if (name.empty()) {
        return input_problem::display_name_empty;
    }
    if (name.size() > max_display_name_length) {
        return input_problem::display_name_too_long;
    }
    return detail::has_control(name) ? input_problem::display_name_has_control_character : input_problem::none;
}

/// The rule for an optional `DeviceName`: at most 255 code units, no control character (empty: not written).
[[nodiscard]] constexpr input_problem check_device_name(std::wstring_view name) noexcept
{
    if (name.size() > max_display_name_length) {
        return input_problem::device_name_too_long;
    }
    return detail::has_control(name) ? input_problem::device_name_has_control_character : input_problem::none;
}

/// A sentence saying what is wrong, for messages and exceptions.
[[nodiscard]] constexpr std::string_view message(input_problem problem) noexcept
{
    switch (problem) {
    case input_problem::none: return "the names and path are acceptable";
    case input_problem::name_empty: return "the notifyee value name is empty";
    case input_problem::name_too_long: return "the notifyee value name is longer than 255 characters";
    case input_problem::name_has_backslash: return "the notifyee value name contains a backslash";
    case input_problem::name_has_control_character:
        return "the notifyee value name contains a control character (U+0000-U+001F or U+007F)";
    case input_problem::path_empty: return "the DLL path is empty";
    case input_problem::path_too_long: return "the DLL path is longer than 32767 characters";
    case input_problem::path_has_control_character:
        return "the DLL path contains a control character (U+0000-U+001F or U+007F)";
    case input_problem::service_name_empty: return "the provider's service name is empty";
    case input_problem::service_name_too_long:
        return "the provider's service name is longer than 255 characters (not a valid key name)";
    case input_problem::service_name_has_backslash:
        return "the provider's service name contains a backslash (not a valid key name)";
    case input_problem::service_name_has_control_character:
        return "the provider's service name contains a control character (U+0000-U+001F or U+007F)";
    case input_problem::service_name_has_comma:
        return "the provider's service name contains a comma (it would split its ProviderOrder token)";
    case input_problem::service_name_has_edge_space:
        return "the provider's service name begins or ends with a space or tab (ProviderOrder tokens are not trimmed)";
    case input_problem::display_name_empty: return "the provider's display name (Name) is empty";
    case input_problem::display_name_too_long:
        return "the provider's display name (Name) is longer than 255 characters";
    case input_problem::display_name_has_control_character:
        return "the provider's display name (Name) contains a control character (U+0000-U+001F or U+007F)";
    case input_problem::device_name_too_long: return "the provider's DeviceName is longer than 255 characters";
    case input_problem::device_name_has_control_character:
        return "the provider's DeviceName contains a control character (U+0000-U+001F or U+007F)";
    }
    return "invalid registry input";
}

} // namespace mprnotify::registry
