// checker.cpp - the notifyee rules applied to a PE image.
#include "checker.hpp"

#include "provider_checks.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>

namespace mprcheck {
namespace {

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    return out;
}

std::string hex16(std::uint16_t value)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out = "0x";
    for (int shift = 12; shift >= 0; shift -= 4) {
        out.push_back(digits[(value >> shift) & 0xf]);
    }
    return out;
}

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }
bool ends_with(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// DLLs every Windows installation has in System32 (and SysWOW64); shared with the Windows tests.
constexpr std::string_view system_dlls[] = {
#include "system_dlls.inc"
};

/// "AddConnectNotify@8" -> 8: the argument bytes of an x86 __stdcall decoration, if it is one.
std::optional<unsigned> stdcall_bytes(std::string_view name, std::string_view required)
{
    if (starts_with(name, "_")) {
        name.remove_prefix(1);
    }
    if (!starts_with(name, required) || name.size() < required.size() + 2 || name[required.size()] != '@') {
        return std::nullopt;
    }
    unsigned value = 0;
    for (const char c : name.substr(required.size() + 1)) {
        if (c < '0' || c > '9' || value > 100000) {
            return std::nullopt;
        }
        value = value * 10 + static_cast<unsigned>(c - '0');
    }
    return value;
}

std::string quoted_list(const std::vector<std::string>& names)
{
    std::string out;
    for (const auto& name : names) {
        out += (out.empty() ? "'" : ", '") + printable(name) + "'";
    }
    return out;
}

} // namespace

bool looks_like(std::string_view name, std::string_view required)
{
    if (name == required || name.empty()) {
        return false;
    }
    const std::string n = lower(name);
    const std::string r = lower(required);
    if (starts_with(n, "_z")) { // Itanium C++ mangling: <length><name>, e.g. _Z16AddConnectNotifyPvS_
        const std::string piece = std::to_string(r.size()) + r;
        const std::size_t at = n.find(piece);
        return at != std::string::npos && (at == 0 || n[at - 1] < '0' || n[at - 1] > '9');
    }
    if (starts_with(n, "?")) { // MSVC C++ mangling: ?AddConnectNotify@@YGKPAU_NOTIFYINFO@@...
        return starts_with(n, "?" + r + "@");
    }
    std::string_view bare = n;
    if (starts_with(bare, "_")) {
        bare.remove_prefix(1);
    }
    const std::size_t at = bare.rfind('@');
    if (at != std::string_view::npos && at + 1 < bare.size() &&
        bare.find_first_not_of("0123456789", at + 1) == std::string_view::npos) {
        bare = bare.substr(0, at);
    }
    return bare == r;
}

finding export_finding(const pe_image& image, std::string_view required, unsigned argument_bytes, const absent& missing)
{
    finding f{severity::ok, std::string{required}, {}};
    std::vector<std::string> alikes;
    const named_export* exact = nullptr;
    for (const auto& e : image.exports) {
        if (e.name == required) {
            exact = &e;
        } else if (looks_like(e.name, required)) {
            alikes.push_back(e.name);
        }
    }
    const bool x86 = image.machine == machine::i386;
    for (const auto& alike : alikes) {
        const auto bytes = stdcall_bytes(alike, required);
        if (x86 && bytes && *bytes != argument_bytes) {
            f.level = severity::problem;
            f.text = "decorated as '" + printable(alike) + "': it takes " + std::to_string(*bytes) +
                     " bytes of arguments, but the documented signature takes " + std::to_string(argument_bytes) +
                     " (a __stdcall mismatch corrupts the caller's stack)";
            return f;
        }
    }
    if (exact != nullptr) {
        f.text = exact->forwarder.empty() ? "exported by name"
                                          : "exported by name, forwarded to '" + printable(exact->forwarder) + "'";
        if (!alikes.empty()) {
            f.text += " (also as " + quoted_list(alikes) + ")";
        }
        return f;
    }
    if (alikes.empty()) {
        f.level = missing.level;
        f.text = missing.text;
        return f;
    }
    f.level = missing.level == severity::problem ? severity::problem : severity::warning;
    const std::string& first = alikes.front();
    f.text = "not exported by that name, only as " + quoted_list(alikes) + ": " + std::string{missing.caller} +
             " looks up the plain name and never finds it";
    if (stdcall_bytes(first, required)) {
        f.text += " (x86 __stdcall decoration: export through the library's macros, a .def line '" +
                  std::string{required} + " = " + std::string{required} + "@" + std::to_string(argument_bytes) +
                  "', or -Wl,--kill-at)";
    } else if (starts_with(first, "?") || starts_with(first, "_Z")) {
        f.text += " (a C++ mangled name: declare the function extern \"C\")";
    } else if (lower(first) == lower(required)) {
        f.text += " (export names are case-sensitive)";
    }
    return f;
}

