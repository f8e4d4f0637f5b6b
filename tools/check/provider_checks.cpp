// provider_checks.cpp - the network-provider rules applied to a PE image.
#include "provider_checks.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include <mprnotify/provider/np_functions.hpp>

namespace mprcheck {
namespace {

// NPGetCaps, the functions the library generates (their rows in np_functions.hpp), then those it
// has no hook for. Parameter counts from the npapi.h syntax blocks (learn.microsoft.com, "NP...
// function (npapi.h)") and MinGW-w64's npapi.h; x86 __stdcall pops 4 bytes per parameter.
#define MPRCHECK_LIBRARY_ROW(Name, member, bytes, ...) np_function{#Name, bytes},
constexpr std::array table{
    np_function{"NPGetCaps", 4},
    MPRNOTIFY_NP_FUNCTIONS(MPRCHECK_LIBRARY_ROW) // NOLINT(cppcoreguidelines-macro-usage)
    np_function{"NPAddConnection4", 28},
    np_function{"NPCancelConnection2", 12},
    np_function{"NPGetPersistentUseOptionsForConnection", 20},
    np_function{"NPDeviceMode", 4},
    np_function{"NPSearchDialog", 20},
    np_function{"NPGetPropertyText", 24},
    np_function{"NPPropertyDialog", 20},
    np_function{"NPGetDirectoryType", 12},
    np_function{"NPDirectoryNotify", 12},
    np_function{"NPFMXGetPermCaps", 4},
    np_function{"NPFMXEditPerm", 12},
    np_function{"NPFMXGetPermHelp", 24},
};
#undef MPRCHECK_LIBRARY_ROW
static_assert(table.size() == 29);

/// A plain export of that exact name.
bool exports(const pe_image& image, std::string_view name)
{
    return std::any_of(image.exports.begin(), image.exports.end(),
                       [&](const named_export& e) { return e.name == name; });
}

/// A newer form of a function without its base form. MPR asks NPGetCaps which forms exist, so such a
/// provider can work; but an answer that names the newer bit alone is one an older router, or a
/// caller going through the base bit, does not use: a warning, with the reason.
struct requires_rule {
    std::string_view extension;
    std::string_view base;
    std::string_view why;
};
constexpr std::array<requires_rule, 4> requirements{{
    {"NPAddConnection3", "NPAddConnection",
     "WNNC_CON_ADDCONNECTION is the connection bit every router knows; export both so any answer holds"},
    {"NPAddConnection4", "NPAddConnection",
     "WNNC_CON_ADDCONNECTION is the connection bit every router knows; export both so any answer holds"},
    {"NPCancelConnection2", "NPCancelConnection", "WNNC_CON_CANCELCONNECTION promises NPCancelConnection"},
    {"NPGetConnection3", "NPGetConnection", "WNNC_CON_GETCONNECTIONS promises NPGetConnection"},
}};

/// NPOpenEnum, NPEnumResource and NPCloseEnum: WNNC_ENUMERATION promises all three.
constexpr std::array<std::string_view, 3> enumeration{"NPOpenEnum", "NPEnumResource", "NPCloseEnum"};

void check_consistency(const pe_image& image, report& out)
{
    std::vector<std::string_view> present;
    std::vector<std::string_view> missing;
    for (const auto name : enumeration) {
        (exports(image, name) ? present : missing).push_back(name);
    }
    if (!present.empty() && !missing.empty()) {
        std::string text = "exports ";
        for (const auto name : present) {
            text += std::string{name} + " ";
        }
        text += "but not";
        for (const auto name : missing) {
            text += " " + std::string{name};
        }
        text += ": any WNNC_ENUMERATION answer is wrong (MPR calls NPEnumResource and NPCloseEnum on every handle "
                "NPOpenEnum returns; with no enumeration bit NPOpenEnum is dead code)";
        out.findings.push_back({severity::problem, "capabilities", text});
    }
    for (const auto& rule : requirements) {
        if (exports(image, rule.extension) && !exports(image, rule.base)) {
            out.findings.push_back(
                {severity::warning, "capabilities",
                 std::string{rule.extension} + " without " + std::string{rule.base} + ": " + std::string{rule.why}});
        }
    }
    // A provider that connects must disconnect: the library refuses to compile one that cannot.
    std::string adds;
    for (const std::string_view name : {"NPAddConnection", "NPAddConnection3"}) {
        if (exports(image, name)) {
            adds += (adds.empty() ? "" : " and ") + std::string{name};
        }
    }
    if (!adds.empty() && !exports(image, "NPCancelConnection")) {
        out.findings.push_back({severity::problem, "capabilities",
                                "exports " + adds +
                                    " but not NPCancelConnection: connections can be added but "
                                    "never cancelled (WNetCancelConnection2 never reaches this provider, its drives "
                                    "cannot be disconnected)"});
    }
}

} // namespace

std::span<const np_function> np_functions() noexcept { return table; }

bool is_provider(const pe_image& image)
{
    return std::any_of(image.exports.begin(), image.exports.end(),
                       [](const named_export& e) { return e.name == "NPGetCaps" || looks_like(e.name, "NPGetCaps"); });
}

void check_provider_exports(const pe_image& image, report& out)
{
    out.findings.push_back(
        export_finding(image, "NPGetCaps", 4, {severity::problem, "MPR", "not exported: MPR asks NPGetCaps first"}));
    std::string plain;
    for (const auto& function : std::span<const np_function>{table}.subspan(1)) { // NPGetCaps: above
        const finding f = export_finding(image, function.name, function.argument_bytes, {severity::note, "MPR", ""});
        if (f.level == severity::ok) {
            plain += (plain.empty() ? "" : ", ") + std::string{function.name};
        } else if (f.level != severity::note) {
            out.findings.push_back({severity::problem, f.subject, f.text});
        }
    }
    out.findings.push_back({severity::ok, "NP functions", plain.empty() ? "none besides NPGetCaps" : plain});
    for (const auto& e : image.exports) {
        if (e.name.rfind("NP", 0) != 0) {
            continue;
        }
        const bool known = std::any_of(table.begin(), table.end(), [&](const np_function& function) {
            return e.name == function.name || looks_like(e.name, function.name);
        });
        if (!known) {
            out.findings.push_back(
                {severity::note, "export", "'" + printable(e.name) + "' begins with NP but is no function MPR calls"});
        }
    }
    check_consistency(image, out);
}

} // namespace mprcheck
