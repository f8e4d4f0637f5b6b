// notifyee_run.cpp - notify.* and a notifyee's last-error.*: AddConnectNotify and CancelConnectNotify
// called with NULL structures, unknown phases, contexts they never gave, and random pre/post orders.
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "provider_run.hpp"

namespace mprcheck::run {
namespace {

using mprnotify::platform::notify_add_w;
using mprnotify::platform::notify_cancel_w;
using mprnotify::platform::sdk;

/// The two functions, and structures to call them with (valid for the life of the object).
struct notifyee {
    PF_AddConnectNotify add = nullptr;
    PF_CancelConnectNotify cancel = nullptr;
    std::wstring local = L"Q:";
    std::wstring remote = L"\\\\mprnotify-check\\share";
    notify_add_w add_info{};
    notify_cancel_w cancel_info{};

    explicit notifyee(HMODULE dll)
        : add(find_export<PF_AddConnectNotify>(dll, "AddConnectNotify")),
          cancel(find_export<PF_CancelConnectNotify>(dll, "CancelConnectNotify"))
    {
        add_info.NetResource.dwType = RESOURCETYPE_DISK;
        add_info.NetResource.lpLocalName = local.data();
        add_info.NetResource.lpRemoteName = remote.data();
        cancel_info.lpName = local.data();
    }
    DWORD call_add(DWORD phase, void* context, DWORD operation = WN_SUCCESS)
    {
        NOTIFYINFO info{phase, operation, context};
        return add(&info, sdk(&add_info));
    }
    DWORD call_cancel(DWORD phase, void* context, DWORD operation = WN_SUCCESS)
    {
        NOTIFYINFO info{phase, operation, context};
        return cancel(&info, sdk(&cancel_info));
    }
    /// A pre call's answer and the context it hands back for the post.
    void* pre_add(DWORD& answer)
    {
        NOTIFYINFO info{NOTIFY_PRE, WN_SUCCESS, nullptr};
        answer = add(&info, sdk(&add_info));
        return info.lpContext;
    }
    void* pre_cancel(DWORD& answer)
    {
        NOTIFYINFO info{NOTIFY_PRE, WN_SUCCESS, nullptr};
        answer = cancel(&info, sdk(&cancel_info));
        return info.lpContext;
    }
};

} // namespace

void run_notify(const child_context& context)
{
    notifyee n{context.dll};
    begin_check("notify.null");
    if (n.add == nullptr || n.cancel == nullptr) {
        report_fail("notify.null", "AddConnectNotify and CancelConnectNotify are not both exported",
                    "a notifyee exports both", page_of("AddConnectNotify"));
        return;
    }
    NOTIFYINFO info{NOTIFY_PRE, WN_SUCCESS, nullptr};
    const DWORD answers[] = {n.add(nullptr, sdk(&n.add_info)), n.add(&info, nullptr),
                             n.cancel(nullptr, sdk(&n.cancel_info)), n.cancel(&info, nullptr)};
    report_ok("notify.null", "NULL lpNotifyInfo / lpAddInfo / lpCancelInfo, pre phase: no crash (answers " +
                                 status_text(answers[0]) + ", " + status_text(answers[1]) + ", " +
                                 status_text(answers[2]) + ", " + status_text(answers[3]) + ")");
    info.dwNotifyStatus = NOTIFY_POST;
    n.add(nullptr, sdk(&n.add_info));
    n.add(&info, nullptr);
    n.cancel(nullptr, sdk(&n.cancel_info));
    n.cancel(&info, nullptr);
    report_ok("notify.null", "the same in the post phase: no crash");

    begin_check("notify.phase");
    std::string phases;
    for (const DWORD phase : {DWORD{0}, DWORD{3}, DWORD{0x80000001}, DWORD{0xFFFFFFFF}}) {
        const DWORD a = n.call_add(phase, nullptr);
        const DWORD c = n.call_cancel(phase, nullptr);
        phases += (phases.empty() ? "" : "; ") + std::to_string(phase) + ": " + status_text(a) + ", " + status_text(c);
    }
    report_ok("notify.phase", "dwNotifyStatus 0, 3, 0x80000001, 0xFFFFFFFF: no crash (" + phases + ")");

    begin_check("notify.context");
    alignas(8) unsigned char foreign[64] = {};
    DWORD pre_answer = 0;
    void* given = n.pre_add(pre_answer);
    for (void* bad : {static_cast<void*>(foreign), reinterpret_cast<void*>(std::uintptr_t{1}),
                      reinterpret_cast<void*>(std::uintptr_t{0xDEADBEEF}), static_cast<void*>(nullptr)}) {
        n.call_add(NOTIFY_POST, bad);
        n.call_cancel(NOTIFY_POST, bad);
    }
    n.call_add(NOTIFY_POST, given);
    n.call_add(NOTIFY_POST, given); // the same context twice: the second is stale
    n.call_cancel(NOTIFY_POST, given);
    report_ok("notify.context", "post with a stack pointer, 1, 0xDEADBEEF, NULL, a real context twice and an add's "
                                "context given to cancel: no crash");

    begin_check("notify.sequences");
    const unsigned seed = static_cast<unsigned>(::GetTickCount64());
    std::mt19937 random{seed};
    std::vector<void*> pending;
    unsigned steps = 0;
    const ULONGLONG deadline = ::GetTickCount64() + static_cast<ULONGLONG>(context.timeout_seconds * 300);
    for (; steps < 2000 && ::GetTickCount64() < deadline; ++steps) {
        DWORD answer = 0;
        switch (random() % 6) {
        case 0: pending.push_back(n.pre_add(answer)); break;
        case 1: pending.push_back(n.pre_cancel(answer)); break;
        case 2:
        case 3:
            if (!pending.empty()) {
                const std::size_t at = random() % pending.size();
                n.call_add(NOTIFY_POST, pending[at], random() % 2 == 0 ? WN_SUCCESS : WN_BAD_NETNAME);
                pending.erase(pending.begin() + static_cast<std::ptrdiff_t>(at));
            }
            break;
        case 4:
            if (!pending.empty()) {
                const std::size_t at = random() % pending.size();
                n.call_cancel(NOTIFY_POST, pending[at], WN_SUCCESS);
                pending.erase(pending.begin() + static_cast<std::ptrdiff_t>(at));
            }
            break;
        default: n.call_add(NOTIFY_POST, nullptr, WN_SUCCESS); break;
        }
    }
    report_ok("notify.sequences", std::to_string(steps) + " random pre/post calls (seed " + std::to_string(seed) +
                                      "), " + std::to_string(pending.size()) +
                                      " pre calls left without a post: no crash");
}

void run_notify_last_error(const child_context& context)
{
    notifyee n{context.dll};
    for (const bool is_add : {true, false}) {
        const std::string function = is_add ? "AddConnectNotify" : "CancelConnectNotify";
        const std::string id = "last-error." + function;
        begin_check(id);
        if ((is_add ? n.add == nullptr : n.cancel == nullptr)) {
            report_skipped(id, function + " is not exported");
            continue;
        }
        std::string changed;
        for (const DWORD phase : {DWORD{NOTIFY_PRE}, DWORD{NOTIFY_POST}}) {
            DWORD answer = 0;
            ::SetLastError(last_error_marker);
            void* pending = nullptr;
            if (phase == NOTIFY_PRE) {
                pending = is_add ? n.pre_add(answer) : n.pre_cancel(answer);
            }
            const DWORD after_pre = ::GetLastError();
            ::SetLastError(last_error_marker);
            answer = is_add ? n.call_add(NOTIFY_POST, pending) : n.call_cancel(NOTIFY_POST, pending);
            const DWORD after_post = ::GetLastError();
            if (phase == NOTIFY_PRE && after_pre != last_error_marker) {
                changed += " pre: " + std::to_string(after_pre);
            }
            if (after_post != last_error_marker) {
                changed += " post: " + std::to_string(after_post);
            }
        }
        if (changed.empty()) {
            report_ok(id, "pre and post: the thread's last error is unchanged");
        } else {
            report_fail(id, "the thread's last error went from 0x1234 to" + changed,
                        "the caller's last error is MPR's to set", page_of("WNetSetLastErrorW"));
        }
    }
}

} // namespace mprcheck::run
