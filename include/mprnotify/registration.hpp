// mprnotify/registration.hpp - regsvr32 support (DllRegisterServer / DllUnregisterServer) for a
// notifyee or a provider, under the name it has had since 0.1; also reachable as
// <mprnotify/registry/registration.hpp>.
#pragma once

#include "registry/registration.hpp" // IWYU pragma: export
