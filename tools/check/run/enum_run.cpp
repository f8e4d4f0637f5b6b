// enum_run.cpp - enum.*: NPOpenEnum's arguments, every batch NPEnumResource fills as MPR reads it,
// an enumeration that ends, and handles that are closed, closed twice, stale or garbage.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "enumeration.hpp"
#include "guarded_buffer.hpp"
#include "packing.hpp"

namespace mprcheck::run {
namespace {

const std::string open_url = page_of("NPOpenEnum");
const std::string enum_url = page_of("NPEnumResource");
const std::string close_url = page_of("NPCloseEnum");

/// A scope to read, and where (NULL: from the top).
struct walk {
    std::string name;
    DWORD scope;
    owned_resource parent;
    bool has_parent = false;
};

/// What one checked read of an enumeration gave.
struct checked_read {
    DWORD open_answer = WN_SUCCESS;
    std::vector<std::wstring> names;
    unsigned batches = 0;
    bool bounded = false; ///< stopped at the bound: the provider did not answer WN_NO_MORE_ENTRIES
};

/// Reads one enumeration with guarded buffers of `bytes` and `count`, for at most `seconds`; every
/// batch is checked. `problems` counts the FAIL lines printed.
checked_read read_checked(const np_exports& np, walk& w, DWORD bytes, DWORD count, double seconds, unsigned& problems)
{
    checked_read result;
    const std::string id = "enum.packing";
    const std::string where = w.name + ", " + std::to_string(bytes) + " bytes, count " +
                              (count == 0xFFFFFFFF ? std::string{"0xFFFFFFFF"} : std::to_string(count));
    NETRESOURCEW parent = as_net_resource(w.parent);
    HANDLE handle = nullptr;
    result.open_answer = np.open_enum(w.scope, RESOURCETYPE_ANY, 0, w.has_parent ? &parent : nullptr, &handle);
    if (result.open_answer != WN_SUCCESS) {
        return result;
    }
    DWORD size = bytes;
    read_bound bound{1000, seconds};
    while (bound.another_call()) {
        guarded_buffer buffer{size, guarded_buffer::placement::end_aligned};
        DWORD n = count;
        DWORD length = size;
        const DWORD answer = np.enum_resource(handle, &n, buffer.data(), &length);
        if (answer == WN_NO_MORE_ENTRIES) {
            break;
        }
        if (answer == WN_MORE_DATA) {
            if (length <= size) {
                ++problems;
                report_fail(id,
                            where + ": WN_MORE_DATA asks for " + std::to_string(length) + " bytes with " +
                                std::to_string(size) + " given",
                            "WN_MORE_DATA names the bytes one entry needs", enum_url);
                break;
            }
            size = length; // the next call, as MPR makes it, with the size asked for
            continue;
        }
        if (answer != WN_SUCCESS) {
            ++problems;
            report_fail(id, where + ": NPEnumResource answered " + status_text(answer) + " in mid-enumeration",
                        "an enumeration ends with WN_NO_MORE_ENTRIES", enum_url);
            break;
        }
        if (n == 0 || (count != 0xFFFFFFFF && n > count)) {
            ++problems;
            report_fail(id, where + ": WN_SUCCESS with " + std::to_string(n) + " entries",
                        "a batch holds at least one entry and at most the count asked", enum_url);
            break;
        }
        ++result.batches;
        const packing_result packing = check_net_resources(buffer.bytes(), n);
        for (const auto& problem : packing.problems) {
            ++problems;
            report_fail(id, where + ": " + problem, "the pointers point inside the buffer, after the entries",
                        enum_url);
        }
        if (buffer.first_changed(size) != guarded_buffer::npos) {
            ++problems;
            report_fail(id, where + ": wrote past the buffer's end", "nothing is written outside the buffer", enum_url);
        }
        if (!packing.ok()) {
            break;
        }
        for (const auto& e : copy_entries(buffer.data(), n)) {
            result.names.push_back(e.remote);
        }
        size = bytes;
    }
    result.bounded = bound.reached();
    if (result.bounded) {
        report_note(id, where + ": no WN_NO_MORE_ENTRIES within " + bound.text() + " (" +
                            std::to_string(result.batches) + " batches checked; enum.end judges the end)");
    }
    np.close_enum(handle);
    return result;
}

std::vector<walk> walks(const np_exports& np)
{
    std::vector<walk> out{{"GLOBALNET from the top", RESOURCE_GLOBALNET, {}, false},
                          {"CONNECTED", RESOURCE_CONNECTED, {}, false},
                          {"REMEMBERED", RESOURCE_REMEMBERED, {}, false}};
    // A container once, even when an enumeration that starts again lists it many times.
    auto add_container = [&out](owned_resource& e, unsigned limit) {
        const std::string name = "GLOBALNET in " + shown(e.remote);
        const bool known = std::any_of(out.begin(), out.end(), [&name](const walk& w) { return w.name == name; });
        if ((e.usage & RESOURCEUSAGE_CONTAINER) == 0 || known || out.size() >= 3 + limit) {
            return false;
        }
        out.push_back({name, RESOURCE_GLOBALNET, e, true});
        return true;
    };
    auto top = read_enumeration(np, RESOURCE_GLOBALNET, 0, nullptr, 65536, 0xFFFFFFFF, 200);
    for (auto& e : top.entries) {
        if (add_container(e, 3)) {
            NETRESOURCEW parent = as_net_resource(e);
            auto inner = read_enumeration(np, RESOURCE_GLOBALNET, 0, &parent, 65536, 0xFFFFFFFF, 200);
            for (auto& i : inner.entries) {
                add_container(i, 5);
            }
        }
    }
    return out;
}

void check_args(const np_exports& np)
{
    begin_check("enum.args");
    unsigned problems = 0;
    HANDLE handle = nullptr;
    DWORD answer = np.open_enum(0x100, RESOURCETYPE_ANY, 0, nullptr, &handle);
    if (answer == WN_SUCCESS) {
        ++problems;
        np.close_enum(handle);
        report_fail("enum.args", "NPOpenEnum(dwScope 0x100) answered WN_SUCCESS",
                    "an unknown dwScope is WN_BAD_VALUE (or WN_NOT_SUPPORTED)", open_url);
    }
    struct odd_open {
        DWORD type;
        DWORD usage;
        const char* what;
    };
    for (const auto& [type, usage, what] :
         {odd_open{0x10, 0, "dwType 0x10"}, odd_open{RESOURCETYPE_ANY, 0x00F00000, "dwUsage 0x00F00000"}}) {
        handle = nullptr;
        answer = np.open_enum(RESOURCE_GLOBALNET, type, usage, nullptr, &handle);
        if (answer == WN_SUCCESS) {
            np.close_enum(handle);
        }
        report_note("enum.args", std::string{"NPOpenEnum(GLOBALNET, "} + what + ") answered " + status_text(answer));
    }
    // *lpcCount 0, then a buffer of 0 bytes: no entry fits, none may be claimed or written.
    for (const DWORD scope : {DWORD{RESOURCE_CONNECTED}, DWORD{RESOURCE_GLOBALNET}}) {
        handle = nullptr;
        if (np.open_enum(scope, RESOURCETYPE_ANY, 0, nullptr, &handle) != WN_SUCCESS) {
            continue;
        }
        const std::string name = scope == RESOURCE_CONNECTED ? "CONNECTED" : "GLOBALNET";
        guarded_buffer buffer{4096, guarded_buffer::placement::end_aligned};
        DWORD count = 0;
        DWORD size = 4096;
        answer = np.enum_resource(handle, &count, buffer.data(), &size);
        if (answer == WN_SUCCESS && count != 0) {
            ++problems;
            report_fail("enum.args", name + ": *lpcCount 0 gave " + std::to_string(count) + " entries",
                        "no more entries than asked", enum_url);
        }
        guarded_buffer empty{0, guarded_buffer::placement::end_aligned};
        count = 1;
        size = 0;
        answer = np.enum_resource(handle, &count, empty.data(), &size);
        if (answer == WN_SUCCESS && count != 0) {
            ++problems;
            report_fail("enum.args", name + ": a buffer of 0 bytes gave " + std::to_string(count) + " entries",
                        "entries are written in the buffer", enum_url);
        } else if (answer == WN_MORE_DATA) {
            guarded_buffer enough{size, guarded_buffer::placement::end_aligned};
            DWORD asked = size;
            count = 1;
            const DWORD retry = np.enum_resource(handle, &count, enough.data(), &asked);
            if (retry != WN_SUCCESS || count != 1) {
                ++problems;
                report_fail("enum.args",
                            name + ": after WN_MORE_DATA (" + std::to_string(size) + " bytes), that size answered " +
                                status_text(retry) + " with " + std::to_string(count) + " entries",
                            "the entry that did not fit comes with the size it asked for", enum_url);
            }
        }
        np.close_enum(handle);
    }
    answer = np.open_enum(RESOURCE_GLOBALNET, RESOURCETYPE_ANY, 0, nullptr, nullptr);
    if (answer == WN_SUCCESS) {
        ++problems;
        report_fail("enum.args", "NPOpenEnum with lphEnum NULL answered WN_SUCCESS", "a NULL pointer is WN_BAD_POINTER",
                    open_url);
    }
    if (problems == 0) {
        report_ok(
            "enum.args",
            "unknown dwScope refused, NULL lphEnum refused, *lpcCount 0 and a 0-byte buffer answered without entries");
    }
}

void check_end(const np_exports& np, double timeout_seconds)
{
    begin_check("enum.end");
    for (const DWORD scope : {DWORD{RESOURCE_GLOBALNET}, DWORD{RESOURCE_CONNECTED}}) {
        const std::string name = scope == RESOURCE_CONNECTED ? "CONNECTED" : "GLOBALNET";
        HANDLE handle = nullptr;
        const DWORD opened = np.open_enum(scope, RESOURCETYPE_ANY, 0, nullptr, &handle);
        if (opened != WN_SUCCESS) {
            report_note("enum.end", "NPOpenEnum(" + name + ") answered " + status_text(opened));
            continue;
        }
        // A fifth of the group's time at most, so that the group still ends before its timeout.
        read_bound bound{10000, (std::min)(2.0, timeout_seconds / 5)};
        std::vector<std::byte> buffer(16384);
        DWORD answer = WN_SUCCESS;
        while (bound.another_call()) {
            DWORD count = 1;
            DWORD size = 16384;
            answer = np.enum_resource(handle, &count, buffer.data(), &size);
            if (answer != WN_SUCCESS) {
                break;
            }
        }
        if (answer == WN_NO_MORE_ENTRIES) {
            DWORD count = 1;
            DWORD size = 16384;
            const DWORD again = np.enum_resource(handle, &count, buffer.data(), &size);
            report_ok("enum.end", name + ": WN_NO_MORE_ENTRIES after " + std::to_string(bound.calls()) +
                                      " calls of one entry" +
                                      (again == WN_NO_MORE_ENTRIES ? ", and again on the next call" : ""));
            if (again != WN_NO_MORE_ENTRIES) {
                report_note("enum.end", name + ": the call after WN_NO_MORE_ENTRIES answered " + status_text(again));
            }
        } else {
            report_fail("enum.end",
                        name + ": no WN_NO_MORE_ENTRIES within " + bound.text() + " (" + std::to_string(bound.calls()) +
                            " calls of one entry made, last answer " + status_text(answer) + ")",
                        "an enumeration ends with WN_NO_MORE_ENTRIES", enum_url);
        }
        np.close_enum(handle);
    }
}

void check_handles(const np_exports& np)
{
    begin_check("enum.handles");
    HANDLE handle = nullptr;
    if (np.open_enum(RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, nullptr, &handle) != WN_SUCCESS &&
        np.open_enum(RESOURCE_GLOBALNET, RESOURCETYPE_ANY, 0, nullptr, &handle) != WN_SUCCESS) {
        report_skipped("enum.handles", "NPOpenEnum opened neither a CONNECTED nor a GLOBALNET enumeration");
        return;
    }
    unsigned problems = 0;
    alignas(8) std::byte buffer[4096];
    auto expect_bad = [&](HANDLE h, const std::string& what) {
        DWORD count = 1;
        DWORD size = sizeof buffer;
        const DWORD read = np.enum_resource(h, &count, buffer, &size);
        if (read != WN_BAD_HANDLE) {
            ++problems;
            report_fail("enum.handles", "NPEnumResource on " + what + " answered " + status_text(read),
                        "a handle NPOpenEnum did not give (or that is closed) is WN_BAD_HANDLE", enum_url);
        }
        const DWORD closed = np.close_enum(h);
        if (closed != WN_BAD_HANDLE) {
            ++problems;
            report_fail("enum.handles", "NPCloseEnum on " + what + " answered " + status_text(closed),
                        "a handle NPOpenEnum did not give (or that is closed) is WN_BAD_HANDLE", close_url);
        }
    };
    const DWORD first_close = np.close_enum(handle);
    if (first_close != WN_SUCCESS) {
        ++problems;
        report_fail("enum.handles", "NPCloseEnum on an open handle answered " + status_text(first_close),
                    "closing an open enumeration succeeds", close_url);
    }
    expect_bad(handle, "a closed handle (stale, then closed twice)");
    alignas(8) unsigned char on_stack[64];
    std::memset(on_stack, 0xA5, sizeof on_stack);
    expect_bad(nullptr, "NULL");
    expect_bad(reinterpret_cast<HANDLE>(std::uintptr_t{1}), "1");
    expect_bad(reinterpret_cast<HANDLE>(on_stack), "a pointer to the caller's stack");
    expect_bad(reinterpret_cast<HANDLE>(std::uintptr_t{0xDEADBEEF}), "0xDEADBEEF");
    if (problems == 0) {
        report_ok("enum.handles",
                  "closed, double-closed, stale, NULL, 1, a stack pointer and 0xDEADBEEF: WN_BAD_HANDLE from "
                  "NPEnumResource and NPCloseEnum");
    }
}

} // namespace

void run_enum(const child_context& context)
{
    const np_exports np{context.dll};
    if (!np.can_enumerate()) {
        for (const char* id : {"enum.args", "enum.packing", "enum.end", "enum.handles"}) {
            report_skipped(id, "NPOpenEnum, NPEnumResource and NPCloseEnum are not all exported");
        }
        return;
    }
    begin_check("enum.packing");
    // A quarter of the group's time for all the reads, a quarter second at most for one: an endless
    // enumeration is noted here and named by enum.end.
    const double packing_seconds = context.timeout_seconds / 4;
    const ULONGLONG packing_end = ::GetTickCount64() + static_cast<ULONGLONG>(packing_seconds * 1000);
    for (auto& w : walks(np)) {
        unsigned problems = 0;
        std::vector<std::wstring> reference;
        bool first = true;
        checked_read read;
        std::string checked;
        for (const DWORD bytes : {DWORD{64}, DWORD{1024}, DWORD{65536}}) {
            for (const DWORD count : {DWORD{1}, DWORD{4}, DWORD{0xFFFFFFFF}}) {
                const ULONGLONG now = ::GetTickCount64();
                const double left = now < packing_end ? static_cast<double>(packing_end - now) / 1000 : 0;
                if (read.bounded || left <= 0) {
                    break;
                }
                read = read_checked(np, w, bytes, count, (std::min)(0.25, left), problems);
                if (read.open_answer != WN_SUCCESS) {
                    break;
                }
                checked += (checked.empty() ? "" : ", ") + std::to_string(bytes) + "/" +
                           (count == 0xFFFFFFFF ? std::string{"all"} : std::to_string(count));
                if (read.bounded) {
                    break;
                }
                if (first) {
                    reference = read.names;
                    first = false;
                } else if (read.names != reference && problems == 0) {
                    ++problems;
                    report_fail("enum.packing",
                                w.name + ": " + std::to_string(bytes) + " bytes, count " + std::to_string(count) +
                                    " gave " + std::to_string(read.names.size()) + " entries, not the " +
                                    std::to_string(reference.size()) + " of the first read",
                                "each read of an enumeration gives the same entries", enum_url);
                }
            }
        }
        if (read.open_answer != WN_SUCCESS) {
            report_note("enum.packing", "NPOpenEnum(" + w.name + ") answered " + status_text(read.open_answer));
        } else if (checked.empty()) {
            report_skipped("enum.packing",
                           w.name + ": not read, the check's " + seconds_text(packing_seconds) + " s were used up");
        } else if (problems == 0) {
            report_ok("enum.packing", w.name + ": " +
                                          (read.bounded ? std::string{"reads stopped at the bound"}
                                                        : std::to_string(reference.size()) + " entries") +
                                          " at bytes/count " + checked +
                                          ": every batch packed inside the buffer, terminated, no overlap" +
                                          (read.bounded ? "" : ", the same entries"));
        }
    }
    // The calls most likely to crash come last: a crash ends the group.
    check_end(np, context.timeout_seconds);
    check_args(np);
    check_handles(np);
}

} // namespace mprcheck::run
