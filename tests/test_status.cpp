#include <doctest/doctest.h>

#include <mprnotify/core/status.hpp>

#include <array>
#include <cstdint>
#include <ostream>
#include <set>
#include <string_view>
#include <system_error>

using mprnotify::wn_status;

TEST_CASE("wn_status values are the winnetwk.h WN_* codes")
{
    CHECK(mprnotify::to_underlying(wn_status::success) == 0U);
    CHECK(mprnotify::to_underlying(wn_status::cancel) == 1223U);
    CHECK(mprnotify::to_underlying(wn_status::retry) == 1237U);
    CHECK(mprnotify::to_underlying(wn_status::bad_pointer) == 487U);
    CHECK(mprnotify::to_underlying(wn_status::bad_value) == 87U);
    CHECK(mprnotify::to_underlying(wn_status::out_of_memory) == 8U);
    CHECK(mprnotify::to_underlying(wn_status::net_error) == 59U);
    CHECK(mprnotify::to_underlying(wn_status::access_denied) == 5U);
    CHECK(mprnotify::to_underlying(wn_status::open_files) == 2401U);
}

namespace {
struct named_status {
    wn_status status;
    std::uint32_t value;
    std::string_view name;
    std::string_view message;
};
// Every value winnetwk.h names, written out once more: the test of status.hpp's three switches.
// (tests/layout/check_wn_codes.py checks that status.hpp names every WN_* of the header.)
constexpr std::array<named_status, 40> all_statuses{{
    {wn_status::success, 0, "WN_SUCCESS", "the operation succeeded"},
    {wn_status::access_denied, 5, "WN_ACCESS_DENIED", "access denied"},
    {wn_status::bad_handle, 6, "WN_BAD_HANDLE", "invalid handle"},
    {wn_status::out_of_memory, 8, "WN_OUT_OF_MEMORY", "not enough memory"},
    {wn_status::device_error, 31, "WN_DEVICE_ERROR", "device error"},
    {wn_status::not_supported, 50, "WN_NOT_SUPPORTED", "the request is not supported"},
    {wn_status::net_error, 59, "WN_NET_ERROR", "unexpected network error"},
    {wn_status::bad_dev_type, 66, "WN_BAD_DEV_TYPE", "the device type does not match the resource"},
    {wn_status::bad_netname, 67, "WN_BAD_NETNAME", "the network name cannot be found"},
    {wn_status::already_connected, 85, "WN_ALREADY_CONNECTED", "the local device name is already in use"},
    {wn_status::bad_password, 86, "WN_BAD_PASSWORD", "invalid password"},
    {wn_status::bad_value, 87, "WN_BAD_VALUE", "invalid parameter"},
    {wn_status::bad_level, 124, "WN_BAD_LEVEL", "the information level is not valid"},
    {wn_status::function_busy, 170, "WN_FUNCTION_BUSY", "the resource is busy"},
    {wn_status::more_data, 234, "WN_MORE_DATA", "more data is available"},
    {wn_status::no_more_entries, 259, "WN_NO_MORE_ENTRIES", "no more entries"},
    {wn_status::bad_pointer, 487, "WN_BAD_POINTER", "invalid pointer"},
    {wn_status::bad_localname, 1200, "WN_BAD_LOCALNAME", "invalid local device name"},
    {wn_status::connection_closed, 1201, "WN_CONNECTION_CLOSED", "the connection is unavailable"},
    {wn_status::device_already_remembered, 1202, "WN_DEVICE_ALREADY_REMEMBERED",
     "the local device name has a remembered connection to another network resource"},
    {wn_status::no_net_or_bad_path, 1203, "WN_NO_NET_OR_BAD_PATH", "no network provider accepted the network path"},
    {wn_status::bad_provider, 1204, "WN_BAD_PROVIDER", "invalid network provider"},
    {wn_status::cannot_open_profile, 1205, "WN_CANNOT_OPEN_PROFILE", "the network connection profile cannot be opened"},
    {wn_status::bad_profile, 1206, "WN_BAD_PROFILE", "the network connection profile is corrupted"},
    {wn_status::not_container, 1207, "WN_NOT_CONTAINER", "the resource is not a container"},
    {wn_status::extended_error, 1208, "WN_EXTENDED_ERROR", "a provider-specific error occurred"},
    {wn_status::no_network, 1222, "WN_NO_NETWORK", "the network is not present or not started"},
    {wn_status::cancel, 1223, "WN_CANCEL", "the operation was cancelled"},
    {wn_status::retry, 1237, "WN_RETRY", "the operation should be retried"},
    {wn_status::not_authenticated, 1244, "WN_NOT_AUTHENTICATED", "the user has not been authenticated"},
    {wn_status::not_logged_on, 1245, "WN_NOT_LOGGED_ON", "the user has not logged on to the network"},
    {wn_status::not_initializing, 1247, "WN_NOT_INITIALIZING", "initialization has already been completed"},
    {wn_status::no_more_devices, 1248, "WN_NO_MORE_DEVICES", "no more local devices"},
    {wn_status::not_validated, 1311, "WN_NOT_VALIDATED", "no logon server is available to validate the logon"},
    {wn_status::connected_other_password, 2108, "WN_CONNECTED_OTHER_PASSWORD",
     "connected, with a password other than the one given"},
    {wn_status::connected_other_password_default, 2109, "WN_CONNECTED_OTHER_PASSWORD_DEFAULT",
     "connected, with the default credentials"},
    {wn_status::bad_user, 2202, "WN_BAD_USER", "invalid user name"},
    {wn_status::not_connected, 2250, "WN_NOT_CONNECTED", "the network connection does not exist"},
    {wn_status::open_files, 2401, "WN_OPEN_FILES", "there are open files or requests on the connection"},
    {wn_status::device_in_use, 2404, "WN_DEVICE_IN_USE", "the device is in use"},
}};
} // namespace

