// expect: the value name must be 1-255 characters, without backslash or control characters
#include <mprnotify/registration.hpp>
MPRNOTIFY_EXPORT_REGISTRATION(L"Notifyees\\nested");
