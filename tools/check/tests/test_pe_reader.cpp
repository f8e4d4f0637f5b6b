// The PE reader on synthetic images: what it reads from valid ones, and a clear error (never a
// crash) for every kind of damage.
#include <doctest/doctest.h>

#include <algorithm>
#include <ostream> // doctest prints std::string_view through it
#include <span>

#include "../pe_reader.hpp"
#include "pe_builder.hpp"

using mprcheck::read_pe;

namespace {

std::vector<std::string> export_names(const mprcheck::pe_image& image)
{
    std::vector<std::string> out;
    for (const auto& e : image.exports) {
        out.push_back(e.name);
    }
    return out;
}

test_pe::builder notifyee()
{
    test_pe::builder b;
    b.exports = {"AddConnectNotify", "CancelConnectNotify"};
    b.imports = {"KERNEL32.dll", "msvcrt.dll"};
    return b;
}

bool error_mentions(const mprcheck::pe_result& r, const std::string& words)
{
    return !r.ok() && r.error.find(words) != std::string::npos;
}

} // namespace

TEST_CASE("a valid PE32+ DLL: machine, exports with ordinals, imports")
{
    auto b = notifyee();
    b.delay_imports = {"WINHTTP.dll"};
    const auto r = read_pe(b.build());
    REQUIRE_MESSAGE(r.ok(), r.error);
    CHECK(r.image.machine == mprcheck::machine::amd64);
    CHECK(r.image.pe32_plus);
    CHECK(r.image.is_dll());
    CHECK(r.image.subsystem == 2);
    CHECK(r.image.export_name == "synthetic.dll");
    CHECK(export_names(r.image) == std::vector<std::string>{"AddConnectNotify", "CancelConnectNotify"});
    CHECK(r.image.exports[0].ordinal == 1);
    CHECK(r.image.exports[1].ordinal == 2);
    CHECK(r.image.exports[0].forwarder.empty());
    REQUIRE(r.image.imports.size() == 3);
    CHECK(r.image.imports[0].name == "KERNEL32.dll");
    CHECK(r.image.imports[1].name == "msvcrt.dll");
    CHECK_FALSE(r.image.imports[1].delay_loaded);
    CHECK(r.image.imports[2].name == "WINHTTP.dll");
    CHECK(r.image.imports[2].delay_loaded);
}

TEST_CASE("a valid PE32 x86 DLL, old-style delay descriptors holding addresses")
{
    auto b = notifyee();
    b.machine = mprcheck::machine::i386;
    b.pe32_plus = false;
    b.exports = {"AddConnectNotify@8"};
    b.delay_imports = {"USER32.dll"};
    b.old_style_delay = true;
    const auto r = read_pe(b.build());
    REQUIRE_MESSAGE(r.ok(), r.error);
    CHECK(r.image.machine == mprcheck::machine::i386);
    CHECK_FALSE(r.image.pe32_plus);
    CHECK(export_names(r.image) == std::vector<std::string>{"AddConnectNotify@8"});
    REQUIRE(r.image.imports.size() == 3);
    CHECK(r.image.imports[2].name == "USER32.dll");
}

TEST_CASE("forwarded exports and exports by ordinal only")
{
    auto b = notifyee();
    b.forwarded = {{"CancelConnectNotify", "other.CancelConnectNotify"}};
    b.exports = {"AddConnectNotify"};
    b.unnamed_exports = 3;
    const auto r = read_pe(b.build());
    REQUIRE_MESSAGE(r.ok(), r.error);
    REQUIRE(r.image.exports.size() == 2);
    CHECK(r.image.exports[0].forwarder.empty());
    CHECK(r.image.exports[1].name == "CancelConnectNotify");
    CHECK(r.image.exports[1].forwarder == "other.CancelConnectNotify");
    CHECK(r.image.unnamed_exports == 3);
}

TEST_CASE("a DLL without exports or imports is readable")
{
    test_pe::builder b;
    const auto r = read_pe(b.build());
    REQUIRE_MESSAGE(r.ok(), r.error);
    CHECK(r.image.exports.empty());
    CHECK(r.image.imports.empty());
}