namespace {

void check_imports(const pe_image& image, const check_options& options, report& out)
{
    std::vector<std::string> system;
    for (const auto& dll : image.imports) {
        const std::string name = printable(dll.name) + (dll.delay_loaded ? " (delay-loaded)" : "");
        const auto kind = classify_import(dll.name);
        const bool allowed = std::any_of(options.allowed_imports.begin(), options.allowed_imports.end(),
                                         [&](const std::string& a) { return lower(a) == lower(dll.name); });
        if (kind == dll_kind::system) {
            system.push_back(name);
            continue;
        }
        finding f{severity::problem, "import", name + ": "};
        if (allowed) {
            f.level = severity::note;
            f.text += "not a system DLL, accepted by --allow-import";
        } else if (kind == dll_kind::mingw_runtime) {
            f.text += "a MinGW runtime DLL: Explorer and the other WNet callers do not have it on their search "
                      "path; link with -static";
        } else if (kind == dll_kind::msvc_runtime) {
            f.level = severity::warning;
            f.text += "the Visual C++ runtime: present only where the Visual C++ Redistributable is installed; "
                      "link the runtime statically (/MT) to drop it";
        } else if (kind == dll_kind::msvc_debug_runtime) {
            f.text += "a debug Visual C++ runtime: not redistributable; build a release configuration";
        } else {
            f.text += "not a system DLL: Windows searches the calling process's folder, System32 and PATH, "
                      "not this DLL's folder; link it statically, install it in System32, or accept it with "
                      "--allow-import";
        }
        out.findings.push_back(std::move(f));
    }
    std::string list;
    for (const auto& name : system) {
        list += (list.empty() ? "" : ", ") + name;
    }
    out.findings.push_back({severity::ok, "system imports", list.empty() ? "none" : list});
}

} // namespace

std::size_t report::count(severity level) const noexcept
{
    return static_cast<std::size_t>(
        std::count_if(findings.begin(), findings.end(), [level](const finding& f) { return f.level == level; }));
}

dll_kind classify_import(std::string_view name)
{
    const std::string n = lower(name);
    if (starts_with(n, "api-ms-win-") || starts_with(n, "ext-ms-") ||
        std::find(std::begin(system_dlls), std::end(system_dlls), n) != std::end(system_dlls)) {
        return dll_kind::system;
    }
    if (starts_with(n, "libstdc++") || starts_with(n, "libgcc_s") || starts_with(n, "libwinpthread") ||
        starts_with(n, "libssp") || starts_with(n, "libgomp") || starts_with(n, "libatomic") ||
        starts_with(n, "libquadmath") || n == "libc++.dll" || n == "libunwind.dll") {
        return dll_kind::mingw_runtime;
    }
    const bool msvc = starts_with(n, "msvcp") || starts_with(n, "vcruntime") || starts_with(n, "concrt") ||
                      starts_with(n, "vcomp") || (starts_with(n, "msvcr") && n != "msvcrt.dll") || n == "ucrtbased.dll";
    if (msvc) {
        return ends_with(n, "d.dll") ? dll_kind::msvc_debug_runtime : dll_kind::msvc_runtime;
    }
    return dll_kind::other;
}

