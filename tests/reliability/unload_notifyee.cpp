// A notifyee whose contexts refer to their handler, as an in-flight counter or an "abandoned"
// log line does. Every pre asks for a post that the test never sends, so every context is still
// pending when the library is unloaded or the process exits: the library must destroy them while
// the handler is alive (the probe counts any that it destroys later).
#include <mprnotify/mprnotify.hpp>

#include "unload_probe.hpp"

namespace {

unload_probe* probe = nullptr;

struct tracking_handler;

struct in_flight {
    tracking_handler* owner;
    explicit in_flight(tracking_handler* h) noexcept;
    in_flight(in_flight&& other) noexcept;
    in_flight(const in_flight&) = delete;
    in_flight& operator=(const in_flight&) = delete;
    in_flight& operator=(in_flight&&) = delete;
    ~in_flight();
};

struct tracking_handler {
    int in_flight_count = 0; // touched by every context's destructor
    tracking_handler() noexcept
    {
        if (probe != nullptr) {
            probe->handler_alive = 1;
        }
    }
    tracking_handler(const tracking_handler&) = delete;
    tracking_handler& operator=(const tracking_handler&) = delete;
    ~tracking_handler()
    {
        if (probe != nullptr) {
            probe->handler_alive = 0;
        }
    }
    mprnotify::decision<in_flight> before_add(const mprnotify::add_connection& /*unused*/)
    {
        return mprnotify::call_after(in_flight{this});
    }
    void after_add(const mprnotify::add_connection& /*unused*/, mprnotify::wn_status /*unused*/, in_flight&& /*unused*/)
    {
    }
};

void count(int change) noexcept
{
    if (probe != nullptr) {
        probe->live_contexts += change;
    }
}

in_flight::in_flight(tracking_handler* h) noexcept : owner(h)
{
    ++owner->in_flight_count;
    count(+1);
}
in_flight::in_flight(in_flight&& other) noexcept : owner(other.owner)
{
    ++owner->in_flight_count;
    count(+1);
}
in_flight::~in_flight()
{
    if (probe != nullptr && probe->handler_alive == 0) {
        ++probe->destroyed_after_handler; // the line below would be a use after free (ASan reports it)
    }
    --owner->in_flight_count;
    count(-1);
}

} // namespace

MPRNOTIFY_EXPORT(tracking_handler);

extern "C" MPRNOTIFY_DETAIL_EXPORT_ATTRIBUTE void unload_probe_attach(unload_probe* p) { probe = p; }
