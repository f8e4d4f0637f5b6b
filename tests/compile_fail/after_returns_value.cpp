// expect: after_cancel has the wrong signature
#include <mprnotify/mprnotify.hpp>
using namespace mprnotify;
struct handler {
    int after_cancel(const cancel_connection&, wn_status) { return 0; }
};
MPRNOTIFY_EXPORT(handler);
