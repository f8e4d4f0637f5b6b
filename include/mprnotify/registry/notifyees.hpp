// mprnotify/registry/notifyees.hpp - register, unregister and list notifyees (Windows).
//
// MPR calls every DLL named by a value under
//     HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\NetworkProvider\Notifyees
// (any value name; the data is the DLL's path, REG_EXPAND_SZ - "Registering to Receive Connection
// Notifications", learn.microsoft.com). These calls write and delete exactly one value of that key
// and never touch another. HKLM\SYSTEM is shared between the 32- and 64-bit registry views, so
// one value serves both; `%SystemRoot%\System32\name.dll` then resolves per process bitness.
//
// Each call has a throwing form and a `_nothrow` twin returning a `result` (Win32 error code, what
// changed, and the input rule broken, if any). The throwing forms exist only when exceptions are on.
// Writing under HKLM needs an elevated process; without it the calls fail with ERROR_ACCESS_DENIED.
//
// Network providers (Services\<Name>\NetworkProvider and ProviderOrder) are registered by the
// calls of registry/providers.hpp; <mprnotify/registry.hpp> includes both.
//
// Off Windows only the name and path rules (registry_input.hpp) and the pure ProviderOrder logic
// (provider_order.hpp) are available.
#pragma once

#include "provider_order.hpp"
#include "../core/registry_input.hpp"

#if defined(_WIN32)

#  include <new>
#  include <optional>
#  include <string>
#  include <string_view>
#  include <vector>

#  include "../detail/registry/values.hpp"
#  include "key.hpp"
#  include "result.hpp"

// The Reg* functions live in advapi32 (MinGW links it by default; MSVC projects usually do too).
#  if defined(_MSC_VER)
#    pragma comment(lib, "advapi32.lib")
#  endif

namespace mprnotify::registry {

/// The key MPR reads notifyees from, relative to HKEY_LOCAL_MACHINE.
inline constexpr wchar_t notifyees_subkey[] = L"SYSTEM\\CurrentControlSet\\Control\\NetworkProvider\\Notifyees";

/// Where the calls look: HKLM\...\Notifyees unless a caller (a test, a staging tool) says otherwise.
struct location {
    HKEY root = HKEY_LOCAL_MACHINE;
    const wchar_t* subkey = notifyees_subkey;
};

/// One value found under the key.
struct notifyee {
    std::wstring name;
    std::wstring path;     ///< the data as stored (unexpanded); empty when the type is not a string
    DWORD type = REG_NONE; ///< REG_EXPAND_SZ as documented; anything else is reported as found
    [[nodiscard]] bool is_string() const noexcept { return type == REG_SZ || type == REG_EXPAND_SZ; }
};

} // namespace mprnotify::registry

namespace mprnotify::detail {

inline bool same_text(const std::vector<BYTE>& bytes, DWORD length, std::wstring_view text)
{
    // The exact bytes RegSetValueExW was given: the text and one terminating NUL.
    if (length != (text.size() + 1) * sizeof(wchar_t)) {
        return false;
    }
    return text_from_bytes(bytes, length) == text;
}

} // namespace mprnotify::detail

