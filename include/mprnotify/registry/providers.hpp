// mprnotify/registry/providers.hpp - register, unregister and query network providers (Windows).
//
// A network provider is installed as ("Authentication Registry Keys", learn.microsoft.com):
//     HKLM\SYSTEM\CurrentControlSet\Services\<service name>             Group = "NetworkProvider"
//     HKLM\SYSTEM\CurrentControlSet\Services\<service name>\NetworkProvider
//         Name          REG_SZ          the display name MPR requires (lpProvider in NETRESOURCE)
//         ProviderPath  REG_EXPAND_SZ   the DLL
//         DeviceName    REG_SZ          optional
//         Class         REG_DWORD       optional (WN_NETWORK_CLASS, WN_CREDENTIAL_CLASS, ...)
// plus its service name as a token of
//     HKLM\SYSTEM\CurrentControlSet\Control\NetworkProvider\Order\ProviderOrder    REG_SZ
// which is edited by the rule of provider_order.hpp (no other provider's token lost, moved or
// duplicated) in a read-modify-write that detects concurrent changes and retries.
// The calls follow the conventions of registry/notifyees.hpp (a `_nothrow` twin returning
// `result` for each throwing call, an optional location last).
#pragma once

#include "../core/registry_input.hpp"
#include "provider_order.hpp"

#if defined(_WIN32)

#  include <cstdint>
#  include <optional>
#  include <string>
#  include <string_view>
#  include <vector>

#  include "../detail/registry/values.hpp"
#  include "key.hpp"
#  include "result.hpp"

namespace mprnotify::registry {

/// HKLM-relative keys the provider calls use.
inline constexpr wchar_t services_subkey[] = L"SYSTEM\\CurrentControlSet\\Services";
inline constexpr wchar_t provider_order_subkey[] = L"SYSTEM\\CurrentControlSet\\Control\\NetworkProvider\\Order";
inline constexpr wchar_t provider_order_value[] = L"ProviderOrder";

/// Where the provider calls look: the real keys unless a test or a staging tool says otherwise.
struct provider_location {
    HKEY root = HKEY_LOCAL_MACHINE;
    const wchar_t* services = services_subkey;
    const wchar_t* order = provider_order_subkey;
};

/// The `Class` bits (npapi.h's WN_*_CLASS).
namespace provider_class {
inline constexpr DWORD network = 0x1;
inline constexpr DWORD credential_manager = 0x2;
inline constexpr DWORD primary_authenticator = 0x4;
inline constexpr DWORD service = 0x8;
} // namespace provider_class

/// What register_provider writes.
struct provider {
    std::wstring service_name;           ///< key under Services and ProviderOrder token (check_service_name)
    std::wstring display_name;           ///< `Name` (check_display_name)
    std::wstring dll_path;               ///< `ProviderPath`, REG_EXPAND_SZ (check_dll_path)
    std::wstring device_name;            ///< `DeviceName`, written when not empty
    std::optional<DWORD> provider_class; ///< `Class`, written when set
};

/// What query_provider finds. Absent values are std::nullopt; a value of the wrong type is absent.
struct provider_info {
    std::wstring service_name;
    bool key_found = false; ///< Services\<name>\NetworkProvider exists
    std::optional<std::wstring> display_name;
    std::optional<std::wstring> dll_path; ///< as stored (unexpanded)
    DWORD dll_path_type = REG_NONE;       ///< REG_EXPAND_SZ as documented, REG_SZ tolerated
    std::optional<std::wstring> device_name;
    std::optional<DWORD> provider_class;
    std::optional<std::size_t> order_index; ///< the first ProviderOrder token naming it, counting every token
};

} // namespace mprnotify::registry

