// expect: enumerate_applies_filter is declared but there is no enumerate hook
#include <mprnotify/provider.hpp>
using namespace mprnotify;
struct handler {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    static constexpr bool enumerate_applies_filter = true;
    wn_status connect(const connect_request&) { return wn_status::success; }
    wn_status disconnect(const disconnect_request&) { return wn_status::success; }
};
MPRNOTIFY_PROVIDER_EXPORT(handler);
