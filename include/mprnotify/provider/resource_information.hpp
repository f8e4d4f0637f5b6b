// mprnotify/provider/resource_information.hpp - what NPGetResourceInformation, NPGetResourceParent and
// NPFormatNetworkName ask a provider, and what it answers.
//
//     Answer<resource_information> resource_information(const mprnotify::resource_request&);
//     Answer<net_resource>         resource_parent(const mprnotify::resource_request&);
//     Answer<std::wstring>         format_network_name(const mprnotify::format_request&);
// where Answer<V> is std::optional<V> (std::nullopt: "not mine") or mprnotify::lookup<V> (any WN
// code). The library packs the answer into MPR's buffer with the page's unit and WN_MORE_DATA rule:
//   NPGetResourceInformation  bytes; one NETRESOURCE, its strings and the system string
//                             ("NPGetResourceInformation function (npapi.h)")
//   NPGetResourceParent       bytes; one NETRESOURCE and its strings ("NPGetResourceParent ...")
//   NPFormatNetworkName       characters, the terminator included ("NPFormatNetworkName ...")
// Both resource pages say which fields are returned - lpRemoteName, lpProvider, dwType,
// dwDisplayType, dwUsage - and that all others are NULL: the library clears dwScope, lpLocalName
// and lpComment of the answer, whatever the hook put there.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "../core/resource.hpp"
#include "net_resource.hpp"
#include "../core/nullable_wstring.hpp"
#include "../core/platform.hpp"

namespace mprnotify {

/// The resource MPR asks about: lpRemoteName (never NULL here: the boundary answers
/// WN_BAD_NETNAME first), and lpProvider and dwType if the caller knew them. The other fields are
/// not initialised by the caller ("ignored and are not initialized"), so they are not exposed.
/// A hook can make one from a name too, to ask its own resource_information or resource_parent
/// about another resource (the parent of the one asked about, say).
class resource_request {
public:
    explicit resource_request(const platform::net_resource_w& resource) noexcept
        : remote_name_(resource.lpRemoteName == nullptr ? std::wstring_view{}
                                                        : std::wstring_view{resource.lpRemoteName}),
          provider_(resource.lpProvider), type_(static_cast<mprnotify::resource_type>(resource.dwType))
    {
    }
    explicit resource_request(const platform::net_resource_w&&) = delete;
    /// A request about `remote_name`, which must outlive the request (it need not be terminated).
    explicit resource_request(std::wstring_view remote_name, nullable_wstring provider = nullable_wstring{},
                              mprnotify::resource_type type = mprnotify::resource_type::any) noexcept
        : remote_name_(remote_name), provider_(provider), type_(type)
    {
    }

    /// "\\server\share\dir": for NPGetResourceInformation it may go on past the network part.
    [[nodiscard]] std::wstring_view remote_name() const noexcept { return remote_name_; }
    [[nodiscard]] nullable_wstring provider() const noexcept { return provider_; }
    /// 0 (RESOURCETYPE_ANY) when the caller does not know it.
    [[nodiscard]] mprnotify::resource_type resource_type() const noexcept { return type_; }

private:
    std::wstring_view remote_name_;
    nullable_wstring provider_;
    mprnotify::resource_type type_;
};

/// NPGetResourceInformation's answer: the network part of the name as a resource, and the rest
/// of the name that is reached through other APIs ("\dir1\dir2"; std::nullopt when there is none:
/// *lplpSystem becomes NULL).
struct resource_information {
    net_resource resource;
    std::optional<std::wstring> system = std::nullopt;
};

/// What NPFormatNetworkName asks for: the name, the WNFMT_* flags, and the width available.
class format_request {
public:
    // NOLINTNEXTLINE(bugprone-easily-swappable-parameters): the order the SDK and the docs use
    format_request(const wchar_t* remote_name, std::uint32_t flags, std::uint32_t average_chars_per_line) noexcept
        : remote_name_(remote_name), flags_(flags), width_(average_chars_per_line)
    {
    }

    /// The name to format; never NULL here.
    [[nodiscard]] std::wstring_view remote_name() const noexcept { return std::wstring_view{remote_name_}; }
    /// WNFMT_MULTILINE: break the full name into lines with "\n".
    [[nodiscard]] bool multiline() const noexcept { return (flags_ & 0x01U) != 0; }
    /// WNFMT_ABBREVIATED: shorten the name to fit the width.
    [[nodiscard]] bool abbreviated() const noexcept { return (flags_ & 0x02U) != 0; }
    /// WNFMT_INENUM: the container's name is shown just before this one; leave out what repeats it.
    [[nodiscard]] bool in_enumeration() const noexcept { return (flags_ & 0x10U) != 0; }
    /// dwFlags as MPR passed it; unknown bits are kept.
    [[nodiscard]] std::uint32_t flag_bits() const noexcept { return flags_; }
    /// dwAveCharPerLine: about how many characters fit on one line of the control.
    [[nodiscard]] std::uint32_t average_chars_per_line() const noexcept { return width_; }

private:
    const wchar_t* remote_name_;
    std::uint32_t flags_;
    std::uint32_t width_;
};

} // namespace mprnotify
