// mprnotify/mprnotify.hpp - the notifyee part, under the name it has had since 0.1 (the same as
// <mprnotify/notifyee.hpp>; a provider includes <mprnotify/provider.hpp>).
#pragma once

#include "notifyee.hpp" // IWYU pragma: export