namespace mprnotify::registry {

/// Expands %VARIABLES% in a REG_EXPAND_SZ path the way the current process would.
[[nodiscard]] inline result expand_path_nothrow(std::wstring_view path, std::wstring& out) noexcept
{
    return detail::guarded([&]() -> result {
        const std::wstring source{path};
        std::wstring buffer(std::max<std::size_t>(source.size() + 1, MAX_PATH), L'\0');
        for (int attempt = 0; attempt < detail::registry_read_attempts; ++attempt) {
            const DWORD needed =
                ::ExpandEnvironmentStringsW(source.c_str(), buffer.data(), static_cast<DWORD>(buffer.size()));
            if (needed == 0) {
                return result{::GetLastError()};
            }
            if (needed <= buffer.size()) {
                buffer.resize(needed - 1); // drop the terminator
                out = std::move(buffer);
                return result{};
            }
            buffer.assign(needed, L'\0');
        }
        return result{ERROR_MORE_DATA};
    });
}

/// Opens the Notifyees key; write access creates it when missing.
[[nodiscard]] inline result open_notifyees_key_nothrow(unique_key& key, key_access access,
                                                       const location& where = {}) noexcept
{
    LSTATUS status = ERROR_SUCCESS;
    if (access == key_access::write) {
        status = ::RegCreateKeyExW(where.root, where.subkey, 0, nullptr, REG_OPTION_NON_VOLATILE,
                                   KEY_QUERY_VALUE | KEY_SET_VALUE, nullptr, key.put(), nullptr);
    } else {
        status = ::RegOpenKeyExW(where.root, where.subkey, 0, KEY_QUERY_VALUE, key.put());
    }
    return result{static_cast<std::uint32_t>(status)};
}

/// Writes `name` = `dll_path` (REG_EXPAND_SZ). Effect: created, updated, or none when already so.
[[nodiscard]] inline result register_notifyee_nothrow(std::wstring_view name, std::wstring_view dll_path,
                                                      const location& where = {}) noexcept
{
    if (const auto problem = check_value_name(name); problem != input_problem::none) {
        return result::invalid(problem);
    }
    if (const auto problem = check_dll_path(dll_path); problem != input_problem::none) {
        return result::invalid(problem);
    }
    return detail::guarded([&]() -> result {
        unique_key key;
        if (const result opened = open_notifyees_key_nothrow(key, key_access::write, where); !opened.ok()) {
            return opened;
        }
        const std::wstring value_name{name};
        const std::wstring data{dll_path};
        DWORD type = REG_NONE;
        std::vector<BYTE> bytes;
        DWORD length = 0;
        const LSTATUS existing = detail::read_value(key.get(), value_name.c_str(), type, bytes, length);
        if (existing == ERROR_SUCCESS && type == REG_EXPAND_SZ && detail::same_text(bytes, length, data)) {
            return result{ERROR_SUCCESS, change::none};
        }
        if (existing != ERROR_SUCCESS && existing != ERROR_FILE_NOT_FOUND) {
            return result{static_cast<std::uint32_t>(existing)};
        }
        const auto size = static_cast<DWORD>((data.size() + 1) * sizeof(wchar_t));
        const LSTATUS written = ::RegSetValueExW(key.get(), value_name.c_str(), 0, REG_EXPAND_SZ,
                                                 reinterpret_cast<const BYTE*>(data.c_str()), size);
        if (written != ERROR_SUCCESS) {
            return result{static_cast<std::uint32_t>(written)};
        }
        return result{ERROR_SUCCESS, existing == ERROR_SUCCESS ? change::updated : change::created};
    });
}

/// Deletes the value `name`. Effect: removed, or none when it (or the key) was not there.
[[nodiscard]] inline result unregister_notifyee_nothrow(std::wstring_view name, const location& where = {}) noexcept
{
    if (const auto problem = check_value_name(name); problem != input_problem::none) {
        return result::invalid(problem);
    }
    return detail::guarded([&]() -> result {
        unique_key key;
        const LSTATUS opened = ::RegOpenKeyExW(where.root, where.subkey, 0, KEY_SET_VALUE, key.put());
        if (opened == ERROR_FILE_NOT_FOUND) {
            return result{ERROR_SUCCESS, change::none};
        }
        if (opened != ERROR_SUCCESS) {
            return result{static_cast<std::uint32_t>(opened)};
        }
        const std::wstring value_name{name};
        const LSTATUS deleted = ::RegDeleteValueW(key.get(), value_name.c_str());
        if (deleted == ERROR_FILE_NOT_FOUND) {
            return result{ERROR_SUCCESS, change::none};
        }
        return result{static_cast<std::uint32_t>(deleted), deleted == ERROR_SUCCESS ? change::removed : change::none};
    });
}

/// Reads one value. ERROR_FILE_NOT_FOUND when there is no such value (or no key).
[[nodiscard]] inline result query_notifyee_nothrow(std::wstring_view name, notifyee& out,
                                                   const location& where = {}) noexcept
{
    if (const auto problem = check_value_name(name); problem != input_problem::none) {
        return result::invalid(problem);
    }
    return detail::guarded([&]() -> result {
        unique_key key;
        if (const result opened = open_notifyees_key_nothrow(key, key_access::read, where); !opened.ok()) {
            return opened;
        }
        notifyee found;
        found.name.assign(name);
        std::vector<BYTE> bytes;
        DWORD length = 0;
        const LSTATUS status = detail::read_value(key.get(), found.name.c_str(), found.type, bytes, length);
        if (status != ERROR_SUCCESS) {
            return result{static_cast<std::uint32_t>(status)};
        }
        if (found.is_string()) {
            found.path = detail::text_from_bytes(bytes, length);
        }
        out = std::move(found);
        return result{};
    });
}

/// Lists every value of the key, in registry order. An absent key is an empty list.
[[nodiscard]] inline result list_notifyees_nothrow(std::vector<notifyee>& out, const location& where = {}) noexcept
{
    return detail::guarded([&]() -> result {
        out.clear();
        unique_key key;
        const result opened = open_notifyees_key_nothrow(key, key_access::read, where);
        if (opened.win32_error() == ERROR_FILE_NOT_FOUND) {
            return result{};
        }
        if (!opened.ok()) {
            return opened;
        }
        std::vector<detail::raw_value> values;
        if (const LSTATUS status = detail::enumerate_values(key.get(), values); status != ERROR_SUCCESS) {
            return result{static_cast<std::uint32_t>(status)};
        }
        for (auto& value : values) {
            notifyee entry;
            entry.name = std::move(value.name);
            entry.type = value.type;
            if (entry.is_string()) {
                entry.path = detail::text_from_bytes(value.bytes, value.length);
            }
            out.push_back(std::move(entry));
        }
        return result{};
    });
}

#  if MPRNOTIFY_HAS_EXCEPTIONS

/// Throwing twin of expand_path_nothrow.
[[nodiscard]] inline std::wstring expand_path(std::wstring_view path)
{
    std::wstring out;
    detail::throw_if_failed(expand_path_nothrow(path, out), "expand_path", path);
    return out;
}

/// Throwing twin of open_notifyees_key_nothrow.
[[nodiscard]] inline unique_key open_notifyees_key(key_access access, const location& where = {})
{
    unique_key key;
    detail::throw_if_failed(open_notifyees_key_nothrow(key, access, where), "open_notifyees_key", where.subkey);
    return key;
}

/// Throwing twin of register_notifyee_nothrow; returns what changed.
inline change register_notifyee(std::wstring_view name, std::wstring_view dll_path, const location& where = {})
{
    const result outcome = register_notifyee_nothrow(name, dll_path, where);
    detail::throw_if_failed(outcome, "register_notifyee", name);
    return outcome.effect();
}

/// Throwing twin of unregister_notifyee_nothrow; returns what changed.
inline change unregister_notifyee(std::wstring_view name, const location& where = {})
{
    const result outcome = unregister_notifyee_nothrow(name, where);
    detail::throw_if_failed(outcome, "unregister_notifyee", name);
    return outcome.effect();
}

/// Throwing twin of query_notifyee_nothrow: std::nullopt when the value does not exist.
[[nodiscard]] inline std::optional<notifyee> find_notifyee(std::wstring_view name, const location& where = {})
{
    notifyee found;
    const result outcome = query_notifyee_nothrow(name, found, where);
    if (outcome.win32_error() == ERROR_FILE_NOT_FOUND) {
        return std::nullopt;
    }
    detail::throw_if_failed(outcome, "find_notifyee", name);
    return found;
}

/// Throwing twin of list_notifyees_nothrow.
[[nodiscard]] inline std::vector<notifyee> list_notifyees(const location& where = {})
{
    std::vector<notifyee> out;
    detail::throw_if_failed(list_notifyees_nothrow(out, where), "list_notifyees", where.subkey);
    return out;
}

#  endif // MPRNOTIFY_HAS_EXCEPTIONS

} // namespace mprnotify::registry

#endif // _WIN32