TEST_CASE("every truncation of a valid file is an error, never a crash")
{
    auto b = notifyee();
    b.delay_imports = {"WINHTTP.dll"};
    const auto file = b.build();
    for (std::size_t length = 0; length < file.size(); ++length) {
        const auto r = read_pe(std::span{file}.first(length));
        CAPTURE(length);
        CHECK_FALSE(r.ok());
        CHECK_FALSE(r.error.empty());
        if (length < 64) {
            CHECK(error_mentions(r, "too short"));
        }
    }
    CHECK(error_mentions(read_pe(std::span{file}.first(b.section_table_offset + 20)), "section table"));
    CHECK(error_mentions(read_pe(std::span{file}.first(test_pe::section_file_offset)), "the file is truncated"));
    CHECK(error_mentions(read_pe(std::span{file}.first(file.size() - 1)), "past the end of the file"));
}

TEST_CASE("damaged headers are named")
{
    auto b = notifyee();
    const auto file = b.build();
    CHECK(error_mentions(read_pe(test_pe::with16(file, 0, 0x4d5a)), "no MZ signature"));
    CHECK(error_mentions(read_pe(test_pe::with32(file, b.lfanew_offset, 0x7ffffff0)), "PE header offset"));
    CHECK(error_mentions(read_pe(test_pe::with32(file, b.lfanew_offset, 0xffffffff)), "PE header offset"));
    CHECK(error_mentions(read_pe(test_pe::with32(file, b.lfanew_offset, 0x3e)), "no PE signature"));
    CHECK(error_mentions(read_pe(test_pe::with32(file, 0x40, 0x00004551)), "no PE signature"));
    CHECK(error_mentions(read_pe(test_pe::with16(file, b.optional_offset, 0x107)), "optional header magic"));
    CHECK(error_mentions(read_pe(test_pe::with16(file, b.coff_offset + 16, 0)), "no optional header"));
    CHECK(error_mentions(read_pe(test_pe::with16(file, b.coff_offset + 16, 100)), "optional header is truncated"));
    CHECK(error_mentions(read_pe(test_pe::with16(file, b.coff_offset + 16, 0xffff)), "optional header is truncated"));
    CHECK(error_mentions(read_pe(test_pe::with16(file, b.coff_offset + 2, 0xffff)), "sections"));
    CHECK(error_mentions(read_pe(test_pe::with16(file, b.coff_offset + 2, 60)), "section table"));
}

TEST_CASE("NumberOfRvaAndSizes larger than the header: only the directories that fit are read")
{
    auto b = notifyee();
    const auto valid = b.build(); // build() fills the offsets
    const auto file = test_pe::with32(valid, b.data_directories_offset - 4, 0xffffffff);
    const auto r = read_pe(file);
    REQUIRE_MESSAGE(r.ok(), r.error);
    CHECK(r.image.exports.size() == 2);
}

TEST_CASE("an export directory pointing outside the file or its section")
{
    auto b = notifyee();
    const auto file = b.build();
    const auto export_rva = b.data_directories_offset;
    CHECK(error_mentions(read_pe(test_pe::with32(file, export_rva, 0x7fff0000)), "export directory"));
    CHECK(error_mentions(read_pe(test_pe::with32(file, export_rva, 0xffffffff)), "export directory"));
    // The directory's last bytes past the section's end.
    CHECK(error_mentions(read_pe(test_pe::with32(file, export_rva, test_pe::section_rva + 0x200 - 20)),
                         "export directory"));
    // A section whose raw data lies beyond the end of the file.
    CHECK(error_mentions(read_pe(test_pe::with32(file, b.section_table_offset + 20, 0x10000000)), "truncated"));
    CHECK(error_mentions(read_pe(test_pe::with32(file, b.section_table_offset + 20, 0xfffffe00)), "truncated"));
    // A section shrunk (VirtualSize) so the directory lies in the loader's zero fill, not in the file.
    CHECK(error_mentions(read_pe(test_pe::with32(file, b.section_table_offset + 8, 8)), "export directory"));
}

