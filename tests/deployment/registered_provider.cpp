// The test provider (test_provider.c) plus regsvr32 support through the library's macro.
#include <mprnotify/registration.hpp>

MPRNOTIFY_EXPORT_PROVIDER_REGISTRATION(L"MprnotifyRegsvr32NP", L"mprnotify regsvr32 test network");
