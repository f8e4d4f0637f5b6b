// Every exception kind from every place user code runs, for both operations and both policies:
// the before- and after-hooks of add and cancel, a context's construction inside call_after, its
// move into the library's slot, its move into a by-value after-hook parameter, its destructor (on
// pre and on post), and the handler's constructor. None may escape (an escape ends this program);
// each maps to the answer policy.hpp documents, reaches on_error with its site, and leaks nothing.
#include <doctest/doctest.h>

#include <mprnotify/notifyee/entry_points.hpp>

#include <vector>

#include "../support.hpp"
#include "faults.hpp"

using namespace test_support;
using mprnotify::add_connection;
using mprnotify::cancel_connection;
using mprnotify::decision;
using mprnotify::failure_site;
using mprnotify::wn_status;
using reliability::fault;
using reliability::throw_kind;

namespace {

/// Every kind, the coded ones with a WN code and with WN_SUCCESS (wn_error answers it; a
/// system_error with a zero code is no error code at all and counts as unexpected).
std::vector<fault> every_fault()
{
    std::vector<fault> all;
    for (int k = 1; k < reliability::throw_kind_count; ++k) {
        const auto kind = static_cast<throw_kind>(k);
        all.push_back({kind, wn_status::bad_netname});
        if (kind == throw_kind::wn_error || kind == throw_kind::system_wn) {
            all.push_back({kind, wn_status::success});
        }
    }
    return all;
}

using closed = mprnotify::fail_closed<wn_status::net_error>;
using inline_context = reliability::probe_context<32, true>;
using heap_context = reliability::probe_context<256, true>;

/// Where the next call's fault goes.
struct plan {
    fault before;       // thrown by the before-hook
    fault construction; // thrown while call_after builds the decision (the context's move)
    fault store;        // the library's move into its slot
    fault pre_destroy;  // the moved-from context left in the decision
    fault after;        // thrown by the after-hook
    fault post_move;    // the move into a by-value after-hook parameter
    fault post_destroy; // the context's destruction after the after-hook
};

template <class Policy>
struct handler {
    static inline plan next{};
    std::vector<failure_site> sites;
    std::vector<wn_status> answers;

    template <class Context>
    decision<Context> decide()
    {
        next.before.raise();
        Context::move_fault = next.construction;
        struct arm_on_return {
            arm_on_return() = default;
            arm_on_return(const arm_on_return&) = delete;
            arm_on_return& operator=(const arm_on_return&) = delete;
            ~arm_on_return()
            {
                Context::move_fault = next.store;
                Context::destroy_fault = next.pre_destroy;
            }
        } arm;
        return mprnotify::call_after(Context{1});
    }
    decision<inline_context> before_add(const add_connection&) { return decide<inline_context>(); }
    decision<heap_context> before_cancel(const cancel_connection&) { return decide<heap_context>(); }
    void after_add(const add_connection&, wn_status, inline_context&&)
    {
        inline_context::destroy_fault = next.post_destroy;
        next.after.raise();
    }
    void after_cancel(const cancel_connection&, wn_status, heap_context)
    {
        heap_context::destroy_fault = next.post_destroy;
        next.after.raise();
    }
    void on_error(const mprnotify::failure& f) noexcept
    {
        sites.push_back(f.site);
        answers.push_back(f.answer);
    }
};

template <class Policy>
struct fixture {
    using ep = mprnotify::entry_points<handler<Policy>, Policy>;
    add_struct add;
    cancel_struct cancel;
    bool on_cancel = false;

    std::uint32_t call(mprnotify::platform::notify_info& info)
    {
        return on_cancel ? ep::cancel_connect_notify(&info, cancel.get()) : ep::add_connect_notify(&info, add.get());
    }
    handler<Policy>& h() { return ep::handler(); }

    static void disarm()
    {
        handler<Policy>::next = {};
        inline_context::move_fault = inline_context::destroy_fault = {};
        heap_context::move_fault = heap_context::destroy_fault = {};
    }

    /// A pre call with `p`; checks the answer, lpContext NULL, the site, and that nothing is left.
    void pre_fails(const plan& p, const fault& f, failure_site site)
    {
        handler<Policy>::next = p;
        h().sites.clear();
        auto info = pre_info();
        const auto answer = call(info);
        disarm();
        CHECK(answer == raw(reliability::expected_answer(f.kind, f.code, Policy::unexpected_error)));
        CHECK(info.lpContext == nullptr);
        REQUIRE_FALSE(h().sites.empty());
        CHECK(h().sites.front() == site);
        CHECK(ep::pending_contexts() == 0);
        CHECK(inline_context::counts.live() == 0);
        CHECK(heap_context::counts.live() == 0);
    }

