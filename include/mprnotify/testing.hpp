// mprnotify/testing.hpp - a simulated MPR for unit-testing notifyees and network providers,
// in-process or loaded by path.
#pragma once

#include "testing/credential_router.hpp" // IWYU pragma: export
#include "testing/notifyee.hpp"          // IWYU pragma: export
#include "testing/packed_buffer.hpp"     // IWYU pragma: export
#include "testing/provider.hpp"          // IWYU pragma: export
#include "testing/provider_browsing.hpp" // IWYU pragma: export
#include "testing/provider_journal.hpp"  // IWYU pragma: export
#include "testing/provider_router.hpp"   // IWYU pragma: export
#include "testing/provider_trace.hpp"    // IWYU pragma: export
#include "testing/router.hpp"            // IWYU pragma: export
#include "testing/trace.hpp"             // IWYU pragma: export
