// A notifyee DLL whose hooks all change the thread's last-error value (see last_error_hooks.hpp).
#include "last_error_hooks.hpp"

MPRNOTIFY_EXPORT(last_error_fixture::changes_last_error);
