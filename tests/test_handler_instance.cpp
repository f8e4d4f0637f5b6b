// The one handler per process: constant-initialized when that runs no code, else created on first use.
#include <doctest/doctest.h>

#include <mprnotify/detail/handler_instance.hpp>

#include <atomic>
#include <string>

using mprnotify::detail::constant_handler;
using mprnotify::detail::handler_instance;

namespace {

struct stateless {};
struct with_constants {
    std::atomic<int> calls{0};
    int limit = 3;
};

int constructions = 0;
struct with_constructor {
    with_constructor() { ++constructions; }
    int value = 7;
};
struct with_destructor {
    with_destructor() = default;
    with_destructor(const with_destructor&) = delete;
    with_destructor& operator=(const with_destructor&) = delete;
    ~with_destructor() { calls = 0; }
    int calls = 0;
};
struct with_string {
    std::wstring name;
};

} // namespace

static_assert(constant_handler<stateless>);
static_assert(constant_handler<with_constants>);
static_assert(!constant_handler<with_constructor>, "a constructor with effects must run, once, on first use");
static_assert(!constant_handler<with_destructor>, "a destructor must be registered, which runs code");
static_assert(!constant_handler<with_string>);

TEST_CASE("a handler that needs no code to be created exists from the start, with its initial values")
{
    using instance = handler_instance<with_constants>;
    REQUIRE(instance::existing() != nullptr);
    CHECK(instance::existing() == &instance::get());
    CHECK(instance::get().limit == 3);
    CHECK(instance::get().calls.load() == 0);
    ++instance::get().calls;
    CHECK(instance::existing()->calls.load() == 1); // one object, not a copy per call
}

TEST_CASE("a handler with a constructor is created on first use, once")
{
    using instance = handler_instance<with_constructor>;
    CHECK(instance::existing() == nullptr);
    CHECK(constructions == 0);
    CHECK(instance::get().value == 7);
    CHECK(instance::get().value == 7);
    CHECK(constructions == 1);
    CHECK(instance::existing() == &instance::get());
}

TEST_CASE("a handler with a destructor is created on first use")
{
    using instance = handler_instance<with_destructor>;
    CHECK(instance::existing() == nullptr);
    CHECK(instance::get().calls == 0);
    CHECK(instance::existing() == &instance::get());
}