report check_image(const pe_image& image, const check_options& options)
{
    report out;
    const auto arch = machine_name(image.machine);
    finding machine_finding{severity::ok, "architecture", {}};
    if (arch.empty()) {
        machine_finding = {severity::problem, "architecture",
                           "unknown machine type " + hex16(image.machine) + ": not a Windows DLL"};
    } else {
        const bool wide = image.machine == machine::amd64 || image.machine == machine::arm64 ||
                          image.machine == machine::arm64ec || image.machine == machine::arm64x ||
                          image.machine == machine::ia64;
        machine_finding.text = std::string{arch} + (image.pe32_plus ? " (PE32+)" : " (PE32)");
        if (wide != image.pe32_plus) {
            machine_finding.level = severity::problem;
            machine_finding.text += ": the header layout does not match the machine type";
        } else if (options.expected_machine && *options.expected_machine != image.machine) {
            const auto expected = machine_name(*options.expected_machine);
            machine_finding.level = severity::problem;
            machine_finding.text +=
                ": " + std::string{expected.empty() ? "another" : expected} + " processes cannot load it";
        }
    }
    out.findings.push_back(std::move(machine_finding));
    if (!image.is_dll()) {
        out.findings.push_back({severity::problem, "file type", "not a DLL (the COFF DLL flag is clear)"});
    }
    out.provider = is_provider(image);
    const absent needed{severity::problem, "MPR",
                        "not exported: MPR needs both AddConnectNotify and CancelConnectNotify"};
    const finding add = export_finding(image, "AddConnectNotify", 8, needed);
    const finding cancel = export_finding(image, "CancelConnectNotify", 8, needed);
    // A provider need not notify; a provider that exports one notification function needs both.
    const bool exported = add.level != severity::problem || cancel.level != severity::problem ||
                          add.text.find("only as") != std::string::npos ||
                          cancel.text.find("only as") != std::string::npos;
    out.notifyee = !out.provider || exported;
    if (out.notifyee) {
        out.findings.push_back(add);
        out.findings.push_back(cancel);
    }
    if (out.provider) {
        check_provider_exports(image, out);
    }
    check_imports(image, options, out);
    const absent not_needed{severity::note, "regsvr32", "not exported"};
    const finding reg = export_finding(image, "DllRegisterServer", 0, not_needed);
    const finding unreg = export_finding(image, "DllUnregisterServer", 0, not_needed);
    if (reg.level == severity::ok && unreg.level == severity::ok) {
        out.findings.push_back({severity::ok, "regsvr32", "supported (DllRegisterServer, DllUnregisterServer)"});
    } else if (reg.level == severity::note && unreg.level == severity::note) {
        // A provider's ProviderOrder token is never written by hand (reg add loses other providers).
        out.findings.push_back(
            {severity::note, "regsvr32",
             out.provider ? "not supported: register with mprnotify::registry::register_provider, or build with "
                            "MPRNOTIFY_EXPORT_PROVIDER_REGISTRATION for regsvr32; never edit ProviderOrder with reg add"
                          : "not supported: register with reg add"});
    } else {
        for (const auto* f : {&reg, &unreg}) {
            if (f->level != severity::ok) {
                out.findings.push_back({severity::warning, f->subject, f->text});
            }
        }
    }
    return out;
}

std::string format_findings(const report& result)
{
    static constexpr std::array<std::string_view, 4> labels{"ok", "note", "WARNING", "PROBLEM"};
    std::string out;
    for (const auto& f : result.findings) {
        std::string line = "  " + f.subject;
        line.resize(std::max<std::size_t>(line.size() + 1, 24), ' ');
        line += labels[static_cast<std::size_t>(f.level)];
        line.resize(std::max<std::size_t>(line.size() + 1, 33), ' ');
        out += line + f.text + "\n";
    }
    return out;
}

std::string format_report(std::string_view file, const report& result)
{
    std::string out = std::string{file} + "\n" + format_findings(result);
    const auto problems = result.count(severity::problem);
    const auto warnings = result.count(severity::warning);
    const std::string role = result.provider ? (result.notifyee ? "a network provider that also receives notifications"
                                                                : "a network provider")
                                             : "a notifyee";
    if (problems == 0) {
        out += result.provider ? "  verdict: OK - MPR can load this DLL as " + role
                               : std::string{"  verdict: OK - MPR can load this DLL and call both functions"};
        out += warnings == 0 ? "\n" : " (" + std::to_string(warnings) + " warning" + (warnings == 1 ? ")\n" : "s)\n");
    } else {
        out += "  verdict: FAIL - " + std::to_string(problems) + " problem" + (problems == 1 ? "" : "s") +
               ": this DLL would not work as " + role + "\n";
    }
    return out;
}

std::string printable(std::string_view text)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x7f && u != '\\') {
            out.push_back(c);
        } else {
            out += "\\x";
            out.push_back(digits[u >> 4]);
            out.push_back(digits[u & 0xfu]);
        }
    }
    return out;
}

std::optional<std::uint16_t> parse_machine(std::string_view name)
{
    const std::string n = lower(name);
    if (n == "x86" || n == "i386" || n == "i686") {
        return machine::i386;
    }
    if (n == "x64" || n == "amd64" || n == "x86_64") {
        return machine::amd64;
    }
    if (n == "arm64" || n == "aarch64") {
        return machine::arm64;
    }
    return std::nullopt;
}

} // namespace mprcheck
