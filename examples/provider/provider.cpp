// An existing network-provider DLL that adds connection notifications.
//
// The DLL already has a DllMain and exports through its own .def file (provider.def), so export
// emission is switched off and two forwarding lines define the functions the .def names.
#define MPRNOTIFY_NO_EXPORT_DIRECTIVES
#include <mprnotify/mprnotify.hpp>

#include <atomic>

#if defined(_WIN32)
#  define PROVIDER_API extern "C"
#else // no .def off Windows: the provider's own export mechanism is symbol visibility
#  define PROVIDER_API extern "C" __attribute__((visibility("default")))
#endif

namespace {

/// The provider's notification handler: count connections this provider's clients make.
struct drive_notifications {
    std::atomic<unsigned> connected{0};
    void after_add(const mprnotify::add_connection&, mprnotify::wn_status result)
    {
        if (result == mprnotify::wn_status::success) {
            connected.fetch_add(1, std::memory_order_relaxed);
        }
    }
};

using notifications = mprnotify::entry_points<drive_notifications>;

} // namespace

// The provider's existing code: its DllMain and one of its NP* functions.
#if defined(_WIN32)
BOOL WINAPI DllMain(HINSTANCE, DWORD, LPVOID) { return TRUE; }
#endif
// The exported functions are defined in a namespace of their own: a C-linkage name is the same
// function in any namespace, and there it cannot collide with the C++-linkage declarations that
// MinGW-w64's npapi.h (no extern "C" guard) leaves when a file includes <npapi.h> first.
namespace provider_exports {

PROVIDER_API mprnotify::platform::dword MPRNOTIFY_APIENTRY NPGetCaps(mprnotify::platform::dword index)
{
    return index == 1 /* WNNC_SPEC_VERSION */ ? 0x00040001 : 0;
}

// The two forwarding lines:
PROVIDER_API mprnotify::platform::dword MPRNOTIFY_APIENTRY AddConnectNotify(mprnotify::platform::notify_info_param info,
                                                                            mprnotify::platform::notify_add_param add)
{
    return notifications::add_connect_notify(info, add);
}
PROVIDER_API mprnotify::platform::dword MPRNOTIFY_APIENTRY
CancelConnectNotify(mprnotify::platform::notify_info_param info, mprnotify::platform::notify_cancel_param cancel)
{
    return notifications::cancel_connect_notify(info, cancel);
}

} // namespace provider_exports
