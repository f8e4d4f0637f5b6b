#include <doctest/doctest.h>

#include <mprnotify/detail/context_table.hpp>

#include <cstdint>
#include <vector>

#include "support.hpp"

using table = mprnotify::detail::context_table<8, 64>;
using test_support::big_counted;
using test_support::counted;

static_assert(table::stored_inline<counted>);
static_assert(!table::stored_inline<big_counted>);

TEST_CASE("a published slot is claimed back once, and only once")
{
    table t;
    auto lease = t.reserve();
    REQUIRE(lease);
    void* handle = lease.publish();
    CHECK(handle != nullptr);
    CHECK(t.live_count() == 1);
    {
        auto claimed = t.claim(handle);
        CHECK(static_cast<bool>(claimed));
        CHECK_FALSE(t.claim(handle)); // concurrent repeat while the first holds it
    }
    CHECK(t.live_count() == 0);
    CHECK_FALSE(t.claim(handle)); // repeated post after consumption
}

TEST_CASE("handles are odd numbers that never equal a real object's address")
{
    table t;
    auto lease = t.reserve();
    void* handle = lease.publish();
    CHECK((reinterpret_cast<std::uintptr_t>(handle) & 1U) == 1U);
    auto claimed = t.claim(handle);
}

TEST_CASE("values this table did not hand out are not claimed")
{
    table t;
    auto lease = t.reserve();
    void* handle = lease.publish();
    int local = 0;
    CHECK_FALSE(t.claim(&local));
    CHECK_FALSE(t.claim(nullptr));
    CHECK_FALSE(t.claim(reinterpret_cast<void*>(reinterpret_cast<std::uintptr_t>(handle) ^ 0x100U)));
    table other;
    CHECK_FALSE(other.claim(handle)); // another notifyee's context
    CHECK(t.live_count() == 1);
    auto claimed = t.claim(handle);
    CHECK(static_cast<bool>(claimed));
}

TEST_CASE("a full table refuses to reserve, and recovers when a slot is released")
{
    table t;
    std::vector<void*> handles;
    for (int i = 0; i < 8; ++i) {
        auto lease = t.reserve();
        REQUIRE(lease);
        handles.push_back(lease.publish());
    }
    CHECK_FALSE(t.reserve());
    {
        auto claimed = t.claim(handles[3]);
    }
    auto again = t.reserve();
    CHECK(static_cast<bool>(again));
    for (void* h : handles) {
        auto c = t.claim(h);
    }
}

TEST_CASE("inline and heap contexts are destroyed exactly once")
{
    const long before = counted::live.load();
    table t;
    void* small = nullptr;
    void* big = nullptr;
    {
        auto lease = t.reserve();
        REQUIRE(lease.store(counted{7}));
        small = lease.publish();
    }
    {
        auto lease = t.reserve();
        REQUIRE(lease.store(big_counted{9}));
        big = lease.publish();
    }
    CHECK(counted::live.load() == before + 2);
    {
        auto claimed = t.claim(small);
        CHECK(claimed.object<counted>().value == 7);
        claimed.destroy_object();
        claimed.destroy_object(); // idempotent
    }
    {
        auto claimed = t.claim(big);
        CHECK(claimed.object<big_counted>().value == 9);
    } // released with the object still inside: the lease destroys it
    CHECK(counted::live.load() == before);
}

TEST_CASE("contexts whose post never comes are destroyed with the table")
{
    const long before = counted::live.load();
    {
        table t;
        auto a = t.reserve();
        REQUIRE(a.store(counted{1}));
        (void)a.publish();
        auto b = t.reserve();
        REQUIRE(b.store(big_counted{2}));
        (void)b.publish();
        CHECK(counted::live.load() == before + 2);
    }
    CHECK(counted::live.load() == before);
}

TEST_CASE("a reservation that is never published frees its slot and object")
{
    const long before = counted::live.load();
    table t;
    {
        auto lease = t.reserve();
        REQUIRE(lease.store(counted{3}));
    }
    CHECK(counted::live.load() == before);
    CHECK(t.live_count() == 0);
    for (int i = 0; i < 8; ++i) {
        auto lease = t.reserve();
        CHECK(static_cast<bool>(lease));
    }
}
