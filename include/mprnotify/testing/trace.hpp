// mprnotify/testing/trace.hpp - a readable account of what a simulated MPR did.
//
// Context values are shown as #1, #2, ... in order of first appearance, so traces are stable
// from run to run and show which post received which pre's context.
#pragma once

#include <cstdio>
#include <map>
#include <string>
#include <string_view>

#include "../status.hpp"
#include "router.hpp"

namespace mprnotify::testing {

/// Wide text as printable ASCII (others as '?'): traces are for people and logs.
[[nodiscard]] inline std::string printable(std::wstring_view text)
{
    std::string out;
    out.reserve(text.size());
    for (const wchar_t c : text) {
        out.push_back(c >= 0x20 && c < 0x7F ? static_cast<char>(c) : '?');
    }
    return out;
}

[[nodiscard]] inline std::string status_text(wn_status status)
{
    const std::string_view known = name(status);
    return known.empty() ? "status " + std::to_string(to_underlying(status)) : std::string{known};
}

[[nodiscard]] inline std::string format_trace(const router& mpr)
{
    std::map<const void*, int> labels;
    auto label = [&](const void* context) -> std::string {
        if (context == nullptr) {
            return "none";
        }
        auto [it, inserted] = labels.try_emplace(context, static_cast<int>(labels.size()) + 1);
        return "#" + std::to_string(it->second);
    };
    auto pad = [](std::string text, std::size_t width) {
        text.resize(text.size() < width ? width : text.size(), ' ');
        return text;
    };
    std::string out;
    for (const operation_record& op : mpr.operations()) {
        out += std::to_string(op.number) + ". " + (op.operation == operation::add_connection ? "add " : "cancel ") +
               printable(op.description) + "\n";
        bool provider_shown = false;
        for (const call_record& call : mpr.calls()) {
            if (call.operation_number != op.number) {
                continue;
            }
            if (call.phase == phase::post && !provider_shown) {
                provider_shown = true;
                if (op.result.performed()) {
                    out += "   provider            -> " + status_text(op.outcome) + "\n";
                }
            }
            const std::string& who = mpr.notifyees()[call.notifyee].name;
            if (call.phase == phase::pre) {
                const std::string verdict = call.returned != wn_status::success ? "veto"
                                            : call.context_out != nullptr       ? "call me after"
                                                                                : "proceed";
                out += "   pre  " + pad(who, 14) + " -> " + pad(status_text(call.returned), 19) + pad(verdict, 18) +
                       "context " + label(call.context_out) + "\n";
            } else {
                out += "   post " + pad(who, 14) + " -> " + pad(status_text(call.returned), 19) +
                       pad("(" + status_text(call.operation_status) + ")", 18) + "context " + label(call.context_in) +
                       " handed back\n";
            }
        }
        if (!provider_shown && op.result.performed()) {
            out += "   provider            -> " + status_text(op.outcome) + "\n";
        }
        out += "   result: " + status_text(op.result.status) +
               (op.result.vetoed_by ? " (vetoed by " + mpr.notifyees()[*op.result.vetoed_by].name + ")" : "") + "\n";
    }
    return out;
}

} // namespace mprnotify::testing
