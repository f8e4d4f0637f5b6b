// expect: connection_performance_of must return std::optional<mprnotify::connection_performance> or
#include <mprnotify/provider.hpp>
#include <optional>
using namespace mprnotify;
struct handler {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    // A near miss: the raw structure, whose cbStructure only the library may keep.
    std::optional<platform::net_connect_info> connection_performance_of(std::wstring_view) { return std::nullopt; }
};
MPRNOTIFY_PROVIDER_EXPORT(handler);
