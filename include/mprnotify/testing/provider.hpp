// mprnotify/testing/provider.hpp - a network provider as the simulated MPR sees it: the NP
// functions it found, by plain name, as function pointers.
//
// Either taken straight from provider_entry_points<Handler> (exactly the functions the
// generated DLL would export: the others stay NULL), or looked up by name in a shared library
// loaded by path, as MPR does with GetProcAddress.
#pragma once

#include <bit>
#include <optional>
#include <type_traits>
#include <string>
#include <utility>

#include "../detail/provider/caps.hpp"
#include "../core/platform.hpp"
#include "../core/platform_provider.hpp"
#include "../core/policy.hpp"
#include "../provider/entry_points.hpp"
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
    platform::np_open_enum_fn open_enum = nullptr;
    platform::np_enum_resource_fn enum_resource = nullptr;
    platform::np_close_enum_fn close_enum = nullptr;
    platform::np_get_resource_information_fn get_resource_information = nullptr;
    platform::np_get_resource_parent_fn get_resource_parent = nullptr;
    platform::np_format_network_name_fn format_network_name = nullptr;

    /// NPGetCaps(index), or 0 without NPGetCaps.
    [[nodiscard]] platform::dword caps(platform::dword index) const
    {
        return get_caps != nullptr ? get_caps(index) : 0;
    }
};

} // namespace mprnotify::testing

namespace mprnotify::detail {

/// `slot` = `function` when Handler's table row `Row` says the DLL would export it.
template <class Entry, class Row, class Function>
void adopt(Function& slot, std::type_identity_t<Function> function) noexcept
{
    if constexpr (Entry::template exports<Row>) {
        slot = function;
    }
}

/// `slot` = the library's export named `name`, or NULL.
template <class Function>
void look_up(const testing::shared_library& library, Function& slot, const char* name) noexcept
{
    slot = std::bit_cast<Function>(library.symbol(name));
}

} // namespace mprnotify::detail

namespace mprnotify::testing {

/// The NP functions the library generates for Handler, without building a DLL: exactly those the
/// export macro would export.
template <class Handler, class Policy = fail_open>
[[nodiscard]] provider make_provider(std::string name)
{
    namespace row = ::mprnotify::detail;
    using entry = provider_entry_points<Handler, Policy>;
    provider p;
    p.name = std::move(name);
    p.get_caps = &entry::get_caps;
    detail::adopt<entry, row::np_add_connection>(p.add_connection, &entry::add_connection);
    detail::adopt<entry, row::np_add_connection3>(p.add_connection3, &entry::add_connection3);
    detail::adopt<entry, row::np_cancel_connection>(p.cancel_connection, &entry::cancel_connection);
    detail::adopt<entry, row::np_get_connection>(p.get_connection, &entry::get_connection);
    detail::adopt<entry, row::np_get_universal_name>(p.get_universal_name, &entry::get_universal_name);
    detail::adopt<entry, row::np_get_user>(p.get_user, &entry::get_user);
    detail::adopt<entry, row::np_open_enum>(p.open_enum, &entry::open_enum);
    detail::adopt<entry, row::np_enum_resource>(p.enum_resource, &entry::enum_resource);
    detail::adopt<entry, row::np_close_enum>(p.close_enum, &entry::close_enum);
    detail::adopt<entry, row::np_get_resource_information>(p.get_resource_information,
                                                           &entry::get_resource_information);
    detail::adopt<entry, row::np_get_resource_parent>(p.get_resource_parent, &entry::get_resource_parent);
    detail::adopt<entry, row::np_format_network_name>(p.format_network_name, &entry::format_network_name);
    return p;
}

/// The NP functions of a loaded library, by plain name; std::nullopt (and `*error`) without NPGetCaps.
[[nodiscard]] inline std::optional<provider> find_provider(const shared_library& library, std::string name,
                                                           std::string* error = nullptr)
{
    namespace np = platform::np_name;
    provider p;
    p.name = std::move(name);
    detail::look_up(library, p.get_caps, np::get_caps);
    if (p.get_caps == nullptr) {
        if (error != nullptr) {
            *error = "missing export: NPGetCaps";
        }
        return std::nullopt;
    }
    detail::look_up(library, p.add_connection, np::add_connection);
    detail::look_up(library, p.add_connection3, np::add_connection3);
    detail::look_up(library, p.cancel_connection, np::cancel_connection);
    detail::look_up(library, p.get_connection, np::get_connection);
    detail::look_up(library, p.get_universal_name, np::get_universal_name);
    detail::look_up(library, p.get_user, np::get_user);
    detail::look_up(library, p.open_enum, np::open_enum);
    detail::look_up(library, p.enum_resource, np::enum_resource);
    detail::look_up(library, p.close_enum, np::close_enum);
    detail::look_up(library, p.get_resource_information, np::get_resource_information);
    detail::look_up(library, p.get_resource_parent, np::get_resource_parent);
    detail::look_up(library, p.format_network_name, np::format_network_name);
    return p;
}

} // namespace mprnotify::testing
