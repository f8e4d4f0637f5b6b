// mprnotify/detail/plain_export.hpp - exporting an APIENTRY function by its plain name.
//
// On x86 __stdcall names are decorated (MSVC _name@<argument bytes>, MinGW name@<argument bytes>),
// so __declspec(dllexport) alone exports a name GetProcAddress("name") never finds. The one
// mechanism, shared by every export the library emits:
//   x64 / ARM64 Windows        MPRNOTIFY_DETAIL_EXPORT_ATTRIBUTE is __declspec(dllexport)
//   x86 GCC / Clang (MinGW)    a .drectve "-export:name=name@bytes" directive (GNU ld adds the underscore)
//   x86 MSVC / clang-cl        #pragma comment(linker, "/EXPORT:name=_name@bytes")
//   elsewhere                  default visibility
// MPRNOTIFY_NO_EXPORT_DIRECTIVES switches all of it off, for a DLL that exports through its own .def.
#pragma once

// Macro bodies laid out by hand.
// clang-format off
#if defined(MPRNOTIFY_NO_EXPORT_DIRECTIVES)
#  define MPRNOTIFY_DETAIL_PLAIN_EXPORT(name, bytes, msvc_options)
#  define MPRNOTIFY_DETAIL_EXPORT_ATTRIBUTE
#elif defined(_WIN32) && (defined(_M_IX86) || defined(__i386__))
#  define MPRNOTIFY_DETAIL_EXPORT_ATTRIBUTE
#  if defined(_MSC_VER)
#    define MPRNOTIFY_DETAIL_PLAIN_EXPORT(name, bytes, msvc_options)                              \
        __pragma(comment(linker, "/EXPORT:" #name "=_" #name "@" #bytes msvc_options))
#  else
#    define MPRNOTIFY_DETAIL_PLAIN_EXPORT(name, bytes, msvc_options)                              \
        __asm__(".section .drectve\n\t.ascii \" -export:" #name "=" #name "@" #bytes "\"\n\t.text");
#  endif
#elif defined(_WIN32)
#  define MPRNOTIFY_DETAIL_PLAIN_EXPORT(name, bytes, msvc_options)
#  define MPRNOTIFY_DETAIL_EXPORT_ATTRIBUTE __declspec(dllexport)
#else
#  define MPRNOTIFY_DETAIL_PLAIN_EXPORT(name, bytes, msvc_options)
#  define MPRNOTIFY_DETAIL_EXPORT_ATTRIBUTE __attribute__((visibility("default")))
#endif
// clang-format on
