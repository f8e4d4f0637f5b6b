// mprnotify/provider/enumeration.hpp - what NPOpenEnum asks a provider, and what a provider answers with.
//
// A provider that can be browsed declares which scopes it enumerates and has one hook:
//     static constexpr mprnotify::enum_scopes enumerates = mprnotify::enum_scopes::globalnet;
//     Sequence enumerate(const mprnotify::enum_request&);
// `enumerates` is NPGetCaps(WNNC_ENUMERATION)'s answer; an open for any other scope is answered
// WN_NOT_SUPPORTED without calling the hook ("NPOpenEnum function (npapi.h)"). The library hands MPR
// only the entries the request's dwType and dwUsage select (enum_filter), skipping the others as it
// packs; a handler whose enumerate applies them itself says so, and nothing is skipped:
//     static constexpr bool enumerate_applies_filter = true;
// The Sequence is any of
//   - a range of resources (std::vector<net_resource>, a view over the handler's own data, ...);
//   - a generator: a callable returning std::optional<net_resource> (or resource_view), std::nullopt
//     at the end - entries are produced lazily, one per call, as MPR reads;
//   - mprnotify::lookup<Sequence>, to refuse the open with a WN code (WN_NOT_CONTAINER,
//     WN_BAD_NETNAME, ...) without an exception.
// The library keeps the sequence behind the handle MPR gets, packs each batch into MPR's buffer
// (resource_packing.hpp), resumes where the last batch stopped, and destroys the sequence at
// NPCloseEnum, or before the handler at unload when MPR never closes it. A sequence may refer to
// the handler's data (the handler outlives it), never to the request: the request is valid only
// during the hook.
#pragma once

#include <concepts>
#include <cstdint>
#include <optional>
#include <type_traits>

#include "lookup.hpp"
#include "net_resource.hpp"
#include "../core/nullable_wstring.hpp"
#include "../core/platform.hpp"
#include "../detail/core/range_concepts.hpp"

namespace mprnotify {

/// The scopes a provider enumerates: the WNNC_ENUMERATION bits (npapi.h WNNC_ENUM_*).
enum class enum_scopes : std::uint32_t {
    none = 0,
    globalnet = 0x1, // WNNC_ENUM_GLOBAL: RESOURCE_GLOBALNET, browsing the network
    connected = 0x2, // WNNC_ENUM_LOCAL: RESOURCE_CONNECTED, this provider's current connections
    context = 0x4,   // WNNC_ENUM_CONTEXT: RESOURCE_CONTEXT, the "network neighbourhood" view
    shareable = 0x8, // WNNC_ENUM_SHAREABLE: RESOURCE_SHAREABLE
};

[[nodiscard]] constexpr enum_scopes operator|(enum_scopes a, enum_scopes b) noexcept
{
    return static_cast<enum_scopes>(static_cast<std::uint32_t>(a) | static_cast<std::uint32_t>(b));
}

/// The WNNC_ENUMERATION bit that announces `scope`; none for a scope providers are not asked for.
[[nodiscard]] constexpr enum_scopes scope_bit(resource_scope scope) noexcept
{
    switch (scope) {
    case resource_scope::globalnet: return enum_scopes::globalnet;
    case resource_scope::connected: return enum_scopes::connected;
    case resource_scope::context: return enum_scopes::context;
    case resource_scope::shareable: return enum_scopes::shareable;
    default: return enum_scopes::none;
    }
}

/// True when `scopes` includes `scope`.
[[nodiscard]] constexpr bool includes(enum_scopes scopes, resource_scope scope) noexcept
{
    const auto bit = static_cast<std::uint32_t>(scope_bit(scope));
    return bit != 0 && (static_cast<std::uint32_t>(scopes) & bit) == bit;
}

/// The entries an open asks for, by their dwType and dwUsage (the NPOpenEnum page):
///   - dwType: RESOURCETYPE_DISK and RESOURCETYPE_PRINT select; without either (0, or just
///     RESOURCEUSAGE_ATTACHED) every type is asked for. An entry of resource_type::any (a server,
///     a domain, a resource whose type is not known) is taken whatever the type asked for.
///   - dwUsage, for RESOURCE_GLOBALNET only (the page lets other scopes ignore it):
///     RESOURCEUSAGE_CONNECTABLE and RESOURCEUSAGE_CONTAINER select; an entry is taken when its usage
///     has one of the bits asked for. Without either (0, or only other bits) every usage is.
class enum_filter {
public:
    /// Selects every entry.
    constexpr enum_filter() noexcept = default;
    // NOLINTNEXTLINE(bugprone-easily-swappable-parameters): the order the SDK and the docs use
    constexpr enum_filter(resource_scope scope, std::uint32_t type_bits, std::uint32_t usage_bits) noexcept
        : types_(static_cast<std::uint8_t>(type_bits & selecting_types)),
          usages_(scope == resource_scope::globalnet ? static_cast<std::uint8_t>(usage_bits & selecting_usages) : 0)
    {
    }