TEST_CASE("export tables and names pointing outside the file")
{
    auto b = notifyee();
    const auto file = b.build();
    const auto dir = b.export_directory_offset;
    CHECK(error_mentions(read_pe(test_pe::with32(file, dir + 28, 0xfffffff0)), "export table"));
    CHECK(error_mentions(read_pe(test_pe::with32(file, dir + 32, 0x00900000)), "export table"));
    CHECK(error_mentions(read_pe(test_pe::with32(file, dir + 36, 0xfffffff0)), "export table"));
    CHECK(error_mentions(read_pe(test_pe::with32(file, dir + 24, 0x7fffffff)), "more than a DLL can have"));
    CHECK(error_mentions(read_pe(test_pe::with32(file, dir + 20, 0x00100000)), "more than a DLL can have"));
    // Names count larger than the table the section holds.
    CHECK(error_mentions(read_pe(test_pe::with32(file, dir + 24, 5000)), "export table"));
    // The first name's RVA points past everything.
    const std::size_t names_offset = test_pe::section_file_offset + (0x1000 + 40 + 2 * 4) - test_pe::section_rva;
    CHECK(error_mentions(read_pe(test_pe::with32(file, names_offset, 0x00ff0000)), "export name 0"));
    // An ordinal referring past the function table.
    const std::size_t ordinals_offset = names_offset + 2 * 4;
    CHECK(error_mentions(read_pe(test_pe::with16(file, ordinals_offset, 7)), "refers to function 7"));
}

TEST_CASE("an export name without a terminator before the end of the section")
{
    auto b = notifyee();
    auto file = b.build();
    // Fill the section's tail with non-zero bytes and point the first name there.
    std::fill(file.end() - 32, file.end(), std::byte{'A'});
    const auto tail_rva =
        static_cast<std::uint32_t>(test_pe::section_rva + (file.size() - 32 - test_pe::section_file_offset));
    const std::size_t names_offset = test_pe::section_file_offset + 40 + 2 * 4;
    CHECK(error_mentions(read_pe(test_pe::with32(file, names_offset, tail_rva)), "not terminated"));
}

TEST_CASE("import directories: outside the file, unterminated, bad names, too many entries")
{
    auto b = notifyee();
    const auto file = b.build();
    const auto import_rva = b.data_directories_offset + 8;
    CHECK(error_mentions(read_pe(test_pe::with32(file, import_rva, 0x00fff000)), "import directory"));
    // Pointing 8 bytes before the section's end: a descriptor cannot fit, and no terminator is found.
    CHECK(error_mentions(read_pe(test_pe::with32(file, import_rva, test_pe::section_rva + 0x200 - 8)),
                         "without a terminator"));
    CHECK(
        error_mentions(read_pe(test_pe::with32(file, b.import_directory_offset + 12, 0x00fff000)), "name of import 0"));

    test_pe::builder many;
    for (int i = 0; i < 4100; ++i) {
        many.imports.push_back("d" + std::to_string(i) + ".dll");
    }
    CHECK(error_mentions(read_pe(many.build()), "more than 4096 entries"));
}

TEST_CASE("a descriptor with a zero name RVA ends the import list")
{
    auto b = notifyee();
    const auto valid = b.build(); // build() fills the offsets
    const auto file = test_pe::with32(valid, b.import_directory_offset + 20 + 12, 0);
    const auto r = read_pe(file);
    REQUIRE_MESSAGE(r.ok(), r.error);
    REQUIRE(r.image.imports.size() == 1);
    CHECK(r.image.imports[0].name == "KERNEL32.dll");
}

TEST_CASE("machine names")
{
    CHECK(mprcheck::machine_name(0x014c) == "x86");
    CHECK(mprcheck::machine_name(0x8664) == "x64");
    CHECK(mprcheck::machine_name(0xaa64) == "ARM64");
    CHECK(mprcheck::machine_name(0x01c4) == "ARM (Thumb-2)");
    CHECK(mprcheck::machine_name(0x1234).empty());
}
