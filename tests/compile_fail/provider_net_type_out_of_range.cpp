// expect: net_type must be a static constexpr integer constant that fits a DWORD
#include <mprnotify/provider.hpp>
#include <optional>
#include <string>
using namespace mprnotify;
struct handler {
    static constexpr long long net_type = -1; // not a DWORD
    wn_status connect(const connect_request&) { return wn_status::success; }
    wn_status disconnect(const disconnect_request&) { return wn_status::success; }
};
MPRNOTIFY_PROVIDER_EXPORT(handler);
