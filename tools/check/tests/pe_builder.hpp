// pe_builder.hpp - synthetic PE images for the reader's tests: valid by default, easy to damage.
//
// Layout: 0x200 bytes of headers (DOS header, PE signature, COFF header, optional header, one
// section entry), then one section ".rdata" at RVA 0x1000 holding the export directory and its
// tables, the import and delay-import descriptors and every string. Offsets of the interesting
// fields are kept so a test can break exactly one of them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace test_pe {

inline constexpr std::uint32_t section_rva = 0x1000;
inline constexpr std::uint32_t section_file_offset = 0x200;

struct builder {
    std::uint16_t machine = 0x8664;
    bool pe32_plus = true;
    std::uint16_t characteristics = 0x2022; // DLL | EXECUTABLE_IMAGE | LARGE_ADDRESS_AWARE
    std::vector<std::string> exports;
    std::vector<std::pair<std::string, std::string>> forwarded; ///< name -> "DLL.Function"
    std::uint32_t unnamed_exports = 0;
    std::vector<std::string> imports;
    std::vector<std::string> delay_imports;
    bool old_style_delay = false; ///< VC6-era delay descriptors holding addresses instead of RVAs

    // Filled by build(): file offsets of fields tests corrupt.
    std::size_t lfanew_offset = 0x3c;
    std::size_t coff_offset = 0;
    std::size_t optional_offset = 0;
    std::size_t data_directories_offset = 0;
    std::size_t section_table_offset = 0;
    std::size_t export_directory_offset = 0;
    std::size_t import_directory_offset = 0;

    static constexpr std::uint64_t image_base = 0x180000000;

    std::vector<std::byte> build()
    {
        body_.clear();
        std::uint32_t export_rva = 0, export_size = 0, import_rva = 0, delay_rva = 0;
        if (!exports.empty() || !forwarded.empty() || unnamed_exports != 0) {
            build_exports(export_rva, export_size);
        }
        if (!imports.empty()) {
            import_rva = descriptors(imports, 20, 12, false);
        }
        if (!delay_imports.empty()) {
            delay_rva = descriptors(delay_imports, 32, 4, true);
        }
        align(body_, 0x200);

        std::vector<std::byte> file(section_file_offset, std::byte{0});
        put16(file, 0, 0x5a4d);
        put32(file, lfanew_offset, 0x40);
        put32(file, 0x40, 0x00004550);
        coff_offset = 0x44;
        const std::uint16_t optional_size = pe32_plus ? 240 : 224;
        put16(file, coff_offset, machine);
        put16(file, coff_offset + 2, 1);
        put16(file, coff_offset + 16, optional_size);
        put16(file, coff_offset + 18, characteristics);
        optional_offset = coff_offset + 20;
        put16(file, optional_offset, pe32_plus ? 0x20b : 0x10b);
        if (pe32_plus) {
            put32(file, optional_offset + 24, static_cast<std::uint32_t>(image_base));
            put32(file, optional_offset + 28, static_cast<std::uint32_t>(image_base >> 32));
        } else {
            put32(file, optional_offset + 28, 0x10000000);
        }
        put32(file, optional_offset + 60, section_file_offset); // SizeOfHeaders
        put16(file, optional_offset + 68, 2);                   // Windows GUI subsystem
        data_directories_offset = optional_offset + (pe32_plus ? 112 : 96);
        put32(file, data_directories_offset - 4, 16);
        put32(file, data_directories_offset + 0, export_rva);
        put32(file, data_directories_offset + 4, export_size);
        put32(file, data_directories_offset + 8, import_rva);
        put32(file, data_directories_offset + 12, import_rva != 0 ? 20 * (std::uint32_t(imports.size()) + 1) : 0);
        put32(file, data_directories_offset + 13 * 8, delay_rva);
        put32(file, data_directories_offset + 13 * 8 + 4, delay_rva != 0 ? 32 : 0);
        section_table_offset = optional_offset + optional_size;
        const char name[8] = {'.', 'r', 'd', 'a', 't', 'a', 0, 0};
        for (std::size_t i = 0; i < 8; ++i) {
            file[section_table_offset + i] = std::byte(static_cast<unsigned char>(name[i]));
        }
        put32(file, section_table_offset + 8, static_cast<std::uint32_t>(body_.size()));
        put32(file, section_table_offset + 12, section_rva);
        put32(file, section_table_offset + 16, static_cast<std::uint32_t>(body_.size()));
        put32(file, section_table_offset + 20, section_file_offset);
        export_directory_offset = export_rva != 0 ? section_file_offset + (export_rva - section_rva) : 0;
        import_directory_offset = import_rva != 0 ? section_file_offset + (import_rva - section_rva) : 0;
        file.insert(file.end(), body_.begin(), body_.end());
        return file;
    }

