// registered_providers.cpp - mprnotify-check --registered, network-provider half: ProviderOrder and
// each provider it names, judged as MPR would load them (through mprnotify/registry.hpp).
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

/// The findings about the list itself: its type, and every token MPR would skip or repeat.
report judge_order(const registry::order_snapshot& order, std::vector<std::wstring>& names)
{
    report list;
    if (!order.exists) {
        list.findings.push_back({severity::note, "ProviderOrder", "no such value: MPR loads no network provider"});
        return list;
    }
    if (!order.text) {
        list.findings.push_back({severity::problem, "ProviderOrder",
                                 "not a string value: MPR reads a comma-separated REG_SZ, so no provider is loaded"});
        return list;
    }
    if (!order.plain) {
        list.findings.push_back({severity::warning, "ProviderOrder",
                                 "REG_EXPAND_SZ: the documented type is REG_SZ, and Wine's mpr.dll reads only REG_SZ"});
    }
    const auto entries = registry::inspect_order(order.value);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& entry = entries[i];
        const std::string subject = "token " + std::to_string(i + 1);
        const std::string quoted = "\"" + printable_utf8(std::wstring{entry.token}) + "\"";
        if (entry.blank) {
            if (!(entries.size() == 1 && entry.token.empty())) {
                list.findings.push_back({severity::problem, subject,
                                         quoted + " is empty: a stray comma (installers that edit the list by hand "
                                                  "leave these; some then take an empty token for their own)"});
            }
        } else if (entry.padded) {
            list.findings.push_back({severity::problem, subject,
                                     quoted + " has spaces around it: the key looked up includes them (Wine does not "
                                              "trim), so this provider is skipped"});
        } else if (entry.duplicate) {
            list.findings.push_back({severity::problem, subject,
                                     quoted + " names a provider listed earlier: each provider is listed once"});
        } else {
            names.emplace_back(entry.token);
        }
    }
    if (names.empty() && list.count(severity::problem) == 0) {
        list.findings.push_back({severity::note, "ProviderOrder", "empty: MPR loads no network provider"});
    }
    return list;
}

void append(report& to, const report& from)
{
    to.findings.insert(to.findings.end(), from.findings.begin(), from.findings.end());
}

/// One provider: its key's values, then its DLL as this process's bitness would load it.
int check_provider(const std::wstring& name, std::size_t position, const check_options& options, bool quiet,
                   std::string& out)
{
    report result;
    std::string file = "(no file)";
    std::wstring wow_path; // the SysWOW64 twin of a System32 path, checked after
    registry::provider_info info;
    const auto found = registry::query_provider_nothrow(name, info);
    if (!found.ok()) {
        result.findings.push_back({severity::problem, "service name", found.message()});
    } else if (!info.key_found) {
        result.findings.push_back({severity::problem, "registry key",
                                   "no Services\\" + printable_utf8(name) + "\\NetworkProvider key: MPR skips it"});
    } else {
        if (!info.display_name || info.display_name->empty()) {
            result.findings.push_back({severity::problem, "Name", "missing: MPR skips a provider without a Name"});
        } else {
            result.findings.push_back({severity::ok, "Name", printable_utf8(*info.display_name)});
        }
        if (!info.dll_path || info.dll_path->empty()) {
            result.findings.push_back(
                {severity::problem, "ProviderPath", "missing or not a string: MPR has no DLL to load"});
        } else {
            std::wstring path;
            if (const auto expanded = registry::expand_path_nothrow(*info.dll_path, path); !expanded.ok()) {
                result.findings.push_back({severity::problem, "ProviderPath", "cannot expand: " + expanded.message()});
            } else {
                file = printable_utf8(path);
                append(result, judge_dll(path, options, own_machine, dll_role::provider,
                                         printable_utf8(*info.dll_path) + ": "));
                wow_path = wow64_twin(path);
            }
        }
    }
    result.provider = true;
    result.notifyee = false;
    const std::string text = format_report(file, result);
    out += "\nprovider " + printable_utf8(name) + " (ProviderOrder position " + std::to_string(position) + ")\n";
    out += quiet ? text.substr(text.rfind("  verdict")) : text;
    if (wow_path.empty()) {
        return result.works() ? 0 : 1;
    }
    // A 64-bit process saw System32; 32-bit processes on this machine load SysWOW64's file of that name.
    report x86;
    x86.provider = true;
    x86.notifyee = false;
    if (::GetFileAttributesW(wow_path.c_str()) == INVALID_FILE_ATTRIBUTES) {
        x86.findings.push_back({severity::warning, "32-bit processes", "no such file: 32-bit WNet callers skip it"});
    } else {
        append(x86, judge_dll(wow_path, options, machine::i386, dll_role::provider, ""));
    }
    const std::string x86_text = format_report(printable_utf8(wow_path), x86);
    out += quiet ? x86_text.substr(x86_text.rfind("  verdict")) : x86_text;
    return result.works() && x86.works() ? 0 : 1;
}

} // namespace

int check_registered_providers(const check_options& options, bool quiet, std::string& out)
{
    registry::order_snapshot order;
    const std::string where = "HKLM\\" + printable_utf8(registry::provider_order_subkey) + "\\ProviderOrder";
    if (const auto read = registry::read_provider_order_nothrow(order); !read.ok()) {
        out += "\ncannot read " + where + ": " + read.message() + "\n";
        return 2;
    }
    std::vector<std::wstring> names;
    const report list = judge_order(order, names);
    out += "\n" + where + " = \"" + printable_utf8(order.value) + "\"\n" + format_findings(list);
    int worst = list.works() ? 0 : 1;
    out += worst == 0 ? "  list: OK - " + std::to_string(names.size()) + " provider" + (names.size() == 1 ? "" : "s") +
                            " to check\n"
                      : "  list: FAIL - " + std::to_string(list.count(severity::problem)) +
                            " token(s) MPR would skip or repeat: this machine's network providers are broken\n";
    const auto tokens = registry::split_order(order.value);
    for (const auto& name : names) {
        std::size_t position = 0;
        while (position < tokens.size() && tokens[position] != name) {
            ++position;
        }
        worst = (std::max)(worst, check_provider(name, position + 1, options, quiet, out));
    }
    return worst;
}

#else

int check_registered_providers(const check_options&, bool, std::string& out)
{
    out += windows_only;
    return 64;
}

#endif

} // namespace mprcheck
