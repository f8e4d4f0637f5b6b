// expect: on_password_change has the wrong parameters or is overloaded; expected on_password_change(const
#include <mprnotify/provider.hpp>
using namespace mprnotify;
struct handler {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    // A near miss: the logon request where the password-change request is meant.
    wn_status on_password_change(const logon_request&) { return wn_status::success; }
};
MPRNOTIFY_PROVIDER_EXPORT(handler);
