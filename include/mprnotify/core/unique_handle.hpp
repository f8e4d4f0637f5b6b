// mprnotify/core/unique_handle.hpp - an owning handle, declared in one line from its close function.
//
//     inline void close_key(HKEY key) noexcept { ::RegCloseKey(key); }
//     using unique_key = mprnotify::unique_handle<HKEY, &close_key>;
//
// The idea of WIL's unique_any: one move-only RAII class for every kind of handle, so each new kind
// costs a close function, not another hand-written class with its own move and reset bugs. The
// empty value is `Handle{}` (nullptr for HKEY, HMODULE and dlopen handles); the close function is
// called exactly once for every non-empty handle the object owned. Portable: no Windows header.
#pragma once

#include <utility>

namespace mprnotify {

/// Owns a `Handle` and calls `Close` on it once. Move-only; empty when it holds `Handle{}`.
/// `Close` is the address of a function (or static member function) callable as `Close(handle)`;
/// its return value, if any, is ignored (a destructor has no one to report to).
template <class Handle, auto Close>
class unique_handle {
public:
    using handle_type = Handle;

    constexpr unique_handle() noexcept = default;
    constexpr explicit unique_handle(Handle handle) noexcept : handle_(handle) {}
    constexpr unique_handle(unique_handle&& other) noexcept : handle_(other.release()) {}
    constexpr unique_handle& operator=(unique_handle&& other) noexcept
    {
        if (this != &other) {
            reset(other.release());
        }
        return *this;
    }
    unique_handle(const unique_handle&) = delete;
    unique_handle& operator=(const unique_handle&) = delete;
    ~unique_handle() { reset(); }

    /// The handle held (still owned), or `Handle{}`.
    [[nodiscard]] constexpr Handle get() const noexcept { return handle_; }
    [[nodiscard]] constexpr explicit operator bool() const noexcept { return handle_ != Handle{}; }

    /// Gives up ownership without closing; the object is empty afterwards.
    [[nodiscard]] constexpr Handle release() noexcept { return std::exchange(handle_, Handle{}); }

    /// Closes the handle held (if any) and takes `handle`.
    constexpr void reset(Handle handle = Handle{}) noexcept
    {
        const Handle old = std::exchange(handle_, handle);
        if (old != Handle{}) {
            static_cast<void>(Close(old));
        }
    }

    /// Closes the handle held and returns where an API may store a new one (an out parameter).
    [[nodiscard]] Handle* put() noexcept
    {
        reset();
        return &handle_;
    }

    constexpr void swap(unique_handle& other) noexcept { std::swap(handle_, other.handle_); }
    friend constexpr void swap(unique_handle& a, unique_handle& b) noexcept { a.swap(b); }

private:
    Handle handle_{};
};

} // namespace mprnotify
