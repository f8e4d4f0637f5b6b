// expect: call_after() in a before-hook declared decision<>, which can only proceed or veto
#include <mprnotify/mprnotify.hpp>
using namespace mprnotify;
struct handler {
    decision<> before_add(const add_connection&) { return call_after(); }
    void after_ad(const add_connection&, wn_status) {} // misspelt: must not become dead code
};
MPRNOTIFY_EXPORT(handler);
