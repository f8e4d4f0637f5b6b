#include <doctest/doctest.h>

#include <mprnotify/hooks.hpp>

#include <string>

namespace hooks = mprnotify::hooks;
using mprnotify::add_connection;
using mprnotify::cancel_connection;
using mprnotify::decision;
using mprnotify::wn_status;

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
struct const_hooks_and_error {
    decision<> before_add(add_connection) const { return mprnotify::proceed; }
    void on_error(const mprnotify::failure&) noexcept {}
};

} // namespace

TEST_CASE("hooks are detected per operation")
{
    CHECK(hooks::has_before<before_only, hooks::add_tag>);
    CHECK_FALSE(hooks::has_after<before_only, hooks::add_tag>);
    CHECK_FALSE(hooks::has_before<before_only, hooks::cancel_tag>);
    CHECK(hooks::has_after<after_only, hooks::cancel_tag>);
    CHECK_FALSE(hooks::has_before<after_only, hooks::cancel_tag>);
    CHECK(hooks::validate_handler<before_only>());
    CHECK(hooks::validate_handler<after_only>());
}

TEST_CASE("the context type comes from the before-hook's decision")
{
    CHECK(std::is_same_v<hooks::context_t<with_context, hooks::add_tag>, std::string>);
    CHECK(hooks::has_after<with_context, hooks::add_tag>);
    CHECK(std::is_same_v<hooks::context_t<context_by_rvalue, hooks::cancel_tag>, int>);
    CHECK(hooks::has_after<context_by_rvalue, hooks::cancel_tag>);
    CHECK(std::is_same_v<hooks::context_t<before_only, hooks::add_tag>, mprnotify::no_context>);
    CHECK(hooks::validate_handler<with_context>());
    CHECK(hooks::validate_handler<context_by_rvalue>());
}

TEST_CASE("const hooks, by-value views and on_error are accepted")
{
    CHECK(hooks::has_before<const_hooks_and_error, hooks::add_tag>);
    CHECK(hooks::has_on_error<const_hooks_and_error>);
    CHECK_FALSE(hooks::has_on_error<before_only>);
    CHECK(hooks::validate_handler<const_hooks_and_error>());
}

TEST_CASE("names are noticed even when the signature is wrong")
{
    struct wrong {
        void before_add(int) {}
        int after_cancel(const cancel_connection&, wn_status) { return 0; }
    };
    CHECK(hooks::names_before_add<wrong>);
    CHECK_FALSE(hooks::hook_set<wrong, hooks::add_tag>::callable_before);
    CHECK(hooks::names_after_cancel<wrong>);
    CHECK_FALSE(hooks::has_after<wrong, hooks::cancel_tag>);
}
