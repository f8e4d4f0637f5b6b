// expect: connect has the wrong parameters or is overloaded
#include <mprnotify/provider.hpp>
#include <optional>
#include <string>
using namespace mprnotify;
struct handler {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    wn_status connect(const std::wstring& remote_name)
    {
        return remote_name.empty() ? wn_status::bad_netname : wn_status::success;
    }
};
MPRNOTIFY_PROVIDER_EXPORT(handler);
