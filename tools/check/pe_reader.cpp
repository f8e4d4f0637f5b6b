// pe_reader.cpp - a defensive PE reader: every read goes through a bounds-checked span.
#include "pe_reader.hpp"

#include <algorithm>
#include <array>
#include <optional>

namespace mprcheck {
namespace {

using bytes = std::span<const std::byte>;

/// Little-endian reads that fail instead of reading past the end.
std::optional<std::uint16_t> u16(bytes data, std::uint64_t offset)
{
    if (offset > data.size() || data.size() - offset < 2) {
        return std::nullopt;
    }
    const auto at = static_cast<std::size_t>(offset);
    return static_cast<std::uint16_t>(std::to_integer<unsigned>(data[at]) |
                                      (std::to_integer<unsigned>(data[at + 1]) << 8));
}

std::optional<std::uint32_t> u32(bytes data, std::uint64_t offset)
{
    const auto low = u16(data, offset);
    const auto high = offset <= UINT64_MAX - 2 ? u16(data, offset + 2) : std::nullopt;
    if (!low || !high) {
        return std::nullopt;
    }
    return static_cast<std::uint32_t>(*low | (std::uint32_t{*high} << 16));
}

std::optional<std::uint64_t> u64(bytes data, std::uint64_t offset)
{
    const auto low = u32(data, offset);
    const auto high = offset <= UINT64_MAX - 4 ? u32(data, offset + 4) : std::nullopt;
    if (!low || !high) {
        return std::nullopt;
    }
    return *low | (std::uint64_t{*high} << 32);
}

/// A NUL-terminated string starting at `data[0]`, at most max_name_length bytes before the NUL.
std::optional<std::string> c_string(bytes data)
{
    const auto limit = std::min<std::size_t>(data.size(), max_name_length + 1);
    for (std::size_t i = 0; i < limit; ++i) {
        if (data[i] == std::byte{0}) {
            std::string text(i, '\0');
            std::transform(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(i), text.begin(),
                           [](std::byte b) { return static_cast<char>(std::to_integer<unsigned char>(b)); });
            return text;
        }
    }
    return std::nullopt;
}

std::string hex(std::uint64_t value)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    do {
        out.insert(out.begin(), digits[value & 0xfu]);
        value >>= 4;
    } while (value != 0);
    return "0x" + out;
}

struct section {
    std::uint32_t virtual_address = 0;
    std::uint32_t mapped_size = 0; ///< the part backed by file bytes
    std::uint32_t raw_offset = 0;
};

/// The file seen through its section table: RVAs become bounded views of file bytes.
class image_map {
public:
    image_map(bytes file, std::uint32_t size_of_headers, std::vector<section> sections)
        : file_(file), headers_(size_of_headers), sections_(std::move(sections))
    {
    }

    /// The file bytes from `rva` to the end of the region holding it; empty when unmapped.
    [[nodiscard]] bytes at(std::uint64_t rva) const
    {
        for (const auto& s : sections_) {
            if (rva >= s.virtual_address && rva - s.virtual_address < s.mapped_size) {
                return clip(std::uint64_t{s.raw_offset} + (rva - s.virtual_address),
                            std::uint64_t{s.raw_offset} + s.mapped_size);
            }
        }
        if (rva < headers_) {
            return clip(rva, headers_);
        }
        return {};
    }

    /// `length` bytes at `rva`, or nothing when they are not all in one mapped region.
    [[nodiscard]] std::optional<bytes> range(std::uint64_t rva, std::uint64_t length) const
    {
        const bytes region = at(rva);
        if (region.empty() || region.size() < length) {
            return std::nullopt;
        }
        return region.first(static_cast<std::size_t>(length));
    }

private:
    [[nodiscard]] bytes clip(std::uint64_t begin, std::uint64_t end) const
    {
        end = std::min<std::uint64_t>(end, file_.size());
        if (begin >= end) {
            return {};
        }
        return file_.subspan(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin));
    }

    bytes file_;
    std::uint32_t headers_;
    std::vector<section> sections_;
};

struct directory {
    std::uint32_t rva = 0;
    std::uint32_t size = 0;
    [[nodiscard]] bool present() const noexcept { return rva != 0; } // the loader ignores an entry with RVA 0
};

