// The notifyee rules on synthetic images: what passes, what is flagged, and how the report reads.
#include <doctest/doctest.h>

#include "../checker.hpp"
#include "pe_builder.hpp"

using mprcheck::severity;

namespace {

struct checked {
    mprcheck::report report;
    std::string text;
};

checked check(test_pe::builder b, const mprcheck::check_options& options = {})
{
    const auto r = mprcheck::read_pe(b.build());
    REQUIRE_MESSAGE(r.ok(), r.error);
    auto rep = mprcheck::check_image(r.image, options);
    auto text = mprcheck::format_report("test.dll", rep);
    return {std::move(rep), std::move(text)};
}

const mprcheck::finding* about(const mprcheck::report& r, const std::string& subject)
{
    for (const auto& f : r.findings) {
        if (f.subject == subject) {
            return &f;
        }
    }
    return nullptr;
}

const mprcheck::finding* import_finding(const mprcheck::report& r, const std::string& dll)
{
    for (const auto& f : r.findings) {
        if (f.subject == "import" && f.text.rfind(dll, 0) == 0) {
            return &f;
        }
    }
    return nullptr;
}

test_pe::builder good_x64()
{
    test_pe::builder b;
    b.exports = {"AddConnectNotify", "CancelConnectNotify"};
    b.imports = {"KERNEL32.dll", "msvcrt.dll"};
    return b;
}

bool has(const std::string& text, const std::string& words) { return text.find(words) != std::string::npos; }

} // namespace

TEST_CASE("a notifyee exporting both functions by plain name and importing system DLLs works")
{
    const auto c = check(good_x64());
    CHECK(c.report.works());
    CHECK(c.report.count(severity::problem) == 0);
    CHECK(c.report.count(severity::warning) == 0);
    REQUIRE(about(c.report, "AddConnectNotify") != nullptr);
    CHECK(about(c.report, "AddConnectNotify")->text == "exported by name");
    CHECK(about(c.report, "system imports")->text == "KERNEL32.dll, msvcrt.dll");
    CHECK(about(c.report, "architecture")->text == "x64 (PE32+)");
    CHECK(about(c.report, "regsvr32")->level == severity::note);
    CHECK(has(c.text, "verdict: OK"));
}

TEST_CASE("x86 __stdcall decorations instead of plain names are flagged with the fix")
{
    auto b = good_x64();
    b.machine = mprcheck::machine::i386;
    b.pe32_plus = false;
    SUBCASE("MinGW decoration") { b.exports = {"AddConnectNotify@8", "CancelConnectNotify@8"}; }
    SUBCASE("MSVC decoration") { b.exports = {"_AddConnectNotify@8", "_CancelConnectNotify@8"}; }
    const auto c = check(b);
    CHECK_FALSE(c.report.works());
    CHECK(c.report.count(severity::problem) == 2);
    const auto* add = about(c.report, "AddConnectNotify");
    REQUIRE(add != nullptr);
    CHECK(add->level == severity::problem);
    CHECK(has(add->text, "AddConnectNotify@8'"));
    CHECK(has(add->text, "AddConnectNotify = AddConnectNotify@8"));
    CHECK(has(c.text, "verdict: FAIL - 2 problems"));
}

TEST_CASE("plain names next to decorated ones are fine; a wrong argument size is not")
{
    auto b = good_x64();
    b.machine = mprcheck::machine::i386;
    b.pe32_plus = false;
    b.exports = {"AddConnectNotify", "AddConnectNotify@8", "CancelConnectNotify"};
    auto c = check(b);
    CHECK(c.report.works());
    CHECK(has(about(c.report, "AddConnectNotify")->text, "also as 'AddConnectNotify@8'"));

    b.exports = {"AddConnectNotify", "AddConnectNotify@12", "CancelConnectNotify"};
    c = check(b);
    CHECK_FALSE(c.report.works());
    CHECK(has(about(c.report, "AddConnectNotify")->text, "takes 12 bytes of arguments"));
}

TEST_CASE("a missing function, a mangled one and a wrongly cased one are each named")
{
    auto b = good_x64();
    b.exports = {"AddConnectNotify"};
    auto c = check(b);
    CHECK_FALSE(c.report.works());
    CHECK(about(c.report, "AddConnectNotify")->level == severity::ok);
    CHECK(has(about(c.report, "CancelConnectNotify")->text, "not exported: MPR needs both"));

    b.exports = {"_Z16AddConnectNotifyP11_NOTIFYINFOP10_NOTIFYADD", "CancelConnectNotify"};
    c = check(b);
    CHECK(has(about(c.report, "AddConnectNotify")->text, "extern \"C\""));

    b.exports = {"AddConnectNotify", "cancelconnectnotify"};
    c = check(b);
    CHECK(has(about(c.report, "CancelConnectNotify")->text, "case-sensitive"));
}

TEST_CASE("a forwarded export counts as exported")
{
    auto b = good_x64();
    b.exports = {"AddConnectNotify"};
    b.forwarded = {{"CancelConnectNotify", "impl.CancelConnectNotify"}};
    const auto c = check(b);
    CHECK(c.report.works());
    CHECK(has(about(c.report, "CancelConnectNotify")->text, "forwarded to 'impl.CancelConnectNotify'"));
}

