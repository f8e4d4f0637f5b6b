// null_run.cpp - null.<Function>: each pointer argument NULL in turn; and last-error.<Function>: the
// thread's last error the same after a call as before it.
#include <algorithm>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "guarded_buffer.hpp"
#include "provider_run.hpp"

namespace mprcheck::run {
namespace {

/// One call of a function with some arguments; it answers a WN_* code.
struct probe {
    const char* function;
    std::string arguments; ///< how the call differs from a normal one ("lpRemoteName NULL")
    std::function<DWORD()> call;
    guarded_buffer* buffer = nullptr; ///< an output buffer that must stay untouched, if any
};

/// The names and buffers the probes use: a served name when there is one, else made-up ones.
struct probe_args {
    std::wstring local;
    std::wstring remote;
    std::wstring path; // local + "\"
    NETRESOURCEW resource{};
    NETRESOURCEW no_remote{};
    guarded_buffer buffer{512, guarded_buffer::placement::end_aligned};
    wchar_t* text() { return reinterpret_cast<wchar_t*>(buffer.data()); }
};

std::vector<probe> null_probes(const np_exports& np, probe_args& a, HANDLE enumeration)
{
    std::vector<probe> out;
    auto* buffer = &a.buffer;
    static DWORD size = 0; // reset before each call
    if (np.add_connection != nullptr) {
        out.push_back(
            {"NPAddConnection", "lpNetResource NULL", [&np] { return np.add_connection(nullptr, nullptr, nullptr); }});
        out.push_back({"NPAddConnection", "lpRemoteName NULL",
                       [&np, &a] { return np.add_connection(&a.no_remote, nullptr, nullptr); }});
    }
    if (np.add_connection3 != nullptr) {
        out.push_back({"NPAddConnection3", "lpNetResource NULL",
                       [&np] { return np.add_connection3(nullptr, nullptr, nullptr, nullptr, 0); }});
        out.push_back({"NPAddConnection3", "lpRemoteName NULL",
                       [&np, &a] { return np.add_connection3(nullptr, &a.no_remote, nullptr, nullptr, 0); }});
    }
    if (np.cancel_connection != nullptr) {
        out.push_back({"NPCancelConnection", "lpName NULL", [&np] { return np.cancel_connection(nullptr, FALSE); }});
    }
    if (np.get_connection != nullptr) {
        out.push_back({"NPGetConnection", "lpLocalName NULL",
                       [&np, &a] {
                           size = 256;
                           return np.get_connection(nullptr, a.text(), &size);
                       },
                       buffer});
        out.push_back({"NPGetConnection", "lpRemoteName NULL, *lpnBufferLen 256", [&np, &a] {
                           size = 256;
                           return np.get_connection(a.local.data(), nullptr, &size);
                       }});
        out.push_back({"NPGetConnection", "lpnBufferLen NULL",
                       [&np, &a] { return np.get_connection(a.local.data(), a.text(), nullptr); }, buffer});
    }
    if (np.get_connection3 != nullptr) {
        out.push_back({"NPGetConnection3", "lpLocalName NULL",
                       [&np, &a] {
                           size = 512;
                           return np.get_connection3(nullptr, 1, a.buffer.data(), &size);
                       },
                       buffer});
        out.push_back({"NPGetConnection3", "lpBuffer NULL, *lpBufferSize 512", [&np, &a] {
                           size = 512;
                           return np.get_connection3(a.local.data(), 1, nullptr, &size);
                       }});
        out.push_back({"NPGetConnection3", "lpBufferSize NULL",
                       [&np, &a] { return np.get_connection3(a.local.data(), 1, a.buffer.data(), nullptr); }, buffer});
    }
    if (np.get_connection_performance != nullptr) {
        out.push_back({"NPGetConnectionPerformance", "lpRemoteName NULL", [&np, &a] {
                           return np.get_connection_performance(
                               nullptr, reinterpret_cast<LPNETCONNECTINFOSTRUCT>(a.buffer.data()));
                       }});
        out.push_back({"NPGetConnectionPerformance", "lpNetConnectInfo NULL",
                       [&np, &a] { return np.get_connection_performance(a.remote.data(), nullptr); }});
    }
    if (np.get_universal_name != nullptr) {
        out.push_back({"NPGetUniversalName", "lpLocalPath NULL",
                       [&np, &a] {
                           size = 512;
                           return np.get_universal_name(nullptr, REMOTE_NAME_INFO_LEVEL, a.buffer.data(), &size);
                       },
                       buffer});
        out.push_back({"NPGetUniversalName", "lpBuffer NULL, *lpBufferSize 512", [&np, &a] {
                           size = 512;
                           return np.get_universal_name(a.path.data(), REMOTE_NAME_INFO_LEVEL, nullptr, &size);
                       }});
        out.push_back({"NPGetUniversalName", "lpBufferSize NULL",
                       [&np, &a] {
                           return np.get_universal_name(a.path.data(), REMOTE_NAME_INFO_LEVEL, a.buffer.data(),
                                                        nullptr);
                       },
                       buffer});
    }
    if (np.get_user != nullptr) {
        out.push_back({"NPGetUser", "lpUserName NULL, *lpnBufferLen 256", [&np, &a] {
                           size = 256;
                           return np.get_user(a.local.data(), nullptr, &size);
                       }});
        out.push_back({"NPGetUser", "lpnBufferLen NULL",
                       [&np, &a] { return np.get_user(a.local.data(), a.text(), nullptr); }, buffer});
    }
    if (np.open_enum != nullptr) {
        out.push_back({"NPOpenEnum", "lphEnum NULL",
                       [&np] { return np.open_enum(RESOURCE_GLOBALNET, RESOURCETYPE_ANY, 0, nullptr, nullptr); }});
    }
    if (np.enum_resource != nullptr && enumeration != nullptr) {
        static DWORD count = 1;
        out.push_back({"NPEnumResource", "lpcCount NULL",
                       [&np, &a, enumeration] {
                           size = 512;
                           return np.enum_resource(enumeration, nullptr, a.buffer.data(), &size);
                       },
                       buffer});
        out.push_back({"NPEnumResource", "lpBuffer NULL, *lpBufferSize 512", [&np, enumeration] {
                           size = 512;
                           count = 1;
                           return np.enum_resource(enumeration, &count, nullptr, &size);
                       }});
        out.push_back({"NPEnumResource", "lpBufferSize NULL",
                       [&np, &a, enumeration] {
                           count = 1;
                           return np.enum_resource(enumeration, &count, a.buffer.data(), nullptr);
                       },
                       buffer});
    }
    if (np.get_resource_information != nullptr) {
        static LPWSTR system = nullptr;
        out.push_back({"NPGetResourceInformation", "lpNetResource NULL",
                       [&np, &a] {
                           size = 512;
                           return np.get_resource_information(nullptr, a.buffer.data(), &size, &system);
                       },
                       buffer});
        out.push_back({"NPGetResourceInformation", "lpBuffer NULL, *lpBufferSize 512", [&np, &a] {
                           size = 512;
                           return np.get_resource_information(&a.resource, nullptr, &size, &system);
                       }});
        out.push_back(
            {"NPGetResourceInformation", "lpBufferSize NULL",
             [&np, &a] { return np.get_resource_information(&a.resource, a.buffer.data(), nullptr, &system); },
             buffer});
        out.push_back({"NPGetResourceInformation", "lplpSystem NULL",
                       [&np, &a] {
                           size = 512;
                           return np.get_resource_information(&a.resource, a.buffer.data(), &size, nullptr);
                       },
                       buffer});
    }
    if (np.get_resource_parent != nullptr) {
        out.push_back({"NPGetResourceParent", "lpNetResource NULL",
                       [&np, &a] {
                           size = 512;
                           return np.get_resource_parent(nullptr, a.buffer.data(), &size);
                       },
                       buffer});
        out.push_back({"NPGetResourceParent", "lpBuffer NULL, *lpBufferSize 512", [&np, &a] {
                           size = 512;
                           return np.get_resource_parent(&a.resource, nullptr, &size);
                       }});
        out.push_back({"NPGetResourceParent", "lpBufferSize NULL",
                       [&np, &a] { return np.get_resource_parent(&a.resource, a.buffer.data(), nullptr); }, buffer});
    }
    if (np.format_network_name != nullptr) {
        out.push_back({"NPFormatNetworkName", "lpRemoteName NULL",
                       [&np, &a] {
                           size = 256;
                           return np.format_network_name(nullptr, a.text(), &size, 0, 0);
                       },
                       buffer});
        out.push_back({"NPFormatNetworkName", "lpFormattedName NULL, *lpnLength 256", [&np, &a] {
                           size = 256;
                           return np.format_network_name(a.remote.data(), nullptr, &size, 0, 0);
                       }});
        out.push_back({"NPFormatNetworkName", "lpnLength NULL",
                       [&np, &a] { return np.format_network_name(a.remote.data(), a.text(), nullptr, 0, 0); }, buffer});
    }
    return out;
}

void fill_args(probe_args& a, const child_context& context, const std::vector<served_name>& names)
{
    a.local = local_name_to_check(context, names);
    a.remote = remote_name_to_check(context, names);
    if (a.local.empty()) {
        a.local = L"Q:";
    }
    if (a.remote.empty()) {
        a.remote = L"\\\\mprnotify-check\\none";
    }
    a.path = a.local + L"\\";
    a.resource.dwType = RESOURCETYPE_DISK;
    a.resource.lpRemoteName = a.remote.data();
    a.no_remote.dwType = RESOURCETYPE_DISK;
    a.no_remote.lpLocalName = a.local.data();
}

/// An open enumeration for the NPEnumResource probes (GLOBALNET from the top, else CONNECTED).
HANDLE open_any(const np_exports& np)
{
    if (!np.can_enumerate()) {
        return nullptr;
    }
    for (const DWORD scope : {DWORD{RESOURCE_GLOBALNET}, DWORD{RESOURCE_CONNECTED}}) {
        HANDLE handle = nullptr;
        if (np.open_enum(scope, RESOURCETYPE_ANY, 0, nullptr, &handle) == WN_SUCCESS) {
            return handle;
        }
    }
    return nullptr;
}

} // namespace

void run_null(const child_context& context)
{
    const np_exports np{context.dll};
    live_connection connection{context, np};
    const auto names = find_names(context, np);
    probe_args args;
    fill_args(args, context, names);
    HANDLE enumeration = open_any(np);
    const auto probes = null_probes(np, args, enumeration);
    if (probes.empty()) {
        report_skipped("null.*", "no exported NP function takes a pointer argument");
    }
    std::string current;
    unsigned calls = 0;
    unsigned failures = 0;
    auto finish_function = [&] {
        if (!current.empty() && failures == 0) {
            report_ok("null." + current,
                      std::to_string(calls) + " calls with a NULL pointer: each a WN_* error, nothing written");
        }
    };
    for (const auto& p : probes) {
        if (current != p.function) {
            finish_function();
            current = p.function;
            calls = 0;
            failures = 0;
        }
        const std::string id = "null." + current;
        begin_check(id);
        if (p.buffer != nullptr) {
            p.buffer->fill();
        }
        const DWORD answer = p.call();
        ++calls;
        if (answer == WN_SUCCESS) {
            ++failures;
            report_fail(id, std::string{p.arguments} + ": answered WN_SUCCESS",
                        "a NULL pointer argument is an error (WN_BAD_POINTER)", page_of(current));
        } else if (p.buffer != nullptr && p.buffer->first_changed(0) != guarded_buffer::npos) {
            ++failures;
            report_fail(id,
                        std::string{p.arguments} + ": answered " + status_text(answer) +
                            " but wrote into the buffer at offset " + std::to_string(p.buffer->first_changed(0)),
                        "a failed call leaves the caller's buffer alone", page_of(current));
        }
    }
    finish_function();
    if (enumeration != nullptr) {
        np.close_enum(enumeration);
    }
    if (np.open_enum == nullptr && np.enum_resource != nullptr) {
        report_skipped("null.NPEnumResource", "no enumeration could be opened");
    } else if (np.can_enumerate() && enumeration == nullptr) {
        report_skipped("null.NPEnumResource", "NPOpenEnum opened no GLOBALNET or CONNECTED enumeration");
    }
}

void run_provider_last_error(const child_context& context)
{
    const np_exports np{context.dll};
    live_connection connection{context, np};
    const auto names = find_names(context, np);
    probe_args args;
    fill_args(args, context, names);
    static DWORD size = 0;
    static DWORD count = 0;
    std::vector<probe> calls;
    calls.push_back({"NPGetCaps", "", [&np] { return np.get_caps(WNNC_CONNECTION); }});
    if (np.get_connection != nullptr) {
        calls.push_back({"NPGetConnection", "", [&np, &args] {
                             size = 256;
                             return np.get_connection(args.local.data(), args.text(), &size);
                         }});
        calls.push_back({"NPGetConnection", "size 0", [&np, &args] {
                             size = 0;
                             return np.get_connection(args.local.data(), args.text(), &size);
                         }});
    }
    if (np.get_universal_name != nullptr) {
        calls.push_back({"NPGetUniversalName", "", [&np, &args] {
                             size = 512;
                             return np.get_universal_name(args.path.data(), REMOTE_NAME_INFO_LEVEL, args.buffer.data(),
                                                          &size);
                         }});
    }
    if (np.get_user != nullptr) {
        calls.push_back({"NPGetUser", "", [&np, &args] {
                             size = 256;
                             return np.get_user(args.local.data(), args.text(), &size);
                         }});
    }
    if (np.get_resource_information != nullptr) {
        calls.push_back({"NPGetResourceInformation", "", [&np, &args] {
                             static LPWSTR system = nullptr;
                             size = 512;
                             return np.get_resource_information(&args.resource, args.buffer.data(), &size, &system);
                         }});
    }
    if (np.get_resource_parent != nullptr) {
        calls.push_back({"NPGetResourceParent", "", [&np, &args] {
                             size = 512;
                             return np.get_resource_parent(&args.resource, args.buffer.data(), &size);
                         }});
    }
    if (np.add_connection3 != nullptr) {
        calls.push_back({"NPAddConnection3", "a name nobody serves", [&np] {
                             static wchar_t nobody[] = L"\\\\mprnotify-check-nobody\\none";
                             NETRESOURCEW resource{};
                             resource.dwType = RESOURCETYPE_DISK;
                             resource.lpRemoteName = nobody;
                             return np.add_connection3(nullptr, &resource, nullptr, nullptr, 0);
                         }});
    }
    if (np.cancel_connection != nullptr) {
        calls.push_back({"NPCancelConnection", "a name not connected", [&np] {
                             static wchar_t nothing[] = L"\\\\mprnotify-check-nobody\\none";
                             return np.cancel_connection(nothing, FALSE);
                         }});
    }
    HANDLE enumeration = nullptr;
    if (np.can_enumerate()) {
        calls.push_back({"NPOpenEnum", "", [&np, &enumeration] {
                             const DWORD connected =
                                 np.open_enum(RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, nullptr, &enumeration);
                             return connected == WN_SUCCESS
                                        ? connected
                                        : np.open_enum(RESOURCE_GLOBALNET, RESOURCETYPE_ANY, 0, nullptr, &enumeration);
                         }});
        calls.push_back({"NPEnumResource", "", [&np, &args, &enumeration] {
                             count = 0xFFFFFFFF;
                             size = 512;
                             return np.enum_resource(enumeration, &count, args.buffer.data(), &size);
                         }});
        calls.push_back({"NPCloseEnum", "", [&np, &enumeration] { return np.close_enum(enumeration); }});
    }
    for (const auto& c : calls) {
        const std::string id = std::string{"last-error."} + c.function;
        begin_check(id);
        if ((c.function == std::string{"NPEnumResource"} || c.function == std::string{"NPCloseEnum"}) &&
            enumeration == nullptr) {
            report_skipped(id, "NPOpenEnum opened neither a CONNECTED nor a GLOBALNET enumeration");
            continue;
        }
        ::SetLastError(last_error_marker);
        const DWORD answer = c.call();
        const DWORD after = ::GetLastError();
        const std::string answered =
            c.function == std::string{"NPGetCaps"}
                ? "0x" +
                      [answer] {
                          char text[16];
                          std::snprintf(text, sizeof text, "%lX", static_cast<unsigned long>(answer));
                          return std::string{text};
                      }()
                : status_text(answer);
        const std::string what = std::string{c.arguments.empty() ? "" : c.arguments + ": "} + "answered " + answered;
        if (after != last_error_marker) {
            report_fail(id, what + ", and the thread's last error went from 0x1234 to " + std::to_string(after),
                        "a provider reports errors by its answer (and WNetSetLastError), never by SetLastError",
                        page_of("WNetSetLastErrorW"));
        } else {
            report_ok(id, what + "; the thread's last error is unchanged");
        }
    }
}

} // namespace mprcheck::run