std::string read_exports(const image_map& map, directory dir, pe_image& image)
{
    const auto header = map.range(dir.rva, 40);
    if (!header) {
        return "the export directory (RVA " + hex(dir.rva) + ") lies outside the file";
    }
    const auto name_rva = *u32(*header, 12);
    const auto base = *u32(*header, 16);
    const auto function_count = *u32(*header, 20);
    const auto name_count = *u32(*header, 24);
    const auto functions_rva = *u32(*header, 28);
    const auto names_rva = *u32(*header, 32);
    const auto ordinals_rva = *u32(*header, 36);
    if (function_count > max_named_exports + 1 || name_count > max_named_exports) {
        return "the export directory claims " + std::to_string(function_count) + " functions and " +
               std::to_string(name_count) + " names (more than a DLL can have)";
    }
    if (name_rva != 0) {
        if (const auto name = c_string(map.at(name_rva))) {
            image.export_name = *name;
        }
    }
    const auto functions = map.range(functions_rva, std::uint64_t{function_count} * 4);
    const auto names = map.range(names_rva, std::uint64_t{name_count} * 4);
    const auto ordinals = map.range(ordinals_rva, std::uint64_t{name_count} * 2);
    if ((function_count != 0 && !functions) || (name_count != 0 && (!names || !ordinals))) {
        return "an export table (functions, names or ordinals) lies outside the file";
    }
    std::vector<bool> named(function_count, false);
    image.exports.reserve(name_count);
    for (std::uint32_t i = 0; i < name_count; ++i) {
        const auto this_name_rva = *u32(*names, std::uint64_t{i} * 4);
        const auto index = *u16(*ordinals, std::uint64_t{i} * 2);
        auto name = c_string(map.at(this_name_rva));
        if (!name) {
            return "export name " + std::to_string(i) + " (RVA " + hex(this_name_rva) +
                   ") lies outside the file or is not terminated";
        }
        if (index >= function_count) {
            return "export '" + *name + "' refers to function " + std::to_string(index) + " of " +
                   std::to_string(function_count);
        }
        named[index] = true;
        named_export entry;
        entry.name = std::move(*name);
        entry.ordinal = base + index;
        entry.rva = *u32(*functions, std::uint64_t{index} * 4);
        if (entry.rva >= dir.rva && entry.rva - dir.rva < dir.size) { // points into the directory: a forwarder
            entry.forwarder = c_string(map.at(entry.rva)).value_or("?");
        }
        image.exports.push_back(std::move(entry));
    }
    for (std::uint32_t index = 0; index < function_count; ++index) {
        if (!named[index] && *u32(*functions, std::uint64_t{index} * 4) != 0) {
            ++image.unnamed_exports;
        }
    }
    return {};
}

/// Walks a zero-terminated array of import descriptors (`stride` bytes, name RVA at `name_at`).
std::string read_import_names(const image_map& map, directory dir, std::uint32_t stride, std::uint32_t name_at,
                              bool delay, std::uint64_t image_base, pe_image& image)
{
    const char* what = delay ? "delay-import" : "import";
    const bytes table = map.at(dir.rva);
    if (table.empty()) {
        return std::string{"the "} + what + " directory (RVA " + hex(dir.rva) + ") lies outside the file";
    }
    for (std::uint32_t i = 0;; ++i) {
        if (i == max_import_descriptors) {
            return std::string{"the "} + what + " directory has more than " + std::to_string(max_import_descriptors) +
                   " entries";
        }
        const std::uint64_t at = std::uint64_t{i} * stride;
        if (at > table.size() || table.size() - at < stride) {
            return std::string{"the "} + what + " directory runs off the end of its section without a terminator";
        }
        const bytes descriptor = table.subspan(static_cast<std::size_t>(at), stride);
        if (std::all_of(descriptor.begin(), descriptor.end(), [](std::byte b) { return b == std::byte{0}; })) {
            return {};
        }
        std::uint64_t name_rva = *u32(descriptor, name_at);
        if (name_rva == 0) { // a terminator whose other fields are not cleared
            return {};
        }
        if (delay && (*u32(descriptor, 0) & 1u) == 0) { // old-style delay descriptor: addresses, not RVAs
            name_rva = name_rva >= image_base ? name_rva - image_base : UINT64_MAX;
        }
        auto name = c_string(map.at(name_rva));
        if (!name) {
            return std::string{"the name of "} + what + " " + std::to_string(i) + " (RVA " + hex(name_rva) +
                   ") lies outside the file or is not terminated";
        }
        image.imports.push_back({std::move(*name), delay});
    }
}

} // namespace

std::string_view machine_name(std::uint16_t value) noexcept
{
    switch (value) {
    case machine::i386: return "x86";
    case machine::amd64: return "x64";
    case machine::arm64: return "ARM64";
    case machine::arm64ec: return "ARM64EC";
    case machine::arm64x: return "ARM64X";
    case machine::armnt: return "ARM (Thumb-2)";
    case machine::arm: return "ARM";
    case machine::ia64: return "IA-64";
    default: return {};
    }
}

