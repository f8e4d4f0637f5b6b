// mprnotify/registry/registration.hpp - regsvr32 support, opt-in, for a notifyee or a network provider.
//
// MPRNOTIFY_EXPORT_REGISTRATION(L"Name") adds DllRegisterServer and DllUnregisterServer to a
// notifyee DLL, so that
//     regsvr32 notifyee.dll        writes Notifyees\Name = <this DLL's path> (REG_EXPAND_SZ)
//     regsvr32 /u notifyee.dll     deletes Notifyees\Name
// MPRNOTIFY_EXPORT_PROVIDER_REGISTRATION(L"ServiceName", L"Display Name") does the same for a
// network provider DLL through register_provider / unregister_provider (registry/providers.hpp):
//     regsvr32 provider.dll        writes Services\ServiceName\NetworkProvider (Name, ProviderPath)
//                                  and appends ServiceName to ProviderOrder
//     regsvr32 /u provider.dll     removes the token, then the key
// A DLL uses one of the two macros (both define DllRegisterServer).
// The path is the DLL's own (GetModuleHandleExW + GetModuleFileNameW). A DLL that lies in the
// system folder of either bitness (System32, SysWOW64) is registered as
// %SystemRoot%\System32\<file>, which resolves to the right copy in 32- and 64-bit processes.
//
// Both functions are STDAPI (__stdcall, no arguments), so on x86 their internal names are
// DllRegisterServer@0; they are exported by plain name the same way export.hpp exports the
// notification functions. MPRNOTIFY_NO_EXPORT_DIRECTIVES leaves the exporting to a .def file.
// The names are checked at compile time against the rules in registry_input.hpp.
// Off Windows the macro only checks the name, so portable notifyee sources still build.
#pragma once

#include "../detail/core/plain_export.hpp"
#include "../core/registry_input.hpp"

#if defined(_WIN32)

#  include <string>
#  include <string_view>

#  include "notifyees.hpp"
#  include "providers.hpp"

namespace mprnotify::detail {

/// The path of the module that holds `address`, or the Win32 error that prevented reading it.
[[nodiscard]] inline registry::result module_path_nothrow(const void* address, std::wstring& path) noexcept
{
    return guarded([&]() -> registry::result {
        HMODULE module = nullptr;
        const DWORD flags = GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT;
        if (!::GetModuleHandleExW(flags, static_cast<LPCWSTR>(address), &module)) {
            return registry::result{::GetLastError()};
        }
        std::wstring buffer(MAX_PATH, L'\0');
        while (buffer.size() <= registry::max_dll_path_length + 1) {
            const DWORD length = ::GetModuleFileNameW(module, buffer.data(), static_cast<DWORD>(buffer.size()));
            if (length == 0) {
                return registry::result{::GetLastError()};
            }
            if (length < buffer.size()) { // not truncated
                buffer.resize(length);
                path = std::move(buffer);
                return registry::result{};
            }
            buffer.assign(buffer.size() * 2, L'\0');
        }
        return registry::result{ERROR_FILENAME_EXCED_RANGE};
    });
}

/// True when `folder` names the same directory as the one a Get*Directory call reports.
template <class Getter>
[[nodiscard]] bool is_folder(std::wstring_view folder, Getter get_directory)
{
    wchar_t buffer[MAX_PATH + 1] = {};
    const UINT length = get_directory(buffer, MAX_PATH + 1);
    if (length == 0 || length > MAX_PATH) {
        return false;
    }
    std::wstring_view system{buffer, length};
    while (!system.empty() && system.back() == L'\\') {
        system.remove_suffix(1);
    }
    return ::CompareStringOrdinal(folder.data(), static_cast<int>(folder.size()), system.data(),
                                  static_cast<int>(system.size()), TRUE) == CSTR_EQUAL;
}

/// %SystemRoot%\System32\<file> for a DLL in either system folder, the path unchanged otherwise.
[[nodiscard]] inline std::wstring registration_path(const std::wstring& module_path)
{
    const auto slash = module_path.find_last_of(L"\\/");
    if (slash == std::wstring::npos) {
        return module_path;
    }
    const std::wstring_view folder{module_path.data(), slash};
    const bool in_system = is_folder(folder, [](wchar_t* b, UINT n) { return ::GetSystemDirectoryW(b, n); }) ||
                           is_folder(folder, [](wchar_t* b, UINT n) { return ::GetSystemWow64DirectoryW(b, n); });
    if (!in_system) {
        return module_path;
    }
    return L"%SystemRoot%\\System32" + module_path.substr(slash);
}

/// DllRegisterServer's body: registers the module holding `address` as `value_name`.
[[nodiscard]] inline HRESULT register_module(const wchar_t* value_name, const void* address) noexcept
{
    std::wstring path;
    registry::result outcome = module_path_nothrow(address, path);
    if (outcome.ok()) {
        outcome = guarded([&]() -> registry::result {
            return registry::register_notifyee_nothrow(value_name, registration_path(path));
        });
    }
    return outcome.ok() ? S_OK : HRESULT_FROM_WIN32(outcome.win32_error());
}

/// DllUnregisterServer's body.
[[nodiscard]] inline HRESULT unregister_module(const wchar_t* value_name) noexcept
{
    const registry::result outcome = registry::unregister_notifyee_nothrow(value_name);
    return outcome.ok() ? S_OK : HRESULT_FROM_WIN32(outcome.win32_error());
}

/// A registry::provider's DllRegisterServer: the module holding `address`, appended to ProviderOrder.
[[nodiscard]] inline HRESULT register_provider_module(const wchar_t* service_name, const wchar_t* display_name,
                                                      const void* address) noexcept
{
    std::wstring path;
    registry::result outcome = module_path_nothrow(address, path);
    if (outcome.ok()) {
        outcome = guarded([&]() -> registry::result {
            return register_provider_nothrow(
                registry::provider{service_name, display_name, registration_path(path), {}, {}});
        });
    }
    return outcome.ok() ? S_OK : HRESULT_FROM_WIN32(outcome.win32_error());
}

/// A registry::provider's DllUnregisterServer.
[[nodiscard]] inline HRESULT unregister_provider_module(const wchar_t* service_name) noexcept
{
    const registry::result outcome = registry::unregister_provider_nothrow(service_name);
    return outcome.ok() ? S_OK : HRESULT_FROM_WIN32(outcome.win32_error());
}

} // namespace mprnotify::detail

