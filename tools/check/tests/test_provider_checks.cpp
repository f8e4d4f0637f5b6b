// The network-provider rules on synthetic images: recognised by NPGetCaps, plain NP* names with
// the documented x86 argument sizes, and export sets a consistent NPGetCaps can promise.
#include <doctest/doctest.h>

#include <ostream>
#include <string>

#include "../checker.hpp"
#include "../provider_checks.hpp"
#include "pe_builder.hpp"

using mprcheck::severity;

namespace {

mprcheck::report check(test_pe::builder b, std::string* text = nullptr)
{
    const auto r = mprcheck::read_pe(b.build());
    REQUIRE_MESSAGE(r.ok(), r.error);
    auto rep = mprcheck::check_image(r.image, {});
    if (text != nullptr) {
        *text = mprcheck::format_report("np.dll", rep);
    }
    return rep;
}

test_pe::builder provider(std::vector<std::string> exports, bool x86 = false)
{
    test_pe::builder b;
    b.exports = std::move(exports);
    b.imports = {"KERNEL32.dll"};
    if (x86) {
        b.machine = mprcheck::machine::i386;
        b.pe32_plus = false;
    }
    return b;
}

bool mentions(const mprcheck::report& r, severity level, const std::string& words)
{
    for (const auto& f : r.findings) {
        if (f.level == level && (f.subject + " " + f.text).find(words) != std::string::npos) {
            return true;
        }
    }
    return false;
}

} // namespace

TEST_CASE("the NP table: every argument size is 4 bytes per npapi.h parameter")
{
    // Spot checks against the syntax blocks of the Microsoft Learn pages.
    const auto bytes = [](std::string_view name) {
        for (const auto& f : mprcheck::np_functions()) {
            if (f.name == name) {
                return f.argument_bytes;
            }
        }
        return 0u;
    };
    CHECK(mprcheck::np_functions().front().name == "NPGetCaps");
    CHECK(bytes("NPGetCaps") == 4);
    CHECK(bytes("NPAddConnection") == 12);
    CHECK(bytes("NPAddConnection3") == 20);
    CHECK(bytes("NPAddConnection4") == 28);
    CHECK(bytes("NPCancelConnection") == 8);
    CHECK(bytes("NPGetConnection") == 12);
    CHECK(bytes("NPOpenEnum") == 20);
    CHECK(bytes("NPEnumResource") == 16);
    CHECK(bytes("NPCloseEnum") == 4);
    CHECK(bytes("NPFormatNetworkName") == 20); // five parameters
    CHECK(bytes("NPLogonNotify") == 32);       // eight parameters
    CHECK(bytes("NPPasswordChangeNotify") == 28);
    for (const auto& f : mprcheck::np_functions()) {
        CAPTURE(f.name);
        CHECK(f.argument_bytes % 4 == 0);
    }
}

TEST_CASE("a provider is recognised by NPGetCaps and need not notify")
{
    std::string text;
    const auto r = check(provider({"NPGetCaps", "NPAddConnection", "NPAddConnection3", "NPCancelConnection"}), &text);
    CHECK(r.provider);
    CHECK_FALSE(r.notifyee);
    CHECK(r.works());
    CHECK(mentions(r, severity::ok, "NP functions NPAddConnection, NPAddConnection3, NPCancelConnection"));
    CHECK(text.find("verdict: OK - MPR can load this DLL as a network provider\n") != std::string::npos);
    CHECK(text.find("AddConnectNotify") == std::string::npos);
}

TEST_CASE("a provider that also notifies is judged as both")
{
    std::string text;
    const auto r = check(provider({"NPGetCaps", "AddConnectNotify"}), &text);
    CHECK(r.provider);
    CHECK(r.notifyee);
    CHECK_FALSE(r.works()); // one notification function without the other
    CHECK(text.find("would not work as a network provider that also receives notifications") != std::string::npos);
}

TEST_CASE("x86: a decorated NP export is a problem, with the right and the wrong argument size")
{
    SUBCASE("right size, decorated only")
    {
        const auto r =
            check(provider({"NPGetCaps", "NPAddConnection", "NPAddConnection3@20", "NPCancelConnection"}, true));
        CHECK_FALSE(r.works());
        CHECK(mentions(r, severity::problem, "only as 'NPAddConnection3@20'"));
        CHECK(mentions(r, severity::problem, "NPAddConnection3 = NPAddConnection3@20"));
    }
    SUBCASE("wrong size")
    {
        const auto r = check(provider({"NPGetCaps", "_NPFormatNetworkName@24"}, true));
        CHECK(mentions(r, severity::problem, "it takes 24 bytes of arguments, but the documented signature takes 20"));
    }
    SUBCASE("NPGetCaps itself decorated: still recognised, and failed")
    {
        const auto r = check(provider({"NPGetCaps@4", "NPAddConnection"}, true));
        CHECK(r.provider);
        CHECK(mentions(r, severity::problem, "NPGetCaps not exported by that name, only as 'NPGetCaps@4'"));
    }
}

