// mprnotify/detail/core/atomic_word.hpp - a lock-free word (an integer, a pointer or a bool) with the
// operations the handler's instance and the enumeration table need: load, store and compare-exchange,
// each with its memory order.
//
// GCC and Clang get their __atomic built-ins, which std::atomic itself wraps, so a provider's
// translation unit does not parse <atomic> (in libstdc++ about 4 000 lines with the waiting and
// futex machinery C++20 added). MSVC, which has no such built-ins, gets std::atomic. Always inlined, as
// libstdc++'s own std::atomic members are: the code around them stays as it was with std::atomic.
#pragma once

#include "../../core/config.hpp"

#if defined(_MSC_VER) && !defined(__clang__)
#  include <atomic>
#endif

namespace mprnotify::detail {

/// The memory orders they use.
enum class word_order { relaxed, acquire, release };

/// A T (an unsigned integer of 32 bits or a pointer's size, a pointer or a bool) read and written
/// atomically, starting as T{}. Constant-initialised and trivially destroyed, like the std::atomic it
/// stands for.
// NOLINTBEGIN(cppcoreguidelines-pro-type-vararg): Clang declares the __atomic built-ins variadic; they are not
template <class T>
class atomic_word {
public:
    constexpr atomic_word() noexcept = default;
    atomic_word(const atomic_word&) = delete;
    atomic_word& operator=(const atomic_word&) = delete;
    atomic_word(atomic_word&&) = delete;
    atomic_word& operator=(atomic_word&&) = delete;
    ~atomic_word() = default;

    [[nodiscard]] MPRNOTIFY_DETAIL_INLINE T load(word_order order) const noexcept
    {
#if defined(_MSC_VER) && !defined(__clang__)
        return value_.load(standard(order));
#else
        return order == word_order::acquire ? __atomic_load_n(&value_, __ATOMIC_ACQUIRE)
                                            : __atomic_load_n(&value_, __ATOMIC_RELAXED);
#endif
    }

    MPRNOTIFY_DETAIL_INLINE void store(T value, word_order order) noexcept
    {
#if defined(_MSC_VER) && !defined(__clang__)
        value_.store(value, standard(order));
#else
        if (order == word_order::release) {
            __atomic_store_n(&value_, value, __ATOMIC_RELEASE);
        } else {
            __atomic_store_n(&value_, value, __ATOMIC_RELAXED);
        }
#endif
    }

    /// Strong compare-exchange: acquire when it succeeds, relaxed when it fails (expected then holds
    /// the value found).
    MPRNOTIFY_DETAIL_INLINE bool compare_exchange_acquire(T& expected, T desired) noexcept
    {
#if defined(_MSC_VER) && !defined(__clang__)
        return value_.compare_exchange_strong(expected, desired, std::memory_order_acquire, std::memory_order_relaxed);
#else
        return __atomic_compare_exchange_n(&value_, &expected, desired, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
#endif
    }

private:
#if defined(_MSC_VER) && !defined(__clang__)
    static constexpr std::memory_order standard(word_order order) noexcept
    {
        return order == word_order::acquire   ? std::memory_order_acquire
               : order == word_order::release ? std::memory_order_release
                                              : std::memory_order_relaxed;
    }
    std::atomic<T> value_{};
#else
    T value_{};
#endif
};
// NOLINTEND(cppcoreguidelines-pro-type-vararg)

} // namespace mprnotify::detail