namespace mprnotify::detail {

/// ProviderOrder as the read-modify-write of provider_order.hpp sees it.
struct order_store {
    HKEY key;
    std::uint32_t read(registry::order_snapshot& out) const
    {
        DWORD type = REG_NONE;
        std::vector<BYTE> bytes;
        DWORD length = 0;
        const LSTATUS status = read_value(key, registry::provider_order_value, type, bytes, length);
        out = registry::order_snapshot{};
        if (status == ERROR_FILE_NOT_FOUND) {
            return ERROR_SUCCESS;
        }
        if (status != ERROR_SUCCESS) {
            return static_cast<std::uint32_t>(status);
        }
        out.exists = true;
        out.text = type == REG_SZ || type == REG_EXPAND_SZ;
        out.plain = type == REG_SZ;
        if (out.text) {
            out.value = text_from_bytes(bytes, length);
        }
        return ERROR_SUCCESS;
    }
    std::uint32_t write(const std::wstring& value) const
    {
        return static_cast<std::uint32_t>(set_text(key, registry::provider_order_value, REG_SZ, value));
    }
};

inline registry::result order_result(const registry::order_update& update, registry::change effect_when_written)
{
    switch (update.status) {
    case registry::order_status::unchanged: return registry::result{ERROR_SUCCESS, registry::change::none};
    case registry::order_status::written: return registry::result{ERROR_SUCCESS, effect_when_written};
    case registry::order_status::not_text: return registry::result{ERROR_INVALID_DATA};
    case registry::order_status::conflict: return registry::result{ERROR_RETRY};
    case registry::order_status::failed: break;
    }
    return registry::result{update.error};
}

/// The larger of two effects: created beats updated beats none (removed stands alone).
[[nodiscard]] constexpr registry::change combine(registry::change a, registry::change b) noexcept
{
    if (a == registry::change::created || b == registry::change::created) {
        return registry::change::created;
    }
    if (a == registry::change::removed || b == registry::change::removed) {
        return registry::change::removed;
    }
    return a == registry::change::updated || b == registry::change::updated ? registry::change::updated
                                                                            : registry::change::none;
}

[[nodiscard]] inline registry::input_problem check_provider(const registry::provider& p,
                                                            const registry::order_position& where) noexcept
{
    for (const registry::input_problem problem :
         {registry::check_service_name(p.service_name), registry::check_display_name(p.display_name),
          registry::check_dll_path(p.dll_path), registry::check_device_name(p.device_name)}) {
        if (problem != registry::input_problem::none) {
            return problem;
        }
    }
    const bool anchored =
        where.where == registry::order_position::kind::before || where.where == registry::order_position::kind::after;
    return anchored ? registry::check_service_name(where.anchor) : registry::input_problem::none;
}

[[nodiscard]] inline std::wstring provider_key_path(const registry::provider_location& where,
                                                    std::wstring_view service_name)
{
    return std::wstring{where.services} + L"\\" + std::wstring{service_name};
}

/// After NetworkProvider is gone: deletes Services\<name> too when nothing but our Group is left.
inline LSTATUS delete_if_only_ours(HKEY services, const std::wstring& name)
{
    registry::unique_key key;
    LSTATUS status = ::RegOpenKeyExW(services, name.c_str(), 0, KEY_QUERY_VALUE, key.put());
    if (status != ERROR_SUCCESS) {
        return status == ERROR_FILE_NOT_FOUND ? ERROR_SUCCESS : status;
    }
    DWORD subkeys = 0;
    std::vector<raw_value> values;
    status = ::RegQueryInfoKeyW(key.get(), nullptr, nullptr, nullptr, &subkeys, nullptr, nullptr, nullptr, nullptr,
                                nullptr, nullptr, nullptr);
    if (status == ERROR_SUCCESS) {
        status = enumerate_values(key.get(), values);
    }
    if (status != ERROR_SUCCESS || subkeys != 0 || values.size() > 1) {
        return status;
    }
    if (values.size() == 1 && !(values[0].name == L"Group" && values[0].type == REG_SZ &&
                                text_from_bytes(values[0].bytes, values[0].length) == L"NetworkProvider")) {
        return ERROR_SUCCESS; // someone else's service key: left alone
    }
    key.reset();
    return ::RegDeleteKeyW(services, name.c_str());
}

} // namespace mprnotify::detail

