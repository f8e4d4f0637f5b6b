// The optional per-call observer: on_call hears of every NP function call of a provider, with its
// operation, subject, answer and duration, never a credential; a handler without it is not timed.
#include <doctest/doctest.h>

#include <mprnotify/provider.hpp>
#include <mprnotify/testing.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

using namespace mprnotify;
namespace mt = mprnotify::testing;

namespace {

struct seen_call {
    operation op;
    std::optional<std::wstring> subject;
    wn_status result;
    std::chrono::nanoseconds duration;
};

struct observed_provider {
    static constexpr std::uint32_t net_type = 0x00FE0000;
    static constexpr enum_scopes enumerates = enum_scopes::globalnet;
    std::vector<seen_call> calls;

    wn_status connect(const connect_request& request)
    {
        return request.remote_name().starts_with(L"\\\\obs\\") ? wn_status::success : wn_status::bad_netname;
    }
    wn_status disconnect(const disconnect_request&) { return wn_status::not_connected; }
    std::optional<std::wstring> user_of(nullable_wstring) { return L"someone"; }
    std::vector<net_resource> enumerate(const enum_request&)
    {
        return {net_resource{.type = resource_type::disk, .remote_name = L"\\\\obs\\a"}};
    }

    void on_call(const call_record& call) noexcept
    {
        calls.push_back({call.operation,
                         call.subject.has_value() ? std::optional<std::wstring>{call.subject.view()} : std::nullopt,
                         call.result, call.duration});
    }
};

using np = provider_entry_points<observed_provider>;

} // namespace

TEST_CASE("on_call hears every NP function call: operation, subject, answer, duration; never a credential")
{
    auto& calls = np::handler().calls;
    calls.clear();
    mt::provider_router mpr;
    mpr.add_provider(mt::make_provider<observed_provider>("observed"));
    CHECK(mpr.add_connection({.local_name = L"O:",
                              .remote_name = L"\\\\obs\\share",
                              .password = L"pw-Secret-7",
                              .user_name = L"user-Secret-9"})
              .status == wn_status::success);
    CHECK(mpr.cancel_connection(L"O:", false).status == wn_status::not_connected);
    CHECK(mpr.get_user(std::wstring{L"O:"}).text == L"someone");
    REQUIRE(calls.size() == 3);
    CHECK(calls[0].op == operation::connect);
    CHECK(calls[0].subject == L"\\\\obs\\share");
    CHECK(calls[0].result == wn_status::success);
    CHECK(calls[0].duration.count() >= 0);
    CHECK(calls[1].op == operation::disconnect);
    CHECK(calls[1].subject == L"O:");
    CHECK(calls[1].result == wn_status::not_connected);
    CHECK(calls[2].op == operation::get_user);
    CHECK(calls[2].subject == L"O:");
    for (const auto& call : calls) {
        const std::wstring subject = call.subject.value_or(L"");
        CHECK(subject.find(L"Secret") == std::wstring::npos);
    }
}

TEST_CASE("on_call: a NULL name is a null subject; enumeration calls after NPOpenEnum have none")
{
    auto& calls = np::handler().calls;
    calls.clear();
    platform::dword size = 0;
    CHECK(np::get_user(nullptr, nullptr, &size) == to_underlying(wn_status::more_data));
    void* handle = nullptr;
    CHECK(np::open_enum(2, 0, 0, nullptr, &handle) == 0); // RESOURCE_GLOBALNET, the top: no container
    platform::dword count = 1;
    std::vector<unsigned char> buffer(256);
    platform::dword bytes = static_cast<platform::dword>(buffer.size());
    CHECK(np::enum_resource(handle, &count, buffer.data(), &bytes) == 0);
    CHECK(np::close_enum(handle) == 0);
    REQUIRE(calls.size() == 4);
    CHECK_FALSE(calls[0].subject.has_value()); // NPGetUser(NULL, ...)
    CHECK(calls[0].result == wn_status::more_data);
    CHECK(calls[1].op == operation::open_enum);
    CHECK_FALSE(calls[1].subject.has_value()); // no container
    CHECK(calls[2].op == operation::enum_resource);
    CHECK_FALSE(calls[2].subject.has_value());
    CHECK(calls[3].op == operation::close_enum);
}
