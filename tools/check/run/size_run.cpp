// size_run.cpp - size.*: the buffers MPR sizes. NPGetConnection and NPGetUser count characters;
// NPGetUniversalName, NPGetResourceInformation and NPGetResourceParent count bytes. A buffer too
// small answers WN_MORE_DATA with the exact size needed in that unit; nothing is written past the
// buffer (a guard page right after it, or right before it); strings are terminated.
#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "guarded_buffer.hpp"
#include "packing.hpp"
#include "provider_run.hpp"

namespace mprcheck::run {
namespace {

constexpr guarded_buffer::placement placements[] = {guarded_buffer::placement::end_aligned,
                                                    guarded_buffer::placement::start_aligned};

const char* placement_name(guarded_buffer::placement where)
{
    return where == guarded_buffer::placement::end_aligned ? "guard page after" : "guard page before";
}

/// A function filling a string counted in characters: call(buffer, &characters).
using string_call = std::function<DWORD(wchar_t*, DWORD*)>;
/// A function filling structures counted in bytes: call(buffer, &bytes).
using bytes_call = std::function<DWORD(void*, DWORD*)>;
using validator = std::function<packing_result(std::span<const std::byte>)>;

void check_characters(const std::string& id, const std::string& function, const std::string& subject,
                      const string_call& call, bool show_answer)
{
    const std::string url = page_of(function);
    begin_check(id);
    guarded_buffer probe{4096 * sizeof(wchar_t), guarded_buffer::placement::end_aligned, 2};
    DWORD length = 4096;
    const DWORD first = call(reinterpret_cast<wchar_t*>(probe.data()), &length);
    if (first != WN_SUCCESS) {
        report_note(id, function + "(" + subject + ") answered " + status_text(first) +
                            " with 4096 characters: nothing to size");
        return;
    }
    const auto* text = reinterpret_cast<const wchar_t*>(probe.data());
    std::size_t chars = 0;
    while (chars < 4096 && text[chars] != 0) {
        ++chars;
    }
    if (chars == 4096) {
        report_fail(id, function + "(" + subject + ") left its answer unterminated", "the string is terminated", url);
        return;
    }
    const std::wstring answer{text, chars};
    const DWORD needed = static_cast<DWORD>(chars + 1);
    unsigned failures = 0;
    auto fail = [&](const std::string& what, const std::string& rule) {
        ++failures;
        report_fail(id, what, rule, url);
    };
    std::set<DWORD> small_sizes{0, 1, needed - 1};
    for (const auto where : placements) {
        for (const DWORD size : small_sizes) {
            if (size >= needed) {
                continue;
            }
            guarded_buffer buffer{size * sizeof(wchar_t), where, 2};
            length = size;
            const DWORD answer_code = call(reinterpret_cast<wchar_t*>(buffer.data()), &length);
            const std::string at = "*lpnBufferLen " + std::to_string(size) + " (" + placement_name(where) + ")";
            if (answer_code != WN_MORE_DATA) {
                fail(at + ": answered " + status_text(answer_code) + ", not WN_MORE_DATA (" + std::to_string(needed) +
                         " characters needed)",
                     "a buffer too small answers WN_MORE_DATA");
            } else if (length != needed) {
                fail(at + ": WN_MORE_DATA with *lpnBufferLen " + std::to_string(length) + ", needed " +
                         std::to_string(needed) + " characters" +
                         (length == needed * sizeof(wchar_t) ? " (bytes, not characters)" : ""),
                     "*lpnBufferLen counts characters, the terminator included");
            }
            if (buffer.first_changed(size * sizeof(wchar_t)) != guarded_buffer::npos) {
                fail(at + ": wrote past the buffer's end", "nothing is written outside the buffer");
            }
        }
        guarded_buffer exact{needed * sizeof(wchar_t), where, 2};
        length = needed;
        const DWORD answer_code = call(reinterpret_cast<wchar_t*>(exact.data()), &length);
        const auto* got = reinterpret_cast<const wchar_t*>(exact.data());
        const std::string at = "*lpnBufferLen " + std::to_string(needed) + " (" + placement_name(where) + ")";
        if (answer_code != WN_SUCCESS) {
            fail(at + ": answered " + status_text(answer_code) + " with exactly the size it needs",
                 "the size WN_MORE_DATA names is enough");
        } else if (got[needed - 1] != 0 || std::wstring{got, needed - 1} != answer) {
            fail(at + ": the answer differs from the one in a large buffer or is not terminated",
                 "the string is terminated");
        }
        if (exact.first_changed(needed * sizeof(wchar_t)) != guarded_buffer::npos) {
            fail(at + ": wrote past the buffer's end", "nothing is written outside the buffer");
        }
    }
    if (failures == 0) {
        report_ok(id, function + "(" + subject + "): sizes 0, 1, " + std::to_string(needed - 1) + ", " +
                          std::to_string(needed) + " characters" + (show_answer ? " (" + shown(answer) + ")" : "") +
                          ": WN_MORE_DATA with the exact size, terminated, nothing written outside (guard pages after "
                          "and before)");
    }
}

void check_bytes(const std::string& id, const std::string& function, const std::string& subject, const bytes_call& call,
                 const validator& validate)
{
    const std::string url = page_of(function);
    begin_check(id);
    {
        guarded_buffer probe{65536, guarded_buffer::placement::end_aligned};
        DWORD size = 65536;
        const DWORD first = call(probe.data(), &size);
        if (first != WN_SUCCESS) {
            report_note(id, function + "(" + subject + ") answered " + status_text(first) +
                                " with 65536 bytes: nothing to size");
            return;
        }
    }
    unsigned failures = 0;
    auto fail = [&](const std::string& what, const std::string& rule) {
        ++failures;
        report_fail(id, function + "(" + subject + ") " + what, rule, url);
    };
    guarded_buffer empty{0, guarded_buffer::placement::end_aligned};
    DWORD needed = 0;
    const DWORD zero_answer = call(empty.data(), &needed);
    if (zero_answer != WN_MORE_DATA || needed == 0) {
        fail("with *lpBufferSize 0 answered " + status_text(zero_answer) + " and size " + std::to_string(needed),
             "a buffer too small answers WN_MORE_DATA with the bytes needed");
        return;
    }
    std::set<DWORD> small_sizes{1, needed - 1, (needed - 1) | 1U};
    std::size_t used = 0;
    for (const auto where : placements) {
        for (const DWORD size : small_sizes) {
            if (size >= needed) {
                continue;
            }
            guarded_buffer buffer{size, where};
            DWORD length = size;
            const DWORD answer = call(buffer.data(), &length);
            const std::string at = "with " + std::to_string(size) + " bytes (" + placement_name(where) + ")";
            if (answer != WN_MORE_DATA) {
                fail(at + " answered " + status_text(answer) + ", not WN_MORE_DATA (" + std::to_string(needed) +
                         " bytes needed)",
                     "a buffer too small answers WN_MORE_DATA");
            } else if (length != needed) {
                fail(at + " asked for " + std::to_string(length) + " bytes, with 0 bytes for " + std::to_string(needed),
                     "WN_MORE_DATA names the bytes needed");
            }
            if (buffer.first_changed(size) != guarded_buffer::npos) {
                fail(at + " wrote past the buffer's end", "nothing is written outside the buffer");
            }
        }
        for (const DWORD size : {needed, needed + 1}) {
            guarded_buffer buffer{size, where};
            DWORD length = size;
            const DWORD answer = call(buffer.data(), &length);
            const std::string at = "with " + std::to_string(size) + " bytes (" + placement_name(where) + ")";
            if (answer != WN_SUCCESS) {
                fail(at + " answered " + status_text(answer) +
                         (size == needed ? ": the size it asked for is not enough" : ""),
                     "the size WN_MORE_DATA names is enough");
                continue;
            }
            const packing_result packing = validate(buffer.bytes());
            for (const auto& problem : packing.problems) {
                fail(at + ": " + problem, "the pointers point inside the buffer, at terminated strings");
            }
            if (buffer.first_changed(size) != guarded_buffer::npos) {
                fail(at + " wrote past the buffer's end", "nothing is written outside the buffer");
            }
            used = (std::max)(used, packing.bytes_used);
        }
    }
    if (failures == 0) {
        if (used < needed) {
            report_note(id, function + "(" + subject + ") asks for " + std::to_string(needed) + " bytes and uses " +
                                std::to_string(used) + " (accepted: the call at that size succeeds)");
        }
        report_ok(id,
                  function + "(" + subject + "): sizes 0, 1, odd, " + std::to_string(needed - 1) + ", " +
                      std::to_string(needed) + ", " + std::to_string(needed + 1) +
                      " bytes: WN_MORE_DATA with the size needed, packed inside the buffer, nothing written outside");
    }
}

/// Whether check `id` of `function` can run; when it cannot, says why: the function is not exported, or
/// there is no name to ask about.
bool can_check(const std::string& id, const std::string& function, bool exported, const std::wstring& name)
{
    if (!exported) {
        report_skipped(id, function + " is not exported");
        return false;
    }
    if (name.empty()) {
        begin_check(id);
        report_note(id, "no name to check: give --remote/--local (" + function + ")");
        return false;
    }
    return true;
}

} // namespace

void run_size(const child_context& context)
{
    const np_exports np{context.dll};
    live_connection connection{context, np};
    const auto names = find_names(context, np);
    std::wstring local = local_name_to_check(context, names);
    std::wstring remote = remote_name_to_check(context, names);
    if (!context.remote.empty() && !connection.connected()) {
        report_note("size.get-connection", "connecting " + shown(context.local) + " to " + shown(context.remote) +
                                               " answered " + status_text(connection.answer()));
    }
    if (can_check("size.get-connection", "NPGetConnection", np.get_connection != nullptr, local)) {
        check_characters(
            "size.get-connection", "NPGetConnection", shown(local),
            [&](wchar_t* buffer, DWORD* length) { return np.get_connection(local.data(), buffer, length); }, true);
    }
    if (can_check("size.universal-name", "NPGetUniversalName", np.get_universal_name != nullptr, local)) {
        std::wstring path = local + L"\\dir\\file.txt";
        static constexpr const char* universal[] = {"lpUniversalName"};
        static constexpr const char* remote_info[] = {"lpUniversalName", "lpConnectionName", "lpRemainingPath"};
        for (const DWORD level : {DWORD{UNIVERSAL_NAME_INFO_LEVEL}, DWORD{REMOTE_NAME_INFO_LEVEL}}) {
            check_bytes(
                "size.universal-name", "NPGetUniversalName", shown(path) + ", level " + std::to_string(level),
                [&](void* buffer, DWORD* size) { return np.get_universal_name(path.data(), level, buffer, size); },
                [&](std::span<const std::byte> bytes) {
                    return level == UNIVERSAL_NAME_INFO_LEVEL ? check_name_info(bytes, universal)
                                                              : check_name_info(bytes, remote_info);
                });
        }
        for (const DWORD level : {DWORD{0}, DWORD{3}, DWORD{0xFFFFFFFF}}) {
            alignas(8) std::byte buffer[1024];
            DWORD size = sizeof buffer;
            const DWORD answer = np.get_universal_name(path.data(), level, buffer, &size);
            if (answer != WN_BAD_LEVEL) {
                report_fail("size.universal-name",
                            "NPGetUniversalName level " + std::to_string(level) + " answered " + status_text(answer) +
                                ", not WN_BAD_LEVEL",
                            "an unknown dwInfoLevel is WN_BAD_LEVEL", page_of("NPGetUniversalName"));
            }
        }
    }
    if (can_check("size.get-user", "NPGetUser", np.get_user != nullptr, local)) {
        check_characters(
            "size.get-user", "NPGetUser", shown(local),
            [&](wchar_t* buffer, DWORD* length) { return np.get_user(local.data(), buffer, length); }, false);
    }
    std::wstring with_path = remote + L"\\dir";
    NETRESOURCEW resource{};
    resource.dwType = RESOURCETYPE_DISK;
    resource.lpRemoteName = with_path.data();
    if (can_check("size.resource-information", "NPGetResourceInformation", np.get_resource_information != nullptr,
                  remote)) {
        LPWSTR system = nullptr;
        check_bytes(
            "size.resource-information", "NPGetResourceInformation", shown(with_path),
            [&](void* buffer, DWORD* size) { return np.get_resource_information(&resource, buffer, size, &system); },
            [&](std::span<const std::byte> bytes) {
                packing_result result = check_net_resources(bytes, 1);
                const string_field field{"*lplpSystem", reinterpret_cast<std::uintptr_t>(system)};
                const packing_result more = check_strings(bytes, sizeof(NETRESOURCEW), {&field, 1});
                result.problems.insert(result.problems.end(), more.problems.begin(), more.problems.end());
                result.bytes_used = (std::max)(result.bytes_used, more.bytes_used);
                return result;
            });
    }
    std::wstring share = remote;
    NETRESOURCEW parent_of{};
    parent_of.dwType = RESOURCETYPE_DISK;
    parent_of.lpRemoteName = share.data();
    if (can_check("size.resource-parent", "NPGetResourceParent", np.get_resource_parent != nullptr, remote)) {
        check_bytes(
            "size.resource-parent", "NPGetResourceParent", shown(share),
            [&](void* buffer, DWORD* size) { return np.get_resource_parent(&parent_of, buffer, size); },
            [](std::span<const std::byte> bytes) { return check_net_resources(bytes, 1); });
    }
}

} // namespace mprcheck::run
