// mprnotify/notifyee.hpp - the notifyee part: everything a connection-notification DLL needs
// (the NOTIFYADD / NOTIFYCANCEL views, decisions, the entry points and MPRNOTIFY_EXPORT).
#pragma once

#include "core/failure.hpp"               // IWYU pragma: export
#include "core/nullable_wstring.hpp"      // IWYU pragma: export
#include "core/operation.hpp"             // IWYU pragma: export
#include "core/policy.hpp"                // IWYU pragma: export
#include "core/status.hpp"                // IWYU pragma: export
#include "core/version.hpp"               // IWYU pragma: export
#include "notifyee/add_connection.hpp"    // IWYU pragma: export
#include "notifyee/cancel_connection.hpp" // IWYU pragma: export
#include "notifyee/decision.hpp"          // IWYU pragma: export
#include "notifyee/entry_points.hpp"      // IWYU pragma: export
#include "notifyee/export.hpp"            // IWYU pragma: export
