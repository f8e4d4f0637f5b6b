// expect: provider_name must be a static constexpr std::wstring_view holding the provider's Name
#include <mprnotify/provider.hpp>
#include <string_view>
using namespace mprnotify;
struct handler {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    static constexpr std::wstring_view provider_name = L"Home\tNetwork"; // a control character: no Name
    wn_status disconnect(const disconnect_request&) { return wn_status::not_connected; }
};
MPRNOTIFY_PROVIDER_EXPORT(handler);
