// expect: enumerates must be a static constexpr mprnotify::enum_scopes
#include <mprnotify/provider.hpp>
#include <vector>
using namespace mprnotify;
struct handler {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    static constexpr std::uint32_t enumerates = 1; // the WNNC bit itself: not accepted
    std::vector<net_resource> enumerate(const enum_request&) { return {}; }
};
MPRNOTIFY_PROVIDER_EXPORT(handler);