    /// True when no entry is skipped.
    [[nodiscard]] constexpr bool selects_everything() const noexcept { return (types_ | usages_) == 0; }
    [[nodiscard]] constexpr bool selects(resource_type type) const noexcept
    {
        const auto bits = static_cast<std::uint32_t>(type);
        return types_ == 0 || bits == 0 || (bits & types_) != 0;
    }
    [[nodiscard]] constexpr bool selects(resource_usage usage) const noexcept
    {
        return usages_ == 0 || (static_cast<std::uint32_t>(usage) & usages_) != 0;
    }
    /// True when the entry's type and usage are both asked for.
    [[nodiscard]] constexpr bool selects(const resource_view& entry) const noexcept
    {
        return selects(entry.type) && selects(entry.usage);
    }

private:
    static constexpr std::uint32_t selecting_types = 0x1U | 0x2U;  // RESOURCETYPE_DISK, _PRINT
    static constexpr std::uint32_t selecting_usages = 0x1U | 0x2U; // RESOURCEUSAGE_CONNECTABLE, _CONTAINER
    std::uint8_t types_ = 0;
    std::uint8_t usages_ = 0;
};

/// What NPOpenEnum asks: a zero-copy view, valid only during the enumerate hook.
class enum_request {
public:
    // NOLINTNEXTLINE(bugprone-easily-swappable-parameters): the order the SDK and the docs use
    enum_request(resource_scope scope, std::uint32_t type, std::uint32_t usage,
                 const platform::net_resource_w* parent) noexcept
        : scope_(scope), type_(type), usage_(usage), parent_(parent)
    {
    }

    [[nodiscard]] resource_scope scope() const noexcept { return scope_; }
    /// dwType as MPR passed it: RESOURCETYPE_DISK / _PRINT bits, and RESOURCEUSAGE_ATTACHED.
    [[nodiscard]] std::uint32_t type_bits() const noexcept { return type_; }
    /// True when entries of type `type` are asked for, as filter() reads dwType.
    [[nodiscard]] bool wants(resource_type type) const noexcept { return filter().selects(type); }
    /// RESOURCEUSAGE_ATTACHED in dwType: fail if the caller is not authenticated.
    [[nodiscard]] bool requires_authentication() const noexcept { return (type_ & attached) != 0; }
    /// dwUsage as MPR passed it (0: every usage).
    [[nodiscard]] std::uint32_t usage_bits() const noexcept { return usage_; }
    /// True when entries with usage `usage` are asked for, as filter() reads dwUsage.
    [[nodiscard]] bool wants(resource_usage usage) const noexcept { return filter().selects(usage); }
    /// The entries asked for: all the library keeps of the hook's sequence, unless the handler
    /// declares enumerate_applies_filter = true.
    [[nodiscard]] enum_filter filter() const noexcept { return enum_filter{scope_, type_, usage_}; }
    /// True for the top level of the network: no container, or one without a remote name.
    [[nodiscard]] bool at_top() const noexcept { return parent_ == nullptr || parent_->lpRemoteName == nullptr; }
    /// The container to browse into (a remote name this provider enumerated, or one the caller
    /// built); absent at the top level.
    [[nodiscard]] nullable_wstring parent_remote_name() const noexcept
    {
        return nullable_wstring{parent_ == nullptr ? nullptr : parent_->lpRemoteName};
    }
    /// The provider named in the container, as the caller filled it in (possibly absent).
    [[nodiscard]] nullable_wstring parent_provider() const noexcept
    {
        return nullable_wstring{parent_ == nullptr ? nullptr : parent_->lpProvider};
    }

private:
    static constexpr std::uint32_t attached = 0x10; // RESOURCEUSAGE_ATTACHED
    resource_scope scope_;
    std::uint32_t type_;
    std::uint32_t usage_;
    const platform::net_resource_w* parent_;
};

namespace detail {

template <class T>
struct optional_value {
    using type = void;
};
template <class T>
struct optional_value<std::optional<T>> {
    using type = T;
};

} // namespace detail

/// A range whose elements view_of() accepts.
template <class S>
concept resource_range =
    std::ranges::input_range<S> && resource_like<std::remove_cvref_t<std::ranges::range_reference_t<S>>>;

/// A callable producing the next resource, std::nullopt at the end.
template <class G>
concept resource_generator = std::invocable<G&> && requires
{
    typename detail::optional_value<std::remove_cvref_t<std::invoke_result_t<G&>>>::type;
} && resource_like<typename detail::optional_value<std::remove_cvref_t<std::invoke_result_t<G&>>>::type>;

/// What an enumerate hook may return (besides lookup<...> of it).
template <class S>
concept resource_sequence = std::move_constructible<S> && std::is_object_v<S> &&
    (resource_range<S> || resource_generator<S>);

} // namespace mprnotify
