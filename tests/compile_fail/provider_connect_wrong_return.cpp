// expect: connect must return mprnotify::wn_status
#include <mprnotify/provider.hpp>
#include <optional>
#include <string>
using namespace mprnotify;
struct handler {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    bool connect(const connect_request&) { return true; } // a bool cannot say which WN code
};
MPRNOTIFY_PROVIDER_EXPORT(handler);
