// The boundary's rules, driven through the raw npapi-shaped functions.
#include <doctest/doctest.h>

#include <mprnotify/notifyee/entry_points.hpp>

#include <atomic>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "support.hpp"

using namespace test_support;
using mprnotify::add_connection;
using mprnotify::cancel_connection;
using mprnotify::decision;
using mprnotify::wn_status;

namespace {

/// Every hook, a counted context, and a record of what it saw.
struct full_handler {
    int before_calls = 0;
    int after_calls = 0;
    std::wstring seen_remote;
    std::wstring seen_provider;
    wn_status seen_result = wn_status::success;
    int seen_context = 0;
    wn_status veto_with = wn_status::success;

    decision<counted> before_add(const add_connection& add)
    {
        ++before_calls;
        if (veto_with != wn_status::success) {
            return mprnotify::veto(veto_with);
        }
        return mprnotify::call_after(counted{static_cast<int>(add.remote_name().view().size())});
    }
    void after_add(const add_connection& add, wn_status result, counted context)
    {
        ++after_calls;
        seen_remote = add.remote_name().view();
        seen_result = result;
        seen_context = context.value;
    }
    decision<big_counted> before_cancel(const cancel_connection&)
    {
        ++before_calls;
        return mprnotify::call_after(big_counted{42});
    }
    void after_cancel(const cancel_connection& cancel, wn_status result, big_counted&& context)
    {
        ++after_calls;
        seen_provider = cancel.provider().value_or(L"(absent)");
        seen_result = result;
        seen_context = context.value;
    }
};
using full = mprnotify::entry_points<full_handler>;

/// Only an after-hook: the library asks MPR for the post itself.
struct after_only_handler {
    int after_calls = 0;
    void after_add(const add_connection&, wn_status) { ++after_calls; }
};
using after_only = mprnotify::entry_points<after_only_handler>;

/// Only a cancel hook: add notifications are answered without involving it.
struct cancel_only_handler {
    int calls = 0;
    decision<> before_cancel(const cancel_connection&)
    {
        ++calls;
        return mprnotify::proceed;
    }
};
using cancel_only = mprnotify::entry_points<cancel_only_handler>;

std::uint32_t add_call(mprnotify::platform::notify_info* info, add_struct& add)
{
    return full::add_connect_notify(info, add.get());
}

} // namespace

TEST_CASE("NULL NOTIFYINFO or NULL operation struct: WN_BAD_POINTER, handler not called")
{
    auto& h = full::handler();
    const int before = h.before_calls;
    add_struct add;
    cancel_struct cancel;
    auto info = pre_info();
    CHECK(full::add_connect_notify(nullptr, add.get()) == raw(wn_status::bad_pointer));
    CHECK(full::add_connect_notify(&info, nullptr) == raw(wn_status::bad_pointer));
    CHECK(full::cancel_connect_notify(nullptr, cancel.get()) == raw(wn_status::bad_pointer));
    CHECK(full::cancel_connect_notify(&info, nullptr) == raw(wn_status::bad_pointer));
    CHECK(full::add_connect_notify(nullptr, nullptr) == raw(wn_status::bad_pointer));
    CHECK(h.before_calls == before);
}

TEST_CASE("an undocumented phase: WN_SUCCESS, lpContext untouched, handler not called")
{
    auto& h = full::handler();
    const int before = h.before_calls + h.after_calls;
    add_struct add;
    int sentinel = 0;
    for (const std::uint32_t phase : {0U, 3U, 0x80000001U}) {
        mprnotify::platform::notify_info info{phase, 0, &sentinel};
        CHECK(add_call(&info, add) == 0U);
        CHECK(info.lpContext == &sentinel);
    }
    CHECK(h.before_calls + h.after_calls == before);
}

TEST_CASE("pre hands over a context; post returns it to the after-hook, then it is destroyed")
{
    const long live = counted::live.load();
    auto& h = full::handler();
    h.veto_with = wn_status::success;
    add_struct add;
    auto pre = pre_info();
    CHECK(add_call(&pre, add) == 0U);
    REQUIRE(pre.lpContext != nullptr);
    CHECK(full::pending_contexts() == 1);
    CHECK(counted::live.load() == live + 1);

    auto post = post_info(pre.lpContext, raw(wn_status::bad_netname));
    CHECK(add_call(&post, add) == 0U);
    CHECK(h.seen_remote == L"\\\\server\\share");
    CHECK(h.seen_result == wn_status::bad_netname);
    CHECK(h.seen_context == 14);
    CHECK(full::pending_contexts() == 0);
    CHECK(counted::live.load() == live);
}

