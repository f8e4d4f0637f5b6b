// expect: after_add has the wrong signature
#include <mprnotify/mprnotify.hpp>
using namespace mprnotify;
struct handler {
    void after_add(const add_connection&, wn_status, int) {}
};
MPRNOTIFY_EXPORT(handler);
