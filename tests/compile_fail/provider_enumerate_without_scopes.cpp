// expect: a provider with an enumerate hook must say which scopes it enumerates
#include <mprnotify/provider.hpp>
#include <vector>
using namespace mprnotify;
struct handler {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    std::vector<net_resource> enumerate(const enum_request&) { return {}; } // NPGetCaps could not announce it
};
MPRNOTIFY_PROVIDER_EXPORT(handler);
