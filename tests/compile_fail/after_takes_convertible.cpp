// expect: after_add has the wrong signature
#include <mprnotify/mprnotify.hpp>
#include <string>
using namespace mprnotify;
struct handler { // std::string is constructible from the context, but is not the context
    decision<const char*> before_add(const add_connection&) { return call_after("x"); }
    void after_add(const add_connection&, wn_status, std::string) {}
};
MPRNOTIFY_EXPORT(handler);
