// expect: before_cancel can ask for a post call (it returns decision<no_context> or hands over a context) but there is no after_cancel
#include <mprnotify/mprnotify.hpp>
using namespace mprnotify;
struct handler {
    decision<long> before_cancel(const cancel_connection&) { return call_after(1L); }
};
MPRNOTIFY_EXPORT(handler);
