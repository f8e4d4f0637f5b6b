// The simulated MPR with providers: ProviderOrder and fall-through, providers beside notifyees,
// lookups Wine never makes, the buffer-size matrix (which must catch a broken provider), and a
// trace that never shows a credential.
#include <doctest/doctest.h>

#include <mprnotify/mprnotify.hpp>
#include <mprnotify/provider.hpp>
#include <mprnotify/testing.hpp>

#include <cstring>
#include <string>
#include <utility>

using namespace mprnotify;
namespace t = mprnotify::testing;
namespace platform = mprnotify::platform;

namespace {

template <int Id>
struct prefix_provider {
    static constexpr std::uint32_t net_type = 0x00F00000 + (Id << 16);
    static inline int connects = 0;
    static inline int cancels = 0;
    static std::wstring_view prefix() { return Id == 1 ? L"\\\\one\\" : L"\\\\two\\"; }
    wn_status connect(const connect_request& r)
    {
        ++connects;
        return r.remote_name().starts_with(prefix()) ? wn_status::success : wn_status::bad_netname;
    }
    wn_status disconnect(const disconnect_request& r)
    {
        ++cancels;
        return r.name() == (Id == 1 ? L"A:" : L"B:") ? wn_status::success : wn_status::not_connected;
    }
    std::optional<std::wstring_view> connection_of(std::wstring_view local)
    {
        if (local == (Id == 1 ? L"A:" : L"B:")) {
            return Id == 1 ? L"\\\\one\\share" : L"\\\\two\\share";
        }
        return std::nullopt;
    }
};
using first = prefix_provider<1>;
using second = prefix_provider<2>;

struct old_style { // NPAddConnection only? no: one hook serves both; this one has lookups only
    static constexpr std::uint32_t net_type = 0x00F30000;
    std::optional<std::wstring> user_of(nullable_wstring) { return L"bob"; }
    std::optional<universal_name> universal_name_of(std::wstring_view path)
    {
        return universal_name{L"\\\\two\\share", std::wstring{path.substr(2)}};
    }
};

/// Owns every name but is never given the right password: WN_BAD_PASSWORD (86) to each connect.
struct wants_password {
    static constexpr std::uint32_t net_type = 0x00F40000;
    static inline int connects = 0;
    wn_status connect(const connect_request&)
    {
        ++connects;
        return wn_status::bad_password;
    }
    wn_status disconnect(const disconnect_request&) { return wn_status::not_connected; }
};

struct vetoes_z {
    decision<> before_add(const add_connection& add)
    {
        if (add.local_name() == L"Z:") {
            return veto(wn_status::access_denied);
        }
        return proceed;
    }
};

/// A hand-written NPGetConnection with the classic bug: the size answered in bytes, not characters,
/// and the string copied before the size is checked.
platform::dword MPRNOTIFY_APIENTRY
broken(typename platform::parameters<platform::np_signature::NPGetConnection>::at<0>,
       typename platform::parameters<platform::np_signature::NPGetConnection>::at<1> remote,
       typename platform::parameters<platform::np_signature::NPGetConnection>::at<2> size)
{
    const wchar_t text[] = L"\\\\x\\y";
    if (remote != nullptr) {
        std::memcpy(remote, text, sizeof text); // may run past a short buffer
    }
    if (*size < sizeof text) {
        *size = sizeof text; // bytes: wrong unit
        return 234;
    }
    return 0;
}

} // namespace

TEST_CASE("ProviderOrder: the first provider that accepts the name connects; the others are asked in order")
{
    t::provider_router mpr;
    mpr.add_provider(t::make_provider<first>("first"));
    mpr.add_provider(t::make_provider<second>("second"));
    first::connects = second::connects = 0;
    CHECK(mpr.add_connection({.local_name = L"A:", .remote_name = L"\\\\one\\share"}).status == wn_status::success);
    CHECK(first::connects == 1);
    CHECK(second::connects == 0);
    CHECK(mpr.add_connection({.local_name = L"B:", .remote_name = L"\\\\two\\share"}).status == wn_status::success);
    CHECK(first::connects == 2);
    CHECK(second::connects == 1);
    CHECK(mpr.add_connection({.remote_name = L"\\\\three\\x"}).status == wn_status::bad_netname);
    REQUIRE(mpr.calls().size() == 5);
    CHECK(mpr.calls()[1].provider == 0);
    CHECK(mpr.calls()[2].provider == 1);
    CHECK(mpr.calls()[2].function == "NPAddConnection3");
}

