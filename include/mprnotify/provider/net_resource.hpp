// mprnotify/provider/net_resource.hpp - a network resource as a provider describes it: what enumeration,
// NPGetResourceInformation and NPGetResourceParent hand back to MPR.
//
// net_resource owns its strings; resource_view is the same description over strings someone else
// owns (a pointer and a length each). Both keep "absent" (the NETRESOURCE field is NULL) apart from
// "empty" (the field points at L""). The library packs either into MPR's buffer
// (resource_packing.hpp); a handler returns whichever suits it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "../core/resource.hpp"

namespace mprnotify {

/// NETRESOURCE::dwScope and NPOpenEnum's dwScope (winnetwk.h RESOURCE_*).
enum class resource_scope : std::uint32_t {
    connected = 1,  // RESOURCE_CONNECTED
    globalnet = 2,  // RESOURCE_GLOBALNET
    remembered = 3, // RESOURCE_REMEMBERED (MPR answers it itself; never passed to a provider)
    recent = 4,     // RESOURCE_RECENT
    context = 5,    // RESOURCE_CONTEXT
    shareable = 6,  // RESOURCE_SHAREABLE (absent from the public headers)
};

/// NETRESOURCE::dwDisplayType (RESOURCEDISPLAYTYPE_*): how a browser draws the entry.
enum class display_type : std::uint32_t {
    generic = 0,
    domain = 1,
    server = 2,
    share = 3,
    file = 4,
    group = 5,
    network = 6,
    root = 7,
    shareadmin = 8,
    directory = 9,
    tree = 10,
    ndscontainer = 11,
};

/// NETRESOURCE::dwUsage bits (RESOURCEUSAGE_*).
enum class resource_usage : std::uint32_t {
    none = 0,
    connectable = 0x1,   // can be connected to (net use)
    container = 0x2,     // can be browsed into (NPOpenEnum with this entry as the parent)
    nolocaldevice = 0x4, // needs no local device to connect
    sibling = 0x8,
    attached = 0x10,
};

[[nodiscard]] constexpr resource_usage operator|(resource_usage a, resource_usage b) noexcept
{
    return static_cast<resource_usage>(static_cast<std::uint32_t>(a) | static_cast<std::uint32_t>(b));
}

/// A string field that may be absent (NULL) or present and possibly empty; owns nothing.
/// It keeps the bytes the string takes with its terminator (0: absent), so the packer sizes a
/// field with one load and no test for absence.
class text_field {
public:
    constexpr text_field() noexcept = default;
    constexpr text_field(std::wstring_view text) noexcept
        : data_(text.data() == nullptr ? L"" : text.data()), bytes_((text.size() + 1) * sizeof(wchar_t))
    {
    }
    constexpr text_field(const std::optional<std::wstring>& text) noexcept
        : data_(text ? text->c_str() : nullptr), bytes_(text ? (text->size() + 1) * sizeof(wchar_t) : 0)
    {
    }
    constexpr text_field(std::nullopt_t /*absent*/) noexcept {}

    /// False when the NETRESOURCE field is NULL.
    [[nodiscard]] constexpr bool has_value() const noexcept { return bytes_ != 0; }
    /// The characters (not terminated); nullptr when absent.
    [[nodiscard]] constexpr const wchar_t* data() const noexcept { return data_; }
    /// Characters without a terminator; 0 when absent.
    [[nodiscard]] constexpr std::size_t size() const noexcept { return bytes_ == 0 ? 0 : bytes_ / sizeof(wchar_t) - 1; }
    /// Bytes of the string with its terminator; 0 when absent.
    [[nodiscard]] constexpr std::size_t terminated_bytes() const noexcept { return bytes_; }

private:
    const wchar_t* data_ = nullptr;
    std::size_t bytes_ = 0;
};

/// One resource over borrowed strings: what the packer reads.
struct resource_view {
    resource_scope scope = resource_scope::globalnet;
    resource_type type = resource_type::any;
    mprnotify::display_type display_type = display_type::generic;
    resource_usage usage = resource_usage::none;
    // Defaults given, so that designated initialisers name only what they set (as for net_resource).
    text_field local_name = {};
    text_field remote_name = {};
    text_field comment = {};
    text_field provider = {};
};

/// One resource with its own strings: what a handler usually returns.
struct net_resource {
    resource_scope scope = resource_scope::globalnet;
    resource_type type = resource_type::any;
    mprnotify::display_type display_type = display_type::generic;
    resource_usage usage = resource_usage::none;
    std::optional<std::wstring> local_name = std::nullopt;
    std::optional<std::wstring> remote_name = std::nullopt;
    std::optional<std::wstring> comment = std::nullopt;
    std::optional<std::wstring> provider = std::nullopt;

    friend bool operator==(const net_resource&, const net_resource&) = default;
};

/// The view of a resource, for the packer: a view is itself, an owning resource lends its strings.
[[nodiscard]] constexpr const resource_view& view_of(const resource_view& resource) noexcept { return resource; }
[[nodiscard]] inline resource_view view_of(const net_resource& resource) noexcept
{
    return {resource.scope,      resource.type,        resource.display_type, resource.usage,
            resource.local_name, resource.remote_name, resource.comment,      resource.provider};
}

/// An owning copy of a view: its strings copied, an absent field kept absent.
[[nodiscard]] inline net_resource to_net_resource(const resource_view& view)
{
    const auto owned = [](const text_field& text) -> std::optional<std::wstring> {
        if (!text.has_value()) {
            return std::nullopt;
        }
        return std::wstring{text.data(), text.size()};
    };
    return {view.scope,
            view.type,
            view.display_type,
            view.usage,
            owned(view.local_name),
            owned(view.remote_name),
            owned(view.comment),
            owned(view.provider)};
}

/// A resource type that view_of() accepts: what enumeration sequences may yield.
template <class T>
concept resource_like = requires(const T& resource)
{
    {view_of(resource)};
};

} // namespace mprnotify
