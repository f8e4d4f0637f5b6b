// expect: before_cancel must return mprnotify::decision
#include <mprnotify/mprnotify.hpp>
using namespace mprnotify;
struct handler {
    bool before_cancel(const cancel_connection&) { return true; }
};
MPRNOTIFY_EXPORT(handler);
