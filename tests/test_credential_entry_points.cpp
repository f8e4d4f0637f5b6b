// The credential-manager pair (NPLogonNotify, NPPasswordChangeNotify) and the connection-state
// pair (NPGetConnection3, NPGetConnectionPerformance): typed views, a planted password that reaches
// only the hook, the logon script in local_alloc memory, every kind of bad input answered before
// the hook runs, the failure policy, caps and exports.
#include <doctest/doctest.h>

#include <mprnotify/provider.hpp>
#include <mprnotify/testing/credential_router.hpp>

#include <cstring>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

using namespace mprnotify;
namespace platform = mprnotify::platform;

namespace {

int hook_calls = 0;
bool throw_runtime = false;
std::vector<std::string> errors;
std::wstring seen_password;
std::wstring seen_user;
std::wstring seen_domain;
std::wstring seen_previous_password;
std::optional<authentication_type> seen_type;
std::optional<platform::window_handle> seen_window;
std::uint32_t seen_change = 0;
std::uint32_t seen_logon_low = 0;
std::optional<std::wstring> script_to_give;

void record(const credential_event& e)
{
    ++hook_calls;
#if MPRNOTIFY_PLATFORM_WINDOWS
    ::SetLastError(ERROR_ACCESS_DENIED); // the boundary must give MPR its own value back
#endif
    if (throw_runtime) {
#if MPRNOTIFY_HAS_EXCEPTIONS
        throw std::runtime_error{"credential manager failed"};
#endif
    }
    seen_password = std::wstring{e.authentication().password().reveal()};
    seen_user = std::wstring{e.authentication().user_name().reveal()};
    seen_domain = std::wstring{e.authentication().domain().reveal()};
    seen_type = e.authentication().type();
    seen_previous_password =
        e.previous_authentication() ? std::wstring{e.previous_authentication()->password().reveal()} : L"(none)";
    seen_window = e.station_window();
}

struct manager {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    std::optional<std::wstring> on_logon(const logon_request& r)
    {
        record(r);
        seen_logon_low = r.logon_id().LowPart;
        return script_to_give;
    }
    wn_status on_password_change(const password_change_request& r)
    {
        record(r);
        seen_change = r.change_info();
        return r.password_changed() ? wn_status::success : wn_status::no_network;
    }
    // The name as the library passes it (never measured); connection_performance_of below keeps the
    // std::wstring_view form, which is still accepted.
    lookup<connection_state> connection_state_of(wzstring_view local)
    {
        ++hook_calls;
        if (local == L"P:") {
            return connection_state::disconnected;
        }
        return local == L"M:" ? lookup<connection_state>{wn_status::more_data} : wn_status::not_connected;
    }
    std::optional<connection_performance> connection_performance_of(std::wstring_view name)
    {
        ++hook_calls;
        if (name != L"\\\\home\\docs") {
            return std::nullopt;
        }
        return connection_performance{performance_flags::for_net_card | performance_flags::slow_link, 100, 20, 4096};
    }
    void on_error(const failure& f) noexcept { errors.emplace_back(f.message); }
};

struct plain_provider { // connects and disconnects, no credential hooks
    static constexpr std::uint32_t net_type = 0x00FA0000;
    wn_status connect(const connect_request&) { return wn_status::success; }
    wn_status disconnect(const disconnect_request&) { return wn_status::not_connected; }
};

using np = provider_entry_points<manager>;
/// NETCONNECTINFOSTRUCT as the SDK prototype names it (platform::net_connect_info off Windows).
using connect_info =
    std::remove_pointer_t<platform::parameters<platform::np_signature::NPGetConnectionPerformance>::at<1>>;
using plain = provider_entry_points<plain_provider>;

struct reset {
    reset()
    {
        hook_calls = 0;
        throw_runtime = false;
        errors.clear();
        seen_password.clear();
        seen_type.reset();
        seen_window.reset();
        script_to_give.reset();
    }
};

/// Bytes of `n` characters, as UNICODE_STRING counts them (wchar_t is 4 bytes off Windows).
constexpr std::uint16_t chars(std::size_t n) { return static_cast<std::uint16_t>(n * sizeof(wchar_t)); }

/// A hand-built MSV1_0_INTERACTIVE_LOGON for the bad-input cases.
struct raw_logon {
    std::wstring user = L"alice#";
    platform::interactive_logon info{};
    raw_logon() { info.UserName = {chars(5), chars(6), user.data()}; }
};

wn_status logon(const wchar_t* type, void* info, wchar_t** script, platform::luid* id = nullptr,
                const wchar_t* previous_type = nullptr, void* previous = nullptr)
{
    static platform::luid default_id{1, 0};
    wchar_t station[] = L"SvcCtl";
    return static_cast<wn_status>(np::logon_notify(id != nullptr ? id : &default_id, type, info, previous_type,
                                                   previous, station, nullptr, script));
}

} // namespace

