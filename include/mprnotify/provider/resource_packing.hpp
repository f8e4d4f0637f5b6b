// mprnotify/provider/resource_packing.hpp - NETRESOURCE entries packed into MPR's buffer the way the pages say.
//
// NPEnumResource ("NPEnumResource function (npapi.h)", learn.microsoft.com): the NETRESOURCE
// structures lie at the head of the buffer, one after another like an array; every pointer in them
// points inside the buffer, so the strings lie at its end, after the array. The caller's buffer
// stays valid until its next call. NPGetResourceInformation and NPGetResourceParent return one
// NETRESOURCE "and associated strings" in one buffer the same way.
//
// The layout this header writes, for a buffer of `bytes` bytes at `buffer`:
//   buffer + i * sizeof(NETRESOURCEW)   entry i (the array's stride is the structure's size)
//   ... free ...
//   strings, written downwards from the last offset that is a multiple of the character size (2 on
//   Windows), each with its terminator
// A field that is absent stays NULL; an empty string gets its own terminator (L"" is not NULL).
// Everything is copied with memcpy, so a buffer at an odd address (Wine hands providers one in
// one case) is written without undefined behaviour. Pure: no Win32 call, no allocation.
#pragma once

#include <array>
#include <cstddef>
#include <cstring>
#include <string_view>
#include <type_traits>

#include "net_resource.hpp"
#include "../core/platform.hpp"

namespace mprnotify {

/// Bytes of the buffer one packed string takes: its characters and a terminator; 0 when absent.
[[nodiscard]] constexpr std::size_t packed_string_bytes(text_field text) noexcept { return text.terminated_bytes(); }

/// The bytes of a buffer the packer uses: strings start at offsets that are a multiple of the
/// character size, so a trailing odd byte is left alone.
[[nodiscard]] constexpr std::size_t usable_bytes(std::size_t bytes) noexcept { return bytes - bytes % sizeof(wchar_t); }

/// What the packer writes for a resource whose provider is absent: nothing (lpProvider NULL).
struct no_default_provider {};

/// A provider name known at compile time, `Holder::provider_name` (a static constexpr
/// std::wstring_view; a handler's, docs/enumeration.md): the packer writes it for every resource whose
/// provider is absent. Its size being a constant, the copy is a few fixed moves, terminator included.
template <class Holder>
struct default_provider {
    static constexpr std::wstring_view text = Holder::provider_name;
    static constexpr std::size_t bytes = (text.size() + 1) * sizeof(wchar_t);
    static constexpr std::array<wchar_t, text.size() + 1> terminated = [] {
        std::array<wchar_t, text.size() + 1> characters{}; // the last stays L'\0'
        for (std::size_t i = 0; i < text.size(); ++i) {
            characters[i] = text[i]; // NOLINT(cppcoreguidelines-pro-bounds-constant-array-index)
        }
        return characters;
    }();
};

namespace detail {
template <class Default>
inline constexpr bool has_default_provider = !std::is_same_v<Default, no_default_provider>;

/// True when the packer writes the default name for `resource`: it has no provider of its own.
/// A constant false without a default.
template <class Default>
[[nodiscard]] constexpr bool takes_default_provider(const resource_view& resource) noexcept
{
    return has_default_provider<Default> && !resource.provider.has_value();
}

/// Bytes the provider string of `resource` takes: its own, or the default's when it has none.
template <class Default>
[[nodiscard]] constexpr std::size_t provider_bytes(const resource_view& resource) noexcept
{
    if constexpr (has_default_provider<Default>) {
        if (takes_default_provider<Default>(resource)) {
            return Default::bytes;
        }
    }
    return packed_string_bytes(resource.provider);
}
} // namespace detail

/// Bytes one resource takes in MPR's buffer: the structure plus every present string (with
/// `Default`, the default provider name where the resource has none).
/// This is the size NPEnumResource reports with WN_MORE_DATA ("the number of bytes needed to read
/// one entry").
template <class Default = no_default_provider>
[[nodiscard]] constexpr std::size_t packed_size(const resource_view& resource) noexcept
{
    return sizeof(platform::net_resource_w) + packed_string_bytes(resource.local_name) +
           packed_string_bytes(resource.remote_name) + packed_string_bytes(resource.comment) +
           detail::provider_bytes<Default>(resource);
}

namespace detail {

// GCC, having inlined this for a source whose size it knows, warns about the branches for other
// sizes, which never run for that source (the text_field's size is the source's): not a defect.
#if defined(__GNUC__) && !defined(__clang__)
#  pragma GCC diagnostic push
#  pragma GCC diagnostic ignored "-Warray-bounds"
#  pragma GCC diagnostic ignored "-Wstringop-overflow"
#  if __GNUC__ >= 11
#    pragma GCC diagnostic ignored "-Wstringop-overread"
#  endif
#endif

/// Writes a string of `bytes` bytes at `to`: the characters at `from`, then a terminator. Names
/// and comments are short: up to 64 bytes of characters are copied with fixed-size moves that
/// overlap in the middle (a memcpy of a constant size compiles to a load and a store), which
/// costs less than a call to memcpy. The sizes are tested with the terminator counted, so no
/// length without it is computed.
inline void put_terminated(std::byte* to, const wchar_t* from, std::size_t bytes) noexcept
{
    constexpr std::size_t w = sizeof(wchar_t);
    const auto* source =
        reinterpret_cast<const std::byte*>(from); // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
    // Every address is `to` or `source` plus `bytes` plus a constant, one addressing mode each: a
    // pointer to the string's end kept beside them would cost a register and the moves to keep it.
    // NOLINTBEGIN(cppcoreguidelines-pro-bounds-pointer-arithmetic)
    if (bytes >= 32 + w) {
        if (bytes > 64 + w) [[unlikely]] { // names and comments are short
            std::memcpy(to, source, bytes - w);
        } else {
            std::memcpy(to, source, 32);
            std::memcpy(to + bytes - (w + 32), source + bytes - (w + 32), 32);
        }
    } else if (bytes >= 16 + w) {
        std::memcpy(to, source, 16);
        std::memcpy(to + bytes - (w + 16), source + bytes - (w + 16), 16);
    } else if (bytes >= 8 + w) {
        std::memcpy(to, source, 8);
        std::memcpy(to + bytes - (w + 8), source + bytes - (w + 8), 8);
    } else if (bytes >= 4 + w) {
        std::memcpy(to, source, 4);
        std::memcpy(to + bytes - (w + 4), source + bytes - (w + 4), 4);
    } else if (bytes > w) { // one 2-byte character (bytes is a multiple of the character size)
        std::memcpy(to, source, 2);
    }
    constexpr wchar_t terminator = L'\0';
    std::memcpy(to + bytes - w, &terminator, w);
    // NOLINTEND(cppcoreguidelines-pro-bounds-pointer-arithmetic)
}

#if defined(__GNUC__) && !defined(__clang__)
#  pragma GCC diagnostic pop
#endif

} // namespace detail

/// Appends NETRESOURCE entries to a buffer: structures at the head, strings at the tail.
/// Nothing is written for an entry that does not fit whole.
///
/// Per entry: each string is measured once (the view carries its length), copied once with memcpy
/// and terminated with one store; the structure's fields are stored straight into the buffer.
/// With a default_provider, a resource without a provider gets that name (its copy has a constant
/// size); resource_array_packer leaves lpProvider NULL then.
template <class Default = no_default_provider>
class basic_resource_array_packer {
    using entry_type = platform::net_resource_w;

public:
    /// `buffer` may be null only when `bytes` is 0.
    basic_resource_array_packer(void* buffer, std::size_t bytes) noexcept
        : buffer_(static_cast<std::byte*>(buffer)), head_(buffer_),
          tail_(buffer_ + usable_bytes(bytes)) // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic)
    {
    }

