// mprnotify/provider/resource_information.hpp - what NPGetResourceInformation, NPGetResourceParent and
// NPFormatNetworkName ask a provider, and what it answers.
//
//     Answer<resource_information> resource_information(const mprnotify::resource_request&);
//     Answer<net_resource>         resource_parent(const mprnotify::resource_request&);
//     Answer<std::wstring>         format_network_name(const mprnotify::format_request&);
// where Answer<V> is std::optional<V> (std::nullopt: "not mine") or mprnotify::lookup<V> (any WN
// code). The two resource hooks can answer in place instead, as the name lookups do (lookup.hpp):
//     wn_status resource_information(const resource_request&, resource_answer& answer);
//     wn_status resource_parent(const resource_request&, resource_parent_answer& answer);
// where answer.set(resource_view, system) packs the answer into MPR's buffer at once, while the
// hook still holds its lock, and allocates nothing.
// The library packs the answer into MPR's buffer with the page's unit and WN_MORE_DATA rule:
//   NPGetResourceInformation  bytes; one NETRESOURCE, its strings and the system string
//                             ("NPGetResourceInformation function (npapi.h)")
//   NPGetResourceParent       bytes; one NETRESOURCE and its strings ("NPGetResourceParent ...")
//   NPFormatNetworkName       characters, the terminator included ("NPFormatNetworkName ...")
// Both resource pages say which fields are returned - lpRemoteName, lpProvider, dwType,
// dwDisplayType, dwUsage - and that all others are NULL: the library clears dwScope, lpLocalName
// and lpComment of the answer, whatever the hook put there.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "../core/config.hpp"
#include "../core/nullable_wstring.hpp"
#include "../core/platform.hpp"
#include "../core/resource.hpp"
#include "../core/status.hpp"
#include "../detail/provider/buffer_writer.hpp"
#include "lookup.hpp"
#include "net_resource.hpp"
#include "resource_packing.hpp"

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

namespace detail {
struct resource_answer_access;

/// Where one resource answer goes: MPR's buffer and its size in bytes, *lplpSystem (nullptr for
/// NPGetResourceParent), and the provider name written where the answer has none (the handler's
/// provider_name; absent without one).
class resource_target {
public:
    resource_target(void* buffer, platform::dword* size_in_bytes, wchar_t** system_out,
                    text_field default_provider) noexcept
        : buffer_(buffer), size_(size_in_bytes), system_out_(system_out), default_provider_(default_provider)
    {
    }

    /// Packs `resource` with only the fields the resource pages return, and `system` when this
    /// target has a *lplpSystem: WN_SUCCESS, or WN_MORE_DATA with MPR's size set to the bytes
    /// needed and nothing written, or WN_BAD_VALUE when no DWORD can count them. check_output()
    /// has accepted the buffer and the size before the hook ran (a NULL buffer comes with a size
    /// of 0, which no answer fits).
    /// These are pack_resource_information()'s steps with the same packer, written out so that they
    /// are inlined into the NP function: GCC keeps that function out of line, which cost about 80
    /// instructions an answer (bench/run, "provider: NPGetResourceInformation").
    [[nodiscard]] MPRNOTIFY_DETAIL_INLINE wn_status write(const resource_view& resource,
                                                          text_field system) const noexcept
    {
        resource_view fields = resource;
        fields.scope = static_cast<resource_scope>(0);
        fields.local_name = std::nullopt;
        fields.comment = std::nullopt;
        if (!fields.provider.has_value()) {
            fields.provider = default_provider_;
        }
        if (system_out_ == nullptr) {
            system = text_field{};
        }
        const std::size_t needed = packed_size(fields) + packed_string_bytes(system);
        if (needed > usable_bytes(*size_)) [[unlikely]] {
            if (needed > max_dword) {
                return wn_status::bad_value;
            }
            *size_ = static_cast<platform::dword>(needed);
            return wn_status::more_data;
        }
        resource_array_packer packer{buffer_, *size_};
        wchar_t* const system_text = packer.place(system); // first: the entry's strings follow it downwards
        static_cast<void>(packer.append(fields));          // fits: checked above
        if (system_out_ != nullptr) {
            *system_out_ = system_text;
        }
        return wn_status::success;
    }

private:
    void* buffer_;
    platform::dword* size_;
    wchar_t** system_out_;
    text_field default_provider_;
};
} // namespace detail

/// Where resource_information answers NPGetResourceInformation in place: set() packs the resource
/// and the system string into MPR's buffer (bytes) while the hook still holds its lock. Made by the
/// library for one call.
class resource_answer {
public:
    resource_answer(const resource_answer&) = delete;
    resource_answer& operator=(const resource_answer&) = delete;
    resource_answer(resource_answer&&) = delete;
    resource_answer& operator=(resource_answer&&) = delete;
    ~resource_answer() = default;

    /// Packs `resource` (the network part of the name; the library clears dwScope, lpLocalName and
    /// lpComment) and `system` (the rest of the name; std::nullopt: *lplpSystem becomes NULL) into
    /// MPR's buffer now, *lplpSystem pointing at the system string in it: WN_SUCCESS. When they do
    /// not fit, nothing is written and MPR's size becomes the bytes needed: WN_MORE_DATA.
    /// WN_BAD_VALUE for an answer no DWORD can size. The strings are copied before set() returns.
    /// Once per call: a second set() writes nothing and answers WN_BAD_NETNAME.
    [[nodiscard]] wn_status set(const resource_view& resource,
                                std::optional<std::wstring_view> system = std::nullopt) noexcept
    {
        if (!record_.first_set()) {
            return wn_status::bad_netname;
        }
        const wn_status result = target_.write(resource, system ? text_field{*system} : text_field{});
        record_.written(result);
        return result;
    }

private:
    friend struct detail::answer_access;
    friend struct detail::resource_answer_access;
    explicit resource_answer(const detail::resource_target& target) noexcept : target_(target) {}

    detail::resource_target target_;
    detail::answer_record record_;
};

/// Where resource_parent answers NPGetResourceParent in place: set() packs the parent into MPR's
/// buffer (bytes) while the hook still holds its lock. Made by the library for one call.
class resource_parent_answer {
public:
    resource_parent_answer(const resource_parent_answer&) = delete;
    resource_parent_answer& operator=(const resource_parent_answer&) = delete;
    resource_parent_answer(resource_parent_answer&&) = delete;
    resource_parent_answer& operator=(resource_parent_answer&&) = delete;
    ~resource_parent_answer() = default;

    /// Packs `parent` (remote_name absent: no browse parent; the library clears dwScope,
    /// lpLocalName and lpComment) into MPR's buffer now: WN_SUCCESS, or WN_MORE_DATA and WN_BAD_VALUE
    /// as resource_answer::set(). Once per call: a second set() writes nothing and answers
    /// WN_BAD_NETNAME.
    [[nodiscard]] wn_status set(const resource_view& parent) noexcept
    {
        if (!record_.first_set()) {
            return wn_status::bad_netname;
        }
        const wn_status result = target_.write(parent, text_field{});
        record_.written(result);
        return result;
    }

private:
    friend struct detail::answer_access;
    friend struct detail::resource_answer_access;
    explicit resource_parent_answer(const detail::resource_target& target) noexcept : target_(target) {}

    detail::resource_target target_;
    detail::answer_record record_;
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
