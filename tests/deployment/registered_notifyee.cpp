// A notifyee that regsvr32 can register: MPRNOTIFY_EXPORT plus MPRNOTIFY_EXPORT_REGISTRATION.
#include <mprnotify/mprnotify.hpp>
#include <mprnotify/registration.hpp>

struct count_connections {
    void after_add(const mprnotify::add_connection&, mprnotify::wn_status) {}
};
MPRNOTIFY_EXPORT(count_connections);
MPRNOTIFY_EXPORT_REGISTRATION(L"mprnotify-regsvr32-test");
