// expect: the provider has no hook
#include <mprnotify/provider.hpp>
#include <optional>
#include <string>
using namespace mprnotify;
struct handler {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    wn_status add_connection(const connect_request&) { return wn_status::success; } // not a hook name
};
MPRNOTIFY_PROVIDER_EXPORT(handler);
