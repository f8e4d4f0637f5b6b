// expect: connection_of has the wrong parameters or is overloaded; expected connection_of(mprnotify::wzstring_view
#include <mprnotify/provider.hpp>
#include <optional>
#include <string>
using namespace mprnotify;
struct handler {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    std::optional<std::wstring> connection_of(const wchar_t* local) // MPR's pointer itself: never handed out
    {
        return local[0] == L'P' ? std::optional<std::wstring>{L"\\\\server\\share"} : std::nullopt;
    }
};
MPRNOTIFY_PROVIDER_EXPORT(handler);
