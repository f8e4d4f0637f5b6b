// mprnotify/detail/registry/values.hpp - the value reads and writes registry.hpp builds on (Windows).
//
// Registry data is read defensively: a string value need not be NUL-terminated, may have an odd
// byte count, and may change size between the call that measures it and the call that reads it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../../core/platform.hpp"
#include "../../registry/result.hpp"

namespace mprnotify::registry {

} // namespace mprnotify::registry

namespace mprnotify::detail {

/// How often a read retries when the value grows between measuring and reading.
inline constexpr int registry_read_attempts = 8;

/// A REG_SZ / REG_EXPAND_SZ payload as text: cut at the first NUL, an odd trailing byte dropped.
inline std::wstring text_from_bytes(const std::vector<BYTE>& bytes, DWORD length)
{
    const std::size_t units = std::min<std::size_t>(length, bytes.size()) / sizeof(wchar_t);
    std::wstring text(units, L'\0');
    if (units != 0) {
        std::memcpy(text.data(), bytes.data(), units * sizeof(wchar_t));
    }
    text.resize(std::wstring_view{text.c_str()}.size());
    return text;
}

/// Reads one value: its type and raw bytes. ERROR_FILE_NOT_FOUND when it does not exist.
inline LSTATUS read_value(HKEY key, const wchar_t* name, DWORD& type, std::vector<BYTE>& bytes, DWORD& length)
{
    length = 0;
    LSTATUS status = ::RegQueryValueExW(key, name, nullptr, &type, nullptr, &length);
    for (int attempt = 0; status == ERROR_SUCCESS && attempt < registry_read_attempts; ++attempt) {
        bytes.assign(std::size_t{length} + sizeof(wchar_t), BYTE{0}); // room for a missing terminator
        DWORD got = length;
        status = ::RegQueryValueExW(key, name, nullptr, &type, bytes.data(), &got);
        if (status == ERROR_SUCCESS) {
            length = got;
            return ERROR_SUCCESS;
        }
        if (status == ERROR_MORE_DATA) { // it grew in between: measure again
            length = got;
            status = ERROR_SUCCESS;
        }
    }
    return status == ERROR_SUCCESS ? ERROR_MORE_DATA : status;
}

/// One value met while enumerating a key.
struct raw_value {
    std::wstring name;
    DWORD type = REG_NONE;
    std::vector<BYTE> bytes;
    DWORD length = 0;
};

/// Reads every value of `key`. Values added while it runs may be missed, never half-read.
inline LSTATUS enumerate_values(HKEY key, std::vector<raw_value>& out)
{
    out.clear();
    DWORD count = 0;
    DWORD longest_name = 0;
    DWORD longest_data = 0;
    LSTATUS status = ::RegQueryInfoKeyW(key, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, &count,
                                        &longest_name, &longest_data, nullptr, nullptr);
    if (status != ERROR_SUCCESS) {
        return status;
    }
    std::vector<wchar_t> name(std::size_t{longest_name} + 1);
    std::vector<BYTE> data(std::size_t{longest_data} + sizeof(wchar_t));
    for (DWORD index = 0;; ++index) {
        raw_value value;
        for (int attempt = 0;; ++attempt) {
            DWORD name_length = static_cast<DWORD>(name.size());
            DWORD data_length = static_cast<DWORD>(data.size() - sizeof(wchar_t));
            status =
                ::RegEnumValueW(key, index, name.data(), &name_length, nullptr, &value.type, data.data(), &data_length);
            if (status == ERROR_SUCCESS) {
                value.name.assign(name.data(), name_length);
                value.bytes.assign(data.data(), data.data() + data_length);
                value.bytes.resize(std::size_t{data_length} + sizeof(wchar_t), BYTE{0});
                value.length = data_length;
                break;
            }
            if (status != ERROR_MORE_DATA || attempt + 1 == registry_read_attempts) {
                break;
            }
            // A value grew since RegQueryInfoKeyW: the name limit is fixed, so widen both generously.
            name.resize(std::max<std::size_t>(name.size() * 2, 16384 + 1));
            data.resize(data.size() * 2 + 4096);
        }
        if (status == ERROR_NO_MORE_ITEMS) {
            return ERROR_SUCCESS;
        }
        if (status != ERROR_SUCCESS) {
            return status;
        }
        out.push_back(std::move(value));
    }
}

/// Writes `text` and one terminating NUL as a value of `type` (REG_SZ or REG_EXPAND_SZ).
inline LSTATUS set_text(HKEY key, const wchar_t* name, DWORD type, std::wstring_view text)
{
    const std::wstring data{text};
    const auto size = static_cast<DWORD>((data.size() + 1) * sizeof(wchar_t));
    return ::RegSetValueExW(key, name, 0, type, reinterpret_cast<const BYTE*>(data.c_str()), size);
}

/// Deletes the value if it holds exactly `text` and one NUL as `type`; leaves any other value alone.
/// `deleted` says which. A value absent already is a success.
inline LSTATUS delete_text_if(HKEY key, const wchar_t* name, DWORD type, std::wstring_view text, bool& deleted)
{
    deleted = false;
    DWORD found_type = REG_NONE;
    std::vector<BYTE> bytes;
    DWORD length = 0;
    const LSTATUS existing = read_value(key, name, found_type, bytes, length);
    if (existing != ERROR_SUCCESS) {
        return existing == ERROR_FILE_NOT_FOUND ? ERROR_SUCCESS : existing;
    }
    if (found_type != type || length != (text.size() + 1) * sizeof(wchar_t) || text_from_bytes(bytes, length) != text) {
        return ERROR_SUCCESS;
    }
    const LSTATUS status = ::RegDeleteValueW(key, name);
    deleted = status == ERROR_SUCCESS;
    return status == ERROR_FILE_NOT_FOUND ? ERROR_SUCCESS : status;
}

/// The text of a REG_SZ / REG_EXPAND_SZ value (its type in `type`); std::nullopt when absent or not text.
inline std::optional<std::wstring> read_text(HKEY key, const wchar_t* name, DWORD& type)
{
    std::vector<BYTE> bytes;
    DWORD length = 0;
    type = REG_NONE;
    if (read_value(key, name, type, bytes, length) != ERROR_SUCCESS || (type != REG_SZ && type != REG_EXPAND_SZ)) {
        return std::nullopt;
    }
    return text_from_bytes(bytes, length);
}

/// A REG_DWORD value; std::nullopt when absent or of another type.
inline std::optional<DWORD> read_dword(HKEY key, const wchar_t* name)
{
    DWORD type = REG_NONE;
    DWORD value = 0;
    DWORD size = sizeof value;
    const LSTATUS status = ::RegQueryValueExW(key, name, nullptr, &type, reinterpret_cast<BYTE*>(&value), &size);
    if (status != ERROR_SUCCESS || type != REG_DWORD || size != sizeof value) {
        return std::nullopt;
    }
    return value;
}

/// Writes `text` as `type` unless the value already holds exactly those bytes; `effect` says which.
inline LSTATUS update_text(HKEY key, const wchar_t* name, DWORD type, std::wstring_view text, registry::change& effect)
{
    DWORD found_type = REG_NONE;
    std::vector<BYTE> bytes;
    DWORD length = 0;
    const LSTATUS existing = read_value(key, name, found_type, bytes, length);
    if (existing == ERROR_SUCCESS && found_type == type && length == (text.size() + 1) * sizeof(wchar_t) &&
        text_from_bytes(bytes, length) == text) {
        effect = registry::change::none;
        return ERROR_SUCCESS;
    }
    if (existing != ERROR_SUCCESS && existing != ERROR_FILE_NOT_FOUND) {
        return existing;
    }
    effect = existing == ERROR_SUCCESS ? registry::change::updated : registry::change::created;
    return set_text(key, name, type, text);
}

/// Writes a REG_DWORD unless it already holds `value`; `effect` says which.
inline LSTATUS update_dword(HKEY key, const wchar_t* name, DWORD value, registry::change& effect)
{
    const std::optional<DWORD> found = read_dword(key, name);
    if (found == value) {
        effect = registry::change::none;
        return ERROR_SUCCESS;
    }
    effect = found ? registry::change::updated : registry::change::created;
    return ::RegSetValueExW(key, name, 0, REG_DWORD, reinterpret_cast<const BYTE*>(&value), sizeof value);
}

} // namespace mprnotify::detail

namespace mprnotify::registry {
} // namespace mprnotify::registry
