#include <doctest/doctest.h>

#include <mprnotify/detail/core/context_table.hpp>

#include <cstdint>
#include <memory>
#include <set>
#include <vector>

#include "support.hpp"

using table = mprnotify::detail::context_table<8, 64>;
using test_support::big_counted;
using test_support::counted;

static_assert(table::stored_inline<counted>);
static_assert(!table::stored_inline<big_counted>);

namespace {
/// Publishes a fresh reservation and returns its handle.
void* publish_one(table& t, std::uint8_t owner = 0)
{
    auto reserved = t.reserve(owner);
    REQUIRE(reserved.slot);
    return reserved.slot.publish();
}
} // namespace

TEST_CASE("a published slot is claimed back once, and only once")
{
    table t;
    void* handle = publish_one(t);
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

TEST_CASE("handles are odd, so they never equal the address of any object (all are even-aligned)")
{
    table t;
    // Live objects of every alignment the platform gives out, to compare against.
    std::vector<std::unique_ptr<std::max_align_t>> objects;
    std::set<std::uintptr_t> addresses{reinterpret_cast<std::uintptr_t>(&t)};
    for (int i = 0; i < 8; ++i) {
        objects.push_back(std::make_unique<std::max_align_t>());
        addresses.insert(reinterpret_cast<std::uintptr_t>(objects.back().get()));
    }
    std::vector<void*> handles;
    for (int i = 0; i < 8; ++i) {
        handles.push_back(publish_one(t));
    }
    for (void* h : handles) {
        const auto value = reinterpret_cast<std::uintptr_t>(h);
        CHECK((value & 1U) == 1U);
        CHECK(addresses.count(value) == 0);
        CHECK(std::set<void*>(handles.begin(), handles.end()).size() == handles.size()); // all distinct
        auto claimed = t.claim(h);
        CHECK(static_cast<bool>(claimed));
    }
}

TEST_CASE("values this table did not hand out are not claimed")
{
    table t;
    void* handle = publish_one(t);
    int local = 0;
    CHECK_FALSE(t.claim(&local));
    CHECK_FALSE(t.claim(nullptr));
    CHECK_FALSE(t.claim(reinterpret_cast<void*>(reinterpret_cast<std::uintptr_t>(handle) ^ 0x100U)));
    table other;
    CHECK_FALSE(other.claim(handle)); // another notifyee's context
    CHECK_FALSE(t.claim(handle, 1));  // the other operation's post
    CHECK(t.live_count() == 1);
    auto claimed = t.claim(handle);
    CHECK(static_cast<bool>(claimed));
}

TEST_CASE("a full table reclaims the oldest pending context; its late post is ignored")
{
    const long before = counted::live.load();
    table t;
    std::vector<void*> handles;
    for (int i = 0; i < 8; ++i) {
        auto reserved = t.reserve(static_cast<std::uint8_t>(i % 2));
        REQUIRE(reserved.slot);
        CHECK_FALSE(reserved.reclaimed);
        REQUIRE(reserved.slot.store(counted{i}));
        handles.push_back(reserved.slot.publish());
    }
    CHECK(counted::live.load() == before + 8);
    {
        auto claimed = t.claim(handles[3], 1); // one post does come
        REQUIRE(claimed);
        CHECK(claimed.object<counted>().value == 3);
    }
    CHECK(counted::live.load() == before + 7);
    // The freed slot is used first; then each reservation reclaims the oldest: 0, 1, 2, 4, ...
    auto free_one = t.reserve(0);
    REQUIRE(free_one.slot);
    CHECK_FALSE(free_one.reclaimed);
    auto first = t.reserve(1);
    REQUIRE(first.slot);
    CHECK(first.reclaimed);
    CHECK(first.reclaimed_owner == 0); // handles[0] was reserved with owner 0
    CHECK_FALSE(first.destructor_threw);
    CHECK(counted::live.load() == before + 6); // its context was destroyed
    CHECK_FALSE(t.claim(handles[0], 0));       // the reclaimed handle's late post: ignored
    auto second = t.reserve(1);
    REQUIRE(second.slot);
    CHECK(second.reclaimed);
    CHECK(second.reclaimed_owner == 1);
    CHECK_FALSE(t.claim(handles[1], 1));
    for (std::size_t i = 2; i < handles.size(); ++i) {
        if (i == 3) {
            continue;
        }
        auto claimed = t.claim(handles[i], static_cast<std::uint8_t>(i % 2)); // the newer ones survive
        CHECK(static_cast<bool>(claimed));
    }
    CHECK(counted::live.load() == before);
}

TEST_CASE("a table whose every slot is reserved but unpublished has nothing to reclaim")
{
    table t;
    std::vector<table::reservation> held;
    for (int i = 0; i < 8; ++i) {
        held.push_back(t.reserve());
        REQUIRE(held.back().slot);
    }
    auto none = t.reserve();
    CHECK_FALSE(none.slot);
    CHECK_FALSE(none.reclaimed);
    held.pop_back(); // released: free again
    CHECK(static_cast<bool>(t.reserve().slot));
}

TEST_CASE("reserve_free on a full table answers empty and destroys nothing; a release makes room")
{
    const long before = counted::live.load();
    table t;
    std::vector<void*> handles;
    for (int i = 0; i < 8; ++i) {
        auto reserved = t.reserve_free(1);
        REQUIRE(reserved);
        REQUIRE(reserved.store(counted{i}));
        handles.push_back(reserved.publish());
    }
    for (int again = 0; again < 3; ++again) {
        CHECK_FALSE(t.reserve_free(1));
    }
    CHECK(counted::live.load() == before + 8);
    CHECK(t.live_count() == 8);
    {
        auto claimed = t.claim(handles[0], 1); // the oldest is still there, and still valid
        REQUIRE(claimed);
        CHECK(claimed.object<counted>().value == 0);
        claimed.destroy_object();
    }
    auto room = t.reserve_free(1);
    CHECK(static_cast<bool>(room));
    CHECK_FALSE(t.reserve_free(1));
    for (std::size_t i = 1; i < handles.size(); ++i) {
        auto claimed = t.claim(handles[i], 1);
        REQUIRE(claimed);
        CHECK(claimed.object<counted>().value == static_cast<int>(i));
    }
    CHECK(counted::live.load() == before);
}

TEST_CASE("inline and heap contexts are destroyed exactly once")
{
    const long before = counted::live.load();
    table t;
    void* small_handle = nullptr;
    void* big = nullptr;
    {
        auto lease = t.reserve().slot;
        REQUIRE(lease.store(counted{7}));
        small_handle = lease.publish();
    }
    {
        auto lease = t.reserve().slot;
        REQUIRE(lease.store(big_counted{9}));
        big = lease.publish();
    }
    CHECK(counted::live.load() == before + 2);
    {
        auto claimed = t.claim(small_handle);
        CHECK(claimed.object<counted>().value == 7);
        claimed.destroy_object();
        CHECK(counted::live.load() == before + 1);
        claimed.destroy_object(); // idempotent
        CHECK(counted::live.load() == before + 1);
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
        auto a = t.reserve().slot;
        REQUIRE(a.store(counted{1}));
        (void)a.publish();
        auto b = t.reserve().slot;
        REQUIRE(b.store(big_counted{2}));
        (void)b.publish();
        CHECK(counted::live.load() == before + 2);
    }
    CHECK(counted::live.load() == before);
}

TEST_CASE("reservations that are never published free their slots and objects, every time")
{
    const long before = counted::live.load();
    table t;
    // More rounds than slots, each holding every slot at once: a slot that leaked would be missing.
    for (int round = 0; round < 20; ++round) {
        std::vector<table::lease> leases;
        for (int i = 0; i < 8; ++i) {
            auto reserved = t.reserve();
            REQUIRE(reserved.slot);
            CHECK_FALSE(reserved.reclaimed);
            REQUIRE(reserved.slot.store(counted{i}));
            leases.push_back(std::move(reserved.slot));
        }
        CHECK(counted::live.load() == before + 8);
        CHECK_FALSE(t.reserve().slot); // all eight held by this round
    }
    CHECK(counted::live.load() == before);
    CHECK(t.live_count() == 0);
}

TEST_CASE("state_of: open while published, held while claimed, gone once released or for another owner")
{
    using state = table::handle_state;
    table t;
    void* handle = publish_one(t, 3);
    CHECK(t.state_of(handle, 3) == state::open); // published, not claimed
    {
        auto claimed = t.claim(handle, 3);
        REQUIRE(claimed);
        CHECK(t.state_of(handle, 3) == state::held);
        CHECK(t.state_of(handle, 4) == state::gone); // another owner's view of it
        void* again = claimed.publish();
        CHECK(again == handle); // re-published under the same generation: the same handle
    }
    CHECK(t.state_of(handle, 3) == state::open);
    {
        auto claimed = t.claim(handle, 3);
        REQUIRE(claimed);
    } // released: the generation moves on
    CHECK(t.state_of(handle, 3) == state::gone);
    CHECK_FALSE(t.claim(handle, 3));
    CHECK(t.state_of(nullptr, 3) == state::gone);
    CHECK(t.state_of(reinterpret_cast<void*>(std::uintptr_t{0x12345}), 3) == state::gone);
}