    static void put16(std::vector<std::byte>& out, std::size_t at, std::uint32_t value)
    {
        out[at] = std::byte(static_cast<unsigned char>(value & 0xff));
        out[at + 1] = std::byte(static_cast<unsigned char>((value >> 8) & 0xff));
    }
    static void put32(std::vector<std::byte>& out, std::size_t at, std::uint32_t value)
    {
        put16(out, at, value & 0xffff);
        put16(out, at + 2, value >> 16);
    }

private:
    std::vector<std::byte> body_;

    static void align(std::vector<std::byte>& out, std::size_t to)
    {
        out.resize((out.size() + to - 1) / to * to, std::byte{0});
    }
    std::uint32_t rva_here() const { return section_rva + static_cast<std::uint32_t>(body_.size()); }
    std::uint32_t reserve(std::size_t bytes)
    {
        const std::uint32_t at = rva_here();
        body_.resize(body_.size() + bytes, std::byte{0});
        return at;
    }
    std::uint32_t string(const std::string& text)
    {
        const std::uint32_t at = rva_here();
        for (const char c : text) {
            body_.push_back(std::byte(static_cast<unsigned char>(c)));
        }
        body_.push_back(std::byte{0});
        return at;
    }
    void set32(std::uint32_t rva, std::uint32_t value) { put32(body_, rva - section_rva, value); }
    void set16(std::uint32_t rva, std::uint32_t value) { put16(body_, rva - section_rva, value); }

    void build_exports(std::uint32_t& dir_rva, std::uint32_t& dir_size)
    {
        const auto named = static_cast<std::uint32_t>(exports.size() + forwarded.size());
        const std::uint32_t functions_count = named + unnamed_exports;
        dir_rva = reserve(40);
        const std::uint32_t functions = reserve(4 * std::size_t{functions_count});
        const std::uint32_t names = reserve(4 * std::size_t{named});
        const std::uint32_t ordinals = reserve(2 * std::size_t{named});
        const std::uint32_t dll_name = string("synthetic.dll");
        set32(dir_rva + 12, dll_name);
        set32(dir_rva + 16, 1); // ordinal base
        set32(dir_rva + 20, functions_count);
        set32(dir_rva + 24, named);
        set32(dir_rva + 28, functions);
        set32(dir_rva + 32, names);
        set32(dir_rva + 36, ordinals);
        std::uint32_t index = 0;
        std::vector<std::uint32_t> forwarder_slots;
        for (const auto& name : exports) {
            set32(names + 4 * index, string(name));
            set16(ordinals + 2 * index, index);
            ++index;
        }
        for (const auto& [name, target] : forwarded) {
            set32(names + 4 * index, string(name));
            set16(ordinals + 2 * index, index);
            set32(functions + 4 * index, string(target)); // inside the directory: a forwarder
            ++index;
        }
        dir_size = rva_here() - dir_rva;
        // Code lies outside the export directory; every non-forwarded function points at it.
        const std::uint32_t code = reserve(16);
        for (std::uint32_t i = 0; i < functions_count; ++i) {
            if (i < exports.size() || i >= named) {
                set32(functions + 4 * i, code);
            }
        }
    }

    std::uint32_t descriptors(const std::vector<std::string>& dlls, std::size_t stride, std::uint32_t name_at,
                              bool delay)
    {
        const std::uint32_t table = reserve(stride * (dlls.size() + 1));
        for (std::size_t i = 0; i < dlls.size(); ++i) {
            const std::uint32_t entry = table + static_cast<std::uint32_t>(stride * i);
            const std::uint32_t name = string(dlls[i]);
            if (delay && old_style_delay) {
                set32(entry + name_at, static_cast<std::uint32_t>(name + (pe32_plus ? 0 : 0x10000000)));
            } else {
                set32(entry + name_at, name);
                if (delay) {
                    set32(entry, 1); // attributes: RVA-based
                } else {
                    set32(entry + 16, name); // FirstThunk: any non-zero RVA
                }
            }
        }
        return table;
    }
};

/// `file` with one little-endian 32-bit field overwritten.
inline std::vector<std::byte> with32(std::vector<std::byte> file, std::size_t at, std::uint32_t value)
{
    builder::put32(file, at, value);
    return file;
}
inline std::vector<std::byte> with16(std::vector<std::byte> file, std::size_t at, std::uint32_t value)
{
    builder::put16(file, at, value);
    return file;
}

} // namespace test_pe
