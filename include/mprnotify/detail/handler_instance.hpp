// mprnotify/detail/handler_instance.hpp - the one handler object per process.
//
// Created on the first notification by a function-local static: thread-safe, and never run from
// DllMain or a namespace-scope initializer (where the loader lock is held).
#pragma once

#include <atomic>

namespace mprnotify::detail {

template <class Handler>
class handler_instance {
public:
    /// The handler, constructed on first use; throws whatever its constructor throws.
    static Handler& get()
    {
        static Handler& handler = make();
        return handler;
    }

    /// The handler if it has been constructed, else nullptr. Never constructs it.
    static Handler* existing() noexcept { return created_.load(std::memory_order_acquire); }

private:
    static Handler& make()
    {
        static Handler handler;
        created_.store(&handler, std::memory_order_release);
        return handler;
    }

    static constinit inline std::atomic<Handler*> created_{nullptr};
};

} // namespace mprnotify::detail
