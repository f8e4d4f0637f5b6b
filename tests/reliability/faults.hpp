// Faults the reliability checks inject, and the answer the library must give for each.
//
// Shared by the fuzzers (fuzz/) and the random-sequence property test: every kind of exception a
// hook, a context's move constructor or its destructor may throw, and a context type that counts
// every construction and destruction so a check can prove each context is freed exactly once.
// Built without exceptions, nothing is thrown and every fault is `none`.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <new>
#include <stdexcept>
#include <system_error>

#include <mprnotify/core/config.hpp>
#include <mprnotify/core/status.hpp>

namespace reliability {

using mprnotify::wn_status;

/// Stops the program with a message: a broken invariant in a check (works without exceptions).
[[noreturn]] inline void fail(const char* what, long long a = 0, long long b = 0)
{
    std::fprintf(stderr, "reliability check failed: %s (%lld, %lld)\n", what, a, b);
    std::fflush(stderr);
    std::abort();
}

inline void expect(bool ok, const char* what, long long a = 0, long long b = 0)
{
    if (!ok) {
        fail(what, a, b);
    }
}

/// Every kind of exception the library must translate. `code` is used by the coded kinds.
enum class throw_kind : std::uint8_t {
    none,
    wn_error,        // mprnotify::wn_error(code): answered with code, even WN_SUCCESS
    system_wn,       // std::system_error(make_error_code(code)): code, but a zero code is unexpected
    bad_alloc,       // WN_OUT_OF_MEMORY
    system_nomem,    // std::errc::not_enough_memory: WN_OUT_OF_MEMORY
    system_denied,   // std::errc::permission_denied: WN_ACCESS_DENIED
    system_canceled, // std::errc::operation_canceled: WN_CANCEL
    system_unmapped, // std::errc::broken_pipe: no WN meaning, unexpected
    runtime,         // std::runtime_error: unexpected
    logic,           // std::logic_error: unexpected
    integer,         // an int: unexpected
    plain_struct,    // a struct not derived from std::exception: unexpected
    count,
};

inline constexpr int throw_kind_count = static_cast<int>(throw_kind::count);

/// A struct that is not an exception class.
struct plain_thrown {
    int value = 0;
};

/// Throws `kind` (nothing for none, or when built without exceptions).
inline void throw_if(throw_kind kind, wn_status code)
{
#if MPRNOTIFY_HAS_EXCEPTIONS
    switch (kind) {
    case throw_kind::none: return;
    case throw_kind::wn_error: throw mprnotify::wn_error{code, "injected wn_error"};
    case throw_kind::system_wn: throw std::system_error{make_error_code(code)};
    case throw_kind::bad_alloc: throw std::bad_alloc{};
    case throw_kind::system_nomem: throw std::system_error{std::make_error_code(std::errc::not_enough_memory)};
    case throw_kind::system_denied: throw std::system_error{std::make_error_code(std::errc::permission_denied)};
    case throw_kind::system_canceled: throw std::system_error{std::make_error_code(std::errc::operation_canceled)};
    case throw_kind::system_unmapped: throw std::system_error{std::make_error_code(std::errc::broken_pipe)};
    case throw_kind::runtime: throw std::runtime_error{"injected runtime_error"};
    case throw_kind::logic: throw std::logic_error{"injected logic_error"};
    case throw_kind::integer: throw 7;
    case throw_kind::plain_struct: throw plain_thrown{3};
    case throw_kind::count: break;
    }
    fail("unknown throw kind", static_cast<long long>(kind));
#else
    (void)code;
    expect(kind == throw_kind::none, "a throw requested in a build without exceptions");
#endif
}

/// The WN code the library must answer for `kind`, under a policy whose unexpected answer is `unexpected`.
[[nodiscard]] inline wn_status expected_answer(throw_kind kind, wn_status code, wn_status unexpected) noexcept
{
    switch (kind) {
    case throw_kind::none: return wn_status::success;
    case throw_kind::wn_error: return code; // the one deliberate answer (docs/policy.md)
    case throw_kind::system_wn:
    case throw_kind::bad_alloc:
    case throw_kind::system_nomem:
    case throw_kind::system_denied:
    case throw_kind::system_canceled:
    case throw_kind::system_unmapped:
    case throw_kind::runtime:
    case throw_kind::logic:
    case throw_kind::integer:
    case throw_kind::plain_struct:
    case throw_kind::count: break;
    }
    return unexpected;
}

/// True when this build can throw at all.
inline constexpr bool can_throw =
#if MPRNOTIFY_HAS_EXCEPTIONS
    true;
#else
    false;
#endif

/// One fault: what to throw, with which code.
struct fault {
    throw_kind kind = throw_kind::none;
    wn_status code = wn_status::success;
    [[nodiscard]] bool armed() const noexcept { return kind != throw_kind::none; }
    void raise() const { throw_if(kind, code); }
};

/// Counts of one context type. Single counters are enough: every check that shares a context type
/// between threads uses atomics of its own.
struct context_counts {
    long long constructed = 0;
    long long destroyed = 0;
    [[nodiscard]] long long live() const noexcept { return constructed - destroyed; }
};

/// A context that counts itself, detects a double destruction, carries who created it, and whose
/// move constructor and destructor throw on request. `Size` decides inline or heap storage in the
/// library's context table; `ThrowingDestructor` selects the noexcept(false) destructor (the
/// library then keeps it in its throwing-destructor holder) or a plain noexcept one.
template <std::size_t Size, bool ThrowingDestructor>
class probe_context {
    static constexpr std::uint32_t alive_mark = 0xA11CE5EDU;
    static constexpr std::uint32_t dead_mark = 0xDEADBEEFU;

public:
    static inline context_counts counts{};
    /// Armed by a check right before a call; the next move / destruction (outside unwinding) throws.
    static inline fault move_fault{};
    static inline fault destroy_fault{};

    explicit probe_context(std::uint64_t serial) noexcept : serial_(serial) { ++counts.constructed; }
    probe_context(const probe_context& other) noexcept : serial_(other.serial_) { ++counts.constructed; }
    // NOLINTNEXTLINE(performance-noexcept-move-constructor,bugprone-exception-escape): throws on purpose
    probe_context(probe_context&& other) : serial_(other.serial_)
    {
        other.check_alive();
        if (move_fault.armed()) {
            const fault f = move_fault;
            move_fault = {};
            f.raise();
        }
        ++counts.constructed; // only a finished construction counts (and is destroyed)
    }
    probe_context& operator=(const probe_context&) = delete;
    probe_context& operator=(probe_context&&) = delete;
    ~probe_context() noexcept(!ThrowingDestructor)
    {
        check_alive();
        mark_ = dead_mark;
        ++counts.destroyed;
        if constexpr (ThrowingDestructor) {
            if (destroy_fault.armed() && std::uncaught_exceptions() == 0) {
                const fault f = destroy_fault;
                destroy_fault = {};
                f.raise();
            }
        }
    }

    [[nodiscard]] std::uint64_t serial() const noexcept { return serial_; }
    void check_alive() const noexcept { expect(mark_ == alive_mark, "context used after destruction", Size); }

private:
    std::uint32_t mark_ = alive_mark;
    std::uint64_t serial_ = 0;
    unsigned char payload_[Size > 16 ? Size - 16 : 1]{};
};

} // namespace reliability
