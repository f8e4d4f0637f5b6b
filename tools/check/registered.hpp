// registered.hpp - mprnotify-check --registered: every DLL under Notifyees, checked (Windows).
#pragma once

#include <string>

#include "checker.hpp"

namespace mprcheck {

/// Lists the values under HKLM\...\NetworkProvider\Notifyees and checks the DLL each names, as a
/// process of this program's bitness would load it (and, from a 64-bit process on 64-bit Windows,
/// the SysWOW64 copy 32-bit processes load for a System32 path). Appends the reports to `out`.
/// Returns the exit code: 0 all usable, 1 a DLL would not work, 2 the registry could not be read.
[[nodiscard]] int check_registered(const check_options& options, bool quiet, std::string& out);

} // namespace mprcheck