    /// Packs `resource` after the entries already packed; false, with nothing written, when it does
    /// not fit in what is left of the buffer.
    bool append(const resource_view& resource) noexcept { return append_or_size(resource) == 0; }

    /// append(), for a caller that needs the one-entry size when the entry does not fit: 0 when it
    /// was packed, otherwise packed_size(resource) (nothing written).
    [[nodiscard]] std::size_t append_or_size(const resource_view& resource) noexcept
    {
        const std::size_t local = packed_string_bytes(resource.local_name);
        const std::size_t remote = packed_string_bytes(resource.remote_name);
        const std::size_t comment = packed_string_bytes(resource.comment);
        const std::size_t provider = detail::provider_bytes<Default>(resource);
        const std::size_t needed = sizeof(entry_type) + local + remote + comment + provider;
        if (needed > free_bytes()) {
            return needed;
        }
        std::byte* entry = head_;
        // dwScope, dwType, dwDisplayType, dwUsage: the view's first 16 bytes hold the same four
        // 32-bit values in the same order (checked below), so one copy writes them.
        std::memcpy(entry, &resource, fixed_bytes);
        // Browsed resources have a remote name and a comment (often L""), and a local name only when
        // connected: the code for the usual case falls through.
        place<false>(entry + offsetof(entry_type, lpLocalName), resource.local_name, local);
        place<true>(entry + offsetof(entry_type, lpRemoteName), resource.remote_name, remote);
        place<true>(entry + offsetof(entry_type, lpComment), resource.comment, comment);
        if (detail::takes_default_provider<Default>(resource)) {
            place_default_provider(entry + offsetof(entry_type, lpProvider));
        } else {
            place<true>(entry + offsetof(entry_type, lpProvider), resource.provider, provider);
        }
        head_ = entry + sizeof(entry_type); // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic)
        return 0;
    }

