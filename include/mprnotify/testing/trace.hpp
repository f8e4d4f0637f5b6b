// mprnotify/testing/trace.hpp - a readable account of what a simulated MPR did.
//
// Context values are shown as #1, #2, ... in order of first appearance, so traces are stable
// from run to run and show which post received which pre's context.
#pragma once

#include <cstdio>
#include <map>
#include <string>
#include <string_view>

#include "../core/status.hpp"
#include "../core/text.hpp"
#include "router.hpp"

namespace mprnotify::testing {

[[nodiscard]] inline std::string status_text(wn_status status)
{
    const std::string_view known = name(status);
    if (!known.empty()) {
        return std::string{known};
    }
    // Appended, not `"literal" + std::to_string(...)`: GCC 12 at -O3 reports a false -Wrestrict there.
    std::string text = "status ";
    text += std::to_string(to_underlying(status));
    return text;
}

[[nodiscard]] inline std::string format_trace(const router& mpr)
{
    std::map<const void*, int> labels;
    auto label = [&](const void* context) -> std::string {
        if (context == nullptr) {
            return "none";
        }
        auto [it, inserted] = labels.try_emplace(context, static_cast<int>(labels.size()) + 1);
        std::string text = "#";
        text += std::to_string(it->second);
        return text;
    };
    auto pad = [](std::string text, std::size_t width) {
        text.resize(text.size() < width ? width : text.size(), ' ');
        return text;
    };
    std::string out;
    for (const operation_record& op : mpr.operations()) {
        out += std::to_string(op.number) + ". " + (op.operation == operation::add_connection ? "add " : "cancel ") +
               printable_utf8(op.description) + "\n";
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
                       pad(std::string{"("}.append(status_text(call.operation_status)).append(")"), 18) + "context " +
                       label(call.context_in) + " handed back\n";
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