TEST_CASE("a veto returns its code and leaves lpContext NULL")
{
    auto& h = full::handler();
    h.veto_with = wn_status::access_denied;
    add_struct add;
    int garbage = 0;
    mprnotify::platform::notify_info pre{1, 0, &garbage}; // MPR documents NULL; be safe anyway
    CHECK(add_call(&pre, add) == raw(wn_status::access_denied));
    CHECK(pre.lpContext == nullptr);
    CHECK(full::pending_contexts() == 0);
    h.veto_with = wn_status::success;
}

TEST_CASE("a repeated post, a foreign context and a NULL context are ignored")
{
    const long live = counted::live.load();
    auto& h = full::handler();
    add_struct add;
    auto pre = pre_info();
    REQUIRE(add_call(&pre, add) == 0U);
    auto post = post_info(pre.lpContext);
    REQUIRE(add_call(&post, add) == 0U);
    const int after_calls = h.after_calls;

    auto again = post_info(pre.lpContext);
    CHECK(add_call(&again, add) == 0U);
    int foreign = 0;
    auto stranger = post_info(&foreign);
    CHECK(add_call(&stranger, add) == 0U);
    auto odd = post_info(reinterpret_cast<void*>(static_cast<std::uintptr_t>(0x12345)));
    CHECK(add_call(&odd, add) == 0U);
    auto none = post_info(nullptr);
    CHECK(add_call(&none, add) == 0U);
    CHECK(h.after_calls == after_calls);
    CHECK(counted::live.load() == live);
}

TEST_CASE("cancel: heap context, provider only on a successful post")
{
    const long live = counted::live.load();
    auto& h = full::handler();
    cancel_struct cancel;
    auto pre = pre_info();
    CHECK(full::cancel_connect_notify(&pre, cancel.get()) == 0U);
    REQUIRE(pre.lpContext != nullptr);
    auto post = post_info(pre.lpContext, 0);
    CHECK(full::cancel_connect_notify(&post, cancel.get()) == 0U);
    CHECK(h.seen_provider == L"Microsoft Windows Network");
    CHECK(h.seen_context == 42);

    auto pre2 = pre_info();
    REQUIRE(full::cancel_connect_notify(&pre2, cancel.get()) == 0U);
    auto failed = post_info(pre2.lpContext, raw(wn_status::open_files));
    CHECK(full::cancel_connect_notify(&failed, cancel.get()) == 0U);
    CHECK(h.seen_provider == L"(absent)");
    CHECK(h.seen_result == wn_status::open_files);
    CHECK(counted::live.load() == live);
}

TEST_CASE("an after-only handler gets its post without a before-hook")
{
    auto& h = after_only::handler();
    add_struct add;
    auto pre = pre_info();
    CHECK(after_only::add_connect_notify(&pre, add.get()) == 0U);
    REQUIRE(pre.lpContext != nullptr);
    auto post = post_info(pre.lpContext);
    CHECK(after_only::add_connect_notify(&post, add.get()) == 0U);
    CHECK(h.after_calls == 1);
    CHECK(after_only::pending_contexts() == 0);

    cancel_struct cancel; // no cancel hooks: no post requested
    auto cancel_pre = pre_info();
    CHECK(after_only::cancel_connect_notify(&cancel_pre, cancel.get()) == 0U);
    CHECK(cancel_pre.lpContext == nullptr);
}

TEST_CASE("a before-hook without an after-hook requests no post; other operations are passed by")
{
    add_struct add;
    auto pre = pre_info();
    CHECK(cancel_only::add_connect_notify(&pre, add.get()) == 0U);
    CHECK(pre.lpContext == nullptr);
    cancel_struct cancel;
    auto cancel_pre = pre_info();
    CHECK(cancel_only::cancel_connect_notify(&cancel_pre, cancel.get()) == 0U);
    CHECK(cancel_pre.lpContext == nullptr);
    CHECK(cancel_only::handler().calls == 1);
}

