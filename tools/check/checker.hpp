// checker.hpp - judges a PE image as a notifyee or a network provider: would MPR load it and find
// every function it offers?
//
// The rules come from the documented contract (see the project's platform facts): a notifyee must
// export AddConnectNotify and CancelConnectNotify by those plain names; a network provider (an
// image exporting NPGetCaps) must export every NP* function by its plain name, with the documented
// argument size on x86, in sets a consistent NPGetCaps answer can promise (provider_checks.hpp);
// both must be loadable in any WNet caller (so no runtime DLLs beside the system ones) and match
// the caller's bitness.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pe_reader.hpp"

namespace mprcheck {

enum class severity { ok, note, warning, problem };

/// One line of a report: what was looked at, how it stands, and why.
struct finding {
    severity level = severity::ok;
    std::string subject;
    std::string text;
};

struct check_options {
    std::vector<std::string> allowed_imports;      ///< DLL names accepted as present on the target machines
    std::optional<std::uint16_t> expected_machine; ///< the architecture the DLL must have, if known
};

struct report {
    std::vector<finding> findings;
    bool provider = false; ///< exports NPGetCaps (or a look-alike): judged as a network provider
    bool notifyee = true;  ///< judged as a notifyee (every non-provider, and a provider that notifies)
    [[nodiscard]] std::size_t count(severity level) const noexcept;
    /// No problem found: MPR can load the DLL and call both functions.
    [[nodiscard]] bool works() const noexcept { return count(severity::problem) == 0; }
};

/// How a DLL an image imports is expected to be found on a Windows machine.
enum class dll_kind { system, mingw_runtime, msvc_runtime, msvc_debug_runtime, other };
[[nodiscard]] dll_kind classify_import(std::string_view name);

/// Is `name` `required` decorated (x86 __stdcall `name@N`, `_name@N`), C++-mangled, or in another case?
[[nodiscard]] bool looks_like(std::string_view name, std::string_view required);

/// What to report when a function is not exported at all, and who looks it up.
struct absent {
    severity level = severity::problem;
    std::string_view caller = "MPR";
    std::string_view text;
};

/// The finding for one function looked up by plain name: exported, or only as a look-alike (a
/// problem for x86 decorations naming another argument size than `argument_bytes`), or absent.
[[nodiscard]] finding export_finding(const pe_image& image, std::string_view name, unsigned argument_bytes,
                                     const absent& missing);

/// Runs every check on a readable image.
[[nodiscard]] report check_image(const pe_image& image, const check_options& options);

/// One aligned line per finding ("  subject   LEVEL   text").
[[nodiscard]] std::string format_findings(const report& result);

/// The report as text: a header line naming the file, one line per finding, the verdict.
[[nodiscard]] std::string format_report(std::string_view file, const report& result);

/// A name from the file made printable: bytes outside printable ASCII become \xNN.
[[nodiscard]] std::string printable(std::string_view text);

/// Parses "x86", "x64", "arm64" (as --machine takes them).
[[nodiscard]] std::optional<std::uint16_t> parse_machine(std::string_view name);

} // namespace mprcheck
