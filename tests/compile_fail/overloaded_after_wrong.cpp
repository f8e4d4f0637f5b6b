// expect: after_add has the wrong signature
#include <mprnotify/mprnotify.hpp>
using namespace mprnotify;
struct handler { // overloads of one arity, none of them right: once read as "no hook at all"
    void after_add(const add_connection&, int) {}
    void after_add(const cancel_connection&, wn_status) {}
};
MPRNOTIFY_EXPORT(handler);
