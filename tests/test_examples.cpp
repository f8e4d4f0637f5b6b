// The example notifyees, loaded from their shared libraries by path and driven by the simulated MPR.
#include <doctest/doctest.h>

#include <mprnotify/testing.hpp>

#include <bit>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "example_library.hpp"

namespace mt = mprnotify::testing;
using mprnotify::wn_status;

namespace {

using test_support::example_library;

struct loaded {
    mt::shared_library library;
    mt::notifyee functions;
};

loaded load(const char* name)
{
    std::string error;
    auto library = mt::shared_library::open(example_library(name), &error);
    INFO(error);
    REQUIRE(library.has_value());
    auto functions = library->functions(name, &error);
    INFO(error);
    REQUIRE(functions.has_value());
    return loaded{std::move(*library), std::move(*functions)};
}

} // namespace

TEST_CASE("every example exports both functions by plain name")
{
    for (const char* name : {"minimal", "protect_drive", "audit_log", "provider", "c_provider"}) {
        CAPTURE(name);
        auto lib = load(name);
        CHECK(static_cast<bool>(lib.functions.add_connect_notify));
        CHECK(static_cast<bool>(lib.functions.cancel_connect_notify));
    }
}

TEST_CASE("minimal: X: is refused, everything else proceeds with no post")
{
    auto lib = load("minimal");
    mt::router mpr;
    mpr.attach(lib.functions);
    CHECK(mpr.add_connection({.local_name = L"X:"}).status == wn_status::access_denied);
    CHECK(mpr.add_connection({.local_name = L"Y:"}).status == wn_status::success);
    CHECK(mpr.cancel_connection({.name = L"X:"}).status == wn_status::success);
    for (const auto& call : mpr.calls()) {
        CHECK(call.context_out == nullptr);
    }
}

TEST_CASE("protect_drive: P: is not disconnected unless forced")
{
    auto lib = load("protect_drive");
    mt::router mpr;
    mpr.attach(lib.functions);
    CHECK(mpr.cancel_connection({.name = L"P:"}).status == wn_status::access_denied);
    CHECK(mpr.cancel_connection({.name = L"p:"}).status == wn_status::access_denied);
    CHECK(mpr.cancel_connection({.name = L"P:", .force = true}).status == wn_status::success);
    CHECK(mpr.cancel_connection({.name = L"Q:"}).status == wn_status::success);
    CHECK(mpr.cancel_connection({.name = std::nullopt}).status == wn_status::success);
}

TEST_CASE("audit_log: one line per operation with its result, context handed over and back")
{
    const auto log = std::filesystem::temp_directory_path() / "mprnotify-test-audit.log";
    std::filesystem::remove(log);
#if defined(_WIN32)
    _putenv_s("MPRNOTIFY_AUDIT_LOG", log.string().c_str());
#else
    setenv("MPRNOTIFY_AUDIT_LOG", log.string().c_str(), 1);
#endif
    {
        auto lib = load("audit_log");
        mt::router mpr;
        mpr.attach(lib.functions);
        (void)mpr.add_connection({.local_name = L"K:", .remote_name = L"\\\\srv\\k"});
        (void)mpr.cancel_connection({.name = L"K:"}, wn_status::open_files);
        REQUIRE(mpr.calls().size() == 4);
        CHECK(mpr.calls()[0].context_out != nullptr);
        CHECK(mpr.calls()[1].context_in == mpr.calls()[0].context_out);
    }
    std::ifstream in{log};
    const std::string text{std::istreambuf_iterator<char>{in}, {}};
    CHECK(text.find("audit: add \\\\srv\\k as K: -> WN_SUCCESS in ") != std::string::npos);
    CHECK(text.find("audit: cancel K: -> WN_OPEN_FILES in ") != std::string::npos);
}