TEST_CASE("lpProvider asks only that provider; an unknown provider is WN_BAD_PROVIDER without a call")
{
    t::provider_router mpr;
    mpr.add_provider(t::make_provider<first>("first"));
    mpr.add_provider(t::make_provider<second>("second"));
    CHECK(mpr.add_connection({.remote_name = L"\\\\two\\x", .provider = "second"}).status == wn_status::success);
    CHECK(mpr.calls().size() == 1);
    CHECK(mpr.add_connection({.remote_name = L"\\\\two\\x", .provider = "nobody"}).status == wn_status::bad_provider);
    CHECK(mpr.calls().size() == 1);
}

TEST_CASE("a notifyee's veto keeps every provider from being asked")
{
    t::provider_router mpr;
    mpr.attach(t::make_notifyee<vetoes_z>("vetoes_z"));
    mpr.add_provider(t::make_provider<first>("first"));
    const auto result = mpr.add_connection({.local_name = L"Z:", .remote_name = L"\\\\one\\x"});
    CHECK(result.status == wn_status::access_denied);
    CHECK(mpr.calls().empty());
}

TEST_CASE("cancel: providers in order until one answers WN_SUCCESS or WN_OPEN_FILES")
{
    t::provider_router mpr;
    mpr.add_provider(t::make_provider<first>("first"));
    mpr.add_provider(t::make_provider<second>("second"));
    first::cancels = second::cancels = 0;
    CHECK(mpr.cancel_connection(L"B:", true).status == wn_status::success);
    CHECK(first::cancels == 1);
    CHECK(second::cancels == 1);
    CHECK(mpr.cancel_connection(L"Q:", false).status == wn_status::not_connected);
}

TEST_CASE("lookups: NPGetConnection by caps, NPGetUser, NPGetUniversalName, and WN_MORE_DATA with the size")
{
    t::provider_router mpr;
    mpr.add_provider(t::make_provider<first>("first"));
    mpr.add_provider(t::make_provider<second>("second"));
    mpr.add_provider(t::make_provider<old_style>("old_style"));
    auto found = mpr.get_connection(L"B:");
    CHECK(found.status == wn_status::success);
    CHECK(found.provider == 1);
    CHECK(found.text == L"\\\\two\\share");
    auto too_small = mpr.get_connection(L"B:", 3);
    CHECK(too_small.status == wn_status::more_data);
    CHECK(too_small.size == 12); // \\two\share and its NUL, in characters
    CHECK(mpr.get_connection(L"Q:").status == wn_status::not_connected);
    auto user = mpr.get_user(std::nullopt);
    CHECK(user.text == L"bob");
    CHECK(user.provider == 2);
    auto name = mpr.get_universal_name(L"B:\\dir\\f.txt", platform::remote_name_info_level);
    CHECK(name.status == wn_status::success);
    CHECK(name.text == L"\\\\two\\share\\dir\\f.txt");
    CHECK(name.connection_name == L"\\\\two\\share");
    CHECK(name.remaining_path == L"\\dir\\f.txt");
}

TEST_CASE("make_provider holds exactly the functions the export macro would export")
{
    const t::provider p = t::make_provider<old_style>("old_style");
    CHECK((p.get_caps != nullptr));
    CHECK((p.add_connection == nullptr));
    CHECK((p.add_connection3 == nullptr));
    CHECK((p.cancel_connection == nullptr));
    CHECK((p.get_connection == nullptr));
    CHECK((p.get_user != nullptr));
    CHECK((p.get_universal_name != nullptr));
    CHECK(p.caps(platform::wnnc::connection) == 0);
}

