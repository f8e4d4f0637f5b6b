#include <doctest/doctest.h>

#include <mprnotify/core/operation.hpp>

#include <ostream> // doctest prints std::string_view through it

using mprnotify::operation;
using mprnotify::phase;

TEST_CASE("dwNotifyStatus maps to a phase; undocumented values are unknown")
{
    CHECK(mprnotify::to_phase(1) == phase::pre);
    CHECK(mprnotify::to_phase(2) == phase::post);
    CHECK(mprnotify::to_phase(0) == phase::unknown);
    CHECK(mprnotify::to_phase(3) == phase::unknown);
    CHECK(mprnotify::to_phase(0xFFFFFFFFU) == phase::unknown);
}

TEST_CASE("phases and operations have names")
{
    CHECK(mprnotify::name(phase::pre) == "pre");
    CHECK(mprnotify::name(phase::post) == "post");
    CHECK(mprnotify::name(phase::unknown) == "unknown");
    CHECK(mprnotify::name(static_cast<phase>(7)) == "unknown");
    CHECK(mprnotify::name(operation::add_connection) == "add");
    CHECK(mprnotify::name(operation::cancel_connection) == "cancel");
    CHECK(mprnotify::name(static_cast<operation>(200)) == "unknown");
}
