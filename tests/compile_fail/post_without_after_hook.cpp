// expect: there is no after_add to call; declare after_add or return decision<>
#include <mprnotify/mprnotify.hpp>
using namespace mprnotify;
struct handler {
    decision<no_context> before_add(const add_connection&) { return call_after(); }
    void after_ad(const add_connection&, wn_status) {} // misspelt
};
MPRNOTIFY_EXPORT(handler);
