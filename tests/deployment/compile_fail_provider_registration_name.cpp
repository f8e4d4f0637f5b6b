// expect: without backslash, comma, control characters or a space at either end
#include <mprnotify/registration.hpp>
MPRNOTIFY_EXPORT_PROVIDER_REGISTRATION(L"Contoso,NP", L"Contoso Network");
