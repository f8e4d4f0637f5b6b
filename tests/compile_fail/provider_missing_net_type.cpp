// expect: a provider must say its network type
#include <mprnotify/provider.hpp>
#include <optional>
#include <string>
using namespace mprnotify;
struct handler {
    wn_status connect(const connect_request&) { return wn_status::success; }
    wn_status disconnect(const disconnect_request&) { return wn_status::success; }
}; // no net_type
MPRNOTIFY_PROVIDER_EXPORT(handler);
