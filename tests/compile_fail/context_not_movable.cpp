// expect: Context must be movable
#include <mprnotify/mprnotify.hpp>
#include <mutex>
using namespace mprnotify;
struct handler {
    decision<std::mutex> before_add(const add_connection&) { return proceed; }
    void after_add(const add_connection&, wn_status, std::mutex&&) {}
};
MPRNOTIFY_EXPORT(handler);
