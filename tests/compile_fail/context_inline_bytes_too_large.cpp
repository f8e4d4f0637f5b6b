// expect: context_inline_bytes is above max_context_inline_bytes
#include <mprnotify/mprnotify.hpp>
using namespace mprnotify;
struct huge_slots : fail_open {
    static constexpr std::size_t context_inline_bytes = 1024 * 1024;
};
struct handler {
    decision<int> before_add(const add_connection&) { return call_after(1); }
    void after_add(const add_connection&, wn_status, int) {}
};
MPRNOTIFY_EXPORT(handler, huge_slots);
