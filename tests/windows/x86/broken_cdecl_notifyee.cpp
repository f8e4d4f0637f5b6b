// Deliberately broken: AddConnectNotify is __cdecl but exported under the plain name
// (broken_cdecl_notifyee.def), so it returns with `ret` and leaves MPR's 8 bytes of arguments on the
// stack; on x86 the caller then runs with ESP 8 bytes off. Everything else is right: the logic is
// examples/minimal's, CancelConnectNotify is __stdcall. The 32-bit run must reject this DLL.
#define MPRNOTIFY_NO_EXPORT_DIRECTIVES
#include <mprnotify/mprnotify.hpp>

namespace {

struct no_drive_x {
    mprnotify::decision<> before_add(const mprnotify::add_connection& add)
    {
        if (add.local_name() == L"X:") {
            return mprnotify::veto(mprnotify::wn_status::access_denied);
        }
        return mprnotify::proceed;
    }
};

using entry = mprnotify::entry_points<no_drive_x>;

} // namespace

// The .def exports these as AddConnectNotify and CancelConnectNotify.
extern "C" DWORD __cdecl broken_add_connect_notify(LPNOTIFYINFO info, LPNOTIFYADD add)
{
    return entry::add_connect_notify(info, add);
}
extern "C" DWORD WINAPI broken_cancel_connect_notify(LPNOTIFYINFO info, LPNOTIFYCANCEL cancel)
{
    return entry::cancel_connect_notify(info, cancel);
}
