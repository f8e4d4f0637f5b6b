// checker.hpp - judges a PE image as a notifyee: would MPR load it and find both functions?
//
// The rules come from the documented contract (see the project's platform facts): the DLL must
// export AddConnectNotify and CancelConnectNotify by those plain names, must be loadable in any
// WNet caller (so no runtime DLLs beside the system ones), and must match the caller's bitness.
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
    [[nodiscard]] std::size_t count(severity level) const noexcept;
    /// No problem found: MPR can load the DLL and call both functions.
    [[nodiscard]] bool works() const noexcept { return count(severity::problem) == 0; }
};

/// How a DLL an image imports is expected to be found on a Windows machine.
enum class dll_kind { system, mingw_runtime, msvc_runtime, msvc_debug_runtime, other };
[[nodiscard]] dll_kind classify_import(std::string_view name);

/// Runs every check on a readable image.
[[nodiscard]] report check_image(const pe_image& image, const check_options& options);

/// The report as text: a header line naming the file, one line per finding, the verdict.
[[nodiscard]] std::string format_report(std::string_view file, const report& result);

/// A name from the file made printable: bytes outside printable ASCII become \xNN.
[[nodiscard]] std::string printable(std::string_view text);

/// Parses "x86", "x64", "arm64" (as --machine takes them).
[[nodiscard]] std::optional<std::uint16_t> parse_machine(std::string_view name);

} // namespace mprcheck