TEST_CASE("every named status has its value, its WN_* name and its message")
{
    for (const named_status& expected : all_statuses) {
        CAPTURE(expected.name);
        CHECK(mprnotify::to_underlying(expected.status) == expected.value);
        CHECK(mprnotify::name(expected.status) == expected.name);
        CHECK(mprnotify::message(expected.status) == expected.message);
        CHECK(std::error_code{expected.status}.message() == expected.message);
    }
}

TEST_CASE("the two aliases of winnetwk.h are the values they repeat, named by their first name")
{
    static_assert(wn_status::no_error == wn_status::success);        // WN_NO_ERROR = NO_ERROR
    static_assert(wn_status::windows_error == wn_status::net_error); // WN_WINDOWS_ERROR = ERROR_UNEXP_NET_ERR
    CHECK(mprnotify::name(wn_status::no_error) == "WN_SUCCESS");
    CHECK(mprnotify::name(wn_status::windows_error) == "WN_NET_ERROR");
}

TEST_CASE("the 40 names and messages are the only ones, each used once; other values are still representable")
{
    std::set<std::string_view> names;
    std::set<std::string_view> messages;
    int named = 0;
    int unnamed_with_message = 0;
    for (std::uint32_t value = 0; value <= 20000; ++value) { // every WN_* code is below 2500
        const auto status = static_cast<wn_status>(value);
        if (mprnotify::name(status).empty()) {
            unnamed_with_message += mprnotify::message(status) != "unknown WN status" ? 1 : 0;
            continue;
        }
        ++named;
        names.insert(mprnotify::name(status));
        messages.insert(mprnotify::message(status));
    }
    CHECK(unnamed_with_message == 0);
    CHECK(named == static_cast<int>(all_statuses.size()));
    CHECK(names.size() == all_statuses.size());
    CHECK(messages.size() == all_statuses.size());
    const auto odd = static_cast<wn_status>(123456U);
    CHECK(mprnotify::name(odd).empty());
    CHECK(mprnotify::message(odd) == "unknown WN status");
}

TEST_CASE("wn_status converts to std::error_code in its own category")
{
    const std::error_code code = wn_status::access_denied;
    CHECK(code.value() == 5);
    CHECK(std::string{code.category().name()} == "mprnotify.wn");
    CHECK(std::string{code.category().name()} == mprnotify::wn_category_name); // what the boundary recognises it by
    CHECK(code.message() == "access denied");
    CHECK(code == wn_status::access_denied);
    CHECK_FALSE(static_cast<bool>(std::error_code{wn_status::success}));
}

TEST_CASE("wn_error carries its status through std::system_error")
{
    const mprnotify::wn_error error{wn_status::open_files, "files are open"};
    CHECK(error.status() == wn_status::open_files);
    CHECK(error.code() == wn_status::open_files);
    const std::system_error& base = error;
    CHECK(std::string{base.what()}.find("files are open") != std::string::npos);
}
