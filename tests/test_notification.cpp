#include <doctest/doctest.h>

#include <mprnotify/notification.hpp>

#include <type_traits>

using mprnotify::notification;
using mprnotify::phase;

static_assert(std::is_trivially_copyable_v<notification>);

TEST_CASE("dwNotifyStatus maps to a phase; undocumented values are unknown")
{
    CHECK(mprnotify::to_phase(1) == phase::pre);
    CHECK(mprnotify::to_phase(2) == phase::post);
    CHECK(mprnotify::to_phase(0) == phase::unknown);
    CHECK(mprnotify::to_phase(3) == phase::unknown);
    CHECK(mprnotify::to_phase(0xFFFFFFFFU) == phase::unknown);
}

TEST_CASE("a notification view reads phase, operation status and context")
{
    int marker = 0;
    mprnotify::platform::notify_info info{2, 1223, &marker};
    const notification view{&info};
    CHECK(view.is_post());
    CHECK_FALSE(view.is_pre());
    CHECK(view.operation_status() == mprnotify::wn_status::cancel);
    CHECK(view.context() == &marker);
    info.dwNotifyStatus = 7;
    CHECK(view.phase() == phase::unknown);
    CHECK(view.raw_phase() == 7U);
}
