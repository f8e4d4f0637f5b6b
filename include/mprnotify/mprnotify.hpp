// mprnotify/mprnotify.hpp - everything a notifyee needs: views, decisions, status, entry points.
#pragma once

#include "add_connection.hpp"    // IWYU pragma: export
#include "cancel_connection.hpp" // IWYU pragma: export
#include "decision.hpp"          // IWYU pragma: export
#include "entry_points.hpp"      // IWYU pragma: export
#include "export.hpp"            // IWYU pragma: export
#include "failure.hpp"           // IWYU pragma: export
#include "operation.hpp"         // IWYU pragma: export
#include "nullable_wstring.hpp"  // IWYU pragma: export
#include "policy.hpp"            // IWYU pragma: export
#include "status.hpp"            // IWYU pragma: export
#include "version.hpp"           // IWYU pragma: export
