// A hook's own WN_MORE_DATA or WN_NO_MORE_ENTRIES (returned, a lookup's refusal, or thrown as a
// wn_error): declined where the NP function cannot answer it, and reported; any other code is the
// hook's answer, unchanged.
#include <doctest/doctest.h>

#include <mprnotify/provider/entry_points.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "np_arguments.hpp"

using namespace mprnotify;
namespace platform = mprnotify::platform;
using namespace np_arguments;

namespace {

wn_status given = wn_status::success; // what code_provider's hooks answer
[[maybe_unused]] bool throw_given = false;
std::vector<failure> told;

wn_status give()
{
#if MPRNOTIFY_HAS_EXCEPTIONS
    if (throw_given) {
        throw wn_error{given};
    }
#endif
    return given;
}

/// Every hook answers `given`: a returned status, a lookup's refusal, or (throw_given) a wn_error.
struct code_provider {
    static constexpr std::uint32_t net_type = 0x00FB0000;
    static constexpr enum_scopes enumerates = enum_scopes::globalnet;
    wn_status connect(const connect_request&) { return give(); }
    wn_status disconnect(const disconnect_request&) { return give(); }
    lookup<std::wstring_view> user_of(nullable_wstring) { return give(); }
    lookup<std::vector<mprnotify::net_resource>> enumerate(const enum_request&) { return give(); }
    wn_status on_logon(const logon_request&) { return give(); }
    wn_status on_password_change(const password_change_request&) { return give(); }
    void on_error(const failure& f) noexcept { told.push_back(f); }
};

/// The answers of the functions without a buffer (and NPGetUser, which has one) when every hook
/// answers `given`.
template <class Np>
std::vector<wn_status> answers_to_given()
{
    mpr_resource r;
    wchar_t name[] = L"P:";
    void* handle = nullptr;
    std::wstring user = L"alice";
    platform::interactive_logon info{};
    info.UserName = {static_cast<std::uint16_t>(user.size() * sizeof(wchar_t)),
                     static_cast<std::uint16_t>(user.size() * sizeof(wchar_t)), user.data()};
    platform::luid id{1, 0};
    wchar_t station[] = L"SvcCtl";
    wchar_t* script = nullptr;
    wchar_t buffer[16];
    platform::dword size = 16;
    return {
        static_cast<wn_status>(
            Np::add_connection3(nullptr, as<add3_sig, 1>(&r.raw), nullptr, as<add3_sig, 3>(name), 0)),
        static_cast<wn_status>(Np::cancel_connection(name, 1)),
        static_cast<wn_status>(Np::open_enum(2, 0, 0, nullptr, &handle)),
        static_cast<wn_status>(
            Np::logon_notify(&id, platform::msv1_0_interactive, &info, nullptr, nullptr, station, nullptr, &script)),
        static_cast<wn_status>(
            Np::password_change_notify(platform::msv1_0_interactive, &info, nullptr, nullptr, station, nullptr, 0)),
        static_cast<wn_status>(Np::get_user(name, buffer, &size)),
    };
}

/// Each function's declined answer, in the order of answers_to_given().
const std::vector<wn_status> declined_answers = {wn_status::bad_netname,   wn_status::not_connected,
                                                 wn_status::not_supported, wn_status::not_supported,
                                                 wn_status::not_supported, wn_status::not_connected};

} // namespace

TEST_CASE("WN_MORE_DATA and WN_NO_MORE_ENTRIES from a hook: declined where the function cannot answer them, reported")
{
    for (const wn_status code : {wn_status::more_data, wn_status::no_more_entries}) {
        CAPTURE(to_underlying(code));
        given = code;
        told.clear();
        CHECK(answers_to_given<provider_entry_points<code_provider>>() == declined_answers);
        // Whatever the policy: the code is the hook's mistake, not a failure to answer as configured.
        CHECK(answers_to_given<provider_entry_points<code_provider, fail_closed<wn_status::access_denied>>>() ==
              declined_answers);
        REQUIRE(told.size() == 2 * declined_answers.size());
        for (std::size_t i = 0; i < told.size(); ++i) {
            CAPTURE(i);
            CHECK(told[i].site == failure_site::provider_hook);
            CHECK(told[i].answer == declined_answers[i % declined_answers.size()]);
            CHECK(std::string{told[i].message}.find(
                      code == wn_status::more_data ? "WN_MORE_DATA" : "WN_NO_MORE_ENTRIES") != std::string::npos);
        }
    }
    given = wn_status::no_network; // any other code is the hook's answer, unchanged and not a failure
    told.clear();
    CHECK(answers_to_given<provider_entry_points<code_provider>>() == std::vector<wn_status>(6, wn_status::no_network));
    CHECK(told.empty());
    given = wn_status::success;
}

#if MPRNOTIFY_HAS_EXCEPTIONS
TEST_CASE("wn_error(WN_MORE_DATA) and wn_error(WN_NO_MORE_ENTRIES) thrown by a hook: declined, reported")
{
    throw_given = true;
    for (const wn_status code : {wn_status::more_data, wn_status::no_more_entries}) {
        CAPTURE(to_underlying(code));
        given = code;
        told.clear();
        CHECK(answers_to_given<provider_entry_points<code_provider>>() == declined_answers);
        CHECK(told.size() == declined_answers.size());
    }
    given = wn_status::no_network; // a deliberate wn_error keeps its code
    CHECK(answers_to_given<provider_entry_points<code_provider>>() == std::vector<wn_status>(6, wn_status::no_network));
    throw_given = false;
    given = wn_status::success;
}
#endif
