// mprnotify/notifyee/export.hpp - MPRNOTIFY_EXPORT(Handler[, Policy]) emits the two functions MPR calls.
//
// MPR finds AddConnectNotify and CancelConnectNotify by these plain names and needs both. On x86
// they are __stdcall and compilers decorate exported names (MSVC _AddConnectNotify@8, MinGW
// AddConnectNotify@8), so `__declspec(dllexport)` alone yields a DLL MPR silently never calls.
// This header picks the export mechanism per target:
//   x64 / ARM64 Windows        __declspec(dllexport)
//   x86 GCC / Clang (MinGW)    a .drectve "-export:AddConnectNotify=AddConnectNotify@8" directive
//   x86 MSVC / clang-cl        #pragma comment(linker, "/EXPORT:AddConnectNotify=_AddConnectNotify@8")
//   elsewhere                  default visibility, so a notifyee builds as a shared object
// Define MPRNOTIFY_NO_EXPORT_DIRECTIVES before including to emit the functions with C linkage and
// nothing else, for a DLL that exports through its own .def file.
#pragma once

#include "../detail/core/plain_export.hpp"
#include "entry_points.hpp"
#include "../core/platform.hpp"

// Macro bodies laid out by hand.
// clang-format off
// Two pointers are 8 bytes of arguments on x86.
#define MPRNOTIFY_DETAIL_EXPORT_DIRECTIVES                                                        \
    MPRNOTIFY_DETAIL_PLAIN_EXPORT(AddConnectNotify, 8)                                             \
    MPRNOTIFY_DETAIL_PLAIN_EXPORT(CancelConnectNotify, 8)

// npapi.h declares both functions without dllexport, and Clang warns (by default) when a
// redeclaration adds it; the export still happens, as with GCC and MSVC, which accept it silently.
#if defined(_WIN32) && defined(__clang__)
#  define MPRNOTIFY_DETAIL_EXPORT_BEGIN                                                           \
      _Pragma("clang diagnostic push")                                                             \
      _Pragma("clang diagnostic ignored \"-Wdll-attribute-on-redeclaration\"")
#  define MPRNOTIFY_DETAIL_EXPORT_END _Pragma("clang diagnostic pop")
#else
#  define MPRNOTIFY_DETAIL_EXPORT_BEGIN
#  define MPRNOTIFY_DETAIL_EXPORT_END
#endif

/// Emits AddConnectNotify and CancelConnectNotify for `Handler` (and an optional policy).
/// Use once per DLL, at namespace scope. The functions have C linkage and are defined in a namespace
/// of their own: a C-linkage name is the same function whatever namespace declares it, and it does
/// not collide with the C++-linkage declarations MinGW-w64's npapi.h (which has no extern "C"
/// guard) leaves when a translation unit includes <npapi.h> before this header.
#define MPRNOTIFY_EXPORT(...)                                                                      \
    MPRNOTIFY_DETAIL_EXPORT_DIRECTIVES                                                             \
    MPRNOTIFY_DETAIL_EXPORT_BEGIN                                                                  \
    namespace mprnotify_exported_functions {                                                      \
    extern "C" MPRNOTIFY_DETAIL_EXPORT_ATTRIBUTE ::mprnotify::platform::dword MPRNOTIFY_APIENTRY   \
    AddConnectNotify(::mprnotify::platform::notify_info_param info,                                \
                     ::mprnotify::platform::notify_add_param add)                                  \
    {                                                                                              \
        return ::mprnotify::entry_points<__VA_ARGS__>::add_connect_notify(info, add);              \
    }                                                                                              \
    extern "C" MPRNOTIFY_DETAIL_EXPORT_ATTRIBUTE ::mprnotify::platform::dword MPRNOTIFY_APIENTRY   \
    CancelConnectNotify(::mprnotify::platform::notify_info_param info,                             \
                        ::mprnotify::platform::notify_cancel_param cancel)                         \
    {                                                                                              \
        return ::mprnotify::entry_points<__VA_ARGS__>::cancel_connect_notify(info, cancel);        \
    }                                                                                              \
    }                                                                                              \
    MPRNOTIFY_DETAIL_EXPORT_END                                                                    \
    static_assert(true, "MPRNOTIFY_EXPORT(...) is followed by a semicolon")
// clang-format on
