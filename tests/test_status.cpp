#include <doctest/doctest.h>

#include <mprnotify/status.hpp>

#include <ostream>
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

TEST_CASE("every named status has a name and a message; unnamed values are still representable")
{
    CHECK(mprnotify::name(wn_status::cancel) == "WN_CANCEL");
    CHECK(mprnotify::message(wn_status::cancel) == "the operation was cancelled");
    const auto odd = static_cast<wn_status>(123456U);
    CHECK(mprnotify::name(odd).empty());
    CHECK(mprnotify::message(odd) == "unknown WN status");
    for (const wn_status s : {wn_status::success, wn_status::bad_pointer, wn_status::open_files, wn_status::retry}) {
        CHECK_FALSE(mprnotify::name(s).empty());
        CHECK(mprnotify::message(s) != "unknown WN status");
    }
}

TEST_CASE("wn_status converts to std::error_code in its own category")
{
    const std::error_code code = wn_status::access_denied;
    CHECK(code.value() == 5);
    CHECK(std::string{code.category().name()} == "mprnotify.wn");
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
