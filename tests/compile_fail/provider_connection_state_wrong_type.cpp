// expect: connection_state_of must return std::optional<mprnotify::connection_state> or
#include <mprnotify/provider.hpp>
#include <optional>
using namespace mprnotify;
struct handler {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    // A near miss: a bool cannot say "not mine".
    bool connection_state_of(std::wstring_view) { return true; }
};
MPRNOTIFY_PROVIDER_EXPORT(handler);
