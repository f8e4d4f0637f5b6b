// The one C++ file added to the C provider: its notification handler and the two exports.
//
// It includes the provider's own headers first, as the provider's other files do (MinGW-w64's
// npapi.h then declares AddConnectNotify with C++ linkage; the library is written for that). The
// provider exports through c_provider.def, so the library emits no export directive on Windows.
#if defined(_WIN32)
#  include <windows.h>
#  include <npapi.h>
#  define MPRNOTIFY_NO_EXPORT_DIRECTIVES
#endif
#include <mprnotify/mprnotify.hpp>

#include <string_view>

namespace {

/// Connections to this provider's server may not take a drive letter the provider reserves.
struct reserved_drive {
    mprnotify::decision<> before_add(const mprnotify::add_connection& add)
    {
        const bool ours = add.remote_name().view().starts_with(L"\\\\cprovider\\");
        const bool reserved = add.local_name() == std::wstring_view{L"R:"};
        if (ours && reserved) {
            return mprnotify::veto(mprnotify::wn_status::already_connected);
        }
        return mprnotify::proceed;
    }
};

} // namespace

MPRNOTIFY_EXPORT(reserved_drive);
