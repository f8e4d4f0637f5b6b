// Faults the reliability checks found in the library core; each case failed before its fix.
#include <doctest/doctest.h>

#include <mprnotify/notifyee/entry_points.hpp>

#include <vector>

#include "../support.hpp"
#include "faults.hpp"

using namespace test_support;
using mprnotify::add_connection;
using mprnotify::cancel_connection;
using mprnotify::decision;
using mprnotify::wn_status;

namespace {

using small_context = reliability::probe_context<32, false>;  // kept inside the slot
using large_context = reliability::probe_context<256, false>; // kept on the heap

struct two_context_handler {
    int add_posts = 0;
    int cancel_posts = 0;
    decision<small_context> before_add(const add_connection&) { return mprnotify::call_after(small_context{1}); }
    void after_add(const add_connection&, wn_status, small_context&& c)
    {
        c.check_alive();
        ++add_posts;
    }
    decision<large_context> before_cancel(const cancel_connection&) { return mprnotify::call_after(large_context{2}); }
    void after_cancel(const cancel_connection&, wn_status, large_context c)
    {
        c.check_alive();
        ++cancel_posts;
    }
};
using two_contexts = mprnotify::entry_points<two_context_handler>;

} // namespace

// Found by fuzz_cancel_connect_notify: add and cancel share one context table, and a handle handed
// out by AddConnectNotify was claimed by CancelConnectNotify's post, which read the inline add
// context as a pointer to a heap cancel context (a crash). Now each slot carries its operation.
TEST_CASE("a context handed out by AddConnectNotify, offered to CancelConnectNotify's post, is ignored")
{
    auto& h = two_contexts::handler();
    add_struct add;
    cancel_struct cancel;
    auto add_pre = pre_info();
    REQUIRE(two_contexts::add_connect_notify(&add_pre, add.get()) == 0U);
    auto cancel_pre = pre_info();
    REQUIRE(two_contexts::cancel_connect_notify(&cancel_pre, cancel.get()) == 0U);
    REQUIRE(add_pre.lpContext != nullptr);
    REQUIRE(cancel_pre.lpContext != nullptr);

    auto wrong_cancel = post_info(add_pre.lpContext);
    CHECK(two_contexts::cancel_connect_notify(&wrong_cancel, cancel.get()) == 0U);
    auto wrong_add = post_info(cancel_pre.lpContext);
    CHECK(two_contexts::add_connect_notify(&wrong_add, add.get()) == 0U);
    CHECK(h.add_posts == 0);
    CHECK(h.cancel_posts == 0);
    CHECK(two_contexts::pending_contexts() == 2);

    // The right posts still find their contexts.
    auto add_post = post_info(add_pre.lpContext);
    CHECK(two_contexts::add_connect_notify(&add_post, add.get()) == 0U);
    auto cancel_post = post_info(cancel_pre.lpContext);
    CHECK(two_contexts::cancel_connect_notify(&cancel_post, cancel.get()) == 0U);
    CHECK(h.add_posts == 1);
    CHECK(h.cancel_posts == 1);
    CHECK(two_contexts::pending_contexts() == 0);
    CHECK(small_context::counts.live() == 0);
    CHECK(large_context::counts.live() == 0);
}

#if defined(__cpp_exceptions)
namespace {

using throwing_context = reliability::probe_context<32, true>;

struct throwing_destructor_handler {
    mprnotify::failure_site last_site{};
    decision<throwing_context> before_add(const add_connection&)
    {
        struct arm_on_return {
            arm_on_return() = default;
            arm_on_return(const arm_on_return&) = delete;
            arm_on_return& operator=(const arm_on_return&) = delete;
            ~arm_on_return() { throwing_context::destroy_fault = {reliability::throw_kind::runtime, {}}; }
        } arm;
        return mprnotify::call_after(throwing_context{3});
    }
    void after_add(const add_connection&, wn_status, throwing_context&&) {}
    void on_error(const mprnotify::failure& f) noexcept { last_site = f.site; }
};
using throwing_destructor = mprnotify::entry_points<throwing_destructor_handler, mprnotify::fail_closed<>>;

} // namespace

// Found by fuzz_cancel_connect_notify: the decision kept its context in std::optional, whose
// destructor is noexcept, so a context destructor that throws when the moved-from copy dies on pre
// ended the process (std::terminate) instead of being translated.
TEST_CASE("a context destructor that throws as the moved-from copy dies on pre is translated")
{
    add_struct add;
    auto pre = pre_info();
    CHECK(throwing_destructor::add_connect_notify(&pre, add.get()) == raw(wn_status::cancel));
    CHECK(pre.lpContext == nullptr);
    CHECK(throwing_destructor::handler().last_site == mprnotify::failure_site::context_destroy);
    CHECK(throwing_destructor::pending_contexts() == 0);
    CHECK(throwing_context::counts.live() == 0);
    throwing_context::destroy_fault = {};
}
#endif

namespace {

using small_table = mprnotify::detail::context_table<8, 64>;

/// Two tables side by side, as two notifyees' tables in one DLL are: their salts (their addresses)
/// differ only in low bits.
struct alignas(4096) neighbouring_tables {
    small_table first;
    small_table second;
};

} // namespace

// Found by property_sequences (a foreign post reached the handler, only under some address
// layouts): the salt was the table's address, so a handle of a neighbouring table, decoded by
// this one, named one of its slots with a small generation, and was claimed once that slot's
// generation got there. The salt now mixes every address bit into the high bits.
TEST_CASE("a neighbouring table's handle is never claimed, whatever this table's generations")
{
    static neighbouring_tables tables;
    auto lease = tables.first.reserve().slot;
    void* theirs = lease.publish();
    for (int round = 0; round < 4096; ++round) {
        small_table::lease held[8];
        std::vector<void*> handles;
        for (auto& h : held) {
            h = tables.second.reserve().slot;
            REQUIRE(h);
            handles.push_back(h.publish());
        }
        auto wrong = tables.second.claim(theirs);
        REQUIRE_FALSE(wrong); // would take one of the second table's contexts
        for (void* handle : handles) {
            REQUIRE(tables.second.claim(handle)); // consumed: the slot moves to its next generation
        }
    }
    CHECK(tables.first.claim(theirs));
}
