// mprnotify/provider/export.hpp - MPRNOTIFY_PROVIDER_EXPORT(Handler[, Policy]) emits the NP
// functions MPR calls: NPGetCaps always, and every other NP function exactly when the handler has
// its hook (one row each in np_functions.hpp), so the exports and NPGetCaps's bits always agree.
//
// The export mechanism is plain_export.hpp's (plain names on x86 too). What the export macro adds
// is a condition: each function is defined always (extern "C", the SDK's exact signature), and its
// own body decides at compile time whether it is exported:
//   Windows, GCC / Clang           a .drectve "-export:" directive emitted from inside the body,
//                                  in an `if constexpr` branch: no branch, no export
//   Windows, clang-cl              the same with "/EXPORT:"
//   ELF (Linux)                    default visibility; a function without its hook is made
//                                  hidden (".hidden"), so dlsym does not find it
//   Windows, MSVC (cl.exe)         MSVC has no inline assembler on x64 and its /EXPORT pragma cannot
//                                  be made conditional: every function of the table is exported;
//                                  one without its hook answers WN_NOT_SUPPORTED and NPGetCaps does
//                                  not announce it (documented in docs/provider.md)
// MPRNOTIFY_NO_EXPORT_DIRECTIVES switches all of it off, for a DLL that exports through its own
// .def: list NPGetCaps and exactly the functions whose hooks the handler has.
// Use MPRNOTIFY_PROVIDER_EXPORT once per DLL, at namespace scope. It can sit beside
// MPRNOTIFY_EXPORT(Handler): both use the one handler instance.
#pragma once

#include "../detail/core/plain_export.hpp"
#include "../detail/provider/caps.hpp"
#include "../core/platform.hpp"
#include "../core/platform_provider.hpp"
#include "entry_points.hpp"
#include "np_functions.hpp"

// Macro bodies laid out by hand.
// clang-format off
#if defined(MPRNOTIFY_NO_EXPORT_DIRECTIVES)
#  define MPRNOTIFY_DETAIL_NP_EXPORT_ATTRIBUTE
#  define MPRNOTIFY_DETAIL_NP_EXPORT_NOW(name, bytes)
#  define MPRNOTIFY_DETAIL_NP_HIDE_NOW(name)
#  define MPRNOTIFY_DETAIL_NP_EXPORT_ALWAYS(name, bytes)
#elif defined(_WIN32) && defined(_MSC_VER) && !defined(__clang__)
#  define MPRNOTIFY_DETAIL_NP_EXPORT_ATTRIBUTE MPRNOTIFY_DETAIL_EXPORT_ATTRIBUTE
#  define MPRNOTIFY_DETAIL_NP_EXPORT_NOW(name, bytes)
#  define MPRNOTIFY_DETAIL_NP_HIDE_NOW(name)
#  define MPRNOTIFY_DETAIL_NP_EXPORT_ALWAYS(name, bytes) MPRNOTIFY_DETAIL_PLAIN_EXPORT(name, bytes)
#elif defined(_WIN32)
#  if defined(_MSC_VER)
#    define MPRNOTIFY_DETAIL_NP_DIRECTIVE " /EXPORT:"
#    define MPRNOTIFY_DETAIL_NP_SYMBOL_PREFIX "_"
#  else
#    define MPRNOTIFY_DETAIL_NP_DIRECTIVE " -export:"
#    define MPRNOTIFY_DETAIL_NP_SYMBOL_PREFIX ""
#  endif
#  if defined(_M_IX86) || defined(__i386__)
#    define MPRNOTIFY_DETAIL_NP_EXPORT_TEXT(name, bytes)                                          \
        #name "=" MPRNOTIFY_DETAIL_NP_SYMBOL_PREFIX #name "@" #bytes
#  else
#    define MPRNOTIFY_DETAIL_NP_EXPORT_TEXT(name, bytes) #name
#  endif
// COFF assemblers have no .pushsection/.previous: the functions live in a section of known name,
// and the directive switches back to it by name.
#  define MPRNOTIFY_DETAIL_NP_EXPORT_ATTRIBUTE __attribute__((section(".text$mprnotify_np")))
#  define MPRNOTIFY_DETAIL_NP_EXPORT_NOW(name, bytes)                                             \
      __asm__(".section .drectve\n\t.ascii \"" MPRNOTIFY_DETAIL_NP_DIRECTIVE                      \
              MPRNOTIFY_DETAIL_NP_EXPORT_TEXT(name, bytes) "\"\n\t.section .text$mprnotify_np,\"x\"");
