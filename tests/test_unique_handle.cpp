// unique_handle: one owner per handle, closed exactly once, whatever moves and resets happen.
#include <doctest/doctest.h>

#include <type_traits>
#include <utility>
#include <vector>

#include <mprnotify/core/unique_handle.hpp>

namespace {

std::vector<int> closed; // every handle value the close function saw, in order

void close_fake(int handle) noexcept { closed.push_back(handle); }
int close_with_result(int handle) noexcept
{
    closed.push_back(-handle);
    return 0;
}

using fake_handle = mprnotify::unique_handle<int, &close_fake>;

} // namespace

static_assert(!std::is_copy_constructible_v<fake_handle> && !std::is_copy_assignable_v<fake_handle>);
static_assert(std::is_nothrow_move_constructible_v<fake_handle> && std::is_nothrow_move_assignable_v<fake_handle>);
static_assert(sizeof(fake_handle) == sizeof(int), "no space beyond the handle itself");

TEST_CASE("an empty handle closes nothing")
{
    closed.clear();
    {
        fake_handle none;
        CHECK_FALSE(static_cast<bool>(none));
        CHECK(none.get() == 0);
        none.reset();
    }
    CHECK(closed.empty());
}

TEST_CASE("the destructor closes the handle once")
{
    closed.clear();
    {
        fake_handle h{7};
        CHECK(static_cast<bool>(h));
        CHECK(h.get() == 7);
    }
    CHECK(closed == std::vector<int>{7});
}

TEST_CASE("moving transfers ownership; the moved-from object closes nothing")
{
    closed.clear();
    {
        fake_handle a{3};
        fake_handle b{std::move(a)};
        CHECK_FALSE(static_cast<bool>(a));
        CHECK(b.get() == 3);
        fake_handle c{4};
        c = std::move(b); // closes 4, takes 3
        CHECK(closed == std::vector<int>{4});
        CHECK(c.get() == 3);
        auto& self = c;
        c = std::move(self); // self-move keeps the handle
        CHECK(c.get() == 3);
    }
    CHECK(closed == std::vector<int>{4, 3});
}

TEST_CASE("reset closes the old handle; release gives it up unclosed")
{
    closed.clear();
    fake_handle h{1};
    h.reset(2);
    CHECK(closed == std::vector<int>{1});
    const int raw = h.release();
    CHECK(raw == 2);
    CHECK_FALSE(static_cast<bool>(h));
    h.reset();
    CHECK(closed == std::vector<int>{1});
}

TEST_CASE("put closes what is held and hands out the slot for an API to fill")
{
    closed.clear();
    fake_handle h{5};
    int* slot = h.put();
    CHECK(closed == std::vector<int>{5});
    *slot = 6;
    CHECK(h.get() == 6);
    fake_handle other{8};
    swap(h, other);
    CHECK(h.get() == 8);
    CHECK(other.get() == 6);
}

TEST_CASE("a close function's return value is ignored")
{
    closed.clear();
    {
        mprnotify::unique_handle<int, &close_with_result> h{9};
    }
    CHECK(closed == std::vector<int>{-9});
}
