// mprnotify/core/lock.hpp - the lock a handler keeps its state under: what a careful C provider
// uses (an SRW lock on Windows, a pthread mutex elsewhere), shaped for std::scoped_lock.
//
// Why not std::mutex: with MinGW-w64 it is winpthreads' mutex, with MSVC a call into the C++
// runtime, and with libstdc++ each lock() tests an error code it would throw for. This one is a
// bare SRWLOCK or pthread_mutex_t: constant-initialised, so a handler holding it can be built at
// compile time, and with nothing to destroy, so neither a DLL unload nor process exit runs code
// for it (a thread that held it when the process began to exit cannot make a destructor fail).
#pragma once

#include <type_traits>

#include "platform.hpp"

#if !MPRNOTIFY_PLATFORM_WINDOWS
#  include <pthread.h>
#elif defined(__GNUC__) && !defined(__clang__)
// As for GetLastError in platform.hpp: GCC must know these plain Win32 calls never throw, or every
// noexcept function that locks would carry a terminate region and the C++ exception runtime. All
// three are declared dllimport, as some MinGW-w64 headers declare them (adding it is silent).
extern "C" {
WINBASEAPI VOID WINAPI AcquireSRWLockExclusive(PSRWLOCK SRWLock) __attribute__((nothrow));
WINBASEAPI VOID WINAPI ReleaseSRWLockExclusive(PSRWLOCK SRWLock) __attribute__((nothrow));
WINBASEAPI BOOLEAN WINAPI TryAcquireSRWLockExclusive(PSRWLOCK SRWLock) __attribute__((nothrow));
}
#endif

namespace mprnotify {

/// A non-recursive exclusive lock (Lockable: lock, try_lock, unlock), for std::scoped_lock and
/// std::unique_lock. Constant-initialised, never moved or copied, trivially destroyed.
class exclusive_lock {
public:
    constexpr exclusive_lock() noexcept = default;
    exclusive_lock(const exclusive_lock&) = delete;
    exclusive_lock& operator=(const exclusive_lock&) = delete;
    exclusive_lock(exclusive_lock&&) = delete;
    exclusive_lock& operator=(exclusive_lock&&) = delete;
    ~exclusive_lock() = default;

    /// Waits until this thread holds the lock. A thread that already holds it must not ask again.
    void lock() noexcept
    {
#if MPRNOTIFY_PLATFORM_WINDOWS
        AcquireSRWLockExclusive(&native_);
#else
        // A default mutex taken by a thread that does not hold it has no error to report.
        static_cast<void>(pthread_mutex_lock(&native_));
#endif
    }

    /// Takes the lock if no thread holds it: true when this thread now holds it.
    [[nodiscard]] bool try_lock() noexcept
    {
#if MPRNOTIFY_PLATFORM_WINDOWS
        return TryAcquireSRWLockExclusive(&native_) != 0;
#else
        return pthread_mutex_trylock(&native_) == 0;
#endif
    }

    /// Releases the lock this thread holds.
    void unlock() noexcept
    {
#if MPRNOTIFY_PLATFORM_WINDOWS
        ReleaseSRWLockExclusive(&native_);
#else
        static_cast<void>(pthread_mutex_unlock(&native_));
#endif
    }

private:
#if MPRNOTIFY_PLATFORM_WINDOWS
    SRWLOCK native_ = SRWLOCK_INIT;
#else
    pthread_mutex_t native_ = PTHREAD_MUTEX_INITIALIZER;
#endif
};

static_assert(std::is_trivially_destructible_v<exclusive_lock>, "nothing may run for the lock at exit or unload");

} // namespace mprnotify
