// expect: after_add has the wrong signature
#include <mprnotify/mprnotify.hpp>
using namespace mprnotify;
struct handler { // once read as "a context but no after_add"
    decision<int> before_add(const add_connection&) { return call_after(1); }
    void after_add(const add_connection&, wn_status, const char*) {}
    void after_add(const cancel_connection&, wn_status, const char*) {}
};
MPRNOTIFY_EXPORT(handler);
