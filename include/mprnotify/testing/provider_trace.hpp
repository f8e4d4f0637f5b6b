// mprnotify/testing/provider_trace.hpp - what a simulated MPR with providers did, readable; and the
// buffer-size matrix: a lookup called the ways MPR and its callers may call it.
#pragma once

#include <cstddef>
#include <cstring>
#include <string>
#include <vector>

#include "../core/platform.hpp"
#include "../core/platform_provider.hpp"
#include "../core/status.hpp"
#include "provider.hpp"
#include "provider_router.hpp"
#include "trace.hpp"

namespace mprnotify::testing {

/// One line per WNet call, one per notifyee call and one per NP call, in the order they happened.
[[nodiscard]] inline std::string format_provider_trace(const provider_router& mpr)
{
    auto pad = [](std::string text, std::size_t width) {
        text.resize(text.size() < width ? width : text.size(), ' ');
        return text;
    };
    const router& notify = mpr.notifications();
    std::string out;
    for (std::size_t w = 0; w < mpr.wnet_calls().size(); ++w) {
        const auto& wnet = mpr.wnet_calls()[w];
        out += std::to_string(w + 1) + ". " + wnet.description + "\n";
        auto provider_lines = [&] {
            for (const provider_call& call : mpr.calls()) {
                if (call.wnet_number == w + 1) {
                    out += "   " + pad(call.function, 19) + pad(mpr.providers()[call.provider].name, 14) + " -> " +
                           pad(status_text(call.returned), 19) + call.detail + "\n";
                }
            }
        };
        if (wnet.notify_number == 0) {
            provider_lines();
            out += "   result: " + status_text(wnet.result) + "\n";
            continue;
        }
        bool providers_shown = false;
        for (const call_record& call : notify.calls()) {
            if (call.operation_number != wnet.notify_number) {
                continue;
            }
            if (call.phase == phase::post && !providers_shown) {
                providers_shown = true;
                provider_lines();
            }
            const std::string& who = notify.notifyees()[call.notifyee].name;
            out += std::string{"   "} + (call.phase == phase::pre ? "pre  " : "post ") + pad(who, 14) + " -> " +
                   status_text(call.returned) + "\n";
        }
        if (!providers_shown) {
            provider_lines();
        }
        for (const operation_record& op : notify.operations()) {
            if (op.number == wnet.notify_number) {
                out +=
                    "   result: " + status_text(op.result.status) +
                    (op.result.vetoed_by ? " (vetoed by " + notify.notifyees()[*op.result.vetoed_by].name + ")" : "") +
                    "\n";
            }
        }
    }
    return out;
}

/// The unit a lookup's size counts.
enum class buffer_unit : std::uint8_t { characters, bytes };

/// One call of the matrix and what came back.
struct buffer_case {
    std::string label; // "NULL, 0", "one short", ...
    bool null_buffer = false;
    platform::dword size_in = 0; // in the function's unit
    wn_status status = wn_status::success;
    platform::dword size_out = 0;
    bool wrote_outside = false;    // a byte past the size passed, or before the buffer, changed
    bool wrote_when_short = false; // WN_MORE_DATA, yet the buffer changed
};

/// Calls `call(void* buffer, platform::dword* size)` with: a NULL buffer and size 0 (a size query),
/// a NULL buffer and a non-zero size, size 0, size 1, exactly one unit short, exactly the size
/// needed, and a large size; each buffer guarded by canary bytes on both sides.
template <class Call>
[[nodiscard]] std::vector<buffer_case> buffer_matrix(Call&& call, buffer_unit unit)
{
    const std::size_t unit_bytes = unit == buffer_unit::characters ? sizeof(wchar_t) : 1;
    constexpr unsigned char canary = 0xA5;
    constexpr std::size_t guard = 64;
    std::vector<buffer_case> cases;
    auto run = [&](std::string label, bool null_buffer, platform::dword size) {
        buffer_case c{std::move(label), null_buffer, size};
        const std::size_t bytes = static_cast<std::size_t>(size) * unit_bytes;
        std::vector<unsigned char> memory(bytes + 2 * guard, canary);
        platform::dword in_out = size;
        c.status = call(null_buffer ? nullptr : static_cast<void*>(memory.data() + guard), &in_out);
        c.size_out = in_out;
        for (std::size_t i = 0; i < memory.size(); ++i) {
            const bool inside = i >= guard && i < guard + bytes;
            if (memory[i] != canary) {
                c.wrote_outside = c.wrote_outside || !inside;
                c.wrote_when_short = c.wrote_when_short || (inside && c.status == wn_status::more_data);
            }
        }
        cases.push_back(c);
        return c;
    };
    const buffer_case query = run("NULL, 0", true, 0);
    run("NULL, 16", true, 16);
    run("size 0", false, 0);
    run("size 1", false, 1);
    if (query.status == wn_status::more_data && query.size_out > 0) {
        const platform::dword needed = query.size_out;
        run("one short", false, needed - 1);
        run("exact", false, needed);
        run("large", false, needed + 256);
    }
    return cases;
}

/// The rules the library enforces, checked on a matrix: an empty list means every rule held.
[[nodiscard]] inline std::vector<std::string> buffer_rule_violations(const std::vector<buffer_case>& cases)
{
    std::vector<std::string> problems;
    if (cases.empty()) {
        return {"no case was run"};
    }
    const buffer_case& query = cases.front();
    const bool has_value = query.status == wn_status::more_data;
    for (const buffer_case& c : cases) {
        auto fail = [&](const std::string& what) { problems.push_back(c.label + ": " + what); };
        if (c.wrote_outside) {
            fail("wrote outside the buffer");
        }
        if (c.wrote_when_short) {
            fail("wrote into a buffer it reported too small");
        }
        if (c.null_buffer && c.size_in != 0 && c.status != wn_status::bad_pointer) {
            fail("a NULL buffer with a non-zero size must be WN_BAD_POINTER, got " + status_text(c.status));
        }
        if (!has_value || (c.null_buffer && c.size_in != 0)) {
            continue;
        }
        const bool fits = !c.null_buffer && c.size_in >= query.size_out;
        if (fits && c.status != wn_status::success) {
            fail("the answer fits but the call gave " + status_text(c.status));
        }
        if (!fits && (c.status != wn_status::more_data || c.size_out != query.size_out)) {
            fail("too small: expected WN_MORE_DATA with size " + std::to_string(query.size_out) + ", got " +
                 status_text(c.status) + " with size " + std::to_string(c.size_out));
        }
    }
    return problems;
}

/// The matrix for NPGetConnection (characters).
[[nodiscard]] inline std::vector<buffer_case> connection_matrix(const provider& p, std::wstring local_name)
{
    return buffer_matrix(
        [&](void* buffer, platform::dword* size) {
            return static_cast<wn_status>(p.get_connection(local_name.data(), static_cast<wchar_t*>(buffer), size));
        },
        buffer_unit::characters);
}

/// The matrix for NPGetUser (characters).
[[nodiscard]] inline std::vector<buffer_case> user_matrix(const provider& p, std::wstring name)
{
    return buffer_matrix(
        [&](void* buffer, platform::dword* size) {
            return static_cast<wn_status>(p.get_user(name.data(), static_cast<wchar_t*>(buffer), size));
        },
        buffer_unit::characters);
}

/// The matrix for NPGetUniversalName at `level` (bytes).
[[nodiscard]] inline std::vector<buffer_case> universal_name_matrix(const provider& p, std::wstring local_path,
                                                                    platform::dword level)
{
    return buffer_matrix(
        [&](void* buffer, platform::dword* size) {
            return static_cast<wn_status>(p.get_universal_name(local_path.data(), level, buffer, size));
        },
        buffer_unit::bytes);
}

} // namespace mprnotify::testing
