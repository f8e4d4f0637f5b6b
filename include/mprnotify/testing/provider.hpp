// mprnotify/testing/provider.hpp - a network provider as the simulated MPR sees it: the NP
// functions it found, by plain name, as function pointers.
//
// Either taken straight from provider_entry_points<Handler> (exactly the functions the
// generated DLL would export: the others stay NULL), or looked up by name in a shared library
// loaded by path, as MPR does with GetProcAddress.
#pragma once

#include <bit>
#include <optional>
#include <string>
#include <utility>

#include "../detail/provider_caps.hpp"
#include "../platform.hpp"
#include "../platform_provider.hpp"
#include "../policy.hpp"
#include "../provider_entry_points.hpp"
#include "notifyee.hpp"

namespace mprnotify::testing {

struct provider {
    std::string name;
    platform::np_get_caps_fn get_caps = nullptr; // required: MPR skips a DLL without it
    platform::np_add_connection_fn add_connection = nullptr;
    platform::np_add_connection3_fn add_connection3 = nullptr;
    platform::np_cancel_connection_fn cancel_connection = nullptr;
    platform::np_get_connection_fn get_connection = nullptr;
    platform::np_get_universal_name_fn get_universal_name = nullptr;
    platform::np_get_user_fn get_user = nullptr;

    /// NPGetCaps(index), or 0 without NPGetCaps.
    [[nodiscard]] platform::dword caps(platform::dword index) const
    {
        return get_caps != nullptr ? get_caps(index) : 0;
    }
};

/// The NP functions the library generates for Handler, without building a DLL: exactly those the
/// export macro would export.
template <class Handler, class Policy = fail_open>
[[nodiscard]] provider make_provider(std::string name)
{
    using entry = provider_entry_points<Handler, Policy>;
    provider p;
    p.name = std::move(name);
    p.get_caps = &entry::get_caps;
    if constexpr (entry::template exports<::mprnotify::detail::np_add_connection>) {
        p.add_connection = &entry::add_connection;
    }
    if constexpr (entry::template exports<::mprnotify::detail::np_add_connection3>) {
        p.add_connection3 = &entry::add_connection3;
    }
    if constexpr (entry::template exports<::mprnotify::detail::np_cancel_connection>) {
        p.cancel_connection = &entry::cancel_connection;
    }
    if constexpr (entry::template exports<::mprnotify::detail::np_get_connection>) {
        p.get_connection = &entry::get_connection;
    }
    if constexpr (entry::template exports<::mprnotify::detail::np_get_universal_name>) {
        p.get_universal_name = &entry::get_universal_name;
    }
    if constexpr (entry::template exports<::mprnotify::detail::np_get_user>) {
        p.get_user = &entry::get_user;
    }
    return p;
}

/// The NP functions of a loaded library, by plain name; std::nullopt (and `*error`) without NPGetCaps.
[[nodiscard]] inline std::optional<provider> find_provider(const shared_library& library, std::string name,
                                                           std::string* error = nullptr)
{
    provider p;
    p.name = std::move(name);
    p.get_caps = std::bit_cast<platform::np_get_caps_fn>(library.symbol(platform::np_name::get_caps));
    if (p.get_caps == nullptr) {
        if (error != nullptr) {
            *error = "missing export: NPGetCaps";
        }
        return std::nullopt;
    }
    p.add_connection = std::bit_cast<platform::np_add_connection_fn>(library.symbol(platform::np_name::add_connection));
    p.add_connection3 =
        std::bit_cast<platform::np_add_connection3_fn>(library.symbol(platform::np_name::add_connection3));
    p.cancel_connection =
        std::bit_cast<platform::np_cancel_connection_fn>(library.symbol(platform::np_name::cancel_connection));
    p.get_connection = std::bit_cast<platform::np_get_connection_fn>(library.symbol(platform::np_name::get_connection));
    p.get_universal_name =
        std::bit_cast<platform::np_get_universal_name_fn>(library.symbol(platform::np_name::get_universal_name));
    p.get_user = std::bit_cast<platform::np_get_user_fn>(library.symbol(platform::np_name::get_user));
    return p;
}

} // namespace mprnotify::testing
