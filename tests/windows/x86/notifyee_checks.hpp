// The checks for a notifyee DLL at x86: what the x64 suite drives in process and through DLLs
// (tests/test_examples.cpp, tests/windows/test_last_error.cpp, tests/test_entry_points.cpp), here
// through the 32-bit loader, with every call measured (report.hpp).
#pragma once

#include <windows.h>

#include <fstream>
#include <optional>
#include <string>

#include <mprnotify/testing/router.hpp>

#include "report.hpp"

namespace x86_run {

namespace mt = mprnotify::testing;
using add_fn = stdcall_fn<LPNOTIFYINFO, LPNOTIFYADD>;
using cancel_fn = stdcall_fn<LPNOTIFYINFO, LPNOTIFYCANCEL>;

constexpr DWORD bad_pointer = 487; // WN_BAD_POINTER
constexpr DWORD access_denied = 5; // WN_ACCESS_DENIED

/// The audit_log example writes here (relative to the run's working folder).
inline constexpr wchar_t audit_log_file[] = L"x86-run-audit.log";

/// The DLL being driven, for the router's two entry points below.
struct notifyee_dll {
    dll_report* report = nullptr;
    add_fn add = nullptr;
    cancel_fn cancel = nullptr;
    std::string stem;
    unsigned contexts_consumed = 0; // contexts handed back to the DLL for the first time
};
inline notifyee_dll* current_notifyee = nullptr;

inline DWORD WINAPI routed_add(LPNOTIFYINFO info, LPNOTIFYADD add)
{
    return current_notifyee->report->call("AddConnectNotify", current_notifyee->add, info, add);
}
inline DWORD WINAPI routed_cancel(LPNOTIFYINFO info, LPNOTIFYCANCEL cancel)
{
    return current_notifyee->report->call("CancelConnectNotify", current_notifyee->cancel, info, cancel);
}

/// The variable a fixture DLL appends its hooks' names to, so the run sees which hooks ran.
inline const wchar_t* trail_variable(const std::string& stem)
{
    if (stem == "last_error_notifyee") {
        return L"MPRNOTIFY_LAST_ERROR_TRAIL";
    }
    if (stem == "throwing_notifyee") {
        return L"MPRNOTIFY_X86_TRAIL";
    }
    return nullptr;
}

inline std::wstring read_trail(const std::string& stem)
{
    const wchar_t* variable = trail_variable(stem);
    wchar_t text[1024] = {};
    const DWORD length = variable != nullptr ? ::GetEnvironmentVariableW(variable, text, 1024) : 0;
    return length < 1024 ? std::wstring{text, length} : std::wstring{};
}

inline unsigned count(const std::wstring& text, const std::wstring& word)
{
    unsigned n = 0;
    for (auto at = text.find(word); at != std::wstring::npos; at = text.find(word, at + word.size())) {
        ++n;
    }
    return n;
}

/// What a known DLL answers the pre call of a router operation; std::nullopt for a DLL not known
/// here (a new example), whose answers are then only checked against the protocol's rules.
inline std::optional<DWORD> expected_pre(const std::string& stem, bool add, const std::wstring& drive, bool force)
{
    if (stem == "minimal" || stem == "broken_cdecl_notifyee") {
        return add && drive == L"X:" ? access_denied : 0;
    }
    if (stem == "protect_drive") {
        return !add && drive == L"P:" && !force ? access_denied : 0;
    }
    if (stem == "audit_log" || stem == "provider" || stem == "last_error_notifyee" || stem == "throwing_notifyee") {
        return 0;
    }
    return std::nullopt;
}

/// Whether a known DLL hands out a context (asks for the post) when it lets an operation through.
inline std::optional<bool> expects_context(const std::string& stem, bool add)
{
    if (stem == "minimal" || stem == "broken_cdecl_notifyee" || stem == "protect_drive") {
        return false;
    }
    if (stem == "audit_log" || stem == "last_error_notifyee") {
        return true;
    }
    if (stem == "provider" || stem == "throwing_notifyee") {
        return add; // after_add only / before_cancel throws
    }
    return std::nullopt;
}

/// Veto, proceed, context handed back, repeated posts: five operations through the simulated MPR.
inline void check_routed(notifyee_dll& dll)
{
    dll_report& r = *dll.report;
    mt::router mpr;
    mpr.options().post_calls = 2; // every context comes back twice: the second post must be ignored
    mpr.attach(mt::notifyee{dll.stem, &routed_add, &routed_cancel});
    struct step {
        bool add;
        std::optional<std::wstring> drive;
        bool force;
    };
    const step steps[] = {{true, L"X:", false},
                          {true, L"Z:", false},
                          {false, L"P:", false},
                          {false, L"P:", true},
                          {true, std::nullopt, false}};
    unsigned vetoes = 0;
    unsigned wrong = 0;
    unsigned contexts[2] = {0, 0};   // [add, cancel]: pre calls that handed one out
    unsigned no_context[2] = {0, 0}; // pre calls that let the operation through without one
    unsigned bad_protocol = 0;       // a refusal with a context, a post answered with an error
    std::string first_wrong;
    for (const step& s : steps) {
        mpr.clear_calls();
        const mt::operation_result result = s.add ? mpr.add_connection({.local_name = s.drive})
                                                  : mpr.cancel_connection({.name = s.drive, .force = s.force});
        const DWORD answer = static_cast<DWORD>(mprnotify::to_underlying(result.status));
        const auto expected = expected_pre(dll.stem, s.add, s.drive.value_or(L""), s.force);
        const std::string what = std::string{s.add ? "add " : "cancel "} +
                                 (s.drive ? std::string{s.drive->begin(), s.drive->end()} : "(no drive)") +
                                 (s.force ? " forced" : "");
        if (expected && *expected != answer && wrong++ == 0) {
            first_wrong = what + " answered " + std::to_string(answer) + ", expected " + std::to_string(*expected);
        }
        vetoes += result.vetoed_by ? 1U : 0U;
        for (const mt::call_record& call : mpr.calls()) {
            const bool pre = call.phase == mprnotify::phase::pre;
            if (pre && call.returned != mprnotify::wn_status::success && call.context_out != nullptr) {
                ++bad_protocol; // a refusal must leave lpContext NULL
            }
            if (!pre && call.returned != mprnotify::wn_status::success) {
                ++bad_protocol;
            }
            if (pre && call.returned == mprnotify::wn_status::success) {
                (call.context_out != nullptr ? contexts : no_context)[s.add ? 0 : 1] += 1;
            }
        }
        dll.contexts_consumed += !result.vetoed_by && mpr.calls().front().context_out != nullptr ? 1U : 0U;
    }
    if (!expected_pre(dll.stem, true, L"", false)) {
        r.check(true, "veto", "5 operations, %u refused (no expectation known for this DLL: protocol rules only)",
                vetoes);
    } else if (wrong == 0) {
        r.check(true, "veto", "5 operations answered as this DLL decides (%u refused, no post after a refusal)",
                vetoes);
    } else {
        r.check(false, "veto", "%s", first_wrong.c_str());
    }
    r.check(bad_protocol == 0, "protocol",
            "%u refusals or posts broke the rules (a refusal with a context, a post "
            "answered with an error)",
            bad_protocol);
    bool as_expected = true;
    for (int op = 0; op < 2; ++op) {
        const auto expected = expects_context(dll.stem, op == 0);
        if (expected && (*expected ? no_context[op] != 0 : contexts[op] != 0)) {
            as_expected = false;
        }
    }
    r.check(as_expected, "context",
            "add: %u handed out and back (twice each, every post WN_SUCCESS), %u without; cancel: %u and %u",
            contexts[0], no_context[0], contexts[1], no_context[1]);
}

/// The calls MPR never makes but a notifyee must survive, made directly.
inline void check_direct(notifyee_dll& dll)
{
    dll_report& r = *dll.report;
    std::wstring local = L"Z:";
    std::wstring remote = L"\\\\server\\share";
    std::wstring name = L"Z:";
    mprnotify::platform::notify_add_w add{};
    add.NetResource.dwType = RESOURCETYPE_DISK;
    add.NetResource.lpLocalName = local.data();
    add.NetResource.lpRemoteName = remote.data();
    mprnotify::platform::notify_cancel_w cancel{};
    cancel.lpName = name.data();
    LPNOTIFYADD add_param = mprnotify::platform::sdk(&add);
    LPNOTIFYCANCEL cancel_param = mprnotify::platform::sdk(&cancel);
    int marker = 0; // an address the DLL never handed out
    const std::wstring trail_before = read_trail(dll.stem);

    NOTIFYINFO info{NOTIFY_PRE, 0, nullptr};
    const DWORD nulls[] = {
        r.call<LPNOTIFYINFO, LPNOTIFYADD>("AddConnectNotify(NULL, add)", dll.add, nullptr, add_param),
        r.call<LPNOTIFYINFO, LPNOTIFYADD>("AddConnectNotify(info, NULL)", dll.add, &info, nullptr),
        r.call<LPNOTIFYINFO, LPNOTIFYCANCEL>("CancelConnectNotify(NULL, cancel)", dll.cancel, nullptr, cancel_param),
        r.call<LPNOTIFYINFO, LPNOTIFYCANCEL>("CancelConnectNotify(info, NULL)", dll.cancel, &info, nullptr)};
    unsigned bad_pointers = 0;
    for (DWORD answer : nulls) {
        bad_pointers += answer == bad_pointer ? 1 : 0;
    }
    r.check(bad_pointers == 4, "null structures",
            "%u of 4 calls with a NULL NOTIFYINFO or operation answered "
            "WN_BAD_POINTER (answers %lu %lu %lu %lu)",
            bad_pointers, nulls[0], nulls[1], nulls[2], nulls[3]);

    unsigned unknown_ok = 0;
    for (DWORD phase : {0UL, 3UL, 0x80000000UL}) {
        NOTIFYINFO odd{phase, 0, &marker};
        unknown_ok +=
            r.call("AddConnectNotify(unknown phase)", dll.add, &odd, add_param) == 0 && odd.lpContext == &marker;
        odd = NOTIFYINFO{phase, 0, &marker};
        unknown_ok += r.call("CancelConnectNotify(unknown phase)", dll.cancel, &odd, cancel_param) == 0 &&
                      odd.lpContext == &marker;
    }
    r.check(unknown_ok == 6, "unknown phase",
            "%u of 6 calls with dwNotifyStatus 0, 3, 0x80000000 answered "
            "WN_SUCCESS and left lpContext alone",
            unknown_ok);

    unsigned ignored = 0;
    NOTIFYINFO foreign{NOTIFY_POST, 0, &marker};
    ignored += r.call("AddConnectNotify(foreign post)", dll.add, &foreign, add_param) == 0;
    foreign = NOTIFYINFO{NOTIFY_POST, 0, &marker};
    ignored += r.call("CancelConnectNotify(foreign post)", dll.cancel, &foreign, cancel_param) == 0;
    const bool handler_untouched = read_trail(dll.stem) == trail_before;
    r.check(ignored == 2 && handler_untouched, "foreign post",
            "%u of 2 posts of a context never handed out answered "
            "WN_SUCCESS%s",
            ignored,
            trail_variable(dll.stem) == nullptr ? ""
            : handler_untouched                 ? "; no hook ran for them or the NULL and unknown-phase calls"
                                                : "; but a hook ran");

    // Pre with a stale lpContext: the DLL must overwrite it. Then that add context offered to
    // CancelConnectNotify (ignored), handed back to AddConnectNotify, and once more (ignored).
    NOTIFYINFO pre{NOTIFY_PRE, 0, &marker};
    const DWORD pre_answer = r.call("AddConnectNotify(pre)", dll.add, &pre, add_param);
    const bool overwritten = pre.lpContext != &marker;
    void* context = pre.lpContext;
    unsigned cross_ok = 0;
    if (pre_answer == 0 && context != nullptr) {
        NOTIFYINFO other{NOTIFY_POST, 0, context};
        cross_ok += r.call("CancelConnectNotify(add's context)", dll.cancel, &other, cancel_param) == 0;
        NOTIFYINFO back{NOTIFY_POST, 0, context};
        cross_ok += r.call("AddConnectNotify(post)", dll.add, &back, add_param) == 0;
        back = NOTIFYINFO{NOTIFY_POST, 0, context};
        cross_ok += r.call("AddConnectNotify(repeated post)", dll.add, &back, add_param) == 0;
        ++dll.contexts_consumed;
        r.check(overwritten && cross_ok == 3, "context handed back",
                "pre answered %lu with a context of its own; "
                "offered to CancelConnectNotify, to AddConnectNotify, and again: %u of 3 WN_SUCCESS",
                pre_answer, cross_ok);
    } else {
        r.check(overwritten && context == nullptr, "context handed back",
                "pre answered %lu and set lpContext to NULL (this DLL asks for no post)", pre_answer);
    }
}

/// What the fixture and example DLLs show of the calls that reached their hooks.
inline void check_observed(notifyee_dll& dll)
{
    dll_report& r = *dll.report;
    if (dll.stem == "audit_log") {
        std::ifstream in{std::string{"x86-run-audit.log"}};
        unsigned lines = 0;
        for (std::string line; std::getline(in, line);) {
            lines += line.rfind("audit: ", 0) == 0 ? 1U : 0U;
        }
        r.check(lines == dll.contexts_consumed, "audit log",
                "%u lines for %u contexts handed back: repeated, foreign "
                "and cross-operation posts wrote nothing",
                lines, dll.contexts_consumed);
    } else if (dll.stem == "last_error_notifyee") {
        const std::wstring trail = read_trail(dll.stem);
        const unsigned after = count(trail, L"after_add ") + count(trail, L"after_cancel ");
        r.check(after == dll.contexts_consumed, "hooks", "%u after-hooks ran for %u contexts handed back", after,
                dll.contexts_consumed);
    }
}

/// The fixture whose hooks throw (throwing_notifyee.cpp): each exception becomes the policy's answer.
inline void check_throwing(notifyee_dll& dll)
{
    dll_report& r = *dll.report;
    auto add_pre = [&](const wchar_t* drive, void** context) {
        std::wstring local = drive;
        std::wstring remote = L"\\\\server\\share";
        mprnotify::platform::notify_add_w add{};
        add.NetResource.lpLocalName = local.data();
        add.NetResource.lpRemoteName = remote.data();
        NOTIFYINFO info{NOTIFY_PRE, 0, nullptr};
        const DWORD answer = r.call("AddConnectNotify(throwing)", dll.add, &info, mprnotify::platform::sdk(&add));
        *context = info.lpContext;
        return answer;
    };
    ::SetEnvironmentVariableW(L"MPRNOTIFY_X86_TRAIL", nullptr);
    void* context = nullptr;
    const DWORD thrown = add_pre(L"T:", &context);
    r.check(thrown == 0 && context == nullptr && read_trail(dll.stem) == L"before_add:T: on_error ", "throws",
            "before_add threw std::runtime_error: answered %lu (fail_open), no context, on_error ran", thrown);
    const DWORD named = add_pre(L"W:", &context);
    r.check(named == 1200 && context == nullptr, "throws wn_error",
            "before_add threw wn_error(WN_BAD_LOCALNAME): answered %lu, no context", named);
    ::SetEnvironmentVariableW(L"MPRNOTIFY_X86_TRAIL", nullptr);
    const DWORD pre = add_pre(L"U:", &context);
    std::wstring local = L"U:";
    mprnotify::platform::notify_add_w add{};
    add.NetResource.lpLocalName = local.data();
    DWORD posts[2] = {1, 1};
    for (DWORD& post : posts) {
        NOTIFYINFO info{NOTIFY_POST, 0, context};
        post = r.call("AddConnectNotify(post, after_add throws)", dll.add, &info, mprnotify::platform::sdk(&add));
    }
    const std::wstring trail = read_trail(dll.stem);
    r.check(pre == 0 && context != nullptr && posts[0] == 0 && posts[1] == 0 &&
                trail == L"before_add:U: after_add:U: on_error ",
            "after-hook throws",
            "the post answered %lu, its context was consumed (the repeated post answered %lu "
            "and ran no hook)",
            posts[0], posts[1]);
}

/// Every check of one notifyee DLL.
inline void check_notifyee(dll_report& report, HMODULE module, const std::string& stem)
{
    notifyee_dll dll{&report, std::bit_cast<add_fn>(::GetProcAddress(module, "AddConnectNotify")),
                     std::bit_cast<cancel_fn>(::GetProcAddress(module, "CancelConnectNotify")), stem};
    if (!report.check(dll.add != nullptr && dll.cancel != nullptr, "exports",
                      "AddConnectNotify %s, CancelConnectNotify %s by plain name", dll.add ? "found" : "MISSING",
                      dll.cancel ? "found" : "MISSING")) {
        return;
    }
    current_notifyee = &dll;
    check_direct(dll);
    check_routed(dll);
    if (stem == "throwing_notifyee") {
        check_throwing(dll);
    }
    check_observed(dll);
    current_notifyee = nullptr;
}

} // namespace x86_run
