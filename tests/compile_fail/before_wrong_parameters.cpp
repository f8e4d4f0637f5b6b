// expect: before_add has the wrong parameters
#include <mprnotify/mprnotify.hpp>
using namespace mprnotify;
struct handler {
    decision<> before_add(const cancel_connection&) { return proceed; }
};
MPRNOTIFY_EXPORT(handler);
