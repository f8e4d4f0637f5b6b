// Defects a hostile review found in the boundary; each case failed before its fix.
#include <doctest/doctest.h>

#include <mprnotify/testing.hpp>

#include <filesystem>
#include <system_error>

#include "../support.hpp"

using namespace test_support;
using mprnotify::add_connection;
using mprnotify::cancel_connection;
using mprnotify::decision;
using mprnotify::failure_site;
using mprnotify::wn_status;
namespace testing = mprnotify::testing;

namespace {

/// An audit notifyee: a context per operation, an after-hook that counts what it saw.
struct auditor {
    long after_calls = 0;
    long reclaimed = 0;
    decision<counted> before_add(const add_connection&) { return mprnotify::call_after(counted{1}); }
    void after_add(const add_connection&, wn_status, counted&&) { ++after_calls; }
    void on_error(const mprnotify::failure& f) noexcept
    {
        if (f.site == failure_site::context_reclaimed) {
            ++reclaimed;
        }
    }
};
using audit = mprnotify::entry_points<auditor>;

/// Another notifyee on the machine, which refuses every connection to \\blocked\share.
struct gatekeeper {
    decision<> before_add(const add_connection& add)
    {
        return add.remote_name() == L"\\\\blocked\\share" ? mprnotify::veto(wn_status::access_denied)
                                                          : decision<>{mprnotify::proceed};
    }
};

} // namespace

// Under the reading where MPR skips the post after another notifyee's veto, each vetoed operation
// kept a slot for ever: after 1024 of them the table was full for good and the auditor stopped
// auditing (a fail-closed notifyee refused every later connection).
TEST_CASE("100,000 operations vetoed by another notifyee, then a legitimate one still gets its after-hook")
{
    testing::router mpr{testing::router_options{.post_after_veto = false}};
    mpr.attach(testing::make_notifyee<auditor>("audit"));
    mpr.attach(testing::make_notifyee<gatekeeper>("gatekeeper"));
    const long live_before = counted::live.load();
    const testing::add_request blocked{.local_name = L"B:", .remote_name = L"\\\\blocked\\share"};
    constexpr long vetoed = 100'000;
    for (long i = 0; i < vetoed; ++i) {
        const auto result = mpr.add_connection(blocked);
        REQUIRE(result.status == wn_status::access_denied); // REQUIRE: stop at the first wrong one
        if (i % 4096 == 0) {
            mpr.clear_calls();
        }
    }
    // Context accounting: every context is either pending in the table or destroyed.
    CHECK(audit::pending_contexts() == mprnotify::default_context_capacity);
    CHECK(counted::live.load() - live_before == static_cast<long>(mprnotify::default_context_capacity));
    CHECK(audit::handler().reclaimed == vetoed - static_cast<long>(mprnotify::default_context_capacity));
    CHECK(audit::handler().after_calls == 0);

    const auto legitimate = mpr.add_connection({.local_name = L"P:", .remote_name = L"\\\\server\\projects"});
    CHECK(legitimate.status == wn_status::success);
    CHECK(audit::handler().after_calls == 1);
    // Its pre reclaimed one more slot, its post consumed its own context.
    CHECK(audit::pending_contexts() == mprnotify::default_context_capacity - 1);
    CHECK(counted::live.load() - live_before == static_cast<long>(mprnotify::default_context_capacity) - 1);
}

namespace {

enum class throw_what { system_error, filesystem_error, bad_alloc, runtime_error, wn_error };

template <throw_what What>
struct failing {
    decision<> before_add(const add_connection&)
    {
        switch (What) {
        case throw_what::system_error: throw std::system_error{std::make_error_code(std::errc::permission_denied)};
        case throw_what::filesystem_error:
            throw std::filesystem::filesystem_error{"log folder", std::make_error_code(std::errc::permission_denied)};
        case throw_what::bad_alloc: throw std::bad_alloc{};
        case throw_what::runtime_error: throw std::runtime_error{"boom"};
        case throw_what::wn_error: throw mprnotify::wn_error{wn_status::bad_netname};
        }
        return mprnotify::proceed;
    }
    decision<> before_cancel(const cancel_connection&) { throw std::runtime_error{"cancel failed"}; }
};

template <class Handler, class Policy>
std::uint32_t add_answer()
{
    add_struct add;
    auto pre = pre_info();
    return mprnotify::entry_points<Handler, Policy>::add_connect_notify(&pre, add.get());
}
template <class Handler, class Policy>
std::uint32_t cancel_answer()
{
    cancel_struct cancel;
    auto pre = pre_info();
    return mprnotify::entry_points<Handler, Policy>::cancel_connect_notify(&pre, cancel.get());
}

} // namespace