namespace {
struct small_table_policy : mprnotify::fail_open {
    static constexpr std::size_t context_capacity = 2;
};
struct capacity_handler {
    int errors = 0;
    mprnotify::failure_site last_site{};
    void after_add(const add_connection&, wn_status) {}
    void on_error(const mprnotify::failure& f) noexcept
    {
        ++errors;
        last_site = f.site;
    }
};
using tiny_table = mprnotify::entry_points<capacity_handler, small_table_policy>;
} // namespace

TEST_CASE("a full table reclaims the oldest pending context: on_error is told, its late post is ignored")
{
    add_struct add;
    std::vector<void*> pending;
    for (int i = 0; i < 2; ++i) {
        auto pre = pre_info();
        REQUIRE(tiny_table::add_connect_notify(&pre, add.get()) == 0U);
        pending.push_back(pre.lpContext);
    }
    auto third = pre_info();
    CHECK(tiny_table::add_connect_notify(&third, add.get()) == 0U); // still gets its post
    CHECK(third.lpContext != nullptr);
    CHECK(tiny_table::handler().errors == 1);
    CHECK(tiny_table::handler().last_site == mprnotify::failure_site::context_reclaimed);
    CHECK(tiny_table::pending_contexts() == 2);

    auto late = post_info(pending[0]); // the reclaimed one: ignored like a consumed context
    CHECK(tiny_table::add_connect_notify(&late, add.get()) == 0U);
    CHECK(tiny_table::pending_contexts() == 2);
    for (void* context : {pending[1], third.lpContext}) {
        auto post = post_info(context);
        CHECK(tiny_table::add_connect_notify(&post, add.get()) == 0U);
    }
    CHECK(tiny_table::pending_contexts() == 0);
    CHECK(tiny_table::handler().errors == 1);
}

namespace {
struct lazy_handler {
    static inline std::atomic<int> constructed{0};
    lazy_handler() { ++constructed; }
    void after_cancel(const cancel_connection&, wn_status) {}
};
using lazy = mprnotify::entry_points<lazy_handler>;
} // namespace

TEST_CASE("the handler is created once, on the first notification, even when threads race")
{
    CHECK(lazy_handler::constructed.load() == 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([] {
            cancel_struct cancel;
            for (int i = 0; i < 200; ++i) {
                auto pre = pre_info();
                if (lazy::cancel_connect_notify(&pre, cancel.get()) == 0U && pre.lpContext != nullptr) {
                    auto post = post_info(pre.lpContext);
                    (void)lazy::cancel_connect_notify(&post, cancel.get());
                }
            }
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    CHECK(lazy_handler::constructed.load() == 1);
    CHECK(lazy::pending_contexts() == 0);
}

namespace {
/// A context too large for a slot whose class has its own operator new without a nothrow form: the
/// library allocates it with the global nothrow new (and frees it with the matching global delete).
struct own_allocator_context {
    static inline int class_news = 0;
    char payload[512] = {};
    int value = 0;
    explicit own_allocator_context(int v) : value(v) {}
    static void* operator new(std::size_t size)
    {
        ++class_news;
        return ::operator new(size);
    }
    static void operator delete(void* p) noexcept { ::operator delete(p); }
};
struct own_allocator_handler {
    int seen = 0;
    decision<own_allocator_context> before_add(const add_connection&)
    {
        return mprnotify::call_after(own_allocator_context{42});
    }
    void after_add(const add_connection&, wn_status, own_allocator_context&& c) { seen = c.value; }
};
using own_allocator = mprnotify::entry_points<own_allocator_handler>;
} // namespace

TEST_CASE("a context class with its own operator new (no nothrow form) compiles and round-trips")
{
    add_struct add;
    auto pre = pre_info();
    REQUIRE(own_allocator::add_connect_notify(&pre, add.get()) == 0U);
    REQUIRE(pre.lpContext != nullptr);
    auto post = post_info(pre.lpContext);
    CHECK(own_allocator::add_connect_notify(&post, add.get()) == 0U);
    CHECK(own_allocator::handler().seen == 42);
    CHECK(own_allocator_context::class_news == 0); // the global form was used, as documented
    CHECK(own_allocator::pending_contexts() == 0);
}
