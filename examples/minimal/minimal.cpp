// The smallest useful notifyee: nothing may be mapped as drive X:.
#include <mprnotify/mprnotify.hpp>

struct no_drive_x {
    mprnotify::decision<> before_add(const mprnotify::add_connection& add)
    {
        if (add.local_name() == L"X:") {
            return mprnotify::veto(mprnotify::wn_status::access_denied);
        }
        return mprnotify::proceed;
    }
};

MPRNOTIFY_EXPORT(no_drive_x);