TEST_CASE("provider: notifications inside a DLL that exports through its own mechanism")
{
    auto lib = load("provider");
    CHECK(lib.library.symbol("NPGetCaps") != nullptr);
    mt::router mpr;
    mpr.attach(lib.functions);
    (void)mpr.add_connection({});
    REQUIRE(mpr.calls().size() == 2);
    CHECK(mpr.calls()[1].phase == mprnotify::phase::post);
}

TEST_CASE("c_provider: a provider written in C, its NP* functions and the notifications of its one C++ file")
{
    auto lib = load("c_provider");
    using get_caps_fn = mprnotify::platform::dword(MPRNOTIFY_APIENTRY*)(mprnotify::platform::dword);
    void* const get_caps_symbol = lib.library.symbol("NPGetCaps");
    REQUIRE(get_caps_symbol != nullptr);
    const auto get_caps = std::bit_cast<get_caps_fn>(get_caps_symbol);
    CHECK(get_caps(1 /* WNNC_SPEC_VERSION */) == 0x00050001U);
    CHECK(get_caps(2 /* WNNC_NET_TYPE */) == 0x00500000U);
    CHECK(lib.library.symbol("NPAddConnection3") != nullptr);
    // NPCancelConnection cancels its own drives and server names, and no other: MPR asks the next provider.
    using namespace mprnotify::platform;
    using add_fn = dword(MPRNOTIFY_APIENTRY*)(window_handle, net_resource_w*, wchar_t*, wchar_t*, dword);
    using cancel_fn = dword(MPRNOTIFY_APIENTRY*)(wchar_t*, int); // BOOL is an int
    void* const add_symbol = lib.library.symbol("NPAddConnection3");
    void* const cancel_symbol = lib.library.symbol("NPCancelConnection");
    REQUIRE(add_symbol != nullptr);
    REQUIRE(cancel_symbol != nullptr);
    const auto add = std::bit_cast<add_fn>(add_symbol);
    const auto cancel = std::bit_cast<cancel_fn>(cancel_symbol);
    const auto code = [](wn_status s) { return static_cast<dword>(s); };
    std::wstring own = L"\\\\cprovider\\data";
    std::wstring other = L"\\\\elsewhere\\data";
    std::wstring drive = L"R:";
    std::wstring lower_drive = L"r:";
    net_resource_w resource{};
    resource.lpLocalName = drive.data();
    resource.lpRemoteName = own.data();
    CHECK(cancel(drive.data(), 1) == code(wn_status::not_connected)); // not connected yet
    CHECK(add(nullptr, &resource, nullptr, nullptr, 0) == code(wn_status::success));
    CHECK(cancel(lower_drive.data(), 0) == code(wn_status::success));
    CHECK(cancel(drive.data(), 0) == code(wn_status::not_connected)); // already cancelled
    CHECK(cancel(own.data(), 0) == code(wn_status::success));
    CHECK(cancel(other.data(), 0) == code(wn_status::not_connected));
    CHECK(cancel(nullptr, 0) == code(wn_status::bad_pointer));
    resource.lpRemoteName = other.data();
    CHECK(add(nullptr, &resource, nullptr, nullptr, 0) == code(wn_status::bad_netname));
    CHECK(cancel(drive.data(), 0) == code(wn_status::not_connected)); // a refused connection is not one

    mt::router mpr;
    mpr.attach(lib.functions);
    CHECK(mpr.add_connection({.local_name = L"R:", .remote_name = L"\\\\cprovider\\data"}).status ==
          wn_status::already_connected);
    CHECK(mpr.add_connection({.local_name = L"S:", .remote_name = L"\\\\cprovider\\data"}).status ==
          wn_status::success);
    CHECK(mpr.add_connection({.local_name = L"R:", .remote_name = L"\\\\elsewhere\\data"}).status ==
          wn_status::success);
    CHECK(mpr.add_connection({.remote_name = L"\\\\cprovider\\printer"}).status == wn_status::success);
    CHECK(mpr.cancel_connection({.name = L"R:"}).status == wn_status::success);
}
