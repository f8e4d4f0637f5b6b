// mprnotify/registry/key.hpp - an owning HKEY, and where the registry calls look (Windows).
#pragma once

#include "../core/platform.hpp"
#include "../core/unique_handle.hpp"

namespace mprnotify::registry {

} // namespace mprnotify::registry

namespace mprnotify::detail {
inline void close_key(HKEY key) noexcept { ::RegCloseKey(key); }
} // namespace mprnotify::detail

namespace mprnotify::registry {

/// Owns an open HKEY and closes it once. Move-only: get(), release(), reset(), put(), operator bool.
using unique_key = unique_handle<HKEY, &detail::close_key>;

/// How a call opens a key: `write` creates it when missing.
enum class key_access { read, write };

} // namespace mprnotify::registry
