// The timing half of the audit example with the library: the same work as bench/baselines/audit_timing.c.
// The pre call starts a clock and hands it over as the context; the post call reads it and records
// the elapsed time and the result in the same kind of sink.
#include <time.h>

#include <mprnotify/mprnotify.hpp>

namespace {

struct timing {
    timespec started;
};

volatile long long sink_elapsed_ns;
volatile unsigned sink_result;

timing start() noexcept
{
    timing t{};
    clock_gettime(CLOCK_MONOTONIC, &t.started);
    return t;
}

void record(mprnotify::wn_status result, const timing& t) noexcept
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    sink_elapsed_ns =
        static_cast<long long>(now.tv_sec - t.started.tv_sec) * 1000000000LL + (now.tv_nsec - t.started.tv_nsec);
    sink_result = mprnotify::to_underlying(result);
}

struct audit_timing {
    mprnotify::decision<timing> before_add(const mprnotify::add_connection&) { return mprnotify::call_after(start()); }
    mprnotify::decision<timing> before_cancel(const mprnotify::cancel_connection&)
    {
        return mprnotify::call_after(start());
    }
    void after_add(const mprnotify::add_connection&, mprnotify::wn_status result, timing t) { record(result, t); }
    void after_cancel(const mprnotify::cancel_connection&, mprnotify::wn_status result, timing t) { record(result, t); }
};

} // namespace

MPRNOTIFY_EXPORT(audit_timing);