namespace mprnotify::registry {

/// Reads ProviderOrder. An absent value (or key) is a success with `exists == false`.
[[nodiscard]] inline result read_provider_order_nothrow(order_snapshot& out,
                                                        const provider_location& where = {}) noexcept
{
    return detail::guarded([&]() -> result {
        unique_key key;
        const LSTATUS opened = ::RegOpenKeyExW(where.root, where.order, 0, KEY_QUERY_VALUE, key.put());
        if (opened == ERROR_FILE_NOT_FOUND) {
            out = order_snapshot{};
            return result{};
        }
        if (opened != ERROR_SUCCESS) {
            return result{static_cast<std::uint32_t>(opened)};
        }
        return result{detail::order_store{key.get()}.read(out)};
    });
}

/// Writes Services\<name>\NetworkProvider and puts the name in ProviderOrder at `position`.
/// Effect: created (a key or the token was new), updated (a value or the token's place changed), or none.
/// A ProviderOrder that is neither REG_SZ nor REG_EXPAND_SZ is refused with ERROR_INVALID_DATA, and
/// a value changed by another writer on every attempt ends with ERROR_RETRY; neither writes the list.
[[nodiscard]] inline result register_provider_nothrow(const provider& p,
                                                      const order_position& position = order_position::last(),
                                                      const provider_location& where = {}) noexcept
{
    if (const input_problem problem = detail::check_provider(p, position); problem != input_problem::none) {
        return result::invalid(problem);
    }
    return detail::guarded([&]() -> result {
        // The provider's key first, so that MPR never meets a token without its key.
        unique_key service;
        DWORD disposition = 0;
        const std::wstring service_path = detail::provider_key_path(where, p.service_name);
        LSTATUS status = ::RegCreateKeyExW(where.root, service_path.c_str(), 0, nullptr, REG_OPTION_NON_VOLATILE,
                                           KEY_QUERY_VALUE | KEY_SET_VALUE | KEY_CREATE_SUB_KEY, nullptr, service.put(),
                                           &disposition);
        if (status != ERROR_SUCCESS) {
            return result{static_cast<std::uint32_t>(status)};
        }
        change effect = change::none;
        if (disposition == REG_CREATED_NEW_KEY) { // an existing service's Group is not ours to change
            effect = change::created;
            status = detail::set_text(service.get(), L"Group", REG_SZ, L"NetworkProvider");
        }
        unique_key values;
        if (status == ERROR_SUCCESS) {
            status = ::RegCreateKeyExW(service.get(), L"NetworkProvider", 0, nullptr, REG_OPTION_NON_VOLATILE,
                                       KEY_QUERY_VALUE | KEY_SET_VALUE, nullptr, values.put(), &disposition);
            effect = detail::combine(effect, disposition == REG_CREATED_NEW_KEY ? change::created : change::none);
        }
        const auto put_text = [&](const wchar_t* name, DWORD type, std::wstring_view text) {
            if (status == ERROR_SUCCESS) {
                change changed = change::none;
                status = detail::update_text(values.get(), name, type, text, changed);
                effect = detail::combine(effect, changed == change::none ? change::none : change::updated);
            }
        };
        put_text(L"Name", REG_SZ, p.display_name);
        put_text(L"ProviderPath", REG_EXPAND_SZ, p.dll_path);
        if (!p.device_name.empty()) {
            put_text(L"DeviceName", REG_SZ, p.device_name);
        }
        if (status == ERROR_SUCCESS && p.provider_class) {
            change changed = change::none;
            status = detail::update_dword(values.get(), L"Class", *p.provider_class, changed);
            effect = detail::combine(effect, changed == change::none ? change::none : change::updated);
        }
        if (status != ERROR_SUCCESS) {
            return result{static_cast<std::uint32_t>(status)};
        }

        unique_key order;
        status = ::RegCreateKeyExW(where.root, where.order, 0, nullptr, REG_OPTION_NON_VOLATILE,
                                   KEY_QUERY_VALUE | KEY_SET_VALUE, nullptr, order.put(), nullptr);
        if (status != ERROR_SUCCESS) {
            return result{static_cast<std::uint32_t>(status)};
        }
        detail::order_store store{order.get()};
        bool named_before = false;
        const order_update update = update_order(store, [&](const order_snapshot& current) {
            named_before = order_names(current.value, p.service_name);
            return order_to_register(current, p.service_name, position);
        });
        const result listed = detail::order_result(update, named_before ? change::updated : change::created);
        return listed.ok() ? result{ERROR_SUCCESS, detail::combine(effect, listed.effect())} : listed;
    });
}

/// Removes the name from ProviderOrder, then deletes Services\<name>\NetworkProvider, and
/// Services\<name> itself when nothing but `Group = NetworkProvider` is left in it.
/// Removing the last token deletes ProviderOrder (an absent and an empty value list no provider
/// alike), so registering into a location without the value and unregistering leaves none.
/// Effect: removed, or none when neither was there.
[[nodiscard]] inline result unregister_provider_nothrow(std::wstring_view service_name,
                                                        const provider_location& where = {}) noexcept
{
    if (const input_problem problem = check_service_name(service_name); problem != input_problem::none) {
        return result::invalid(problem);
    }
    return detail::guarded([&]() -> result {
        change effect = change::none;
        unique_key order;
        LSTATUS status = ::RegOpenKeyExW(where.root, where.order, 0, KEY_QUERY_VALUE | KEY_SET_VALUE, order.put());
        if (status == ERROR_SUCCESS) {
            detail::order_store store{order.get()};
            const order_update update = update_order(
                store, [&](const order_snapshot& current) { return order_to_unregister(current, service_name); });
            const result listed = detail::order_result(update, change::removed);
            if (!listed.ok()) {
                return listed;
            }
            effect = listed.effect();
            if (update.status == order_status::written && update.after.empty()) {
                // No token left: delete the value, unless another writer has put a token in since.
                bool deleted = false;
                status = detail::delete_text_if(order.get(), provider_order_value, REG_SZ, L"", deleted);
                if (status != ERROR_SUCCESS) {
                    return result{static_cast<std::uint32_t>(status)};
                }
            }
        } else if (status != ERROR_FILE_NOT_FOUND) {
            return result{static_cast<std::uint32_t>(status)};
        }

        unique_key services;
        status = ::RegOpenKeyExW(where.root, where.services, 0,
                                 KEY_QUERY_VALUE | KEY_ENUMERATE_SUB_KEYS | KEY_SET_VALUE | DELETE, services.put());
        if (status == ERROR_FILE_NOT_FOUND) {
            return result{ERROR_SUCCESS, effect};
        }
        const std::wstring subkey = std::wstring{service_name} + L"\\NetworkProvider";
        if (status == ERROR_SUCCESS) {
            status = ::RegDeleteTreeW(services.get(), subkey.c_str());
            if (status == ERROR_SUCCESS) {
                effect = change::removed;
                status = detail::delete_if_only_ours(services.get(), std::wstring{service_name});
            } else if (status == ERROR_FILE_NOT_FOUND) {
                status = ERROR_SUCCESS;
            }
        }
        return status == ERROR_SUCCESS ? result{ERROR_SUCCESS, effect} : result{static_cast<std::uint32_t>(status)};
    });
}

/// Reads Services\<name>\NetworkProvider and the name's place in ProviderOrder.
/// ERROR_FILE_NOT_FOUND when there is no NetworkProvider key and no token naming it.
[[nodiscard]] inline result query_provider_nothrow(std::wstring_view service_name, provider_info& out,
                                                   const provider_location& where = {}) noexcept
{
    if (const input_problem problem = check_service_name(service_name); problem != input_problem::none) {
        return result::invalid(problem);
    }
    return detail::guarded([&]() -> result {
        provider_info found;
        found.service_name.assign(service_name);
        order_snapshot order;
        if (const result read = read_provider_order_nothrow(order, where); !read.ok()) {
            return read;
        }
        const std::vector<std::wstring_view> tokens = split_order(order.value);
        for (std::size_t i = 0; i < tokens.size() && !found.order_index; ++i) {
            if (names_provider(tokens[i], service_name)) {
                found.order_index = i;
            }
        }
        unique_key key;
        const std::wstring path = detail::provider_key_path(where, service_name) + L"\\NetworkProvider";
        const LSTATUS opened = ::RegOpenKeyExW(where.root, path.c_str(), 0, KEY_QUERY_VALUE, key.put());
        if (opened == ERROR_FILE_NOT_FOUND && !found.order_index) {
            return result{ERROR_FILE_NOT_FOUND};
        }
        if (opened != ERROR_SUCCESS && opened != ERROR_FILE_NOT_FOUND) {
            return result{static_cast<std::uint32_t>(opened)};
        }
        if (opened == ERROR_SUCCESS) {
            found.key_found = true;
            DWORD type = REG_NONE;
            found.display_name = detail::read_text(key.get(), L"Name", type);
            found.dll_path = detail::read_text(key.get(), L"ProviderPath", found.dll_path_type);
            found.device_name = detail::read_text(key.get(), L"DeviceName", type);
            found.provider_class = detail::read_dword(key.get(), L"Class");
        }
        out = std::move(found);
        return result{};
    });
}

#  if MPRNOTIFY_HAS_EXCEPTIONS

/// Throwing twin of register_provider_nothrow; returns what changed.
inline change register_provider(const provider& p, const order_position& position = order_position::last(),
                                const provider_location& where = {})
{
    const result outcome = register_provider_nothrow(p, position, where);
    detail::throw_if_failed(outcome, "register_provider", p.service_name);
    return outcome.effect();
}

/// Throwing twin of unregister_provider_nothrow; returns what changed.
inline change unregister_provider(std::wstring_view service_name, const provider_location& where = {})
{
    const result outcome = unregister_provider_nothrow(service_name, where);
    detail::throw_if_failed(outcome, "unregister_provider", service_name);
    return outcome.effect();
}

/// Throwing twin of query_provider_nothrow: std::nullopt when neither key nor token exists.
[[nodiscard]] inline std::optional<provider_info> find_provider(std::wstring_view service_name,
                                                                const provider_location& where = {})
{
    provider_info found;
    const result outcome = query_provider_nothrow(service_name, found, where);
    if (outcome.win32_error() == ERROR_FILE_NOT_FOUND) {
        return std::nullopt;
    }
    detail::throw_if_failed(outcome, "find_provider", service_name);
    return found;
}

/// Throwing twin of read_provider_order_nothrow.
[[nodiscard]] inline order_snapshot read_provider_order(const provider_location& where = {})
{
    order_snapshot out;
    detail::throw_if_failed(read_provider_order_nothrow(out, where), "read_provider_order", provider_order_value);
    return out;
}

#  endif // MPRNOTIFY_HAS_EXCEPTIONS

} // namespace mprnotify::registry

#endif // _WIN32