// An audit notifyee whose log folder was not writable (std::filesystem_error) denied every mapping
// under fail_open, because std::system_error mapped to a WN code under every policy.
TEST_CASE("fail_open means the operation proceeds, whatever the exception; only wn_error answers its code")
{
    using open = mprnotify::fail_open;
    CHECK(add_answer<failing<throw_what::filesystem_error>, open>() == 0U);
    CHECK(add_answer<failing<throw_what::system_error>, open>() == 0U);
    CHECK(add_answer<failing<throw_what::bad_alloc>, open>() == 0U);
    CHECK(add_answer<failing<throw_what::runtime_error>, open>() == 0U);
    CHECK(add_answer<failing<throw_what::wn_error>, open>() == raw(wn_status::bad_netname));
}

TEST_CASE("fail_closed refuses with its code; use_error_codes answers the code an exception names")
{
    using closed = mprnotify::fail_closed<wn_status::cancel>;
    CHECK(add_answer<failing<throw_what::filesystem_error>, closed>() == raw(wn_status::cancel));
    CHECK(add_answer<failing<throw_what::wn_error>, closed>() == raw(wn_status::bad_netname));
    using mapped = mprnotify::use_error_codes<closed>;
    CHECK(add_answer<failing<throw_what::filesystem_error>, mapped>() == raw(wn_status::access_denied));
    CHECK(add_answer<failing<throw_what::bad_alloc>, mapped>() == raw(wn_status::out_of_memory));
    CHECK(add_answer<failing<throw_what::runtime_error>, mapped>() == raw(wn_status::cancel));
    using mapped_open = mprnotify::use_error_codes<mprnotify::fail_open>;
    CHECK(add_answer<failing<throw_what::runtime_error>, mapped_open>() == 0U);
}

TEST_CASE("a policy per operation: a security gate refuses a connection it could not check, never a disconnect")
{
    using gate = mprnotify::per_operation<mprnotify::fail_closed<wn_status::access_denied>, mprnotify::fail_open>;
    static_assert(mprnotify::policy<gate>);
    CHECK(add_answer<failing<throw_what::runtime_error>, gate>() == raw(wn_status::access_denied));
    CHECK(cancel_answer<failing<throw_what::runtime_error>, gate>() == 0U);
}

namespace {

/// A handler whose constructor maps a configuration share, which reaches the notifyee again on the
/// same thread before the handler exists.
template <class Policy>
struct maps_config_share {
    static inline std::uint32_t nested_answer = 0xFFFFFFFFU;
    static inline int nested_calls = 0;
    int after_calls = 0;
    maps_config_share()
    {
        ++nested_calls;
        add_struct add;
        auto pre = pre_info();
        nested_answer = mprnotify::entry_points<maps_config_share, Policy>::add_connect_notify(&pre, add.get());
    }
    decision<mprnotify::no_context> before_add(const add_connection&) { return mprnotify::call_after(); }
    void after_add(const add_connection&, wn_status) { ++after_calls; }
};

} // namespace

// The nested call ran into the function-local static under construction: recursive_init_error
// (libstdc++) or a deadlock, outside every barrier of the library.
TEST_CASE("re-entry from the handler's constructor is answered by the policy, never ends the process")
{
    using open_handler = maps_config_share<mprnotify::fail_open>;
    CHECK(add_answer<open_handler, mprnotify::fail_open>() == 0U);
    CHECK(open_handler::nested_calls == 1);
    CHECK(open_handler::nested_answer == 0U); // fail-open: the nested connection proceeds

    using closed = mprnotify::fail_closed<wn_status::function_busy>;
    using closed_handler = maps_config_share<closed>;
    add_struct add;
    auto pre = pre_info();
    CHECK(mprnotify::entry_points<closed_handler, closed>::add_connect_notify(&pre, add.get()) == 0U);
    CHECK(closed_handler::nested_answer == raw(wn_status::function_busy));
    REQUIRE(pre.lpContext != nullptr); // the outer call completed normally
    auto post = post_info(pre.lpContext);
    CHECK(mprnotify::entry_points<closed_handler, closed>::add_connect_notify(&post, add.get()) == 0U);
    CHECK(mprnotify::entry_points<closed_handler, closed>::handler().after_calls == 1);
}
