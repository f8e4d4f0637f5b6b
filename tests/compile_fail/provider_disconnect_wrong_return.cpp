// expect: disconnect must return mprnotify::wn_status
#include <mprnotify/provider.hpp>
#include <optional>
#include <string>
using namespace mprnotify;
struct handler {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    void disconnect(const disconnect_request&) {}
};
MPRNOTIFY_PROVIDER_EXPORT(handler);
