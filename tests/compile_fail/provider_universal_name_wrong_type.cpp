// expect: universal_name_of must return std::optional<mprnotify::universal_name>
#include <mprnotify/provider.hpp>
#include <optional>
#include <string>
using namespace mprnotify;
struct handler {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    std::optional<std::wstring> universal_name_of(std::wstring_view) { return std::nullopt; } // not a universal_name
};
MPRNOTIFY_PROVIDER_EXPORT(handler);
