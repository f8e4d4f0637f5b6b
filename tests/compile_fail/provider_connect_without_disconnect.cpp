// expect: a provider that connects must be able to disconnect: declare wn_status disconnect(const mprnotify::
#include <mprnotify/provider.hpp>
using namespace mprnotify;
struct handler {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    wn_status connect(const connect_request&) { return wn_status::success; }
    wn_status disconect(const disconnect_request&) { return wn_status::success; } // misspelt: no NPCancelConnection
};
MPRNOTIFY_PROVIDER_EXPORT(handler);
