// Contexts whose post never came are destroyed while their handler is still alive: at DLL unload
// (dlclose / FreeLibrary) and at process exit. Before this was fixed, the handler (created on the
// first call) was destroyed first and the contexts' destructors touched a dead object.
#include <doctest/doctest.h>

#include <mprnotify/testing.hpp>

#include <cstdlib>
#include <new>
#include <string>

#include "../support.hpp"
#include "unload_probe.hpp"

#if !defined(_WIN32)
#  include <sys/mman.h>
#  include <sys/wait.h>
#  include <unistd.h>
#endif

using namespace test_support;

namespace {

/// Loads the notifyee, attaches `probe` and leaves `pending` contexts waiting for a post.
mprnotify::testing::shared_library load_with_pending(unload_probe* probe, int pending)
{
    std::string error;
    auto library = mprnotify::testing::shared_library::open(MPRNOTIFY_UNLOAD_NOTIFYEE, &error);
    REQUIRE_MESSAGE(library.has_value(), error);
    const auto attach = reinterpret_cast<unload_probe_attach_fn>(library->symbol("unload_probe_attach"));
    const auto add = reinterpret_cast<mprnotify::platform::add_connect_notify_fn>(library->symbol("AddConnectNotify"));
    const bool exported = attach != nullptr && add != nullptr; // doctest cannot print function pointers
    REQUIRE(exported);
    attach(probe);
    add_struct request;
    for (int i = 0; i < pending; ++i) {
        auto pre = pre_info();
        REQUIRE(add(&pre, request.get()) == 0U);
        REQUIRE(pre.lpContext != nullptr); // a post is awaited, and will never come
    }
    return std::move(*library);
}

} // namespace

TEST_CASE("at unload, pending contexts are destroyed before their handler")
{
    unload_probe probe;
    {
        auto library = load_with_pending(&probe, 5);
        CHECK(probe.handler_alive == 1);
        CHECK(probe.live_contexts == 5);
    } // unloaded here
    CHECK(probe.handler_alive == 0);
    CHECK(probe.live_contexts == 0);
    CHECK(probe.destroyed_after_handler == 0);
}

#if !defined(_WIN32)
TEST_CASE("at process exit, pending contexts are destroyed before their handler")
{
    // The probe lives in memory shared with a child process that exits with contexts pending.
    void* shared = ::mmap(nullptr, sizeof(unload_probe), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    REQUIRE(shared != MAP_FAILED);
    auto* probe = new (shared) unload_probe{};
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        auto library = load_with_pending(probe, 3);
        // std::exit destroys no local: the library stays loaded, so the exit path runs, not the unload path.
        std::exit(probe->live_contexts == 3 ? 0 : 2);
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(probe->handler_alive == 0);
    CHECK(probe->live_contexts == 0);
    CHECK(probe->destroyed_after_handler == 0);
    ::munmap(shared, sizeof(unload_probe));
}
#endif
