// expect: on_password_change must return mprnotify::wn_status (WN_SUCCESS, or the code MPR should get)
#include <mprnotify/provider.hpp>
using namespace mprnotify;
struct handler {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    bool on_password_change(const password_change_request&) { return true; }
};
MPRNOTIFY_PROVIDER_EXPORT(handler);
