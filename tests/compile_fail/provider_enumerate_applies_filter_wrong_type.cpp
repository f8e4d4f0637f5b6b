// expect: enumerate_applies_filter must be a static constexpr bool
#include <mprnotify/provider.hpp>
#include <vector>
using namespace mprnotify;
struct handler {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    static constexpr enum_scopes enumerates = enum_scopes::globalnet;
    static constexpr int enumerate_applies_filter = 1; // not a bool: rejected rather than read as one
    std::vector<net_resource> enumerate(const enum_request&) { return {}; }
};
MPRNOTIFY_PROVIDER_EXPORT(handler);
