// mprnotify/registry.hpp - the registry part: registering notifyees (Notifyees) and network
// providers (the service key and ProviderOrder). The calls exist on Windows; the input rules and
// the ProviderOrder list editing are portable.
#pragma once

#include "core/registry_input.hpp"     // IWYU pragma: export
#include "registry/notifyees.hpp"      // IWYU pragma: export
#include "registry/provider_order.hpp" // IWYU pragma: export
#include "registry/providers.hpp"      // IWYU pragma: export