    /// Places one string at the tail (it must fit: the caller checked) and returns where it is.
    wchar_t* place(text_field text) noexcept
    {
        const std::size_t bytes = packed_string_bytes(text);
        if (bytes == 0) {
            return nullptr;
        }
        tail_ -= bytes; // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic)
        detail::put_terminated(tail_, text.data(), bytes);
        return reinterpret_cast<wchar_t*>(tail_); // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
    }

    /// Entries packed so far.
    [[nodiscard]] std::size_t count() const noexcept
    {
        return static_cast<std::size_t>(head_ - buffer_) / sizeof(entry_type);
    }
    /// Bytes still free between the array and the strings.
    [[nodiscard]] std::size_t free_bytes() const noexcept { return static_cast<std::size_t>(tail_ - head_); }

private:
    static constexpr std::size_t fixed_bytes = 4 * sizeof(platform::dword);
    static_assert(offsetof(entry_type, dwScope) == 0 && offsetof(entry_type, dwType) == 4 &&
                  offsetof(entry_type, dwDisplayType) == 8 && offsetof(entry_type, dwUsage) == 12 &&
                  offsetof(entry_type, lpLocalName) >= fixed_bytes);
    static_assert(std::is_trivially_copyable_v<resource_view> && std::is_standard_layout_v<resource_view> &&
                  offsetof(resource_view, scope) == 0 && offsetof(resource_view, type) == 4 &&
                  offsetof(resource_view, display_type) == 8 && offsetof(resource_view, usage) == 12 &&
                  sizeof(resource_scope) == 4 && sizeof(resource_type) == 4 && sizeof(mprnotify::display_type) == 4 &&
                  sizeof(resource_usage) == 4);

    /// Places one string at the tail (the caller checked that it fits) and stores where it is, or
    /// NULL when it is absent, in the pointer `field`. `bytes` is packed_string_bytes(text);
    /// `UsuallyPresent` lays the code out for the common case.
    template <bool UsuallyPresent>
    void place(std::byte* field, text_field text, std::size_t bytes) noexcept
    {
        // The tail moves by 0 for an absent string: no join of two tails after the branch, whose
        // register moves would cost more than the subtraction.
        tail_ -= bytes; // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic)
        std::byte* const start = bytes != 0 ? tail_ : nullptr;
        if constexpr (UsuallyPresent) {
            if (bytes != 0) [[likely]] {
                detail::put_terminated(tail_, text.data(), bytes);
            }
        } else if (bytes != 0) [[unlikely]] {
            detail::put_terminated(tail_, text.data(), bytes);
        }
        std::memcpy(field, static_cast<const void*>(&start), sizeof start);
    }

    /// Places the default provider name (the caller checked that it fits) and stores where it is
    /// in `field`: a copy of a constant size from a terminated constant, terminator included.
    void place_default_provider(std::byte* field) noexcept
    {
        if constexpr (detail::has_default_provider<Default>) {
            tail_ -= Default::bytes; // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic)
            std::memcpy(tail_, Default::terminated.data(), Default::bytes);
            std::memcpy(field, static_cast<const void*>(&tail_), sizeof tail_);
        }
    }

    // Pointers, not offsets: the loop that packs a batch then needs no base register.
    std::byte* buffer_;
    std::byte* head_; // end of the array
    std::byte* tail_; // start of the strings (head_ <= tail_)
};

/// The packer without a default provider: an absent provider is NULL.
using resource_array_packer = basic_resource_array_packer<>;

/// What pack_resource_information() did: the bytes the whole result needs, and whether it was
/// written (false: the buffer was too small and nothing was written).
struct information_packing {
    std::size_t needed = 0;
    bool written = false;
};

/// NPGetResourceInformation's result: one NETRESOURCE, its strings and the "system" remainder
/// string (absent: *system_out becomes NULL), all in one buffer. NPGetResourceParent's result is
/// the same without the system string. `Default` as for basic_resource_array_packer.
template <class Default = no_default_provider>
[[nodiscard]] information_packing pack_resource_information(const resource_view& resource, text_field system,
                                                            void* buffer, std::size_t bytes,
                                                            wchar_t** system_out = nullptr) noexcept
{
    const information_packing result{packed_size<Default>(resource) + packed_string_bytes(system), false};
    if (result.needed > usable_bytes(bytes) || buffer == nullptr) {
        return result;
    }
    basic_resource_array_packer<Default> packer{buffer, bytes};
    wchar_t* system_text = packer.place(system); // first, so the entry's strings follow it downwards
    static_cast<void>(packer.append(resource));  // fits: checked above
    if (system_out != nullptr) {
        *system_out = system_text;
    }
    return {result.needed, true};
}

} // namespace mprnotify
