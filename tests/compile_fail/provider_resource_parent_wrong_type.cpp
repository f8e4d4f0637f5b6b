// expect: resource_parent must return std::optional<mprnotify::net_resource>
#include <mprnotify/provider.hpp>
#include <optional>
#include <string>
using namespace mprnotify;
struct handler {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    std::optional<std::wstring> resource_parent(const resource_request&)
    {
        return L"\\\\home";
    } // a name, not a resource
};
MPRNOTIFY_PROVIDER_EXPORT(handler);
