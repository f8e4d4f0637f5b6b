// mprnotify/detail/provider/resource_answer.hpp - the library's side of NPGetResourceInformation's and
// NPGetResourceParent's answers: the answer objects a call makes over MPR's buffer, and the one
// writer both forms of the hooks go through (an in-place hook through set(), a returned value after
// the hook), so the two forms pack the same bytes.
#pragma once

#include "../../core/platform.hpp"
#include "../../core/status.hpp"
#include "../../provider/net_resource.hpp"
#include "../../provider/resource_information.hpp"
#include "hooks.hpp"

namespace mprnotify::detail {

/// What the packer writes where an answer has no provider: Handler's provider_name, or nothing.
template <class Handler>
[[nodiscard]] constexpr text_field default_provider_text() noexcept
{
    if constexpr (has_provider_name<Handler>) {
        return text_field{Handler::provider_name};
    } else {
        return text_field{};
    }
}

struct resource_answer_access {
    /// NPGetResourceInformation's target: MPR's buffer, its size in bytes, and *lplpSystem.
    template <class Handler>
    [[nodiscard]] static resource_target information_target(void* buffer, platform::dword* size_in_bytes,
                                                            wchar_t** system_out) noexcept
    {
        return resource_target{buffer, size_in_bytes, system_out, default_provider_text<Handler>()};
    }
    /// NPGetResourceParent's: no system string.
    template <class Handler>
    [[nodiscard]] static resource_target parent_target(void* buffer, platform::dword* size_in_bytes) noexcept
    {
        return resource_target{buffer, size_in_bytes, nullptr, default_provider_text<Handler>()};
    }
    [[nodiscard]] static resource_answer make_information(const resource_target& target) noexcept
    {
        return resource_answer{target};
    }
    [[nodiscard]] static resource_parent_answer make_parent(const resource_target& target) noexcept
    {
        return resource_parent_answer{target};
    }
};

} // namespace mprnotify::detail
