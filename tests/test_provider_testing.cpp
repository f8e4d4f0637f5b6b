// Unit-testing a provider the way docs/testing.md shows: its NP functions through the simulated MPR,
// and its handler object reached from the test to look at or set its state.
#include <doctest/doctest.h>

#include <mprnotify/provider.hpp>
#include <mprnotify/testing.hpp>

#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>

using namespace mprnotify;
namespace mt = mprnotify::testing;

namespace {

struct vault_provider {
    static constexpr std::uint32_t net_type = 0x00FC0000;
    std::mutex lock;
    std::map<std::wstring, std::wstring, std::less<>> drives;
    int refused = 0;

    wn_status connect(const connect_request& request)
    {
        if (!request.remote_name().starts_with(L"\\\\vault\\")) {
            return wn_status::bad_netname;
        }
        if (!request.password().given() || request.password().empty() || request.is_deviceless()) {
            std::scoped_lock hold{lock};
            ++refused;
            return wn_status::bad_password;
        }
        std::scoped_lock hold{lock};
        drives.emplace(request.local_name().view(), request.remote_name());
        return wn_status::success;
    }

    wn_status disconnect(const disconnect_request& request)
    {
        std::scoped_lock hold{lock};
        return drives.erase(std::wstring{request.name()}) == 1 ? wn_status::success : wn_status::not_connected;
    }

    std::optional<std::wstring> connection_of(wzstring_view local)
    {
        std::scoped_lock hold{lock};
        const auto it = drives.find(local);
        return it == drives.end() ? std::nullopt : std::optional{it->second};
    }
};

using vault = provider_entry_points<vault_provider>;

#if MPRNOTIFY_HAS_EXCEPTIONS
struct throws_when_built {
    static constexpr std::uint32_t net_type = 0x00FD0000;
    throws_when_built() { throw std::runtime_error{"no configuration"}; }
    std::optional<std::wstring> user_of(nullable_wstring) { return L"u"; }
};
#endif

} // namespace

TEST_CASE("a provider's handler is the one its NP functions use, reachable from a test")
{
    vault_provider& handler = vault::handler();
    CHECK(&handler == &vault::handler()); // one per process

    mt::provider_router mpr;
    mpr.add_provider(mt::make_provider<vault_provider>("vault"));
    CHECK(mpr.add_connection({.local_name = L"V:", .remote_name = L"\\\\vault\\x", .password = L"pw"}).status ==
          wn_status::success);
    CHECK(mpr.add_connection({.local_name = L"W:", .remote_name = L"\\\\vault\\y"}).status == wn_status::bad_password);
    CHECK(handler.refused == 1);
    CHECK(handler.drives.count(L"V:") == 1);

    handler.drives.emplace(L"Q:", L"\\\\vault\\planted"); // state set by the test, seen by NPGetConnection
    CHECK(mpr.get_connection(L"Q:").text == L"\\\\vault\\planted");
    CHECK(mpr.cancel_connection(L"Q:", false).status == wn_status::success);
    CHECK(mpr.cancel_connection(L"V:", false).status == wn_status::success);
    CHECK(handler.drives.empty());
}

#if MPRNOTIFY_HAS_EXCEPTIONS
TEST_CASE("handler() lets a throwing constructor's exception through to the test, and tries again next time")
{
    using np = provider_entry_points<throws_when_built>;
    CHECK_THROWS_AS(static_cast<void>(np::handler()), std::runtime_error);
    CHECK_THROWS_AS(static_cast<void>(np::handler()), std::runtime_error);
}
#endif

TEST_CASE("a resource names only the fields it sets: the others default, with no -Wextra warning")
{
    // The suite builds with -Wextra -Werror: a field without a default member initialiser would make
    // this a missing-field-initializers error.
    const net_resource share{.type = resource_type::disk, .remote_name = L"\\\\vault\\x"};
    CHECK(share.scope == resource_scope::globalnet);
    CHECK_FALSE(share.local_name.has_value());
    CHECK_FALSE(share.comment.has_value());
    CHECK_FALSE(share.provider.has_value());
    const resource_information information{.resource = share};
    CHECK_FALSE(information.system.has_value());
}

TEST_CASE("to_net_resource: an owning copy of a view, absent fields kept absent, empty ones kept empty")
{
    const std::wstring remote = L"\\\\vault\\x";
    const resource_view view{.scope = resource_scope::connected,
                             .type = resource_type::disk,
                             .display_type = display_type::share,
                             .usage = resource_usage::connectable,
                             .local_name = std::wstring_view{L"V:"},
                             .remote_name = std::wstring_view{remote},
                             .comment = std::wstring_view{},
                             .provider = std::nullopt};
    const net_resource copy = to_net_resource(view);
    CHECK(copy.scope == resource_scope::connected);
    CHECK(copy.type == resource_type::disk);
    CHECK(copy.display_type == display_type::share);
    CHECK(copy.usage == resource_usage::connectable);
    CHECK(copy.local_name == L"V:");
    CHECK(copy.remote_name == remote);
    REQUIRE(copy.comment.has_value());
    CHECK(copy.comment->empty());
    CHECK_FALSE(copy.provider.has_value());
    CHECK(to_net_resource(view_of(copy)) == copy); // and back
}
