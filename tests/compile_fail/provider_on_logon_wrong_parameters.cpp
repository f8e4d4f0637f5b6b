// expect: on_logon has the wrong parameters or is overloaded; expected on_logon(const mprnotify::logon_request&)
#include <mprnotify/provider.hpp>
#include <string>
using namespace mprnotify;
struct handler {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    // A near miss: the password as a plain string would leak into every copy and log.
    wn_status on_logon(const std::wstring& password)
    {
        return password.empty() ? wn_status::success : wn_status::success;
    }
};
MPRNOTIFY_PROVIDER_EXPORT(handler);