TEST_CASE("the buffer matrix: the library's lookups keep every rule; a hand-written bug is caught")
{
    const t::provider good = t::make_provider<first>("first");
    const auto cases = t::connection_matrix(good, L"A:");
    CHECK(cases.size() == 7);
    CHECK(t::buffer_rule_violations(cases).empty());
    const t::provider names = t::make_provider<old_style>("old_style");
    CHECK(t::buffer_rule_violations(t::universal_name_matrix(names, L"B:\\f", 1)).empty());
    CHECK(t::buffer_rule_violations(t::universal_name_matrix(names, L"B:\\f", 2)).empty());
    CHECK(t::buffer_rule_violations(t::user_matrix(names, L"")).empty());

    t::provider bad;
    bad.get_connection = &broken;
    const auto problems = t::buffer_rule_violations(t::connection_matrix(bad, L"A:"));
    CHECK_FALSE(problems.empty());
}

TEST_CASE("the trace shows credentials as given/absent, never their text")
{
    t::provider_router mpr;
    mpr.attach(t::make_notifyee<vetoes_z>("vetoes_z"));
    mpr.add_provider(t::make_provider<first>("first"));
    mpr.add_connection({.local_name = L"A:",
                        .remote_name = L"\\\\one\\x",
                        .password = L"planted-Secret-91",
                        .user_name = L"planted-user-91"});
    mpr.add_connection({.remote_name = L"\\\\one\\y"});
    const std::string trace = t::format_provider_trace(mpr);
    CHECK(trace.find("planted") == std::string::npos);
    CHECK(trace.find("password: given, user: given") != std::string::npos);
    CHECK(trace.find("password: absent, user: absent") != std::string::npos);
    CHECK(trace.find("pre  vetoes_z") != std::string::npos);
    CHECK(trace.find("NPAddConnection3   first") != std::string::npos);
}

TEST_CASE("WN_BAD_PASSWORD from a first provider: the three readings of what MPR does next")
{
    const auto run = [](t::connect_routing routing, const std::wstring& remote) {
        t::provider_router mpr({}, {.connect = routing});
        mpr.add_provider(t::make_provider<wants_password>("wants_password"));
        mpr.add_provider(t::make_provider<second>("second"));
        wants_password::connects = second::connects = 0;
        const wn_status status = mpr.add_connection({.remote_name = remote, .password = L"wrong"}).status;
        CHECK(wants_password::connects == 1);
        return std::pair{status, second::connects};
    };
    // Nobody else owns the name: stop and first_error report 86; Wine reports the last answer, 67.
    CHECK(run(t::connect_routing::stop, L"\\\\nowhere\\x") == std::pair{wn_status::bad_password, 0});
    CHECK(run(t::connect_routing::first_error, L"\\\\nowhere\\x") == std::pair{wn_status::bad_password, 1});
    CHECK(run(t::connect_routing::wine, L"\\\\nowhere\\x") == std::pair{wn_status::bad_netname, 1});
    // The second provider owns it: only stop never asks it.
    CHECK(run(t::connect_routing::stop, L"\\\\two\\share") == std::pair{wn_status::bad_password, 0});
    CHECK(run(t::connect_routing::first_error, L"\\\\two\\share") == std::pair{wn_status::success, 1});
    CHECK(run(t::connect_routing::wine, L"\\\\two\\share") == std::pair{wn_status::success, 1});
    CHECK(t::provider_router_options{}.connect == t::connect_routing::stop);
}

TEST_CASE("the Wine reading: a provider it cannot call answers too, and no provider is WN_NO_NETWORK")
{
    t::provider_router mpr({}, {.connect = t::connect_routing::wine});
    CHECK(mpr.add_connection({.remote_name = L"\\\\one\\x"}).status == wn_status::no_network);
    mpr.add_provider(t::make_provider<wants_password>("wants_password"));
    mpr.add_provider(t::make_provider<old_style>("old_style")); // no connection caps
    CHECK(mpr.add_connection({.remote_name = L"\\\\one\\x"}).status == wn_status::bad_provider);
    mpr.options().connect = t::connect_routing::stop;
    CHECK(mpr.add_connection({.remote_name = L"\\\\one\\x"}).status == wn_status::bad_password);
    mpr.options().connect = t::connect_routing::first_error;
    CHECK(mpr.add_connection({.remote_name = L"\\\\one\\x"}).status == wn_status::bad_password);
}
