// expect: on_logon must return mprnotify::wn_status, or std::optional<std::wstring> (the logon script; std::nullopt for
#include <mprnotify/provider.hpp>
#include <string>
using namespace mprnotify;
struct handler {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    // A near miss: a raw pointer gives the library no way to allocate the script the documented way.
    const wchar_t* on_logon(const logon_request&) { return L"cmd /C logon.cmd"; }
};
MPRNOTIFY_PROVIDER_EXPORT(handler);