TEST_CASE_FIXTURE(reset, "a planted password reaches only the hook: never the trace, the failures or the script")
{
    testing::credential_router mpr;
    mpr.add(testing::make_credential_manager<manager>("cred"));
    testing::credential_call call;
    call.credentials.password = L"planted-logon-secret-5X";
    call.credentials.user_name = L"planted-user-5X";
    call.credentials.domain = L"planted-domain-5X";
    call.previous = testing::logon_credentials{};
    call.previous->password = L"planted-old-secret-5X";
    auto window_marker = 0x1234;
    call.station_window = reinterpret_cast<platform::window_handle>(&window_marker);
    script_to_give = L"cmd /C logon.cmd";
    const std::vector<std::wstring> scripts = mpr.logon(call);
    REQUIRE(hook_calls == 1);
    // The views read exactly Length bytes: the router's '#' marker after each string is not read.
    CHECK(seen_password == L"planted-logon-secret-5X");
    CHECK(seen_user == L"planted-user-5X");
    CHECK(seen_domain == L"planted-domain-5X");
    CHECK(seen_previous_password == L"planted-old-secret-5X");
    CHECK(seen_type == authentication_type::msv1_0_interactive);
    CHECK(seen_logon_low == 0x3E7);
    REQUIRE(seen_window.has_value()); // WinSta_0: StationHandle is the owner window
    CHECK(*seen_window == call.station_window);
    CHECK(scripts == std::vector<std::wstring>{L"cmd /C logon.cmd"});

    call.station = L"SvcCtl";
    call.change_info = platform::wn_nt_password_changed;
    mpr.change_password(call);
    CHECK(seen_change == platform::wn_nt_password_changed);
    CHECK_FALSE(seen_window.has_value()); // SvcCtl: StationHandle is random data, not handed out

#if MPRNOTIFY_HAS_EXCEPTIONS
    throw_runtime = true;
    CHECK(mpr.logon(call).empty());
    mpr.change_password(call);
    CHECK(errors.size() == 2);
#endif
    const std::string trace = testing::format_credential_trace(mpr);
    INFO(trace);
    CHECK(trace.find("planted") == std::string::npos);
    CHECK(trace.find("password: given") != std::string::npos);
    CHECK(trace.find("NPLogonNotify cred -> WN_SUCCESS") != std::string::npos);
    CHECK(trace.find("logon script returned") != std::string::npos);
    for (const std::string& message : errors) {
        CHECK(message.find("planted") == std::string::npos);
    }
}

TEST_CASE_FIXTURE(reset, "the logon script: local_alloc memory, NULL for none or empty, NULL on every failure")
{
    raw_logon raw;
    wchar_t* script = reinterpret_cast<wchar_t*>(&raw); // garbage: the library must overwrite it
    CHECK(logon(platform::kerberos_interactive, &raw.info, &script) == wn_status::success);
    CHECK(script == nullptr);
    CHECK(seen_type == authentication_type::kerberos_interactive);
    CHECK(seen_user == L"alice");
    CHECK_FALSE(seen_window.has_value());
    script_to_give = L"";
    CHECK(logon(platform::msv1_0_interactive, &raw.info, &script) == wn_status::success);
    CHECK(script == nullptr);
    script_to_give = L"net use Q: \\\\home\\q";
    CHECK(logon(platform::msv1_0_interactive, &raw.info, &script) == wn_status::success);
    REQUIRE(script != nullptr);
    CHECK(std::wstring{script} == L"net use Q: \\\\home\\q");
    platform::local_free(script);
    script = reinterpret_cast<wchar_t*>(&raw);
    CHECK(logon(L"Negotiate:Unknown", &raw.info, &script) == wn_status::not_supported);
    CHECK(script == nullptr);
}

