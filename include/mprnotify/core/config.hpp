// mprnotify/core/config.hpp - the library's one build switch: are exceptions enabled?
//
// Every header that compiles differently with and without exceptions tests MPRNOTIFY_HAS_EXCEPTIONS
// and nothing else. GCC and Clang say __cpp_exceptions; MSVC says _CPPUNWIND (/EHsc).
// The boundary's code differs between the two modes, so under MSVC a program that mixes object
// files built both ways is refused by the linker (LNK2038) instead of silently keeping whichever
// inline definition it meets first.
#pragma once

#if defined(__cpp_exceptions) || defined(_CPPUNWIND)
#  define MPRNOTIFY_HAS_EXCEPTIONS 1
#else
#  define MPRNOTIFY_HAS_EXCEPTIONS 0
#endif

#if defined(_MSC_VER)
#  if MPRNOTIFY_HAS_EXCEPTIONS
#    pragma detect_mismatch("mprnotify_exceptions", "1")
#  else
#    pragma detect_mismatch("mprnotify_exceptions", "0")
#  endif
#endif

// Keeps a function out of line: for cold paths (first use) kept apart from a hot one.
#if defined(_MSC_VER)
#  define MPRNOTIFY_DETAIL_NOINLINE __declspec(noinline)
#else
#  define MPRNOTIFY_DETAIL_NOINLINE __attribute__((noinline))
#endif

// Puts a function into its one caller: for a hot loop whose caller's registers it should share.
#if defined(_MSC_VER)
#  define MPRNOTIFY_DETAIL_INLINE __forceinline
#else
#  define MPRNOTIFY_DETAIL_INLINE inline __attribute__((always_inline))
#endif
