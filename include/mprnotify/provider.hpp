// mprnotify/provider.hpp - everything a network provider needs: the request views, the lookup
// answers, the resources it enumerates, the credentials type, the entry points and
// MPRNOTIFY_PROVIDER_EXPORT.
#pragma once

#include "connect_request.hpp"       // IWYU pragma: export
#include "connection_info.hpp"       // IWYU pragma: export
#include "enumeration.hpp"           // IWYU pragma: export
#include "logon_request.hpp"         // IWYU pragma: export
#include "lookup.hpp"                // IWYU pragma: export
#include "net_resource.hpp"          // IWYU pragma: export
#include "nullable_wstring.hpp"      // IWYU pragma: export
#include "platform_provider.hpp"     // IWYU pragma: export
#include "policy.hpp"                // IWYU pragma: export
#include "provider_entry_points.hpp" // IWYU pragma: export
#include "provider_export.hpp"       // IWYU pragma: export
#include "resource_information.hpp"  // IWYU pragma: export
#include "secret.hpp"                // IWYU pragma: export
#include "status.hpp"                // IWYU pragma: export
