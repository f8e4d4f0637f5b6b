// expect: call_after() without a context in a before-hook declared decision<C>
#include <mprnotify/mprnotify.hpp>
using namespace mprnotify;
struct handler {
    decision<int> before_add(const add_connection&) { return call_after(); }
    void after_add(const add_connection&, wn_status, int) {}
};
MPRNOTIFY_EXPORT(handler);
