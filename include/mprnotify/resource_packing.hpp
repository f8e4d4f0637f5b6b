// mprnotify/resource_packing.hpp - NETRESOURCE entries packed into MPR's buffer the way the pages say.
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

#include <cstddef>
#include <cstring>

#include "net_resource.hpp"
#include "platform.hpp"

namespace mprnotify {

/// Bytes of the buffer one packed string takes: its characters and a terminator; 0 when absent.
[[nodiscard]] constexpr std::size_t packed_string_bytes(text_field text) noexcept
{
    return text.has_value() ? (text.size + 1) * sizeof(wchar_t) : 0;
}

/// The bytes of a buffer the packer uses: strings start at offsets that are a multiple of the
/// character size, so a trailing odd byte is left alone.
[[nodiscard]] constexpr std::size_t usable_bytes(std::size_t bytes) noexcept { return bytes - bytes % sizeof(wchar_t); }

/// Bytes one resource takes in MPR's buffer: the structure plus every present string.
/// This is the size NPEnumResource reports with WN_MORE_DATA ("the number of bytes needed to read
/// one entry").
[[nodiscard]] constexpr std::size_t packed_size(const resource_view& resource) noexcept
{
    return sizeof(platform::net_resource_w) + packed_string_bytes(resource.local_name) +
           packed_string_bytes(resource.remote_name) + packed_string_bytes(resource.comment) +
           packed_string_bytes(resource.provider);
}

/// Appends NETRESOURCE entries to a buffer: structures at the head, strings at the tail.
/// Nothing is written for an entry that does not fit whole.
class resource_array_packer {
public:
    /// `buffer` may be null only when `bytes` is 0.
    resource_array_packer(void* buffer, std::size_t bytes) noexcept
        : buffer_(static_cast<std::byte*>(buffer)), tail_(usable_bytes(bytes))
    {
    }

    /// Packs `resource` after the entries already packed; false, with nothing written, when it does
    /// not fit in what is left of the buffer.
    bool append(const resource_view& resource) noexcept
    {
        const std::size_t head_end = head_ + sizeof(platform::net_resource_w);
        const std::size_t strings = packed_string_bytes(resource.local_name) +
                                    packed_string_bytes(resource.remote_name) + packed_string_bytes(resource.comment) +
                                    packed_string_bytes(resource.provider);
        if (head_end > tail_ || strings > tail_ - head_end) {
            return false;
        }
        platform::net_resource_w entry{};
        entry.dwScope = static_cast<platform::dword>(resource.scope);
        entry.dwType = static_cast<platform::dword>(resource.type);
        entry.dwDisplayType = static_cast<platform::dword>(resource.display_type);
        entry.dwUsage = static_cast<platform::dword>(resource.usage);
        entry.lpLocalName = place(resource.local_name);
        entry.lpRemoteName = place(resource.remote_name);
        entry.lpComment = place(resource.comment);
        entry.lpProvider = place(resource.provider);
        std::memcpy(buffer_ + head_, &entry, sizeof entry);
        head_ = head_end;
        ++count_;
        return true;
    }

    /// Places one string at the tail (it must fit: append() checked) and returns where it is.
    wchar_t* place(text_field text) noexcept
    {
        if (!text.has_value()) {
            return nullptr;
        }
        tail_ -= packed_string_bytes(text);
        std::byte* at = buffer_ + tail_;
        if (text.size != 0) {
            std::memcpy(at, text.data, text.size * sizeof(wchar_t));
        }
        constexpr wchar_t terminator = L'\0';
        std::memcpy(at + text.size * sizeof(wchar_t), &terminator, sizeof terminator);
        return reinterpret_cast<wchar_t*>(at);
    }

    /// Entries packed so far.
    [[nodiscard]] std::size_t count() const noexcept { return count_; }
    /// Bytes still free between the array and the strings.
    [[nodiscard]] std::size_t free_bytes() const noexcept { return tail_ - head_; }

private:
    std::byte* buffer_;
    std::size_t head_ = 0; // end of the array
    std::size_t tail_;     // start of the strings
    std::size_t count_ = 0;
};

/// What pack_resource_information() did: the bytes the whole result needs, and whether it was
/// written (false: the buffer was too small and nothing was written).
struct information_packing {
    std::size_t needed = 0;
    bool written = false;
};

/// NPGetResourceInformation's result: one NETRESOURCE, its strings and the "system" remainder
/// string (absent: *system_out becomes NULL), all in one buffer. NPGetResourceParent's result is
/// the same without the system string.
[[nodiscard]] inline information_packing pack_resource_information(const resource_view& resource, text_field system,
                                                                   void* buffer, std::size_t bytes,
                                                                   wchar_t** system_out = nullptr) noexcept
{
    const information_packing result{packed_size(resource) + packed_string_bytes(system), false};
    if (result.needed > usable_bytes(bytes) || buffer == nullptr) {
        return result;
    }
    resource_array_packer packer{buffer, bytes};
    wchar_t* system_text = packer.place(system); // first, so the entry's strings follow it downwards
    static_cast<void>(packer.append(resource));  // fits: checked above
    if (system_out != nullptr) {
        *system_out = system_text;
    }
    return {result.needed, true};
}

} // namespace mprnotify