TEST_CASE_FIXTURE(reset, "bad input gets a defined answer and never reaches the hook")
{
    raw_logon raw;
    wchar_t* script = nullptr;
    platform::luid id{7, 0};
    CHECK(static_cast<wn_status>(np::logon_notify(&id, platform::msv1_0_interactive, &raw.info, nullptr, nullptr,
                                                  nullptr, nullptr, nullptr)) == wn_status::bad_pointer);
    CHECK(static_cast<wn_status>(np::logon_notify(nullptr, platform::msv1_0_interactive, &raw.info, nullptr, nullptr,
                                                  nullptr, nullptr, &script)) == wn_status::bad_pointer);
    CHECK(logon(nullptr, &raw.info, &script) == wn_status::bad_pointer);
    CHECK(logon(platform::msv1_0_interactive, nullptr, &script) == wn_status::bad_pointer);
    CHECK(logon(L"", &raw.info, &script) == wn_status::not_supported);
    CHECK(logon(L"msv1_0:interactive", &raw.info, &script) == wn_status::not_supported); // exact, as documented
    // A previous type without previous information; an unknown previous type.
    CHECK(logon(platform::msv1_0_interactive, &raw.info, &script, &id, platform::msv1_0_interactive, nullptr) ==
          wn_status::bad_pointer);
    CHECK(logon(platform::msv1_0_interactive, &raw.info, &script, &id, L"Other", &raw.info) ==
          wn_status::not_supported);
    // UNICODE_STRINGs that cannot be read: checked before a character is read.
    const platform::unicode_string bad_strings[] = {
        {5, chars(6), raw.user.data()},        // odd Length
        {chars(7), chars(6), raw.user.data()}, // Length above MaximumLength
        {chars(5), chars(6), nullptr},         // a length with no buffer
        {0xFFFC, 0xFFFC, nullptr},             // the largest length, pointing nowhere
    };
    for (const platform::unicode_string& bad : bad_strings) {
        CAPTURE(bad.Length);
        for (platform::unicode_string platform::interactive_logon::*field :
             {&platform::interactive_logon::LogonDomainName, &platform::interactive_logon::UserName,
              &platform::interactive_logon::Password}) {
            raw_logon broken;
            broken.info.*field = bad;
            script = reinterpret_cast<wchar_t*>(&broken);
            CHECK(logon(platform::msv1_0_interactive, &broken.info, &script) == wn_status::bad_value);
            CHECK(script == nullptr);
            CHECK(logon(platform::msv1_0_interactive, &raw.info, &script, &id, platform::msv1_0_interactive,
                        &broken.info) == wn_status::bad_value);
            wchar_t station[] = L"WinSta_0";
            CHECK(static_cast<wn_status>(np::password_change_notify(platform::msv1_0_interactive, &broken.info, nullptr,
                                                                    nullptr, station, nullptr, 0)) ==
                  wn_status::bad_value);
        }
    }
    CHECK(static_cast<wn_status>(np::password_change_notify(nullptr, &raw.info, nullptr, nullptr, nullptr, nullptr,
                                                            0)) == wn_status::bad_pointer);
    CHECK(hook_calls == 0);
    // Absent (NULL buffer, length 0) and empty (a buffer, length 0) stay apart.
    raw.info.Password = {0, 0, nullptr};
    raw.info.LogonDomainName = {0, chars(1), raw.user.data()};
    CHECK(logon(platform::msv1_0_interactive, &raw.info, &script) == wn_status::success);
    CHECK(hook_calls == 1);
}