pe_result read_pe(bytes file)
{
    pe_result out;
    auto fail = [&out](std::string message) {
        out.error = std::move(message);
        return out;
    };
    if (file.size() < 64 || *u16(file, 0) != 0x5a4d) { // "MZ"
        return fail(file.size() < 64
                        ? "the file is too short for a DOS header (" + std::to_string(file.size()) + " bytes)"
                        : "not a PE file: no MZ signature");
    }
    const std::uint64_t pe = *u32(file, 0x3c);
    const auto signature = u32(file, pe);
    if (!signature) {
        return fail("the PE header offset (" + hex(pe) + ") lies outside the file");
    }
    if (*signature != 0x00004550) { // "PE\0\0"
        return fail("not a PE file: no PE signature at " + hex(pe));
    }
    const std::uint64_t coff = pe + 4;
    const auto machine_value = u16(file, coff);
    const auto section_count = u16(file, coff + 2);
    const auto optional_size = u16(file, coff + 16);
    const auto characteristics = u16(file, coff + 18);
    if (!machine_value || !section_count || !optional_size || !characteristics) {
        return fail("the file ends inside the COFF header");
    }
    out.image.machine = *machine_value;
    out.image.characteristics = *characteristics;
    if (*section_count > max_sections) {
        return fail("the COFF header claims " + std::to_string(*section_count) + " sections (at most " +
                    std::to_string(max_sections) + ")");
    }

    const std::uint64_t optional = coff + 20;
    const auto magic = u16(file, optional);
    if (!magic || *optional_size < 2) {
        return fail("the file has no optional header");
    }
    if (*magic != 0x10b && *magic != 0x20b) {
        return fail("unknown optional header magic " + hex(*magic));
    }
    out.image.pe32_plus = *magic == 0x20b;
    const std::uint64_t dirs_at = out.image.pe32_plus ? 112 : 96;
    if (*optional_size < dirs_at || file.size() < optional + *optional_size) {
        return fail("the optional header is truncated (" + std::to_string(*optional_size) + " bytes declared)");
    }
    const bytes header = file.subspan(static_cast<std::size_t>(optional), *optional_size);
    const std::uint64_t image_base = out.image.pe32_plus ? *u64(header, 24) : *u32(header, 28);
    const auto size_of_headers = *u32(header, 60);
    out.image.subsystem = *u16(header, 68);
    const auto rva_count = *u32(header, dirs_at - 4);
    const std::uint64_t dir_count = std::min<std::uint64_t>({rva_count, 16, (*optional_size - dirs_at) / 8});
    std::array<directory, 16> dirs{};
    for (std::uint64_t i = 0; i < dir_count; ++i) {
        dirs[static_cast<std::size_t>(i)] = {*u32(header, dirs_at + i * 8), *u32(header, dirs_at + i * 8 + 4)};
    }

    const std::uint64_t table = optional + *optional_size;
    if (file.size() < table || file.size() - table < std::uint64_t{*section_count} * 40) {
        return fail("the section table (" + std::to_string(*section_count) + " entries) runs past the end of the file");
    }
    std::vector<section> sections;
    for (std::uint32_t i = 0; i < *section_count; ++i) {
        const std::uint64_t at = table + std::uint64_t{i} * 40;
        const auto virtual_size = *u32(file, at + 8);
        const auto raw_size = *u32(file, at + 16);
        section s;
        s.virtual_address = *u32(file, at + 12);
        s.raw_offset = *u32(file, at + 20);
        // The loader refuses an image whose section data is not all in the file: a truncated copy.
        if (raw_size != 0 && std::uint64_t{s.raw_offset} + raw_size > file.size()) {
            return fail("section " + std::to_string(i + 1) + " ends at " + hex(std::uint64_t{s.raw_offset} + raw_size) +
                        ", past the end of the file (" + hex(file.size()) + "): the file is truncated or damaged");
        }
        // Bytes past SizeOfRawData are zero-filled by the loader, not read from the file.
        s.mapped_size = virtual_size == 0 ? raw_size : (std::min)(virtual_size, raw_size);
        sections.push_back(s);
    }
    const image_map map{file, size_of_headers, std::move(sections)};

    if (dirs[0].present()) {
        if (auto error = read_exports(map, dirs[0], out.image); !error.empty()) {
            return fail(std::move(error));
        }
    }
    if (dirs[1].present()) {
        if (auto error = read_import_names(map, dirs[1], 20, 12, false, image_base, out.image); !error.empty()) {
            return fail(std::move(error));
        }
    }
    if (dirs[13].present()) {
        if (auto error = read_import_names(map, dirs[13], 32, 4, true, image_base, out.image); !error.empty()) {
            return fail(std::move(error));
        }
    }
    return out;
}

} // namespace mprcheck
