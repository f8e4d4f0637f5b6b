// mprnotify/registry_key.hpp - an owning HKEY, and where the registry calls look (Windows).
#pragma once

#include "platform.hpp"
#include "unique_handle.hpp"

namespace mprnotify::registry {

namespace detail {
inline void close_key(HKEY key) noexcept { ::RegCloseKey(key); }
} // namespace detail

/// Owns an open HKEY and closes it once. Move-only: get(), release(), reset(), put(), operator bool.
using unique_key = unique_handle<HKEY, &detail::close_key>;

/// How a call opens a key: `write` creates it when missing.
enum class key_access { read, write };

} // namespace mprnotify::registry
