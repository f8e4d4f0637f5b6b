// mprnotify/detail/core/handler_instance.hpp - the one handler object per process, and what lives and
// dies with it.
//
// Created on the first call by a function-local static: thread-safe, and never run from DllMain or
// a namespace-scope initializer (where the loader lock is held). Three cases are answered instead
// of ending the process:
//   - re-entry: the handler's constructor makes a call that reaches the library again on the same
//     thread (it maps a configuration share, say). A function-local static would throw
//     recursive_init_error or deadlock; get() returns nullptr and the boundary answers by policy.
//   - a constructor that throws: get() lets the exception through; the next call tries again.
//   - after destruction (process exit, DLL unload): get() and existing() return nullptr.
// A handler whose construction is a constant expression and whose destruction does nothing (a
// stateless handler, or one holding only constants and atomics) is constant-initialized: a call
// pays no guard check for it, and it is never destroyed.
//
// Objects that may refer to the handler (the contexts awaiting their post, enumeration state) live
// in tables made by owned_by_handler<T>(): created after the handler, so destroyed before it. A
// table can be gone while the handler is not (a constant handler is never destroyed, and a call at
// exit may come after the table's destructor): owned_by_handler<T>::existing() then answers NULL.
#pragma once

#include <exception>
#include <type_traits>

#include <gsl/util>

#include "../../core/config.hpp"
#include "../../core/status.hpp"
#include "atomic_word.hpp"

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
    /// The handler, constructed on first use; nullptr on re-entry during its construction on this
    /// thread, or once it has been destroyed. Throws whatever its constructor throws.
    static Handler* get()
    {
        if constexpr (constant_handler<Handler>) {
            return &constant_;
        } else {
            if (Handler* handler = created_.load(word_order::acquire)) {
                return handler;
            }
            if (constructing_here_ || destroyed_.load(word_order::acquire)) {
                return nullptr;
            }
            return create();
        }
    }

    /// The handler if it exists, else nullptr. Never constructs it.
    static Handler* existing() noexcept
    {
        if constexpr (constant_handler<Handler>) {
            return &constant_;
        } else {
            return created_.load(word_order::acquire);
        }
    }

    /// True once the handler has been destroyed (the process is exiting or the DLL unloading).
    [[nodiscard]] static bool gone() noexcept
    {
        if constexpr (constant_handler<Handler>) {
            return false;
        } else {
            return destroyed_.load(word_order::acquire);
        }
    }

private:
    struct holder {
        Handler handler;
        holder() = default;
        holder(const holder&) = delete;
        holder& operator=(const holder&) = delete;
        ~holder()
        {
            created_.store(nullptr, word_order::release);
            destroyed_.store(true, word_order::release);
        }
    };

    static Handler* create()
    {
        constructing_here_ = true;
        const auto done = gsl::finally([] { constructing_here_ = false; }); // however the constructor ends
        static holder instance; // another thread waits here until the first one has finished
        created_.store(&instance.handler, word_order::release);
        return &instance.handler;
    }

    static constinit inline atomic_word<Handler*> created_;
    static constinit inline atomic_word<bool> destroyed_;
    static constinit inline thread_local bool constructing_here_ = false;

    struct no_constant {};
    using constant_type = std::conditional_t<constant_handler<Handler>, Handler, no_constant>;
    static constinit inline constant_type constant_{};
};

/// The handler for code outside a call from MPR (a unit test, forwarding code): created on first
/// use. From the handler's own constructor or after its destruction it throws
/// wn_error(WN_FUNCTION_BUSY), or ends the program in a build without exceptions.
template <class Handler>
[[nodiscard]] Handler& handler_for_caller()
{
    if (Handler* existing = handler_instance<Handler>::get()) {
        return *existing;
    }
#if MPRNOTIFY_HAS_EXCEPTIONS
    throw wn_error{wn_status::function_busy, "the handler is under construction or already destroyed"};
#else
    std::terminate();
#endif
}

/// Holds a T whose initialization is always dynamic: the volatile write keeps a compiler from
/// turning it into constant (early) initialization, which would order its destruction after the
/// handler's.
template <class T>
struct dynamically_initialized {
    T value;
    dynamically_initialized() noexcept { made = true; }
    static inline volatile bool made = false;
};

/// A T made on first use. The boundary first makes sure the handler exists, so T's initialization
/// completes after the handler's and its destruction (at exit or unload, in reverse order) comes
/// first: whatever T holds is destroyed while the handler is alive. `Owner` makes one T per user.
/// A call after the first costs one acquire load; the static and its guard stay out of line.
/// Once T is destroyed, existing() answers nullptr and gone() true; get() must not be called then
/// (it would return the destroyed T), so a caller that may run at exit asks one of them first.
template <class T, class Owner>
class owned_by_handler {
public:
    static T& get() noexcept
    {
        if (T* made = made_.load(word_order::acquire)) [[likely]] {
            return *made;
        }
        return make();
    }

    /// T if it has been made and not yet destroyed, else nullptr. Never makes it.
    [[nodiscard]] static T* existing() noexcept { return made_.load(word_order::acquire); }

    /// True once T has been destroyed (process exit, DLL unload).
    [[nodiscard]] static bool gone() noexcept { return gone_.load(word_order::acquire); }

private:
    /// Says T is gone before T's destructor runs (members are destroyed after the body).
    struct holder {
        dynamically_initialized<T> object;
        holder() noexcept = default;
        holder(const holder&) = delete;
        holder& operator=(const holder&) = delete;
        ~holder()
        {
            gone_.store(true, word_order::release);
            made_.store(nullptr, word_order::release);
        }
    };

    MPRNOTIFY_DETAIL_NOINLINE static T& make() noexcept
    {
        static holder instance;
        if (!gone_.load(word_order::acquire)) {
            made_.store(&instance.object.value, word_order::release);
        }
        return instance.object.value;
    }

    static constinit inline atomic_word<T*> made_;
    static constinit inline atomic_word<bool> gone_;
};

} // namespace mprnotify::detail
