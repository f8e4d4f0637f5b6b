// The simulated MPR follows the documented protocol and records every call.
#include <doctest/doctest.h>

#include <mprnotify/testing.hpp>

#include "support.hpp"

namespace mt = mprnotify::testing;
using mprnotify::add_connection;
using mprnotify::cancel_connection;
using mprnotify::decision;
using mprnotify::phase;
using mprnotify::wn_status;

namespace {
struct watcher {
    int after_calls = 0;
    wn_status last = wn_status::success;
    std::wstring provider;
    void after_add(const add_connection&, wn_status result)
    {
        ++after_calls;
        last = result;
    }
    void after_cancel(const cancel_connection& c, wn_status result)
    {
        ++after_calls;
        last = result;
        provider = c.provider().value_or(L"(absent)");
    }
};
struct gatekeeper {
    decision<> before_add(const add_connection& add)
    {
        if (add.remote_name() == std::wstring_view{L"\\\\evil\\share"})
            return mprnotify::veto(wn_status::access_denied);
        return mprnotify::proceed;
    }
};
struct late_watcher : watcher {};
} // namespace

TEST_CASE("pre with NULL context to all, post only to those that asked, outcome chosen by the test")
{
    mt::router mpr;
    mpr.attach(mt::make_notifyee<gatekeeper>("gatekeeper"));
    mpr.attach(mt::make_notifyee<watcher>("watcher"));
    const auto result = mpr.add_connection({}, wn_status::bad_netname);
    CHECK(result.status == wn_status::bad_netname);
    CHECK(result.performed());
    REQUIRE(mpr.calls().size() == 3);
    CHECK(mpr.calls()[0].phase == phase::pre);
    CHECK(mpr.calls()[0].context_in == nullptr);
    CHECK(mpr.calls()[0].context_out == nullptr);
    CHECK(mpr.calls()[1].context_out != nullptr);
    CHECK(mpr.calls()[2].phase == phase::post);
    CHECK(mpr.calls()[2].notifyee == 1);
    CHECK(mpr.calls()[2].context_in == mpr.calls()[1].context_out);
    CHECK(mpr.calls()[2].operation_status == wn_status::bad_netname);
    CHECK(mprnotify::entry_points<watcher>::handler().last == wn_status::bad_netname);
}

TEST_CASE("a veto stops the operation; earlier notifyees get a post with the veto code")
{
    mt::router mpr;
    mpr.attach(mt::make_notifyee<late_watcher>("watcher"));
    mpr.attach(mt::make_notifyee<gatekeeper>("gatekeeper"));
    auto& w = mprnotify::entry_points<late_watcher>::handler();
    const int before = w.after_calls;
    const auto result = mpr.add_connection({.remote_name = L"\\\\evil\\share"});
    CHECK(result.status == wn_status::access_denied);
    CHECK(result.vetoed_by == 1U);
    CHECK(w.after_calls == before + 1);
    CHECK(w.last == wn_status::access_denied);

    mpr.options().post_after_veto = false; // the other reading: the context waits in the table
    (void)mpr.add_connection({.remote_name = L"\\\\evil\\share"});
    CHECK(w.after_calls == before + 1);
    CHECK(mprnotify::entry_points<late_watcher>::pending_contexts() == 1);
}

TEST_CASE("repeated posts reach the after-hook once")
{
    mt::router mpr{{.post_after_veto = true, .post_calls = 3}};
    mpr.attach(mt::make_notifyee<watcher>("watcher"));
    auto& w = mprnotify::entry_points<watcher>::handler();
    const int before = w.after_calls;
    (void)mpr.add_connection({});
    CHECK(w.after_calls == before + 1);
    CHECK(mpr.calls().size() == 4);
    CHECK(mprnotify::entry_points<watcher>::pending_contexts() == 0);
}

TEST_CASE("cancel: lpProvider set for post of a successful cancel only")
{
    mt::router mpr;
    mpr.attach(mt::make_notifyee<watcher>("watcher"));
    auto& w = mprnotify::entry_points<watcher>::handler();
    (void)mpr.cancel_connection({.name = L"Z:", .force = true});
    CHECK(w.provider == L"Microsoft Windows Network");
    (void)mpr.cancel_connection({.name = L"Z:"}, wn_status::open_files);
    CHECK(w.provider == L"(absent)");
    CHECK(w.last == wn_status::open_files);
}