// clang-format off
// STDAPI functions without arguments: 0 bytes on x86. PRIVATE on every target, as COM DLLs do: in the
// export table for regsvr32, not in the import library, and without a dllexport attribute.
#  define MPRNOTIFY_DETAIL_REGISTRATION_DIRECTIVES                                                                     \
    MPRNOTIFY_DETAIL_PRIVATE_EXPORT(DllRegisterServer, 0)                                                              \
    MPRNOTIFY_DETAIL_PRIVATE_EXPORT(DllUnregisterServer, 0)
// clang-format on

/// Adds DllRegisterServer / DllUnregisterServer registering this DLL as Notifyees\<value_name>.
/// Use once per DLL, at namespace scope, with a wide string literal.
#  define MPRNOTIFY_EXPORT_REGISTRATION(value_name)                                                                    \
    MPRNOTIFY_DETAIL_REGISTRATION_CHECK(value_name);                                                                   \
    MPRNOTIFY_DETAIL_REGISTRATION_DIRECTIVES                                                                           \
    extern "C" HRESULT WINAPI DllRegisterServer(void)                                                                  \
    {                                                                                                                  \
      return ::mprnotify::detail::register_module(value_name, reinterpret_cast<const void*>(&DllRegisterServer));      \
    }                                                                                                                  \
    extern "C" HRESULT WINAPI DllUnregisterServer(void) { return ::mprnotify::detail::unregister_module(value_name); } \
    static_assert(true, "MPRNOTIFY_EXPORT_REGISTRATION(...) is followed by a semicolon")

/// Adds DllRegisterServer / DllUnregisterServer registering this DLL as the network provider
/// `service_name` (display name `display_name`), appended to ProviderOrder. Wide string literals.
#  define MPRNOTIFY_EXPORT_PROVIDER_REGISTRATION(service_name, display_name)                                           \
    MPRNOTIFY_DETAIL_PROVIDER_REGISTRATION_CHECK(service_name, display_name);                                          \
    MPRNOTIFY_DETAIL_REGISTRATION_DIRECTIVES                                                                           \
    extern "C" HRESULT WINAPI DllRegisterServer(void)                                                                  \
    {                                                                                                                  \
      return ::mprnotify::detail::register_provider_module(service_name, display_name,                                 \
                                                           reinterpret_cast<const void*>(&DllRegisterServer));         \
    }                                                                                                                  \
    extern "C" HRESULT WINAPI DllUnregisterServer(void)                                                                \
    {                                                                                                                  \
      return ::mprnotify::detail::unregister_provider_module(service_name);                                            \
    }                                                                                                                  \
    static_assert(true, "MPRNOTIFY_EXPORT_PROVIDER_REGISTRATION(...) is followed by a semicolon")

#else

#  define MPRNOTIFY_EXPORT_REGISTRATION(value_name) MPRNOTIFY_DETAIL_REGISTRATION_CHECK(value_name)
#  define MPRNOTIFY_EXPORT_PROVIDER_REGISTRATION(service_name, display_name)                                           \
    MPRNOTIFY_DETAIL_PROVIDER_REGISTRATION_CHECK(service_name, display_name)

#endif // _WIN32

#define MPRNOTIFY_DETAIL_REGISTRATION_CHECK(value_name)                                                                \
  static_assert(::mprnotify::registry::check_value_name(value_name) == ::mprnotify::registry::input_problem::none,     \
                "MPRNOTIFY_EXPORT_REGISTRATION: the value name must be 1-255 characters, "                             \
                "without backslash or control characters")
#define MPRNOTIFY_DETAIL_PROVIDER_REGISTRATION_CHECK(service_name, display_name)                                       \
  static_assert(::mprnotify::registry::check_service_name(service_name) == ::mprnotify::registry::input_problem::none, \
                "MPRNOTIFY_EXPORT_PROVIDER_REGISTRATION: the service name must be 1-255 characters, without "          \
                "backslash, comma, control characters or a space at either end");                                      \
  static_assert(::mprnotify::registry::check_display_name(display_name) == ::mprnotify::registry::input_problem::none, \
                "MPRNOTIFY_EXPORT_PROVIDER_REGISTRATION: the display name must be 1-255 characters, without "          \
                "control characters")