TEST_CASE_FIXTURE(reset, "the views keep absent and empty apart")
{
    std::wstring text = L"x";
    const secret absent = detail::read_counted({0, 0, nullptr}).text;
    const secret empty = detail::read_counted({0, chars(1), text.data()}).text;
    const secret one = detail::read_counted({chars(1), chars(1), text.data()}).text;
    CHECK_FALSE(absent.given());
    CHECK(empty.given());
    CHECK(empty.empty());
    CHECK(one.reveal() == L"x");
    CHECK_FALSE(one.empty());
    CHECK(one.copy().reveal() == L"x");
}

#if MPRNOTIFY_HAS_EXCEPTIONS
TEST_CASE_FIXTURE(reset, "a throwing hook answers the policy's code: WN_NOT_SUPPORTED under fail_open, never success")
{
    raw_logon raw;
    throw_runtime = true;
    wchar_t* script = nullptr;
    script_to_give = L"never";
    CHECK(logon(platform::msv1_0_interactive, &raw.info, &script) == wn_status::not_supported);
    CHECK(script == nullptr);
    CHECK(static_cast<wn_status>(np::password_change_notify(platform::msv1_0_interactive, &raw.info, nullptr, nullptr,
                                                            nullptr, nullptr, 0)) == wn_status::not_supported);
    using closed = provider_entry_points<manager, fail_closed<wn_status::no_network>>;
    CHECK(static_cast<wn_status>(closed::password_change_notify(platform::msv1_0_interactive, &raw.info, nullptr,
                                                                nullptr, nullptr, nullptr, 0)) ==
          wn_status::no_network);
    CHECK(errors.size() == 3);
}
#endif

TEST_CASE("caps and exports: the four functions exactly with their hooks; only performance has a caps bit")
{
    CHECK(np::exports<detail::np_logon_notify>);
    CHECK(np::exports<detail::np_password_change_notify>);
    CHECK(np::exports<detail::np_get_connection3>);
    CHECK(np::exports<detail::np_get_connection_performance>);
    CHECK(np::get_caps(platform::wnnc::connection) == platform::wnnc::con_get_performance);
    CHECK(np::get_caps(platform::wnnc::start) == 1);
    CHECK_FALSE(plain::exports<detail::np_logon_notify>);
    CHECK_FALSE(plain::exports<detail::np_password_change_notify>);
    CHECK_FALSE(plain::exports<detail::np_get_connection3>);
    CHECK_FALSE(plain::exports<detail::np_get_connection_performance>);
    CHECK((plain::get_caps(platform::wnnc::connection) & platform::wnnc::con_get_performance) == 0);
    // Called anyway (MSVC exports every function): WN_NOT_SUPPORTED, nothing read.
    CHECK(static_cast<wn_status>(plain::logon_notify(nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
                                                     nullptr)) == wn_status::not_supported);
    CHECK(static_cast<wn_status>(plain::get_connection3(nullptr, 1, nullptr, nullptr)) == wn_status::not_supported);
    CHECK(static_cast<wn_status>(plain::get_connection_performance(nullptr, nullptr)) == wn_status::not_supported);
}

