// The one handler per process: constant-initialized when that runs no code, else created on first use.
#include <doctest/doctest.h>

#include <mprnotify/core/config.hpp>
#include <mprnotify/detail/core/handler_instance.hpp>

#include <atomic>
#include <stdexcept>
#include <string>
#include <chrono>
#include <thread>

#if !defined(_WIN32)
#  include <cstdio>
#  include <cstdlib>
#  include <sys/wait.h>
#  include <unistd.h>
#endif

using mprnotify::detail::constant_handler;
using mprnotify::detail::handler_instance;
using mprnotify::detail::owned_by_handler;

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

/// A constructor that reaches the library again on the same thread (it maps a configuration
/// share, say): the nested call must be told, not deadlock or end in recursive_init_error.
struct reentrant;
int nested_saw_null = 0;
struct reentrant {
    reentrant()
    {
        if (handler_instance<reentrant>::get() == nullptr) {
            ++nested_saw_null;
        }
    }
};

#if MPRNOTIFY_HAS_EXCEPTIONS
int throws_left = 1;
struct throws_once {
    throws_once()
    {
        if (throws_left > 0) {
            --throws_left;
            throw std::runtime_error{"not yet"};
        }
    }
};
#endif

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
    CHECK(instance::existing() == instance::get());
    CHECK(instance::get()->limit == 3);
    CHECK(instance::get()->calls.load() == 0);
    ++instance::get()->calls;
    CHECK(instance::existing()->calls.load() == 1); // one object, not a copy per call
}

TEST_CASE("a handler with a constructor is created on first use, once")
{
    using instance = handler_instance<with_constructor>;
    CHECK(instance::existing() == nullptr);
    CHECK(constructions == 0);
    CHECK(instance::get()->value == 7);
    CHECK(instance::get()->value == 7);
    CHECK(constructions == 1);
    CHECK(instance::existing() == instance::get());
}

TEST_CASE("a handler with a destructor is created on first use")
{
    using instance = handler_instance<with_destructor>;
    CHECK(instance::existing() == nullptr);
    CHECK(instance::get()->calls == 0);
    CHECK(instance::existing() == instance::get());
}

TEST_CASE("re-entry from the handler's own constructor gets nullptr instead of a deadlock")
{
    using instance = handler_instance<reentrant>;
    REQUIRE(instance::get() != nullptr);
    CHECK(nested_saw_null == 1);
    CHECK(instance::get() == instance::existing());
    CHECK(nested_saw_null == 1); // constructed once
}

#if MPRNOTIFY_HAS_EXCEPTIONS
TEST_CASE("a constructor that throws is tried again on the next call")
{
    using instance = handler_instance<throws_once>;
    CHECK_THROWS_AS(instance::get(), std::runtime_error);
    CHECK(instance::existing() == nullptr);
    CHECK_FALSE(instance::gone());
    CHECK(instance::get() != nullptr);
}
#endif

TEST_CASE("another thread is not mistaken for re-entry")
{
    struct slow {
        int value = 5;
        slow() { std::this_thread::sleep_for(std::chrono::milliseconds(20)); }
    };
    using instance = handler_instance<slow>;
    slow* seen_by_other = nullptr;
    std::thread other{[&] { seen_by_other = instance::get(); }};
    slow* seen_here = instance::get();
    other.join();
    REQUIRE(seen_here != nullptr);
    CHECK(seen_by_other == seen_here);
}

TEST_CASE("owned_by_handler: made on first use, once; existing() never makes it")
{
    struct owner {};
    using table = owned_by_handler<std::string, owner>;
    CHECK(table::existing() == nullptr);
    CHECK_FALSE(table::gone());
    std::string& made = table::get();
    CHECK(&table::get() == &made);
    CHECK(table::existing() == &made);
    CHECK_FALSE(table::gone());
}

#if !defined(_WIN32)
namespace {
struct exit_owner {};
using exit_table = owned_by_handler<std::string, exit_owner>;

/// Registered before the table is made, so it runs after the table's destructor.
void look_after_exit() { ::_exit(exit_table::existing() == nullptr && exit_table::gone() ? 0 : 1); }
} // namespace

TEST_CASE("owned_by_handler at exit: once destroyed, existing() is nullptr and gone() is true")
{
    std::fflush(nullptr);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        std::atexit(look_after_exit);
        exit_table::get() = "made after the atexit routine";
        if (exit_table::existing() == nullptr || exit_table::gone()) {
            ::_exit(2);
        }
        std::exit(0); // the table is destroyed, then look_after_exit answers
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}
#endif
