// mprnotify/provider.hpp - the provider part: everything a network provider needs (the request
// views, the lookup answers, the resources it enumerates, the credential views, the entry points
// and MPRNOTIFY_PROVIDER_EXPORT).
#pragma once

#include "core/lock.hpp"                     // IWYU pragma: export
#include "core/nullable_wstring.hpp"         // IWYU pragma: export
#include "core/platform_provider.hpp"        // IWYU pragma: export
#include "core/policy.hpp"                   // IWYU pragma: export
#include "core/secret.hpp"                   // IWYU pragma: export
#include "core/status.hpp"                   // IWYU pragma: export
#include "core/version.hpp"                  // IWYU pragma: export
#include "core/wzstring_view.hpp"            // IWYU pragma: export
#include "provider/call_record.hpp"          // IWYU pragma: export
#include "provider/connect_request.hpp"      // IWYU pragma: export
#include "provider/connection_info.hpp"      // IWYU pragma: export
#include "provider/entry_points.hpp"         // IWYU pragma: export
#include "provider/enumeration.hpp"          // IWYU pragma: export
#include "provider/export.hpp"               // IWYU pragma: export
#include "provider/logon_request.hpp"        // IWYU pragma: export
#include "provider/lookup.hpp"               // IWYU pragma: export
#include "provider/net_resource.hpp"         // IWYU pragma: export
#include "provider/resource_information.hpp" // IWYU pragma: export
#include "provider/resource_packing.hpp"     // IWYU pragma: export