#  define MPRNOTIFY_DETAIL_NP_HIDE_NOW(name)
#  define MPRNOTIFY_DETAIL_NP_EXPORT_ALWAYS(name, bytes)
#else
#  define MPRNOTIFY_DETAIL_NP_EXPORT_ATTRIBUTE MPRNOTIFY_DETAIL_EXPORT_ATTRIBUTE
#  define MPRNOTIFY_DETAIL_NP_EXPORT_NOW(name, bytes)
#  define MPRNOTIFY_DETAIL_NP_HIDE_NOW(name) __asm__(".hidden " #name);
#  define MPRNOTIFY_DETAIL_NP_EXPORT_ALWAYS(name, bytes)
#endif

#if defined(_WIN32) && defined(__clang__)
#  define MPRNOTIFY_DETAIL_NP_BEGIN                                                               \
      _Pragma("clang diagnostic push")                                                             \
      _Pragma("clang diagnostic ignored \"-Wdll-attribute-on-redeclaration\"")
#  define MPRNOTIFY_DETAIL_NP_END _Pragma("clang diagnostic pop")
#else
#  define MPRNOTIFY_DETAIL_NP_BEGIN
#  define MPRNOTIFY_DETAIL_NP_END
#endif

/// The first statement of an NP function's body: exported when its row says the handler has it.
// NOLINTBEGIN(bugprone-macro-parentheses): the arguments name a table row and an NP function
#define MPRNOTIFY_DETAIL_NP_EXPORT_IF(member, Name, bytes)                                        \
    static_assert(::mprnotify::platform::parameters<                                               \
                      ::mprnotify::platform::np_signature::Name>::x86_argument_bytes == bytes,     \
                  #Name ": argument bytes");                                                       \
    if constexpr (mprnotify_provider::exports<::mprnotify::detail::np_##member>) {                \
        MPRNOTIFY_DETAIL_NP_EXPORT_NOW(Name, bytes)                                                \
    } else {                                                                                       \
        MPRNOTIFY_DETAIL_NP_HIDE_NOW(Name)                                                         \
    }
// NOLINTEND(bugprone-macro-parentheses)

/// A row's exported function: extern "C", the SDK's signature, the entry point's answer.
#define MPRNOTIFY_DETAIL_NP_EXPORT_FUNCTION(Name, member, bytes, arity, ...)                      \
    extern "C" MPRNOTIFY_DETAIL_NP_EXPORT_ATTRIBUTE ::mprnotify::platform::dword MPRNOTIFY_APIENTRY\
    Name(MPRNOTIFY_DETAIL_NP_PARAMS(Name, arity))                                                  \
    {                                                                                              \
        MPRNOTIFY_DETAIL_NP_EXPORT_IF(member, Name, bytes)                                         \
        return mprnotify_provider::member(MPRNOTIFY_DETAIL_NP_ARGS(arity));                        \
    }
#define MPRNOTIFY_DETAIL_NP_EXPORT_ROW_ALWAYS(Name, member, bytes, ...)                           \
    MPRNOTIFY_DETAIL_NP_EXPORT_ALWAYS(Name, bytes)

#define MPRNOTIFY_PROVIDER_EXPORT(...)                                                             \
    MPRNOTIFY_DETAIL_NP_EXPORT_ALWAYS(NPGetCaps, 4)                                                \
    MPRNOTIFY_NP_FUNCTIONS(MPRNOTIFY_DETAIL_NP_EXPORT_ROW_ALWAYS)                                  \
    MPRNOTIFY_DETAIL_NP_BEGIN                                                                      \
    namespace mprnotify_exported_functions {                                                      \
    using mprnotify_provider = ::mprnotify::provider_entry_points<__VA_ARGS__>;                   \
    extern "C" MPRNOTIFY_DETAIL_NP_EXPORT_ATTRIBUTE ::mprnotify::platform::dword MPRNOTIFY_APIENTRY\
    NPGetCaps(MPRNOTIFY_DETAIL_NP_PARAMS(NPGetCaps, 1))                                            \
    {                                                                                              \
        static_assert(::mprnotify::platform::parameters<                                           \
                          ::mprnotify::platform::np_signature::NPGetCaps>::x86_argument_bytes == 4, \
                      "NPGetCaps: argument bytes");                                                \
        MPRNOTIFY_DETAIL_NP_EXPORT_NOW(NPGetCaps, 4)                                               \
        return mprnotify_provider::get_caps(a0);                                                   \
    }                                                                                              \
    MPRNOTIFY_NP_FUNCTIONS(MPRNOTIFY_DETAIL_NP_EXPORT_FUNCTION)                                    \
    }                                                                                              \
    MPRNOTIFY_DETAIL_NP_END                                                                        \
    static_assert(true, "MPRNOTIFY_PROVIDER_EXPORT(...) is followed by a semicolon")
// clang-format on
