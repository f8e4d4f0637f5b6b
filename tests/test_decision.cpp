#include <doctest/doctest.h>

#include <mprnotify/notifyee/decision.hpp>

#include <string>

using mprnotify::decision;
using mprnotify::wn_status;

TEST_CASE("proceed, call_after and veto convert to a decision")
{
    const decision<> proceed = mprnotify::proceed;
    CHECK(proceed.what() == decision<>::kind::proceeds);
    CHECK_FALSE(proceed.wants_after());

    const decision<mprnotify::no_context> after = mprnotify::call_after();
    CHECK(after.wants_after());

    const decision<> refuse = mprnotify::veto(wn_status::access_denied);
    CHECK(refuse.what() == decision<>::kind::vetoes);
    CHECK(refuse.veto_status() == wn_status::access_denied);
    CHECK(decision<>{mprnotify::veto()}.veto_status() == wn_status::cancel);
}

TEST_CASE("a veto with WN_SUCCESS is a proceed")
{
    const decision<> d = mprnotify::veto(wn_status::success);
    CHECK(d.what() == decision<>::kind::proceeds);
}

TEST_CASE("call_after(context) carries a typed context")
{
    auto d = mprnotify::call_after(std::string{"started"});
    static_assert(std::is_same_v<decltype(d), decision<std::string>>);
    CHECK(d.wants_after());
    REQUIRE(d.context().has_value());
    CHECK(*d.context() == "started");
    decision<std::string> no = mprnotify::proceed;
    CHECK_FALSE(no.context().has_value());
}

// Which decisions can ask for a post: decision<> cannot (tests/compile_fail/call_after_without_after_hook.cpp
// and call_after_needs_context.cpp check the messages of the two misuses).
static_assert(!decision<>::can_post);
static_assert(decision<mprnotify::no_context>::can_post);
static_assert(decision<std::string>::can_post);
static_assert(std::is_convertible_v<mprnotify::call_after_t, decision<mprnotify::no_context>>);
static_assert(std::is_convertible_v<mprnotify::proceed_t, decision<std::string>>);
static_assert(std::is_convertible_v<mprnotify::veto_t, decision<std::string>>);