TEST_CASE("imports: runtime DLLs, unknown DLLs, API sets and --allow-import")
{
    auto b = good_x64();
    b.imports = {"KERNEL32.dll",     "api-ms-win-crt-runtime-l1-1-0.dll",
                 "libstdc++-6.dll",  "libgcc_s_seh-1.dll",
                 "VCRUNTIME140.dll", "MSVCP140D.dll",
                 "helper.dll"};
    b.delay_imports = {"optional.dll"};
    auto c = check(b);
    CHECK_FALSE(c.report.works());
    CHECK(about(c.report, "system imports")->text == "KERNEL32.dll, api-ms-win-crt-runtime-l1-1-0.dll");
    CHECK(import_finding(c.report, "libstdc++-6.dll")->level == severity::problem);
    CHECK(has(import_finding(c.report, "libstdc++-6.dll")->text, "link with -static"));
    CHECK(import_finding(c.report, "libgcc_s_seh-1.dll")->level == severity::problem);
    CHECK(import_finding(c.report, "VCRUNTIME140.dll")->level == severity::warning);
    CHECK(import_finding(c.report, "MSVCP140D.dll")->level == severity::problem);
    CHECK(import_finding(c.report, "helper.dll")->level == severity::problem);
    CHECK(import_finding(c.report, "optional.dll (delay-loaded)")->level == severity::problem);

    mprcheck::check_options options;
    options.allowed_imports = {"HELPER.DLL", "optional.dll"};
    b.imports = {"KERNEL32.dll", "helper.dll", "VCRUNTIME140.dll"};
    c = check(b, options);
    CHECK(c.report.works());
    CHECK(import_finding(c.report, "helper.dll")->level == severity::note);
    CHECK(has(c.text, "(1 warning)"));
}

TEST_CASE("import classification")
{
    using mprcheck::dll_kind;
    CHECK(mprcheck::classify_import("ADVAPI32.DLL") == dll_kind::system);
    CHECK(mprcheck::classify_import("ext-ms-win-foo-l1-1-0.dll") == dll_kind::system);
    CHECK(mprcheck::classify_import("libwinpthread-1.dll") == dll_kind::mingw_runtime);
    CHECK(mprcheck::classify_import("msvcr120.dll") == dll_kind::msvc_runtime);
    CHECK(mprcheck::classify_import("msvcrt.dll") == dll_kind::system);
    CHECK(mprcheck::classify_import("ucrtbased.dll") == dll_kind::msvc_debug_runtime);
    CHECK(mprcheck::classify_import("") == dll_kind::other);
    CHECK(mprcheck::classify_import("zlib1.dll") == dll_kind::other);
}

TEST_CASE("architecture: expected machine, header layout, unknown machine, not a DLL")
{
    auto b = good_x64();
    mprcheck::check_options options;
    options.expected_machine = mprcheck::machine::i386;
    auto c = check(b, options);
    CHECK(about(c.report, "architecture")->level == severity::problem);
    CHECK(has(about(c.report, "architecture")->text, "x86 processes cannot load it"));

    b.pe32_plus = false;
    c = check(b);
    CHECK(has(about(c.report, "architecture")->text, "does not match the machine type"));

    b = good_x64();
    b.machine = 0x1234;
    c = check(b);
    CHECK(has(about(c.report, "architecture")->text, "unknown machine type 0x1234"));

    b = good_x64();
    b.characteristics = 0x0022;
    c = check(b);
    CHECK(about(c.report, "file type")->level == severity::problem);
}

TEST_CASE("regsvr32 support is reported, decorated registration functions warned about")
{
    auto b = good_x64();
    b.exports = {"AddConnectNotify", "CancelConnectNotify", "DllRegisterServer", "DllUnregisterServer"};
    auto c = check(b);
    CHECK(about(c.report, "regsvr32")->level == severity::ok);

    b.machine = mprcheck::machine::i386;
    b.pe32_plus = false;
    b.exports = {"AddConnectNotify", "CancelConnectNotify", "DllRegisterServer@0", "DllUnregisterServer@0"};
    c = check(b);
    CHECK(c.report.works());
    CHECK(about(c.report, "DllRegisterServer")->level == severity::warning);
    CHECK(has(about(c.report, "DllRegisterServer")->text, "regsvr32 looks up the plain name"));
}

TEST_CASE("names from the file are printed safely; --machine values parse")
{
    CHECK(mprcheck::printable("ok.dll") == "ok.dll");
    CHECK(mprcheck::printable(std::string("a\x01\xff\\", 4)) == "a\\x01\\xff\\x5c");
    CHECK(mprcheck::parse_machine("X64") == mprcheck::machine::amd64);
    CHECK(mprcheck::parse_machine("i686") == mprcheck::machine::i386);
    CHECK(mprcheck::parse_machine("arm64") == mprcheck::machine::arm64);
    CHECK_FALSE(mprcheck::parse_machine("mips").has_value());
}
