// Calls a __stdcall function through a pointer and measures how far the stack pointer moved.
//
// A __stdcall callee pops its own arguments (`ret $N`). One that pops a different number of bytes
// (a __cdecl function exported under the plain name pops none) leaves ESP off by that difference;
// the caller's compiler cannot know and keeps running on a shifted stack. MSVC's /RTCs finds this
// with a compare around every call; this is the same check without assembly:
//
//   - caller_stack_pointer() is a separate, never-inlined function that returns the address of its
//     own frame, which sits a fixed distance below the ESP its caller had at the call. Called just
//     before and just after the measured call, from the same function, the two values differ by
//     exactly the stack movement the compiler did not plan for, plus a constant of that one call site.
//   - The constant is measured, not assumed: each instantiation (one per argument list) first calls
//     a well-formed __stdcall function of the same type and keeps that shift as its baseline.
//   - The measuring function makes a variable-size stack allocation, so its compiler cannot track ESP
//     to the end of the function and must restore ESP from the frame pointer on exit (`leave`, or
//     `lea` off EBP): a callee that pops the wrong amount cannot corrupt this function's own return.
//     Its locals and arguments are addressed through EBP for the same reason. The allocation is a
//     cushion between the frame and the outgoing arguments, so a callee that pops too MUCH (ESP
//     above where the compiler believes it is) makes the next call write into the cushion only.
// The detector is proven, not trusted: detector_self_test() calls an in-process __cdecl function as
// __stdcall and must see ESP 8 bytes low.
#pragma once

#include <windows.h>

#include <malloc.h>

#include <bit>
#include <cstddef>
#include <cstdint>

#if defined(_MSC_VER)
#  include <intrin.h>
#  define X86_RUN_NOINLINE __declspec(noinline)
#elif defined(__clang__)
#  define X86_RUN_NOINLINE __attribute__((noinline))
#else
// noipa: GCC must not treat the function as pure and merge the two calls around the measured one.
#  define X86_RUN_NOINLINE __attribute__((noinline, noipa))
#endif

namespace x86_run {

/// Where this function's frame begins: the caller's ESP at the call, less a constant.
X86_RUN_NOINLINE inline std::uintptr_t caller_stack_pointer() noexcept
{
#if defined(_MSC_VER)
    return reinterpret_cast<std::uintptr_t>(_AddressOfReturnAddress());
#else
    return reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
#endif
}

/// Bytes of cushion below the frame; read through a volatile so the allocation stays variable-size.
inline volatile std::size_t cushion_bytes = 64;

template <class... Args>
using stdcall_fn = DWORD(WINAPI*)(Args...);

/// What one measured call answered, and how far ESP moved that the caller did not expect.
struct measured {
    DWORD result = 0;
    std::ptrdiff_t stack_shift = 0; // 0 for a correct __stdcall callee; -8 for a __cdecl one with 8 bytes of arguments
};

/// A well-formed __stdcall function of the same type, the baseline of the measuring call site.
template <class... Args>
DWORD WINAPI well_formed(Args...)
{
    return 0;
}

/// The raw shift of one call, with the call site's constant still in it.
template <class... Args>
X86_RUN_NOINLINE DWORD raw_call(stdcall_fn<Args...> function, std::ptrdiff_t* shift, Args... args)
{
    volatile unsigned char* cushion = static_cast<volatile unsigned char*>(_alloca(cushion_bytes));
    cushion[0] = 0;
    const std::uintptr_t before = caller_stack_pointer();
    const DWORD result = function(args...);
    const std::uintptr_t after = caller_stack_pointer();
    *shift = static_cast<std::ptrdiff_t>(after - before);
    return result;
}

template <class... Args>
std::ptrdiff_t baseline()
{
    static const std::ptrdiff_t value = [] {
        std::ptrdiff_t shift = 0;
        (void)raw_call<Args...>(&well_formed<Args...>, &shift, Args{}...);
        return shift;
    }();
    return value;
}

/// Calls `function` with `args`, and reports how far it left ESP from where __stdcall leaves it.
template <class... Args>
measured call(stdcall_fn<Args...> function, Args... args)
{
    const std::ptrdiff_t expected = baseline<Args...>();
    std::ptrdiff_t shift = 0;
    const DWORD result = raw_call<Args...>(function, &shift, args...);
    return measured{result, shift - expected};
}

namespace detail {
inline DWORD __cdecl pops_nothing(void* a, void* b) { return a == b ? 1U : 0U; }
inline DWORD WINAPI pops_eight(void* a, void* b) { return a == b ? 1U : 0U; }
} // namespace detail

/// The detector sees nothing wrong with a __stdcall function and ESP 8 bytes low after a __cdecl
/// one called as __stdcall. Returns the shift seen for the __cdecl one (-8 when the detector works).
inline std::ptrdiff_t detector_self_test(std::ptrdiff_t* correct_shift)
{
    int a = 0;
    int b = 0;
    *correct_shift = call<void*, void*>(&detail::pops_eight, &a, &b).stack_shift;
    const auto as_stdcall = std::bit_cast<stdcall_fn<void*, void*>>(&detail::pops_nothing);
    return call<void*, void*>(as_stdcall, &a, &b).stack_shift;
}

} // namespace x86_run
