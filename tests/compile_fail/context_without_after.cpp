// expect: there is no after_cancel to call; declare after_cancel or return decision<>
#include <mprnotify/mprnotify.hpp>
using namespace mprnotify;
struct handler {
    decision<long> before_cancel(const cancel_connection&) { return call_after(1L); }
};
MPRNOTIFY_EXPORT(handler);
