// expect: the handler has no hook
#include <mprnotify/mprnotify.hpp>
using namespace mprnotify;
struct handler {
    void before_connect(const add_connection&) {}
}; // misspelt: not a hook
MPRNOTIFY_EXPORT(handler);