TEST_CASE("the trace names operations, phases, decisions and contexts")
{
    mt::router mpr;
    mpr.attach(mt::make_notifyee<gatekeeper>("gatekeeper"));
    mpr.attach(mt::make_notifyee<watcher>("watcher"));
    (void)mpr.add_connection({.local_name = L"Y:", .remote_name = L"\\\\server\\docs"});
    (void)mpr.add_connection({.remote_name = L"\\\\evil\\share"});
    const std::string trace = mt::format_trace(mpr);
    CHECK(trace.find("1. add \\\\server\\docs as Y:") != std::string::npos);
    CHECK(trace.find("call me after") != std::string::npos);
    CHECK(trace.find("context #1\n") != std::string::npos);
    CHECK(trace.find("context #1 handed back") != std::string::npos);
    CHECK(trace.find("vetoed by gatekeeper") != std::string::npos);
    CHECK(trace.find("WN_ACCESS_DENIED") != std::string::npos);
}

TEST_CASE("the trace prints non-ASCII names as UTF-8 and escapes control characters")
{
    mt::router mpr;
    mpr.attach(mt::make_notifyee<gatekeeper>("gatekeeper"));
    (void)mpr.add_connection({.local_name = L"\u00dc:", .remote_name = L"\\\\serveur\\donn\u00e9es\u5171"});
    (void)mpr.cancel_connection({.name = L"a\nb"});
    const std::string trace = mt::format_trace(mpr);
    CHECK(trace.find("1. add \\\\serveur\\donn\xc3\xa9"
                     "es\xe5\x85\xb1 as \xc3\x9c:\n") != std::string::npos);
    CHECK(trace.find("2. cancel a\\x0Ab\n") != std::string::npos);
    CHECK(trace.find('?') == std::string::npos);
}

namespace {
struct local_name_seen {
    bool called = false;
    bool has_local_name = true;
    void after_add(const add_connection& add, wn_status)
    {
        called = true;
        has_local_name = add.local_name().has_value();
    }
};
} // namespace

TEST_CASE("an add request that names no device is deviceless (lpLocalName NULL), not a default drive")
{
    mt::router mpr;
    mpr.attach(mt::make_notifyee<local_name_seen>("seen"));
    (void)mpr.add_connection({.remote_name = L"\\\\printserver\\queue", .type = mprnotify::resource_type::print});
    const auto& seen = mprnotify::entry_points<local_name_seen>::handler();
    CHECK(seen.called);
    CHECK_FALSE(seen.has_local_name);
    CHECK(mt::format_trace(mpr).find("1. add \\\\printserver\\queue as (deviceless)\n") != std::string::npos);
    CHECK_FALSE(mt::add_request{}.local_name.has_value());
    CHECK(mt::cancel_request{}.name == L"Z:");
}

namespace {
template <const wchar_t* Drive>
struct protect { // the drive it protects is part of its type
    mprnotify::decision<> before_cancel(const mprnotify::cancel_connection& cancel)
    {
        if (cancel.name() == std::wstring_view{Drive} && !cancel.force()) {
            return mprnotify::veto(wn_status::access_denied);
        }
        return mprnotify::proceed;
    }
};
constexpr wchar_t drive_p[] = L"P:";
constexpr wchar_t drive_q[] = L"Q:";
} // namespace

TEST_CASE("a handler configured per test: one type per configuration, one handler object per type")
{
    mt::router only_p;
    only_p.attach(mt::make_notifyee<protect<drive_p>>("protect P:"));
    CHECK(only_p.cancel_connection({.name = L"P:"}).status == wn_status::access_denied);
    CHECK(only_p.cancel_connection({.name = L"Q:"}).status == wn_status::success);

    mt::router both;
    both.attach(mt::make_notifyee<protect<drive_p>>("protect P:"));
    both.attach(mt::make_notifyee<protect<drive_q>>("protect Q:"));
    CHECK(both.cancel_connection({.name = L"Q:"}).status == wn_status::access_denied);
    CHECK(both.cancel_connection({.name = L"Q:"}).vetoed_by == 1U);
    CHECK(both.cancel_connection({.name = L"Q:", .force = true}).status == wn_status::success);
    CHECK(&mprnotify::entry_points<protect<drive_p>>::handler() !=
          static_cast<const void*>(&mprnotify::entry_points<protect<drive_q>>::handler()));
}

TEST_CASE("a library that cannot be loaded, or lacks an export, is reported")
{
    std::string error;
    CHECK_FALSE(mt::shared_library::open("/nonexistent/notifyee.so", &error).has_value());
    CHECK_FALSE(error.empty());
}