    /// A clean pre, then a post with `p`.
    void post_fails(const plan& p, const fault& f, failure_site site)
    {
        auto pre = pre_info();
        REQUIRE(call(pre) == 0U);
        REQUIRE(pre.lpContext != nullptr);
        handler<Policy>::next = p;
        inline_context::move_fault = heap_context::move_fault = p.post_move; // before the hook runs
        h().sites.clear();
        auto post = post_info(pre.lpContext, raw(wn_status::bad_netname));
        const auto answer = call(post);
        disarm();
        CHECK(answer == raw(reliability::expected_answer(f.kind, f.code, Policy::unexpected_error)));
        REQUIRE_FALSE(h().sites.empty());
        CHECK(h().sites.front() == site);
        CHECK(ep::pending_contexts() == 0);
        CHECK(inline_context::counts.live() == 0);
        CHECK(heap_context::counts.live() == 0);
        auto again = post_info(pre.lpContext);
        CHECK(call(again) == 0U); // consumed even though the post failed
    }
};

/// A plan with one fault in one place.
plan at(fault plan::*place, const fault& f)
{
    plan p{};
    p.*place = f;
    return p;
}

template <class Policy>
void every_place(bool on_cancel)
{
    fixture<Policy> fx;
    fx.on_cancel = on_cancel;
    for (const fault& f : every_fault()) {
        CAPTURE(static_cast<int>(f.kind));
        CAPTURE(raw(f.code));
        CAPTURE(on_cancel);
        fx.pre_fails(at(&plan::before, f), f, failure_site::before_hook);
        fx.pre_fails(at(&plan::construction, f), f, failure_site::before_hook);
        fx.pre_fails(at(&plan::store, f), f, failure_site::context_store);
        fx.pre_fails(at(&plan::pre_destroy, f), f, failure_site::context_destroy);
        fx.post_fails(at(&plan::after, f), f, failure_site::after_hook);
        if (on_cancel) { // after_cancel takes its context by value: the move and the parameter's destruction
            fx.post_fails(at(&plan::post_move, f), f, failure_site::after_hook);
            fx.post_fails(at(&plan::post_destroy, f), f, failure_site::after_hook);
        } else {
            fx.post_fails(at(&plan::post_destroy, f), f, failure_site::context_destroy);
        }
    }
}

} // namespace

TEST_CASE("add: every exception kind from every place, fail_open") { every_place<mprnotify::fail_open>(false); }
TEST_CASE("add: every exception kind from every place, fail_closed") { every_place<closed>(false); }
TEST_CASE("cancel: every exception kind from every place, fail_open") { every_place<mprnotify::fail_open>(true); }
TEST_CASE("cancel: every exception kind from every place, fail_closed") { every_place<closed>(true); }

namespace {

/// A handler whose constructor throws what `construction` says; after-only for add.
template <class Policy>
struct unbuildable {
    static inline fault construction{};
    static inline int attempts = 0;
    unbuildable()
    {
        ++attempts;
        construction.raise();
    }
    decision<mprnotify::no_context> before_cancel(const cancel_connection&) { return mprnotify::call_after(); }
    void after_cancel(const cancel_connection&, wn_status) {}
    void after_add(const add_connection&, wn_status) {}
};

template <class Policy>
void handler_construction()
{
    using ep = mprnotify::entry_points<unbuildable<Policy>, Policy>;
    add_struct add;
    cancel_struct cancel;
    for (const fault& f : every_fault()) {
        CAPTURE(static_cast<int>(f.kind));
        unbuildable<Policy>::construction = f;
        const int attempts = unbuildable<Policy>::attempts;
        const auto expected = raw(reliability::expected_answer(f.kind, f.code, Policy::unexpected_error));
        auto add_pre = pre_info();
        CHECK(ep::add_connect_notify(&add_pre, add.get()) == expected);
        auto cancel_pre = pre_info();
        CHECK(ep::cancel_connect_notify(&cancel_pre, cancel.get()) == expected);
        CHECK(add_pre.lpContext == nullptr);
        CHECK(cancel_pre.lpContext == nullptr);
        CHECK(unbuildable<Policy>::attempts == attempts + 2); // each call tries again
        // A post can only carry a context a constructed handler asked for: nothing is built for it.
        int foreign = 0;
        auto post = post_info(&foreign);
        CHECK(ep::add_connect_notify(&post, add.get()) == 0U);
        CHECK(ep::cancel_connect_notify(&post, cancel.get()) == 0U);
        CHECK(unbuildable<Policy>::attempts == attempts + 2);
        CHECK(ep::pending_contexts() == 0);
    }
    unbuildable<Policy>::construction = {};
    auto pre = pre_info();
    REQUIRE(ep::add_connect_notify(&pre, add.get()) == 0U);
    REQUIRE(pre.lpContext != nullptr); // after-only: the library asks for the post itself
    auto post = post_info(pre.lpContext);
    CHECK(ep::add_connect_notify(&post, add.get()) == 0U);
    const int built = unbuildable<Policy>::attempts;
    auto again = pre_info();
    CHECK(ep::cancel_connect_notify(&again, cancel.get()) == 0U);
    auto again_post = post_info(again.lpContext);
    CHECK(ep::cancel_connect_notify(&again_post, cancel.get()) == 0U);
    CHECK(unbuildable<Policy>::attempts == built); // built once, kept
    CHECK(ep::pending_contexts() == 0);
}

} // namespace

TEST_CASE("a handler constructor that throws any kind: answered per policy on add and cancel, retried")
{
    handler_construction<mprnotify::fail_open>();
    handler_construction<closed>();
}
