// expect: user_of has the wrong parameters or is overloaded
#include <mprnotify/provider.hpp>
#include <optional>
#include <string>
using namespace mprnotify;
struct handler {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    std::optional<std::wstring> user_of(const wchar_t* name)
    {
        return name ? std::optional<std::wstring>{name} : std::nullopt;
    }
};
MPRNOTIFY_PROVIDER_EXPORT(handler);
