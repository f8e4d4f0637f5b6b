// registered.hpp - mprnotify-check --registered: every notifyee and network provider, checked (Windows).
#pragma once

#include <cstdint>
#include <string>

#include "checker.hpp"

namespace mprcheck {

/// The machine a process of this program's bitness is: what --registered checks DLLs against.
inline constexpr std::uint16_t own_machine =
#if defined(__x86_64__) || defined(_M_X64)
    machine::amd64;
#elif defined(__aarch64__) || defined(_M_ARM64)
    machine::arm64;
#else
    machine::i386;
#endif

/// What --registered answers in a build for another system.
inline constexpr const char windows_only[] =
    "--registered reads the Windows registry: it is available only in the Windows build\n";

#if defined(_WIN32)
/// What a registered DLL is loaded as.
enum class dll_role : std::uint8_t { notifyee, provider };

/// Reads the DLL at `path` and judges it as a process of machine `expected` would load it in `role`
/// (a provider without NPGetCaps is skipped by MPR). A file that cannot be read is a problem, its
/// text after `unreadable_prefix`.
[[nodiscard]] report judge_dll(const std::wstring& path, const check_options& options, std::uint16_t expected,
                               dll_role role, const std::string& unreadable_prefix);

/// The SysWOW64 path 32-bit processes load for a System32 `path`, seen from a 64-bit process on
/// 64-bit Windows; empty for any other path or process.
[[nodiscard]] std::wstring wow64_twin(const std::wstring& path);
#endif

/// Lists the values under HKLM\...\NetworkProvider\Notifyees and checks the DLL each names, as a
/// process of this program's bitness would load it (and, from a 64-bit process on 64-bit Windows,
/// the SysWOW64 copy 32-bit processes load for a System32 path). Appends the reports to `out`.
/// Returns the exit code: 0 all usable, 1 a DLL would not work, 2 the registry could not be read.
[[nodiscard]] int check_registered(const check_options& options, bool quiet, std::string& out);

/// Reads HKLM\...\NetworkProvider\Order\ProviderOrder and reports every token MPR would skip or
/// repeat (empty, padded with spaces, listed twice; a value of another type), then each provider it
/// names: its Services\<name>\NetworkProvider key, `Name`, `ProviderPath`, and the DLL as a
/// process of this program's bitness would load it (a DLL without NPGetCaps is skipped by MPR).
/// Returns 0 all usable, 1 the providers are broken, 2 the registry could not be read.
[[nodiscard]] int check_registered_providers(const check_options& options, bool quiet, std::string& out);

} // namespace mprcheck
