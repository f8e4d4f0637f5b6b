// mprnotify/detail/provider/buffer_writer.hpp - writing a provider's answer into the buffer MPR passed.
//
// Pure: no Win32 call, no allocation, no exception; tested on its own (tests/test_buffer_writer.cpp).
// The rules, one per unit (each from the function's Microsoft Learn page):
//   NPGetConnection, NPGetUser    *lpnBufferLen counts characters; the text and its NUL must fit.
//   NPGetUniversalName            *lpBufferSize counts bytes; the structure at the start of the
//                                 buffer, its strings right after it, each pointer into the buffer.
// Common to all:
//   - a NULL size pointer is WN_BAD_POINTER; a NULL buffer with a non-zero size is WN_BAD_POINTER;
//     a NULL buffer with size 0 is a size query (checked before the hook runs: check_output);
//   - too small: nothing is written to the buffer, the size becomes the size needed (in the
//     function's unit), WN_MORE_DATA;
//   - it fits: exactly the bytes needed are written, never one past them; the size is left as
//     MPR passed it; WN_SUCCESS;
//   - an answer whose size a DWORD cannot express is WN_BAD_VALUE (no size could be reported).
// Every store goes through memcpy, so a buffer at any address (odd, unaligned) is written without
// undefined behaviour. Enumeration's packer (NETRESOURCE array at the head, strings at the tail)
// belongs beside these functions and can reuse byte_cursor.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>

#include "../../core/platform.hpp"
#include "../../core/platform_provider.hpp"
#include "../../core/status.hpp"

namespace mprnotify::detail {

inline constexpr std::size_t max_dword = 0xFFFFFFFFU;

/// Checks an output buffer's pointers before the hook runs; std::nullopt when they are usable.
[[nodiscard]] constexpr std::optional<wn_status> check_output(const void* buffer, const platform::dword* size) noexcept
{
    if (size == nullptr) {
        return wn_status::bad_pointer;
    }
    if (buffer == nullptr && *size != 0) {
        return wn_status::bad_pointer;
    }
    return std::nullopt;
}

/// Writes forward from the start of a byte buffer, with memcpy only. The caller has checked that
/// everything it writes fits.
class byte_cursor {
public:
    explicit byte_cursor(void* base) noexcept : base_(static_cast<std::byte*>(base)) {}

    /// The address `offset` bytes into the buffer.
    [[nodiscard]] std::byte* at(std::size_t offset) const noexcept
    {
        return base_ + offset; // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic)
    }
    /// Stores a pointer-sized value at `offset`.
    void put_pointer(std::size_t offset, const void* pointer) const noexcept
    {
        std::memcpy(at(offset), static_cast<const void*>(&pointer), sizeof pointer);
    }
    /// Appends the pieces as one NUL-terminated string; returns where it starts.
    template <class... Pieces>
    wchar_t* put_string(Pieces... pieces) noexcept
    {
        std::byte* start = at(used_);
        ((copy_chars(pieces)), ...);
        constexpr wchar_t nul = L'\0';
        std::memcpy(at(used_), &nul, sizeof nul);
        used_ += sizeof nul;
        return reinterpret_cast<wchar_t*>(start); // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
    }
    /// Skips `bytes` (a structure written with put_pointer).
    void skip(std::size_t bytes) noexcept { used_ += bytes; }
    [[nodiscard]] std::size_t used() const noexcept { return used_; }

private:
    void copy_chars(std::wstring_view text) noexcept
    {
        if (!text.empty()) {
            std::memcpy(at(used_), text.data(), text.size() * sizeof(wchar_t));
            used_ += text.size() * sizeof(wchar_t);
        }
    }

