// mprnotify/detail/core/plain_export.hpp - exporting an APIENTRY function by its plain name.
//
// On x86 __stdcall names are decorated (MSVC _name@<argument bytes>, MinGW name@<argument bytes>),
// so __declspec(dllexport) alone exports a name GetProcAddress("name") never finds. The one
// mechanism, shared by every export the library emits:
//   x64 / ARM64 Windows        MPRNOTIFY_DETAIL_EXPORT_ATTRIBUTE is __declspec(dllexport)
//   x86 GCC / Clang (MinGW)    a .drectve "-export:name=name@bytes" directive (GNU ld adds the underscore)
//   x86 MSVC / clang-cl        #pragma comment(linker, "/EXPORT:name=_name@bytes")
//   elsewhere                  default visibility
// MPRNOTIFY_DETAIL_PRIVATE_EXPORT is for functions a program never links against (DllRegisterServer):
// a directive on every Windows target with PRIVATE (",PRIVATE" is understood by GNU ld, lld and
// link.exe), so the name is in the DLL's export table but not in its import library; such a function
// carries no attribute, which also keeps Clang's -Wdll-attribute-on-redeclaration quiet when a
// Windows header declared it first (olectl.h declares DllRegisterServer).
// MPRNOTIFY_NO_EXPORT_DIRECTIVES switches all of it off, for a DLL that exports through its own .def.
#pragma once

// Macro bodies laid out by hand.
// clang-format off
#if defined(MPRNOTIFY_NO_EXPORT_DIRECTIVES)
#  define MPRNOTIFY_DETAIL_PLAIN_EXPORT(name, bytes)
#  define MPRNOTIFY_DETAIL_PRIVATE_EXPORT(name, bytes)
#  define MPRNOTIFY_DETAIL_EXPORT_ATTRIBUTE
#elif defined(_WIN32)
#  if defined(_MSC_VER)
#    define MPRNOTIFY_DETAIL_EXPORT_DIRECTIVE(text) __pragma(comment(linker, "/EXPORT:" text))
#  else
#    define MPRNOTIFY_DETAIL_EXPORT_DIRECTIVE(text)                                               \
        __asm__(".section .drectve\n\t.ascii \" -export:" text "\"\n\t.text");
#  endif
#  if defined(_M_IX86) || defined(__i386__)
#    if defined(_MSC_VER)
#      define MPRNOTIFY_DETAIL_DECORATED(name, bytes) "_" #name "@" #bytes
#    else
#      define MPRNOTIFY_DETAIL_DECORATED(name, bytes) #name "@" #bytes
#    endif
#    define MPRNOTIFY_DETAIL_PLAIN_EXPORT(name, bytes)                                            \
        MPRNOTIFY_DETAIL_EXPORT_DIRECTIVE(#name "=" MPRNOTIFY_DETAIL_DECORATED(name, bytes))
#    define MPRNOTIFY_DETAIL_PRIVATE_EXPORT(name, bytes)                                          \
        MPRNOTIFY_DETAIL_EXPORT_DIRECTIVE(#name "=" MPRNOTIFY_DETAIL_DECORATED(name, bytes) ",PRIVATE")
#    define MPRNOTIFY_DETAIL_EXPORT_ATTRIBUTE
#  else
#    define MPRNOTIFY_DETAIL_PLAIN_EXPORT(name, bytes)
#    define MPRNOTIFY_DETAIL_PRIVATE_EXPORT(name, bytes) MPRNOTIFY_DETAIL_EXPORT_DIRECTIVE(#name ",PRIVATE")
#    define MPRNOTIFY_DETAIL_EXPORT_ATTRIBUTE __declspec(dllexport)
#  endif
#else
#  define MPRNOTIFY_DETAIL_PLAIN_EXPORT(name, bytes)
#  define MPRNOTIFY_DETAIL_PRIVATE_EXPORT(name, bytes)
#  define MPRNOTIFY_DETAIL_EXPORT_ATTRIBUTE __attribute__((visibility("default")))
#endif
// clang-format on
