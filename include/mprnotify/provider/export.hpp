// mprnotify/provider/export.hpp - MPRNOTIFY_PROVIDER_EXPORT(Handler[, Policy]) emits the NP
// functions MPR calls: NPGetCaps always, and every other NP function exactly when the handler has
// its hook (detail/provider_caps.hpp), so the exports and NPGetCaps's bits always agree.
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

/// The first statement of an NP function's body: exported when `row` says the handler has it.
// NOLINTBEGIN(bugprone-macro-parentheses): the arguments name a table row and an NP function
#define MPRNOTIFY_DETAIL_NP_EXPORT_IF(row, name, bytes)                                           \
    static_assert(::mprnotify::platform::parameters<                                               \
                      ::mprnotify::platform::np_signature::name>::x86_argument_bytes == bytes,     \
                  #name ": argument bytes");                                                       \
    if constexpr (mprnotify_provider::exports<::mprnotify::detail::row>) {                        \
        MPRNOTIFY_DETAIL_NP_EXPORT_NOW(name, bytes)                                                \
    } else {                                                                                       \
        MPRNOTIFY_DETAIL_NP_HIDE_NOW(name)                                                         \
    }
// NOLINTEND(bugprone-macro-parentheses)

#define MPRNOTIFY_DETAIL_NP_PARAM(name, i)                                                        \
    ::mprnotify::platform::parameters<::mprnotify::platform::np_signature::name>::at<i>

#define MPRNOTIFY_PROVIDER_EXPORT(...)                                                             \
    MPRNOTIFY_DETAIL_NP_EXPORT_ALWAYS(NPGetCaps, 4)                                                \
    MPRNOTIFY_DETAIL_NP_EXPORT_ALWAYS(NPAddConnection, 12)                                         \
    MPRNOTIFY_DETAIL_NP_EXPORT_ALWAYS(NPAddConnection3, 20)                                        \
    MPRNOTIFY_DETAIL_NP_EXPORT_ALWAYS(NPCancelConnection, 8)                                       \
    MPRNOTIFY_DETAIL_NP_EXPORT_ALWAYS(NPGetConnection, 12)                                         \
    MPRNOTIFY_DETAIL_NP_EXPORT_ALWAYS(NPGetUniversalName, 16)                                      \
    MPRNOTIFY_DETAIL_NP_EXPORT_ALWAYS(NPGetUser, 12)                                               \
    MPRNOTIFY_DETAIL_NP_EXPORT_ALWAYS(NPOpenEnum, 20)                                              \
    MPRNOTIFY_DETAIL_NP_EXPORT_ALWAYS(NPEnumResource, 16)                                          \
    MPRNOTIFY_DETAIL_NP_EXPORT_ALWAYS(NPCloseEnum, 4)                                              \
    MPRNOTIFY_DETAIL_NP_EXPORT_ALWAYS(NPGetResourceInformation, 16)                                \
    MPRNOTIFY_DETAIL_NP_EXPORT_ALWAYS(NPGetResourceParent, 12)                                     \
    MPRNOTIFY_DETAIL_NP_EXPORT_ALWAYS(NPFormatNetworkName, 20)                                     \
    MPRNOTIFY_DETAIL_NP_EXPORT_ALWAYS(NPGetConnection3, 16)                                        \
    MPRNOTIFY_DETAIL_NP_EXPORT_ALWAYS(NPGetConnectionPerformance, 8)                               \
    MPRNOTIFY_DETAIL_NP_EXPORT_ALWAYS(NPLogonNotify, 32)                                           \
    MPRNOTIFY_DETAIL_NP_EXPORT_ALWAYS(NPPasswordChangeNotify, 28)                                  \
    MPRNOTIFY_DETAIL_NP_BEGIN                                                                      \
    namespace mprnotify_exported_functions {                                                      \
    using mprnotify_provider = ::mprnotify::provider_entry_points<__VA_ARGS__>;                   \
    extern "C" MPRNOTIFY_DETAIL_NP_EXPORT_ATTRIBUTE ::mprnotify::platform::dword MPRNOTIFY_APIENTRY\
    NPGetCaps(MPRNOTIFY_DETAIL_NP_PARAM(NPGetCaps, 0) index)                                       \
    {                                                                                              \
        static_assert(::mprnotify::platform::parameters<                                           \
                          ::mprnotify::platform::np_signature::NPGetCaps>::x86_argument_bytes == 4, \
                      "NPGetCaps: argument bytes");                                                \
        MPRNOTIFY_DETAIL_NP_EXPORT_NOW(NPGetCaps, 4)                                               \
        return mprnotify_provider::get_caps(index);                                                \
    }                                                                                              \
    extern "C" MPRNOTIFY_DETAIL_NP_EXPORT_ATTRIBUTE ::mprnotify::platform::dword MPRNOTIFY_APIENTRY\
    NPAddConnection(MPRNOTIFY_DETAIL_NP_PARAM(NPAddConnection, 0) resource,                        \
                    MPRNOTIFY_DETAIL_NP_PARAM(NPAddConnection, 1) password,                        \
                    MPRNOTIFY_DETAIL_NP_PARAM(NPAddConnection, 2) user_name)                       \
    {                                                                                              \
        MPRNOTIFY_DETAIL_NP_EXPORT_IF(np_add_connection, NPAddConnection, 12)                      \
        return mprnotify_provider::add_connection(resource, password, user_name);                  \
    }                                                                                              \
    extern "C" MPRNOTIFY_DETAIL_NP_EXPORT_ATTRIBUTE ::mprnotify::platform::dword MPRNOTIFY_APIENTRY\
    NPAddConnection3(MPRNOTIFY_DETAIL_NP_PARAM(NPAddConnection3, 0) owner,                         \
                     MPRNOTIFY_DETAIL_NP_PARAM(NPAddConnection3, 1) resource,                      \
                     MPRNOTIFY_DETAIL_NP_PARAM(NPAddConnection3, 2) password,                      \
                     MPRNOTIFY_DETAIL_NP_PARAM(NPAddConnection3, 3) user_name,                     \
                     MPRNOTIFY_DETAIL_NP_PARAM(NPAddConnection3, 4) flags)                         \
    {                                                                                              \
        MPRNOTIFY_DETAIL_NP_EXPORT_IF(np_add_connection3, NPAddConnection3, 20)                    \
        return mprnotify_provider::add_connection3(owner, resource, password, user_name, flags);   \
    }                                                                                              \
    extern "C" MPRNOTIFY_DETAIL_NP_EXPORT_ATTRIBUTE ::mprnotify::platform::dword MPRNOTIFY_APIENTRY\
    NPCancelConnection(MPRNOTIFY_DETAIL_NP_PARAM(NPCancelConnection, 0) name,                      \
                       MPRNOTIFY_DETAIL_NP_PARAM(NPCancelConnection, 1) force)                     \
    {                                                                                              \
        MPRNOTIFY_DETAIL_NP_EXPORT_IF(np_cancel_connection, NPCancelConnection, 8)                 \
        return mprnotify_provider::cancel_connection(name, force);                                 \
    }                                                                                              \
    extern "C" MPRNOTIFY_DETAIL_NP_EXPORT_ATTRIBUTE ::mprnotify::platform::dword MPRNOTIFY_APIENTRY\
    NPGetConnection(MPRNOTIFY_DETAIL_NP_PARAM(NPGetConnection, 0) local_name,                      \
                    MPRNOTIFY_DETAIL_NP_PARAM(NPGetConnection, 1) remote_name,                     \
                    MPRNOTIFY_DETAIL_NP_PARAM(NPGetConnection, 2) size)                            \
    {                                                                                              \
        MPRNOTIFY_DETAIL_NP_EXPORT_IF(np_get_connection, NPGetConnection, 12)                      \
        return mprnotify_provider::get_connection(local_name, remote_name, size);                  \
    }                                                                                              \
    extern "C" MPRNOTIFY_DETAIL_NP_EXPORT_ATTRIBUTE ::mprnotify::platform::dword MPRNOTIFY_APIENTRY\
    NPGetUniversalName(MPRNOTIFY_DETAIL_NP_PARAM(NPGetUniversalName, 0) local_path,                \
                       MPRNOTIFY_DETAIL_NP_PARAM(NPGetUniversalName, 1) level,                     \
                       MPRNOTIFY_DETAIL_NP_PARAM(NPGetUniversalName, 2) buffer,                    \
                       MPRNOTIFY_DETAIL_NP_PARAM(NPGetUniversalName, 3) size)                      \
    {                                                                                              \
        MPRNOTIFY_DETAIL_NP_EXPORT_IF(np_get_universal_name, NPGetUniversalName, 16)               \
        return mprnotify_provider::get_universal_name(local_path, level, buffer, size);            \
    }                                                                                              \
    extern "C" MPRNOTIFY_DETAIL_NP_EXPORT_ATTRIBUTE ::mprnotify::platform::dword MPRNOTIFY_APIENTRY\
    NPGetUser(MPRNOTIFY_DETAIL_NP_PARAM(NPGetUser, 0) name,                                        \
              MPRNOTIFY_DETAIL_NP_PARAM(NPGetUser, 1) user_name,                                   \
              MPRNOTIFY_DETAIL_NP_PARAM(NPGetUser, 2) size)                                        \
    {                                                                                              \
        MPRNOTIFY_DETAIL_NP_EXPORT_IF(np_get_user, NPGetUser, 12)                                  \
        return mprnotify_provider::get_user(name, user_name, size);                                \
    }                                                                                              \
    extern "C" MPRNOTIFY_DETAIL_NP_EXPORT_ATTRIBUTE ::mprnotify::platform::dword MPRNOTIFY_APIENTRY\
    NPOpenEnum(MPRNOTIFY_DETAIL_NP_PARAM(NPOpenEnum, 0) scope,                                     \
               MPRNOTIFY_DETAIL_NP_PARAM(NPOpenEnum, 1) type,                                      \
               MPRNOTIFY_DETAIL_NP_PARAM(NPOpenEnum, 2) usage,                                     \
               MPRNOTIFY_DETAIL_NP_PARAM(NPOpenEnum, 3) container,                                 \
               MPRNOTIFY_DETAIL_NP_PARAM(NPOpenEnum, 4) handle)                                    \
    {                                                                                              \
        MPRNOTIFY_DETAIL_NP_EXPORT_IF(np_open_enum, NPOpenEnum, 20)                                \
        return mprnotify_provider::open_enum(scope, type, usage, container, handle);               \
    }                                                                                              \
    extern "C" MPRNOTIFY_DETAIL_NP_EXPORT_ATTRIBUTE ::mprnotify::platform::dword MPRNOTIFY_APIENTRY\
    NPEnumResource(MPRNOTIFY_DETAIL_NP_PARAM(NPEnumResource, 0) handle,                            \
                   MPRNOTIFY_DETAIL_NP_PARAM(NPEnumResource, 1) count,                             \
                   MPRNOTIFY_DETAIL_NP_PARAM(NPEnumResource, 2) buffer,                            \
                   MPRNOTIFY_DETAIL_NP_PARAM(NPEnumResource, 3) size)                              \
    {                                                                                              \
        MPRNOTIFY_DETAIL_NP_EXPORT_IF(np_enum_resource, NPEnumResource, 16)                        \
        return mprnotify_provider::enum_resource(handle, count, buffer, size);                     \
    }                                                                                              \
    extern "C" MPRNOTIFY_DETAIL_NP_EXPORT_ATTRIBUTE ::mprnotify::platform::dword MPRNOTIFY_APIENTRY\
    NPCloseEnum(MPRNOTIFY_DETAIL_NP_PARAM(NPCloseEnum, 0) handle)                                  \
    {                                                                                              \
        MPRNOTIFY_DETAIL_NP_EXPORT_IF(np_close_enum, NPCloseEnum, 4)                               \
        return mprnotify_provider::close_enum(handle);                                             \
    }                                                                                              \
    extern "C" MPRNOTIFY_DETAIL_NP_EXPORT_ATTRIBUTE ::mprnotify::platform::dword MPRNOTIFY_APIENTRY\
    NPGetResourceInformation(MPRNOTIFY_DETAIL_NP_PARAM(NPGetResourceInformation, 0) resource,      \
                             MPRNOTIFY_DETAIL_NP_PARAM(NPGetResourceInformation, 1) buffer,        \
                             MPRNOTIFY_DETAIL_NP_PARAM(NPGetResourceInformation, 2) size,          \
                             MPRNOTIFY_DETAIL_NP_PARAM(NPGetResourceInformation, 3) system)        \
    {                                                                                              \
        MPRNOTIFY_DETAIL_NP_EXPORT_IF(np_get_resource_information, NPGetResourceInformation, 16)   \
        return mprnotify_provider::get_resource_information(resource, buffer, size, system);       \
    }                                                                                              \
    extern "C" MPRNOTIFY_DETAIL_NP_EXPORT_ATTRIBUTE ::mprnotify::platform::dword MPRNOTIFY_APIENTRY\
    NPGetResourceParent(MPRNOTIFY_DETAIL_NP_PARAM(NPGetResourceParent, 0) resource,                \
                        MPRNOTIFY_DETAIL_NP_PARAM(NPGetResourceParent, 1) buffer,                  \
                        MPRNOTIFY_DETAIL_NP_PARAM(NPGetResourceParent, 2) size)                    \
    {                                                                                              \
        MPRNOTIFY_DETAIL_NP_EXPORT_IF(np_get_resource_parent, NPGetResourceParent, 12)             \
        return mprnotify_provider::get_resource_parent(resource, buffer, size);                    \
    }                                                                                              \
    extern "C" MPRNOTIFY_DETAIL_NP_EXPORT_ATTRIBUTE ::mprnotify::platform::dword MPRNOTIFY_APIENTRY\
    NPFormatNetworkName(MPRNOTIFY_DETAIL_NP_PARAM(NPFormatNetworkName, 0) remote_name,             \
                        MPRNOTIFY_DETAIL_NP_PARAM(NPFormatNetworkName, 1) formatted,               \
                        MPRNOTIFY_DETAIL_NP_PARAM(NPFormatNetworkName, 2) length,                  \
                        MPRNOTIFY_DETAIL_NP_PARAM(NPFormatNetworkName, 3) flags,                   \
                        MPRNOTIFY_DETAIL_NP_PARAM(NPFormatNetworkName, 4) width)                   \
    {                                                                                              \
        MPRNOTIFY_DETAIL_NP_EXPORT_IF(np_format_network_name, NPFormatNetworkName, 20)             \
        return mprnotify_provider::format_network_name(remote_name, formatted, length, flags, width);\
    }                                                                                              \
    extern "C" MPRNOTIFY_DETAIL_NP_EXPORT_ATTRIBUTE ::mprnotify::platform::dword MPRNOTIFY_APIENTRY\
    NPGetConnection3(MPRNOTIFY_DETAIL_NP_PARAM(NPGetConnection3, 0) local_name,                    \
                     MPRNOTIFY_DETAIL_NP_PARAM(NPGetConnection3, 1) level,                         \
                     MPRNOTIFY_DETAIL_NP_PARAM(NPGetConnection3, 2) buffer,                        \
                     MPRNOTIFY_DETAIL_NP_PARAM(NPGetConnection3, 3) size)                          \
    {                                                                                              \
        MPRNOTIFY_DETAIL_NP_EXPORT_IF(np_get_connection3, NPGetConnection3, 16)                    \
        return mprnotify_provider::get_connection3(local_name, level, buffer, size);               \
    }                                                                                              \
    extern "C" MPRNOTIFY_DETAIL_NP_EXPORT_ATTRIBUTE ::mprnotify::platform::dword MPRNOTIFY_APIENTRY\
    NPGetConnectionPerformance(MPRNOTIFY_DETAIL_NP_PARAM(NPGetConnectionPerformance, 0) name,      \
                               MPRNOTIFY_DETAIL_NP_PARAM(NPGetConnectionPerformance, 1) info)      \
    {                                                                                              \
        MPRNOTIFY_DETAIL_NP_EXPORT_IF(np_get_connection_performance, NPGetConnectionPerformance, 8)\
        return mprnotify_provider::get_connection_performance(name, info);                         \
    }                                                                                              \
    extern "C" MPRNOTIFY_DETAIL_NP_EXPORT_ATTRIBUTE ::mprnotify::platform::dword MPRNOTIFY_APIENTRY\
    NPLogonNotify(MPRNOTIFY_DETAIL_NP_PARAM(NPLogonNotify, 0) logon_id,                            \
                  MPRNOTIFY_DETAIL_NP_PARAM(NPLogonNotify, 1) type,                                \
                  MPRNOTIFY_DETAIL_NP_PARAM(NPLogonNotify, 2) information,                         \
                  MPRNOTIFY_DETAIL_NP_PARAM(NPLogonNotify, 3) previous_type,                       \
                  MPRNOTIFY_DETAIL_NP_PARAM(NPLogonNotify, 4) previous_information,                \
                  MPRNOTIFY_DETAIL_NP_PARAM(NPLogonNotify, 5) station,                             \
                  MPRNOTIFY_DETAIL_NP_PARAM(NPLogonNotify, 6) station_handle,                      \
                  MPRNOTIFY_DETAIL_NP_PARAM(NPLogonNotify, 7) script)                              \
    {                                                                                              \
        MPRNOTIFY_DETAIL_NP_EXPORT_IF(np_logon_notify, NPLogonNotify, 32)                          \
        return mprnotify_provider::logon_notify(logon_id, type, information, previous_type,        \
                                                previous_information, station, station_handle, script);\
    }                                                                                              \
    extern "C" MPRNOTIFY_DETAIL_NP_EXPORT_ATTRIBUTE ::mprnotify::platform::dword MPRNOTIFY_APIENTRY\
    NPPasswordChangeNotify(MPRNOTIFY_DETAIL_NP_PARAM(NPPasswordChangeNotify, 0) type,              \
                           MPRNOTIFY_DETAIL_NP_PARAM(NPPasswordChangeNotify, 1) information,       \
                           MPRNOTIFY_DETAIL_NP_PARAM(NPPasswordChangeNotify, 2) previous_type,     \
                           MPRNOTIFY_DETAIL_NP_PARAM(NPPasswordChangeNotify, 3) previous_information,\
                           MPRNOTIFY_DETAIL_NP_PARAM(NPPasswordChangeNotify, 4) station,           \
                           MPRNOTIFY_DETAIL_NP_PARAM(NPPasswordChangeNotify, 5) station_handle,    \
                           MPRNOTIFY_DETAIL_NP_PARAM(NPPasswordChangeNotify, 6) change_info)       \
    {                                                                                              \
        MPRNOTIFY_DETAIL_NP_EXPORT_IF(np_password_change_notify, NPPasswordChangeNotify, 28)       \
        return mprnotify_provider::password_change_notify(type, information, previous_type,        \
                                                          previous_information, station,           \
                                                          station_handle, change_info);            \
    }                                                                                              \
    }                                                                                              \
    MPRNOTIFY_DETAIL_NP_END                                                                        \
    static_assert(true, "MPRNOTIFY_PROVIDER_EXPORT(...) is followed by a semicolon")
// clang-format on