TEST_CASE_FIXTURE(reset, "NPGetConnection3: level 1, one DWORD, WN_MORE_DATA with 4, bad input before the hook")
{
    const wchar_t* p = L"P:";
    platform::dword value = 0xA5A5A5A5U;
    platform::dword size = 0;
    CHECK(static_cast<wn_status>(np::get_connection3(nullptr, 1, &value, &size)) == wn_status::bad_pointer);
    CHECK(static_cast<wn_status>(np::get_connection3(p, 1, &value, nullptr)) == wn_status::bad_pointer);
    size = 4;
    CHECK(static_cast<wn_status>(np::get_connection3(p, 2, &value, &size)) == wn_status::bad_level);
    CHECK(static_cast<wn_status>(np::get_connection3(p, 0, &value, &size)) == wn_status::bad_level);
    CHECK(static_cast<wn_status>(np::get_connection3(p, 1, nullptr, &size)) == wn_status::bad_pointer);
    CHECK(hook_calls == 0);
    size = 0;
    CHECK(static_cast<wn_status>(np::get_connection3(p, 1, nullptr, &size)) == wn_status::more_data);
    CHECK(size == 4);
    size = 3;
    CHECK(static_cast<wn_status>(np::get_connection3(p, 1, &value, &size)) == wn_status::more_data);
    CHECK(size == 4);
    CHECK(value == 0xA5A5A5A5U); // too small: untouched
    unsigned char bytes[12];
    std::memset(bytes, 0xA5, sizeof bytes);
    size = 4;
    CHECK(static_cast<wn_status>(np::get_connection3(p, 1, bytes + 1, &size)) == wn_status::success); // unaligned
    platform::dword written = 0;
    std::memcpy(&written, bytes + 1, 4);
    CHECK(written == 1); // WNGETCON_DISCONNECTED
    CHECK(bytes[0] == 0xA5);
    CHECK(bytes[5] == 0xA5);
    CHECK(size == 4);
    CHECK(static_cast<wn_status>(np::get_connection3(L"Z:", 1, &value, &size)) == wn_status::not_connected);
    CHECK(static_cast<wn_status>(np::get_connection3(L"M:", 1, &value, &size)) == wn_status::not_connected);
    CHECK(errors.size() == 1); // the hook's WN_MORE_DATA was reported: only the library sizes the buffer
}

TEST_CASE_FIXTURE(reset, "NPGetConnectionPerformance: cbStructure checked and kept, the figures after it")
{
    connect_info info{};
    CHECK(static_cast<wn_status>(np::get_connection_performance(nullptr, &info)) == wn_status::bad_pointer);
    CHECK(static_cast<wn_status>(np::get_connection_performance(L"\\\\home\\docs", nullptr)) == wn_status::bad_pointer);
    info.cbStructure = sizeof info - 1;
    CHECK(static_cast<wn_status>(np::get_connection_performance(L"\\\\home\\docs", &info)) == wn_status::bad_value);
    info.cbStructure = 0;
    CHECK(static_cast<wn_status>(np::get_connection_performance(L"\\\\home\\docs", &info)) == wn_status::bad_value);
    CHECK(hook_calls == 0);
    info.cbStructure = sizeof info;
    CHECK(static_cast<wn_status>(np::get_connection_performance(L"\\\\home\\docs", &info)) == wn_status::success);
    CHECK(info.cbStructure == sizeof info);
    CHECK(info.dwFlags == 0x5);
    CHECK(info.dwSpeed == 100);
    CHECK(info.dwDelay == 20);
    CHECK(info.dwOptDataSize == 4096);
    connect_info other{};
    other.cbStructure = sizeof other;
    CHECK(static_cast<wn_status>(np::get_connection_performance(L"\\\\other\\x", &other)) == wn_status::not_connected);
    CHECK(other.dwSpeed == 0);
}

#if MPRNOTIFY_PLATFORM_WINDOWS
TEST_CASE_FIXTURE(reset, "the thread's last error is kept: a hook that sets it, LocalAlloc, every answer")
{
    raw_logon raw;
    wchar_t* script = nullptr;
    script_to_give = L"cmd /C x";
    ::SetLastError(0xBEEF);
    CHECK(logon(platform::msv1_0_interactive, &raw.info, &script) == wn_status::success);
    CHECK(::GetLastError() == 0xBEEF);
    REQUIRE(script != nullptr);
    CHECK(::LocalFree(script) == nullptr); // LocalAlloc'd, as MPR will free it
    ::SetLastError(0xBEEF);
    CHECK(static_cast<wn_status>(np::password_change_notify(platform::msv1_0_interactive, &raw.info, nullptr, nullptr,
                                                            nullptr, nullptr, 0)) == wn_status::no_network);
    CHECK(::GetLastError() == 0xBEEF);
    CHECK(logon(nullptr, &raw.info, &script) == wn_status::bad_pointer);
    CHECK(::GetLastError() == 0xBEEF);
    platform::dword value = 0;
    platform::dword size = 4;
    CHECK(static_cast<wn_status>(np::get_connection3(L"P:", 1, &value, &size)) == wn_status::success);
    CHECK(::GetLastError() == 0xBEEF);
}
#endif
