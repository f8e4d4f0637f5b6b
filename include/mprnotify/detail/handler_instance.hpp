// mprnotify/detail/handler_instance.hpp - the one handler object per process.
//
// Created on the first notification by a function-local static: thread-safe, and never run from
// DllMain or a namespace-scope initializer (where the loader lock is held).
// A handler whose construction is a constant expression and whose destruction does nothing (a
// stateless handler, or one holding only constants and atomics) runs no code to be created at all:
// it is constant-initialized, so a call pays no guard check for it.
#pragma once

#include <atomic>
#include <type_traits>

namespace mprnotify::detail {

/// True when `Handler{}` can be evaluated at compile time and destroying it runs no code.
template <class Handler>
concept constant_handler = std::is_trivially_destructible_v<Handler> && requires
{
    std::integral_constant<int, (static_cast<void>(Handler{}), 0)>{};
};

template <class Handler>
class handler_instance {
public:
    /// The handler, constructed on first use; throws whatever its constructor throws.
    static Handler& get()
    {
        if constexpr (constant_handler<Handler>) {
            return constant_;
        } else {
            static Handler& handler = make();
            return handler;
        }
    }

    /// The handler if it has been constructed, else nullptr. Never constructs it.
    static Handler* existing() noexcept
    {
        if constexpr (constant_handler<Handler>) {
            return &constant_;
        } else {
            return created_.load(std::memory_order_acquire);
        }
    }

private:
    static Handler& make()
    {
        static Handler handler;
        created_.store(&handler, std::memory_order_release);
        return handler;
    }

    static constinit inline std::atomic<Handler*> created_{nullptr};

    struct no_constant {};
    using constant_type = std::conditional_t<constant_handler<Handler>, Handler, no_constant>;
    static constinit inline constant_type constant_{};
};

} // namespace mprnotify::detail
