// expect: before_add can ask for a post call (it returns decision<no_context> or hands over a context) but there is no after_add
#include <mprnotify/mprnotify.hpp>
using namespace mprnotify;
struct handler {
    decision<no_context> before_add(const add_connection&) { return call_after(); }
    void after_ad(const add_connection&, wn_status) {} // misspelt
};
MPRNOTIFY_EXPORT(handler);
