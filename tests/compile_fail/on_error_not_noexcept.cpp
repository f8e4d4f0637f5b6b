// expect: on_error must be declared void on_error(const mprnotify::failure&) noexcept
#include <mprnotify/mprnotify.hpp>
using namespace mprnotify;
struct handler {
    void after_add(const add_connection&, wn_status) {}
    void on_error(const failure&) {}
};
MPRNOTIFY_EXPORT(handler);
