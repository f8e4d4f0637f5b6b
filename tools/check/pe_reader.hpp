// pe_reader.hpp - reads what mprnotify-check needs from a PE file (a Windows DLL), as plain bytes.
//
// No Windows API: it runs anywhere. The input is untrusted: every offset, size and count is checked
// against the buffer before use, string lengths and table sizes are capped, and a malformed file
// yields an error message, never a crash or an unbounded loop. Layouts follow the Microsoft
// "PE Format" specification (learn.microsoft.com/windows/win32/debug/pe-format).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mprcheck {

/// IMAGE_FILE_MACHINE_* values the tool names.
namespace machine {
inline constexpr std::uint16_t unknown = 0x0000;
inline constexpr std::uint16_t i386 = 0x014c;
inline constexpr std::uint16_t arm = 0x01c0;
inline constexpr std::uint16_t armnt = 0x01c4;
inline constexpr std::uint16_t ia64 = 0x0200;
inline constexpr std::uint16_t amd64 = 0x8664;
inline constexpr std::uint16_t arm64ec = 0xa641;
inline constexpr std::uint16_t arm64x = 0xa64e;
inline constexpr std::uint16_t arm64 = 0xaa64;
} // namespace machine

/// "x86", "x64", "ARM64", ... or an empty view for a value the tool does not know.
[[nodiscard]] std::string_view machine_name(std::uint16_t value) noexcept;

/// One export that has a name (exports by ordinal only are counted, not listed).
struct named_export {
    std::string name;
    std::uint32_t ordinal = 0; ///< biased (the number GetProcAddress by ordinal takes)
    std::uint32_t rva = 0;     ///< the function's address, or of the forwarder string
    std::string forwarder;     ///< "OTHER.Function" when the export is forwarded, else empty
};

/// One DLL the image depends on.
struct imported_dll {
    std::string name;
    bool delay_loaded = false;
};

/// What the reader found.
struct pe_image {
    std::uint16_t machine = machine::unknown;
    bool pe32_plus = false;            ///< optional-header magic 0x20b (64-bit layout)
    std::uint16_t characteristics = 0; ///< COFF characteristics (0x2000 = DLL)
    std::uint16_t subsystem = 0;
    std::string export_name; ///< the DLL name recorded in the export directory
    std::vector<named_export> exports;
    std::uint32_t unnamed_exports = 0;
    std::vector<imported_dll> imports;

    [[nodiscard]] bool is_dll() const noexcept { return (characteristics & 0x2000u) != 0; }
};

/// The reader's answer: an image, or why the bytes are not a readable PE file.
struct pe_result {
    pe_image image;
    std::string error; ///< empty on success

    [[nodiscard]] bool ok() const noexcept { return error.empty(); }
};

/// Caps that keep hostile files cheap to read.
inline constexpr std::uint32_t max_sections = 96;         ///< the loader's own limit
inline constexpr std::uint32_t max_named_exports = 65535; ///< ordinals are 16-bit
inline constexpr std::uint32_t max_import_descriptors = 4096;
inline constexpr std::size_t max_name_length = 4096;

/// Reads the headers, the export directory and the import / delay-import directories.
[[nodiscard]] pe_result read_pe(std::span<const std::byte> file);

} // namespace mprcheck