TEST_CASE("look-alikes are decorations, manglings and case, not longer names")
{
    CHECK(mprcheck::looks_like("NPAddConnection@12", "NPAddConnection"));
    CHECK(mprcheck::looks_like("_NPAddConnection@12", "NPAddConnection"));
    CHECK(mprcheck::looks_like("npaddconnection", "NPAddConnection"));
    CHECK(mprcheck::looks_like("_Z15NPAddConnectionP12_NETRESOURCEWPwS1_", "NPAddConnection"));
    CHECK(mprcheck::looks_like("?NPAddConnection@@YGKPAU_NETRESOURCEW@@PA_W1@Z", "NPAddConnection"));
    CHECK_FALSE(mprcheck::looks_like("NPAddConnection3", "NPAddConnection"));
    CHECK_FALSE(mprcheck::looks_like("NPAddConnection3@20", "NPAddConnection"));
    CHECK_FALSE(mprcheck::looks_like("_Z16NPAddConnection3P12_NETRESOURCEW", "NPAddConnection"));
    CHECK_FALSE(mprcheck::looks_like("NPAddConnection", "NPAddConnection"));
}

TEST_CASE("exports no NPGetCaps answer can make consistent")
{
    SUBCASE("enumeration without NPEnumResource and NPCloseEnum")
    {
        const auto r = check(provider({"NPGetCaps", "NPOpenEnum"}));
        CHECK_FALSE(r.works());
        CHECK(mentions(r, severity::problem, "exports NPOpenEnum but not NPEnumResource NPCloseEnum"));
    }
    SUBCASE("NPAddConnection3 without NPAddConnection: works where MPR asks for add3, warned")
    {
        const auto r = check(provider({"NPGetCaps", "NPAddConnection3", "NPCancelConnection"}));
        CHECK(r.works());
        CHECK(mentions(r, severity::warning, "NPAddConnection3 without NPAddConnection"));
    }
    SUBCASE("NPCancelConnection2 and NPGetConnection3 without their base functions")
    {
        const auto r = check(provider({"NPGetCaps", "NPCancelConnection2", "NPGetConnection3"}));
        CHECK(r.count(severity::warning) == 2);
    }
    SUBCASE("connections that cannot be cancelled: a problem")
    {
        std::string text;
        const auto r = check(provider({"NPGetCaps", "NPAddConnection"}), &text);
        CHECK_FALSE(r.works());
        CHECK(mentions(r, severity::problem, "exports NPAddConnection but not NPCancelConnection"));
        CHECK(r.count(severity::warning) == 0);
        CHECK(text.find("verdict: FAIL - 1 problem") != std::string::npos);
        const auto add3 = check(provider({"NPGetCaps", "NPAddConnection", "NPAddConnection3"}));
        CHECK_FALSE(add3.works());
        CHECK(mentions(add3, severity::problem,
                       "exports NPAddConnection and NPAddConnection3 but not NPCancelConnection"));
        const auto add3_only = check(provider({"NPGetCaps", "NPAddConnection3"}));
        CHECK_FALSE(add3_only.works());
        CHECK(mentions(add3_only, severity::problem, "exports NPAddConnection3 but not NPCancelConnection"));
    }
    SUBCASE("a disconnect without a connect is fine: lookups and cancels only")
    {
        const auto r = check(provider({"NPGetCaps", "NPCancelConnection", "NPGetConnection"}));
        CHECK(r.works());
        CHECK(r.count(severity::warning) == 0);
    }
    SUBCASE("all three enumeration functions are consistent")
    {
        const auto r = check(provider({"NPGetCaps", "NPOpenEnum", "NPEnumResource", "NPCloseEnum"}));
        CHECK(r.works());
        CHECK(r.count(severity::warning) == 0);
    }
}

TEST_CASE("an NP name MPR never calls is noted, not failed")
{
    const auto r = check(provider({"NPGetCaps", "NPHelperInternal"}));
    CHECK(r.works());
    CHECK(mentions(r, severity::note, "'NPHelperInternal' begins with NP"));
}

TEST_CASE("a provider's companion DLL: a problem unless --allow-import names it")
{
    auto b = provider({"NPGetCaps", "NPAddConnection", "NPCancelConnection"});
    b.imports = {"KERNEL32.dll", "contoso-core.dll"};
    const auto read = mprcheck::read_pe(b.build());
    REQUIRE(read.ok());
    CHECK_FALSE(mprcheck::check_image(read.image, {}).works());
    mprcheck::check_options allow;
    allow.allowed_imports = {"CONTOSO-CORE.DLL"};
    CHECK(mprcheck::check_image(read.image, allow).works());
}

TEST_CASE("without regsvr32 support a provider is pointed at register_provider, never at reg add")
{
    std::string text;
    const auto r = check(provider({"NPGetCaps", "NPAddConnection", "NPCancelConnection"}), &text);
    CHECK(mentions(r, severity::note, "regsvr32 not supported: register with mprnotify::registry::register_provider"));
    CHECK(mentions(r, severity::note, "MPRNOTIFY_EXPORT_PROVIDER_REGISTRATION for regsvr32"));
    CHECK(text.find("register with reg add") == std::string::npos);

    // A notifyee's value is its own: reg add is fine there.
    test_pe::builder notifyee;
    notifyee.exports = {"AddConnectNotify", "CancelConnectNotify"};
    notifyee.imports = {"KERNEL32.dll"};
    CHECK(mentions(check(notifyee), severity::note, "regsvr32 not supported: register with reg add"));

    // With both registration functions nothing is suggested.
    CHECK(mentions(check(provider({"NPGetCaps", "DllRegisterServer", "DllUnregisterServer"})), severity::ok,
                   "regsvr32 supported"));
}
