// registered.cpp - checks what is registered under Notifyees, through mprnotify/registry.hpp.
#include "registered.hpp"

#include "files.hpp"

#if defined(_WIN32)
#  include <mprnotify/registry.hpp>
#  include <mprnotify/core/text.hpp>
#endif

namespace mprcheck {

#if defined(_WIN32)

namespace {

namespace registry = mprnotify::registry;
using mprnotify::printable_utf8;

std::string type_name(DWORD type)
{
    switch (type) {
    case REG_SZ: return "REG_SZ";
    case REG_EXPAND_SZ: return "REG_EXPAND_SZ";
    case REG_MULTI_SZ: return "REG_MULTI_SZ";
    case REG_DWORD: return "REG_DWORD";
    case REG_QWORD: return "REG_QWORD";
    case REG_BINARY: return "REG_BINARY";
    default: return "type " + std::to_string(type);
    }
}

/// The folder Windows reports through `get`, or empty.
template <class Getter>
std::wstring system_folder(Getter get)
{
    wchar_t buffer[MAX_PATH + 1] = {};
    const UINT length = get(buffer, MAX_PATH + 1);
    return length == 0 || length > MAX_PATH ? std::wstring{} : std::wstring(buffer, length);
}

bool same_folder(const std::wstring& a, const std::wstring& b)
{
    return !a.empty() && ::CompareStringOrdinal(a.c_str(), static_cast<int>(a.size()), b.c_str(),
                                                static_cast<int>(b.size()), TRUE) == CSTR_EQUAL;
}

/// Checks one DLL file; `prefix` findings (about the registry value) come first.
int check_dll(const std::wstring& path, std::vector<finding> prefix, const check_options& options,
              std::uint16_t expected, bool quiet, std::string& out)
{
    report result;
    result.findings = std::move(prefix);
    const report dll = judge_dll(path, options, expected, dll_role::notifyee, "");
    result.findings.insert(result.findings.end(), dll.findings.begin(), dll.findings.end());
    const std::string text = format_report(printable_utf8(path), result);
    out += quiet ? text.substr(text.rfind("  verdict")) : text;
    return result.works() ? 0 : 1;
}

} // namespace

report judge_dll(const std::wstring& path, const check_options& options, std::uint16_t expected, dll_role role,
                 const std::string& unreadable_prefix)
{
    report result;
    const auto contents = read_file(printable_utf8(path));
    if (!contents.error.empty()) {
        result.findings.push_back({severity::problem, role == dll_role::provider ? "ProviderPath" : "file",
                                   unreadable_prefix + contents.error});
    } else if (const auto image = read_pe(contents.bytes); !image.ok()) {
        result.findings.push_back({severity::problem, "file", "not a readable PE file: " + image.error});
    } else {
        check_options own = options;
        own.expected_machine = expected;
        result = check_image(image.image, own);
        if (role == dll_role::provider && !result.provider) {
            result.findings.push_back(
                {severity::problem, "NPGetCaps", "not exported: MPR skips a DLL without NPGetCaps"});
        }
    }
    return result;
}

std::wstring wow64_twin(const std::wstring& path)
{
    if (own_machine == machine::i386) {
        return {};
    }
    const std::wstring system32 = system_folder([](wchar_t* b, UINT n) { return ::GetSystemDirectoryW(b, n); });
    const std::wstring wow64 = system_folder([](wchar_t* b, UINT n) { return ::GetSystemWow64DirectoryW(b, n); });
    const auto slash = path.find_last_of(L'\\');
    if (wow64.empty() || slash == std::wstring::npos || !same_folder(path.substr(0, slash), system32)) {
        return {};
    }
    return wow64 + path.substr(slash);
}

int check_registered(const check_options& options, bool quiet, std::string& out)
{
    std::vector<registry::notifyee> entries;
    if (const auto listed = registry::list_notifyees_nothrow(entries); !listed.ok()) {
        out += "cannot read HKLM\\" + printable_utf8(registry::notifyees_subkey) + ": " + listed.message() + "\n";
        return 2;
    }
    out += "HKLM\\" + printable_utf8(registry::notifyees_subkey) + ": " + std::to_string(entries.size()) + " value" +
           (entries.size() == 1 ? "" : "s") + "\n";
    int worst = 0;
    for (const auto& entry : entries) {
        out += "\n" + printable_utf8(entry.name) + " = " + printable_utf8(entry.path) + " (" + type_name(entry.type) +
               ")\n";
        std::vector<finding> value;
        if (!entry.is_string()) {
            value.push_back({severity::problem, "registry value",
                             type_name(entry.type) + " is not a path: MPR expects REG_EXPAND_SZ"});
            out += format_report("(no file)", report{value});
            worst = 1;
            continue;
        }
        if (entry.type == REG_SZ) {
            value.push_back({severity::warning, "registry value",
                             "REG_SZ: the documented type is REG_EXPAND_SZ (whether REG_SZ works is not documented)"});
        }
        std::wstring path;
        if (const auto expanded = registry::expand_path_nothrow(entry.path, path); !expanded.ok()) {
            value.push_back({severity::problem, "registry value", "cannot expand the path: " + expanded.message()});
            out += format_report(printable_utf8(entry.path), report{value});
            worst = 1;
            continue;
        }
        if (path.find(L'\\') == std::wstring::npos) {
            value.push_back({severity::warning, "registry value",
                             "not a full path: each calling process resolves it through its own search path"});
        }
        worst = (std::max)(worst, check_dll(path, value, options, own_machine, quiet, out));

        // A 64-bit process saw System32; 32-bit processes on this machine see SysWOW64 under the same name.
        if (const std::wstring wow_path = wow64_twin(path); !wow_path.empty()) {
            if (::GetFileAttributesW(wow_path.c_str()) == INVALID_FILE_ATTRIBUTES) {
                report missing;
                missing.findings.push_back(
                    {severity::warning, "32-bit processes", "no such file: 32-bit WNet callers get no notifications"});
                out += format_report(printable_utf8(wow_path), missing);
            } else {
                worst = (std::max)(worst, check_dll(wow_path, {}, options, machine::i386, quiet, out));
            }
        }
    }
    return worst;
}

#else

int check_registered(const check_options&, bool, std::string& out)
{
    out += windows_only;
    return 64;
}

#endif

} // namespace mprcheck
