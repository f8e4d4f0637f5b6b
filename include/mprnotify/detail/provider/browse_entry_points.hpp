// mprnotify/detail/provider/browse_entry_points.hpp - the boundary for resource information:
// NPGetResourceInformation, NPGetResourceParent and NPFormatNetworkName (enumeration itself:
// enumeration_entry_points.hpp).
//
// provider_entry_points<Handler, Policy> inherits these; the rules are those of the provider
// boundary (provider/entry_points.hpp) and docs/provider.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <type_traits>
#include <utility>

#include "../../core/failure.hpp"
#include "../../provider/lookup.hpp"
#include "../../provider/net_resource.hpp"
#include "../../core/operation.hpp"
#include "../../core/platform.hpp"
#include "../../core/platform_provider.hpp"
#include "../../core/policy.hpp"
#include "../../provider/resource_information.hpp"
#include "../../provider/resource_packing.hpp"
#include "../../core/status.hpp"
#include "buffer_writer.hpp"
#include "../core/call_report.hpp"
#include "../core/handler_instance.hpp"
#include "boundary.hpp"
#include "caps.hpp"
#include "hooks.hpp"
#include "policy.hpp"
#include "resource_answer.hpp"

namespace mprnotify::detail {

template <class Handler, class Policy>
class browse_entry_points {
    using report = provider_report<Handler, Policy>;

public:
    /// NPGetResourceInformation: the resource_information hook, packed with its system string.
    static wn_status get_resource_information(param_of<np_get_resource_information, 0> resource,
                                              param_of<np_get_resource_information, 1> buffer,
                                              param_of<np_get_resource_information, 2> size,
                                              param_of<np_get_resource_information, 3> system) noexcept
    {
        if constexpr (!resource_information_hook::present<Handler>) {
            return wn_status::not_supported;
        } else {
            if (resource == nullptr || system == nullptr || check_output(buffer, size)) {
                return wn_status::bad_pointer;
            }
            if (wide(resource)->lpRemoteName == nullptr) {
                return wn_status::bad_netname;
            }
            const resource_request request{*wide(resource)};
            const resource_target target = resource_answer_access::information_target<Handler>(buffer, size, system);
            if constexpr (resource_information_hook::in_place<Handler>) {
                resource_answer answer = resource_answer_access::make_information(target);
                return answer_in_place<operation::get_resource_information, report>(
                    declined(operation::get_resource_information), answer, [&](Handler& handler, resource_answer& out) {
                        return resource_information_hook::call_in_place(handler, request, out);
                    });
            } else {
                return answer_lookup<operation::get_resource_information, report>(
                    declined(operation::get_resource_information),
                    [&](Handler& handler) { return resource_information_hook::call(handler, request); },
                    [&](const mprnotify::resource_information& info) {
                        return target.write(view_of(info.resource), info.system);
                    });
            }
        }
    }

    /// NPGetResourceParent: the resource_parent hook, packed.
    static wn_status get_resource_parent(param_of<np_get_resource_parent, 0> resource,
                                         param_of<np_get_resource_parent, 1> buffer,
                                         param_of<np_get_resource_parent, 2> size) noexcept
    {
        if constexpr (!resource_parent_hook::present<Handler>) {
            return wn_status::not_supported;
        } else {
            if (resource == nullptr || check_output(buffer, size)) {
                return wn_status::bad_pointer;
            }
            if (wide(resource)->lpRemoteName == nullptr) {
                return wn_status::bad_netname;
            }
            const resource_request request{*wide(resource)};
            const resource_target target = resource_answer_access::parent_target<Handler>(buffer, size);
            if constexpr (resource_parent_hook::in_place<Handler>) {
                resource_parent_answer answer = resource_answer_access::make_parent(target);
                return answer_in_place<operation::get_resource_parent, report>(
                    declined(operation::get_resource_parent), answer,
                    [&](Handler& handler, resource_parent_answer& out) {
                        return resource_parent_hook::call_in_place(handler, request, out);
                    });
            } else {
                return answer_lookup<operation::get_resource_parent, report>(
                    declined(operation::get_resource_parent),
                    [&](Handler& handler) { return resource_parent_hook::call(handler, request); },
                    [&](const net_resource& parent) { return target.write(view_of(parent), text_field{}); });
            }
        }
    }

    /// NPFormatNetworkName: the format_network_name hook; *length counts characters.
    static wn_status format_network_name(param_of<np_format_network_name, 0> remote_name,
                                         param_of<np_format_network_name, 1> formatted,
                                         param_of<np_format_network_name, 2> length,
                                         param_of<np_format_network_name, 3> flags,
                                         param_of<np_format_network_name, 4> width) noexcept
    {
        if constexpr (!format_network_name_hook::present<Handler>) {
            return wn_status::not_supported;
        } else {
            if (remote_name == nullptr || check_output(formatted, length)) {
                return wn_status::bad_pointer;
            }
            const format_request request{remote_name, static_cast<std::uint32_t>(flags),
                                         static_cast<std::uint32_t>(width)};
            return answer_lookup<operation::format_network_name, report>(
                declined(operation::format_network_name),
                [&](Handler& handler) { return format_network_name_hook::call(handler, request); },
                [&](std::wstring_view name) { return write_characters(name, formatted, length); });
        }
    }
};

} // namespace mprnotify::detail
