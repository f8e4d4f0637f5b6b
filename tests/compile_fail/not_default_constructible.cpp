// expect: must be default-constructible
#include <mprnotify/mprnotify.hpp>
using namespace mprnotify;
struct handler {
    explicit handler(int) {}
    void after_add(const add_connection&, wn_status) {}
};
MPRNOTIFY_EXPORT(handler);
