// The example provider, loaded from its shared library by path as MPR loads it: exactly the NP
// functions its hooks call for, and its behaviour through the simulated MPR.
#include <doctest/doctest.h>

#include <mprnotify/testing.hpp>

#include <filesystem>
#include <string>

#include "example_library.hpp"

namespace mt = mprnotify::testing;
namespace platform = mprnotify::platform;
using mprnotify::wn_status;

using test_support::example_library;

TEST_CASE("home_provider exports NPGetCaps and exactly the functions of its hooks, by plain name")
{
    std::string error;
    auto library = mt::shared_library::open(example_library("home_provider"), &error);
    INFO(error);
    REQUIRE(library.has_value());
    CHECK(library->symbol("NPGetCaps") != nullptr);
    CHECK(library->symbol("NPAddConnection") != nullptr);
    CHECK(library->symbol("NPAddConnection3") != nullptr);
    CHECK(library->symbol("NPCancelConnection") != nullptr);
    CHECK(library->symbol("NPGetConnection") != nullptr);
    CHECK(library->symbol("NPGetUser") == nullptr); // no user_of hook: not exported
    CHECK(library->symbol("NPGetUniversalName") == nullptr);
    CHECK(library->symbol("NPOpenEnum") != nullptr); // it browses: the enumeration trio
    CHECK(library->symbol("NPEnumResource") != nullptr);
    CHECK(library->symbol("NPCloseEnum") != nullptr);
    CHECK(library->symbol("NPGetResourceInformation") == nullptr);
    CHECK(library->symbol("AddConnectNotify") == nullptr); // a provider only
    auto p = mt::find_provider(*library, "home_provider", &error);
    INFO(error);
    REQUIRE(p.has_value());
    CHECK(p->caps(platform::wnnc::net_type) == 0x00FA0000);
    CHECK(p->caps(platform::wnnc::connection) == 0xF); // add, cancel, get, add3: what it exports
    CHECK(p->caps(platform::wnnc::user) == 0);
    CHECK(p->caps(platform::wnnc::enumeration) == platform::wnnc::enum_global);
}

TEST_CASE("home_provider through the simulated MPR: map, look up, refuse others, disconnect")
{
    std::string error;
    auto library = mt::shared_library::open(example_library("home_provider"), &error);
    REQUIRE(library.has_value());
    auto p = mt::find_provider(*library, "home_provider", &error);
    REQUIRE(p.has_value());
    mt::provider_router mpr;
    mpr.add_provider(*p);
    CHECK(mpr.add_connection({.local_name = L"P:", .remote_name = L"\\\\home\\docs"}).status == wn_status::success);
    CHECK(mpr.add_connection({.local_name = L"P:", .remote_name = L"\\\\home\\other"}).status ==
          wn_status::already_connected);
    CHECK(mpr.add_connection({.remote_name = L"\\\\fileserver\\x"}).status == wn_status::bad_netname);
    CHECK(mpr.add_connection({.remote_name = L"\\\\home\\music"}).status == wn_status::success); // deviceless
    // Windows names ignore case: \\HOME\docs is one of its shares too (deviceless: no drive to define).
    CHECK(mpr.add_connection({.remote_name = L"\\\\HOME\\docs"}).status == wn_status::success);
    CHECK(mpr.add_connection({.remote_name = L"\\\\Home\\Letters"}).status == wn_status::success);
    CHECK(mpr.add_connection({.remote_name = L"\\\\homework\\x"}).status == wn_status::bad_netname);
    CHECK(mpr.cancel_connection(L"\\\\HOME\\docs", true).status == wn_status::success);
    CHECK(mpr.cancel_connection(L"\\\\Home\\Letters", true).status == wn_status::success);
    CHECK(mpr.get_connection(L"P:").text == L"\\\\home\\docs");
    CHECK(mt::buffer_rule_violations(mt::connection_matrix(*p, L"P:")).empty());
    CHECK(mpr.cancel_connection(L"P:", false).status == wn_status::success);
    CHECK(mpr.cancel_connection(L"\\\\home\\music", true).status == wn_status::success);
    CHECK(mpr.get_connection(L"P:").status == wn_status::not_connected);
    CHECK(mpr.cancel_connection(L"P:", false).status == wn_status::not_connected);
}

TEST_CASE("lab_provider (the README's provider): the five NP functions it claims, and what it does")
{
    std::string error;
    auto library = mt::shared_library::open(example_library("lab_provider"), &error);
    INFO(error);
    REQUIRE(library.has_value());
    for (const char* name :
         {"NPGetCaps", "NPAddConnection", "NPAddConnection3", "NPCancelConnection", "NPGetConnection"}) {
        CHECK_MESSAGE(library->symbol(name) != nullptr, name);
    }
    for (const char* name : {"NPGetUser", "NPGetUniversalName", "NPOpenEnum", "NPEnumResource", "NPCloseEnum",
                             "NPGetResourceInformation", "NPGetConnection3", "NPLogonNotify"}) {
        CHECK_MESSAGE(library->symbol(name) == nullptr, name);
    }
    auto p = mt::find_provider(*library, "lab_provider", &error);
    REQUIRE(p.has_value());
    CHECK(p->caps(platform::wnnc::net_type) == 0x00FB0000);
    CHECK(p->caps(platform::wnnc::connection) == 0xF);
    mt::provider_router mpr;
    mpr.add_provider(*p);
    CHECK(mpr.add_connection({.local_name = L"P:", .remote_name = L"\\\\lab\\docs"}).status == wn_status::success);
    CHECK(mpr.add_connection({.local_name = L"P:", .remote_name = L"\\\\lab\\other"}).status ==
          wn_status::already_connected);
    CHECK(mpr.add_connection({.remote_name = L"\\\\lab\\docs"}).status == wn_status::bad_netname); // no drive
    CHECK(mpr.add_connection({.local_name = L"Q:", .remote_name = L"\\\\home\\x"}).status == wn_status::bad_netname);
    CHECK(mpr.add_connection({.local_name = L"L:", .remote_name = L"\\\\LAB\\docs"}).status == wn_status::success);
    CHECK(mpr.add_connection({.local_name = L"M:", .remote_name = L"\\\\Lab\\Docs"}).status == wn_status::success);
    CHECK(mpr.add_connection({.local_name = L"N:", .remote_name = L"\\\\labs\\docs"}).status == wn_status::bad_netname);
    CHECK(mpr.get_connection(L"L:").text == L"\\\\LAB\\docs");
    CHECK(mpr.cancel_connection(L"L:", false).status == wn_status::success);
    CHECK(mpr.cancel_connection(L"M:", false).status == wn_status::success);
    CHECK(mpr.get_connection(L"P:").text == L"\\\\lab\\docs");
    CHECK(mt::buffer_rule_violations(mt::connection_matrix(*p, L"P:")).empty());
    CHECK(mpr.cancel_connection(L"P:", false).status == wn_status::success);
    CHECK(mpr.get_connection(L"P:").status == wn_status::not_connected);
}
