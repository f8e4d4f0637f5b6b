#include <doctest/doctest.h>

#include <mprnotify/detail/notifyee/hooks.hpp>

#include <string>

using mprnotify::add_connection;
using mprnotify::cancel_connection;
using mprnotify::decision;
using mprnotify::wn_status;
using mprnotify::detail::add_hooks;
using mprnotify::detail::cancel_hooks;
using mprnotify::detail::hook_traits;
using mprnotify::detail::validate_handler;

namespace {

struct before_only {
    decision<> before_add(const add_connection&) { return mprnotify::proceed; }
};
struct after_only {
    void after_cancel(const cancel_connection&, wn_status) {}
};
struct with_context {
    decision<std::string> before_add(const add_connection&) { return mprnotify::call_after(std::string{}); }
    void after_add(const add_connection&, wn_status, std::string) {}
};
struct context_by_rvalue {
    decision<int> before_cancel(const cancel_connection&) { return mprnotify::call_after(1); }
    void after_cancel(const cancel_connection&, wn_status, int&&) {}
};
struct context_by_const_reference {
    decision<std::string> before_add(const add_connection&) { return mprnotify::call_after(std::string{}); }
    void after_add(const add_connection&, wn_status, const std::string&) {}
};
struct const_hooks_and_error {
    decision<> before_add(add_connection) const { return mprnotify::proceed; }
    void on_error(const mprnotify::failure&) noexcept {}
};
/// One name for both operations' before-hooks: overloads of one arity, both valid.
struct overloaded {
    decision<> before_add(const add_connection&) { return mprnotify::proceed; }
    decision<> before_add(const cancel_connection&) { return mprnotify::proceed; }
};
struct final_handler final {
    void after_add(const add_connection&, wn_status) {}
};

} // namespace

TEST_CASE("hooks are detected per operation")
{
    CHECK(hook_traits<before_only, add_hooks>::has_before);
    CHECK_FALSE(hook_traits<before_only, add_hooks>::has_after);
    CHECK_FALSE(hook_traits<before_only, cancel_hooks>::has_before);
    CHECK(hook_traits<after_only, cancel_hooks>::has_after);
    CHECK_FALSE(hook_traits<after_only, cancel_hooks>::has_before);
    CHECK(validate_handler<before_only>());
    CHECK(validate_handler<after_only>());
}

TEST_CASE("the context type comes from the before-hook's decision")
{
    CHECK(std::is_same_v<hook_traits<with_context, add_hooks>::context, std::string>);
    CHECK(hook_traits<with_context, add_hooks>::has_after);
    CHECK(std::is_same_v<hook_traits<context_by_rvalue, cancel_hooks>::context, int>);
    CHECK(hook_traits<context_by_rvalue, cancel_hooks>::has_after);
    CHECK(hook_traits<context_by_const_reference, add_hooks>::has_after);
    CHECK(std::is_same_v<hook_traits<before_only, add_hooks>::context, mprnotify::no_post>);
    CHECK_FALSE(hook_traits<before_only, add_hooks>::can_post);
    CHECK(validate_handler<with_context>());
    CHECK(validate_handler<context_by_rvalue>());
    CHECK(validate_handler<context_by_const_reference>());
}

TEST_CASE("const hooks, by-value views and on_error are accepted")
{
    CHECK(hook_traits<const_hooks_and_error, add_hooks>::has_before);
    CHECK(mprnotify::detail::has_on_error<const_hooks_and_error>);
    CHECK_FALSE(mprnotify::detail::has_on_error<before_only>);
    CHECK(validate_handler<const_hooks_and_error>());
}

TEST_CASE("names are noticed even when the signature is wrong")
{
    struct wrong {
        void before_add(int) {}
        int after_cancel(const cancel_connection&, wn_status) { return 0; }
    };
    CHECK(mprnotify::detail::declares_before_add<wrong>);
    CHECK_FALSE(hook_traits<wrong, add_hooks>::callable_before);
    CHECK(mprnotify::detail::declares_after_cancel<wrong>);
    CHECK_FALSE(hook_traits<wrong, cancel_hooks>::has_after);
}

TEST_CASE("overloaded hook names are noticed, and the fitting overload is used")
{
    CHECK(mprnotify::detail::declares_before_add<overloaded>);
    CHECK(hook_traits<overloaded, add_hooks>::has_before);
    CHECK(validate_handler<overloaded>());
}

TEST_CASE("a final handler's hooks are found too")
{
    CHECK(mprnotify::detail::declares_after_add<final_handler>);
    CHECK_FALSE(mprnotify::detail::declares_before_add<final_handler>);
    CHECK(validate_handler<final_handler>());
}

TEST_CASE("an after-hook must take exactly the context type, not one merely constructible from it")
{
    struct takes_string_for_pointer {
        decision<const char*> before_add(const add_connection&) { return mprnotify::call_after("x"); }
        void after_add(const add_connection&, wn_status, std::string) {}
    };
    CHECK(mprnotify::detail::declares_after_add<takes_string_for_pointer>);
    CHECK_FALSE(hook_traits<takes_string_for_pointer, add_hooks>::has_after);
}
