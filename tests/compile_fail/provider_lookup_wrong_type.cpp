// expect: connection_of must return std::optional<std::wstring> or mprnotify::lookup<std::wstring>
#include <mprnotify/provider.hpp>
#include <optional>
#include <string>
using namespace mprnotify;
struct handler {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    std::wstring connection_of(std::wstring_view) { return L"\\\\server\\share"; } // cannot say "not mine"
};
MPRNOTIFY_PROVIDER_EXPORT(handler);