    std::byte* base_;
    std::size_t used_ = 0;
};

/// NPGetConnection / NPGetUser: `text` and its NUL into `buffer` of `*size_in_chars` characters.
/// check_output() has accepted the pointers.
[[nodiscard]] inline wn_status write_characters(std::wstring_view text, wchar_t* buffer,
                                                platform::dword* size_in_chars) noexcept
{
    if (text.size() >= max_dword) {
        return wn_status::bad_value;
    }
    const auto needed = static_cast<platform::dword>(text.size() + 1);
    if (buffer == nullptr || *size_in_chars < needed) {
        *size_in_chars = needed;
        return wn_status::more_data;
    }
    byte_cursor{buffer}.put_string(text);
    return wn_status::success;
}

/// Bytes NPGetUniversalName needs at `level` (a checked level) for these string lengths.
// NOLINTNEXTLINE(bugprone-easily-swappable-parameters): the order the SDK and the docs use
[[nodiscard]] constexpr std::size_t universal_name_bytes(platform::dword level, std::size_t connection,
                                                         std::size_t remaining_path) noexcept
{
    const std::size_t universal = (connection + remaining_path + 1) * sizeof(wchar_t);
    if (level == platform::universal_name_info_level) {
        return sizeof(platform::universal_name_info_w) + universal;
    }
    return sizeof(platform::remote_name_info_w) + universal + (connection + 1) * sizeof(wchar_t) +
           (remaining_path + 1) * sizeof(wchar_t);
}

/// True for the two levels NPGetUniversalName defines.
[[nodiscard]] constexpr bool known_universal_name_level(platform::dword level) noexcept
{
    return level == platform::universal_name_info_level || level == platform::remote_name_info_level;
}

/// NPGetUniversalName: UNIVERSAL_NAME_INFO (or REMOTE_NAME_INFO) at the start of `buffer`, the
/// universal name (connection + remaining path) and, for REMOTE_NAME_INFO, the connection and the
/// remaining path after it. `level` is known_universal_name_level(); check_output() has accepted
/// the pointers.
[[nodiscard]] inline wn_status write_universal_name(platform::dword level, std::wstring_view connection,
                                                    std::wstring_view remaining_path, void* buffer,
                                                    platform::dword* size_in_bytes) noexcept
{
    constexpr std::uint64_t nul = sizeof(wchar_t);
    const std::uint64_t connection_bytes = std::uint64_t{connection.size()} * nul;
    const std::uint64_t path_bytes = std::uint64_t{remaining_path.size()} * nul;
    const std::uint64_t universal_bytes = connection_bytes + path_bytes + nul;
    const bool level_1 = level == platform::universal_name_info_level;
    // Level 2 repeats both parts after the universal name, each with its NUL: one NUL more.
    const std::uint64_t needed = level_1 ? sizeof(platform::universal_name_info_w) + universal_bytes
                                         : sizeof(platform::remote_name_info_w) + 2 * universal_bytes + nul;
    // One test: a length of a DWORD or more needs more bytes than a DWORD can say, and with both
    // lengths below that, `needed` is exact in 64 bits.
    const std::uint64_t lengths = std::uint64_t{connection.size()} | std::uint64_t{remaining_path.size()};
    if (((lengths | needed) >> 32U) != 0) [[unlikely]] {
        return wn_status::bad_value;
    }
    if (buffer == nullptr || *size_in_bytes < needed) {
        *size_in_bytes = static_cast<platform::dword>(needed);
        return wn_status::more_data;
    }
    // memcpy must not be given a NULL source even for 0 bytes, and an empty view may hold one. The
    // test is on the pointer, which the compiler often knows is not NULL, rather than on the size.
    const wchar_t* const connection_chars = connection.data() == nullptr ? L"" : connection.data();
    const wchar_t* const path_chars = remaining_path.data() == nullptr ? L"" : remaining_path.data();
    const auto copy = [](std::byte* to, const wchar_t* from, std::uint64_t bytes) noexcept {
        std::memcpy(to, from, static_cast<std::size_t>(bytes));
    };
    const auto put_nul = [](std::byte* at) noexcept {
        constexpr wchar_t terminator = L'\0';
        std::memcpy(at, &terminator, sizeof terminator);
    };
    const auto put_pointer = [](std::byte* at, const std::byte* pointer) noexcept {
        std::memcpy(at, static_cast<const void*>(&pointer), sizeof pointer);
    };
    // The structure and the NULs first, then the copies, so few values stay live across memcpy.
    // NOLINTBEGIN(cppcoreguidelines-pro-bounds-pointer-arithmetic): every offset is below `needed`
    auto* const base = static_cast<std::byte*>(buffer);
    std::byte* const universal =
        base + (level_1 ? sizeof(platform::universal_name_info_w) : sizeof(platform::remote_name_info_w));
    static_assert(offsetof(platform::universal_name_info_w, lpUniversalName) ==
                  offsetof(platform::remote_name_info_w, lpUniversalName));
    put_pointer(base + offsetof(platform::remote_name_info_w, lpUniversalName), universal); // first in both
    put_nul(universal + connection_bytes + path_bytes);
    if (!level_1) {
        std::byte* const connection_name = universal + universal_bytes;
        std::byte* const remaining = connection_name + connection_bytes + nul;
        put_pointer(base + offsetof(platform::remote_name_info_w, lpConnectionName), connection_name);
        put_pointer(base + offsetof(platform::remote_name_info_w, lpRemainingPath), remaining);
        put_nul(connection_name + connection_bytes);
        put_nul(remaining + path_bytes);
        copy(remaining, path_chars, path_bytes);
        copy(connection_name, connection_chars, connection_bytes);
    }
    copy(universal + connection_bytes, path_chars, path_bytes);
    copy(universal, connection_chars, connection_bytes);
    // NOLINTEND(cppcoreguidelines-pro-bounds-pointer-arithmetic)
    return wn_status::success;
}

} // namespace mprnotify::detail
