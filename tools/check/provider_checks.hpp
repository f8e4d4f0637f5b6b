// provider_checks.hpp - the network-provider rules: NP* exports by plain name, with the documented
// x86 argument sizes, in sets a consistent NPGetCaps answer can promise.
#pragma once

#include <span>
#include <string_view>

#include "checker.hpp"

namespace mprcheck {

/// One function MPR (or the shell, for the dialog and file-manager extensions) looks up by name in
/// a provider DLL, with the bytes of arguments its __stdcall x86 form pops (4 per parameter:
/// every parameter is a pointer, a handle or a DWORD). Checked against npapi.h (Microsoft Learn
/// pages "NPGetCaps function (npapi.h)" and its siblings; MinGW-w64's npapi.h).
struct np_function {
    std::string_view name;
    unsigned argument_bytes;
};

/// Every NP* function the tool knows, NPGetCaps first.
[[nodiscard]] std::span<const np_function> np_functions() noexcept;

/// True when the image exports NPGetCaps, by its plain name or as a look-alike.
[[nodiscard]] bool is_provider(const pe_image& image);

/// Appends the provider findings: NPGetCaps, each NP* export (plain name, x86 argument size),
/// unknown NP* names, and the export sets no NPGetCaps answer can make consistent.
void check_provider_exports(const pe_image& image, report& out);

} // namespace mprcheck
