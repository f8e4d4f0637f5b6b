// exclusive_lock: one thread at a time, try_lock that fails while another thread holds it, the
// Lockable shape std::scoped_lock and std::unique_lock need, and a handler that keeps one is still
// built at compile time and never destroyed.
#include <doctest/doctest.h>

#include <mprnotify/core/lock.hpp>
#include <mprnotify/detail/core/handler_instance.hpp>

#include <array>
#include <atomic>
#include <cstddef>
#include <mutex>
#include <thread>
#include <type_traits>
#include <vector>

using mprnotify::exclusive_lock;

namespace {

static_assert(std::is_nothrow_default_constructible_v<exclusive_lock>);
static_assert(std::is_trivially_destructible_v<exclusive_lock>);
static_assert(!std::is_copy_constructible_v<exclusive_lock> && !std::is_copy_assignable_v<exclusive_lock>);
static_assert(!std::is_move_constructible_v<exclusive_lock> && !std::is_move_assignable_v<exclusive_lock>);
static_assert(noexcept(std::declval<exclusive_lock&>().lock()) && noexcept(std::declval<exclusive_lock&>().unlock()));

// Constant initialisation: no constructor runs for it when the DLL is loaded.
constinit exclusive_lock static_lock;

/// A handler as docs/provider.md writes one: a table under a lock.
struct table_handler {
    exclusive_lock lock;
    std::array<int, 8> table{};
};
static_assert(mprnotify::detail::constant_handler<table_handler>,
              "a handler with exclusive_lock is built at compile time and never destroyed");

/// Runs `body` on `count` threads that start together.
template <class Body>
void on_threads(unsigned count, Body body)
{
    std::atomic<unsigned> ready{0};
    std::vector<std::thread> threads;
    for (unsigned i = 0; i < count; ++i) {
        threads.emplace_back([&ready, count, &body, i] {
            ready.fetch_add(1);
            while (ready.load() < count) {
                std::this_thread::yield();
            }
            body(i);
        });
    }
    for (std::thread& t : threads) {
        t.join();
    }
}

} // namespace

TEST_CASE("exclusive_lock: threads contending for it are inside one at a time")
{
    exclusive_lock lock;
    std::atomic<int> inside{0};
    std::atomic<int> most_inside{0};
    long counter = 0; // read, a yield, written back: any overlap loses increments
    constexpr unsigned threads = 4;
    constexpr long rounds = 2000;
    on_threads(threads, [&](unsigned) {
        for (long i = 0; i < rounds; ++i) {
            const std::scoped_lock hold{lock};
            const int now = inside.fetch_add(1) + 1;
            int seen = most_inside.load();
            while (now > seen && !most_inside.compare_exchange_weak(seen, now)) {
            }
            const long before = counter;
            if (i % 16 == 0) {
                std::this_thread::yield();
            }
            counter = before + 1;
            inside.fetch_sub(1);
        }
    });
    CHECK(most_inside.load() == 1);
    CHECK(counter == threads * rounds);
}

TEST_CASE("exclusive_lock: try_lock fails while another thread holds it, and succeeds once it is released")
{
    exclusive_lock lock;
    REQUIRE(lock.try_lock());
    bool taken_while_held = true;
    std::thread other([&] {
        taken_while_held = lock.try_lock();
        if (taken_while_held) {
            lock.unlock();
        }
    });
    other.join();
    CHECK_FALSE(taken_while_held);
    lock.unlock();

    bool taken_after = false;
    std::thread later([&] {
        taken_after = lock.try_lock();
        if (taken_after) {
            lock.unlock();
        }
    });
    later.join();
    CHECK(taken_after);
}

TEST_CASE("exclusive_lock: std::unique_lock and std::scoped_lock of two locks taken in opposite orders")
{
    exclusive_lock first;
    exclusive_lock second;
    {
        std::unique_lock held{first, std::try_to_lock};
        CHECK(held.owns_lock());
    }
    // std::scoped_lock of two uses try_lock to avoid a deadlock; opposite orders on two threads
    // finish only if try_lock and unlock behave.
    long both = 0;
    on_threads(2, [&](unsigned index) {
        for (int i = 0; i < 1000; ++i) {
            if (index == 0) {
                const std::scoped_lock hold{first, second};
                ++both;
            } else {
                const std::scoped_lock hold{second, first};
                ++both;
            }
        }
    });
    CHECK(both == 2000);
    CHECK(first.try_lock());
    CHECK(second.try_lock());
    first.unlock();
    second.unlock();
}

TEST_CASE("exclusive_lock: a lock with static storage works with no constructor having run")
{
    REQUIRE(static_lock.try_lock());
    static_lock.unlock();
    const std::scoped_lock hold{static_lock};
    bool taken_while_held = true;
    std::thread other([&taken_while_held] {
        taken_while_held = static_lock.try_lock();
        if (taken_while_held) {
            static_lock.unlock();
        }
    });
    other.join();
    CHECK_FALSE(taken_while_held);
}
