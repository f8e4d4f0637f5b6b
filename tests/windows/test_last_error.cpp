// The thread's last-error value is MPR's: after each call into a notifyee it is what it was
// before, even though every hook changes it (and one throws). Checked in process, through the
// entry points, and through a DLL loaded with LoadLibraryW and its exports found with GetProcAddress.
#include <doctest/doctest.h>

#include <mprnotify/testing.hpp>

#include <stdexcept>
#include <string>

#include "../support.hpp"
#include "last_error_hooks.hpp"

using namespace test_support;
using last_error_fixture::trail_variable;

namespace {

constexpr DWORD callers_value = 0xC0DE;

std::wstring trail()
{
    wchar_t buffer[256] = {};
    const DWORD length = ::GetEnvironmentVariableW(trail_variable, buffer, 256);
    return length < 256 ? std::wstring{buffer, length} : std::wstring{};
}

void reset_trail() { ::SetEnvironmentVariableW(trail_variable, nullptr); }

/// Calls pre and post of one add and one cancel, checking the last error after each of the four.
void drive(platform::add_connect_notify_fn add_connect_notify, platform::cancel_connect_notify_fn cancel_connect_notify)
{
    add_struct add;
    cancel_struct cancel;

    auto info = pre_info();
    ::SetLastError(callers_value);
    CHECK(add_connect_notify(&info, add.get()) == 0);
    CHECK(::GetLastError() == callers_value);
    REQUIRE(info.lpContext != nullptr); // the hook asked for the post call

    info = post_info(info.lpContext);
    ::SetLastError(callers_value + 1);
    CHECK(add_connect_notify(&info, add.get()) == 0);
    CHECK(::GetLastError() == callers_value + 1);

    info = pre_info();
    ::SetLastError(callers_value + 2);
    CHECK(cancel_connect_notify(&info, cancel.get()) == 0);
    CHECK(::GetLastError() == callers_value + 2);
    REQUIRE(info.lpContext != nullptr);

    info = post_info(info.lpContext);
    ::SetLastError(callers_value + 3);
    CHECK(cancel_connect_notify(&info, cancel.get()) == 0);
    CHECK(::GetLastError() == callers_value + 3);
}

/// Sets the last error, then throws: the failure path restores it too.
struct throws_after_changing {
    mprnotify::decision<> before_add(const mprnotify::add_connection&)
    {
        ::SetLastError(0x2001);
        throw std::runtime_error("before_add failed");
    }
    mprnotify::decision<> before_cancel(const mprnotify::cancel_connection&)
    {
        ::SetLastError(0x2002);
        return mprnotify::veto(mprnotify::wn_status::access_denied);
    }
    void on_error(const mprnotify::failure&) noexcept { ::SetLastError(0x2003); }
};

} // namespace

TEST_CASE("in process: every hook changes the last error, every entry point restores it")
{
    using entry = mprnotify::entry_points<last_error_fixture::changes_last_error>;
    reset_trail();
    drive(&entry::add_connect_notify, &entry::cancel_connect_notify);
    CHECK(trail() == L"before_add after_add before_cancel after_cancel ");
    CHECK(entry::pending_contexts() == 0);
}

TEST_CASE("in process: a hook that throws, and one that vetoes, leave the last error alone")
{
    using entry = mprnotify::entry_points<throws_after_changing>;
    add_struct add;
    cancel_struct cancel;
    auto info = pre_info();
    ::SetLastError(callers_value);
    CHECK(entry::add_connect_notify(&info, add.get()) == 0); // fail_open: the operation proceeds
    CHECK(::GetLastError() == callers_value);
    CHECK(info.lpContext == nullptr);

    info = pre_info();
    ::SetLastError(callers_value);
    CHECK(entry::cancel_connect_notify(&info, cancel.get()) == raw(mprnotify::wn_status::access_denied));
    CHECK(::GetLastError() == callers_value);
}

TEST_CASE("through the DLL: LoadLibraryW, GetProcAddress by plain name, last error kept")
{
    std::string error;
    auto library = mprnotify::testing::shared_library::open(MPRNOTIFY_LAST_ERROR_DLL, &error);
    INFO(error);
    REQUIRE(library.has_value());
    auto functions = library->functions("last_error_notifyee", &error);
    INFO(error);
    REQUIRE(functions.has_value());
    reset_trail();
    drive(functions->add_connect_notify, functions->cancel_connect_notify);
    CHECK(trail() == L"before_add after_add before_cancel after_cancel ");
}
