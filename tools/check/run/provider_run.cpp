// provider_run.cpp - caps.*, null.* and threads: what NPGetCaps promises, NULL pointers in turn,
// and a few threads calling at once.
#include <algorithm>
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include <mprnotify/core/platform_provider.hpp>
#include <mprnotify/provider/np_functions.hpp>

#include "enumeration.hpp"
#include "guarded_buffer.hpp"
#include "provider_run.hpp"

namespace mprcheck::run {
namespace {

namespace wnnc = mprnotify::platform::wnnc;
constexpr DWORD scopes = wnnc::enum_global | wnnc::enum_local | wnnc::enum_context | wnnc::enum_shareable;

struct caps_row {
    const char* name;
    DWORD index; ///< 0: MPR finds the function by name alone
    DWORD bits;
};
// NOLINTBEGIN(cppcoreguidelines-macro-usage): the library's one table of NP functions
#define MPRCHECK_CAPS_ROW(Name, member, bytes, arity, hook, index, bit, ...) caps_row{#Name, index, bit},
constexpr caps_row caps_rows[] = {MPRNOTIFY_NP_FUNCTIONS(MPRCHECK_CAPS_ROW)};
#undef MPRCHECK_CAPS_ROW
// NOLINTEND(cppcoreguidelines-macro-usage)

std::string hex(DWORD value)
{
    char text[16];
    std::snprintf(text, sizeof text, "0x%lX", static_cast<unsigned long>(value));
    return text;
}

} // namespace

np_exports::np_exports(HMODULE dll)
    : get_caps(find_export<PF_NPGetCaps>(dll, "NPGetCaps")),
      add_connection(find_export<PF_NPAddConnection>(dll, "NPAddConnection")),
      add_connection3(find_export<PF_NPAddConnection3>(dll, "NPAddConnection3")),
      cancel_connection(find_export<PF_NPCancelConnection>(dll, "NPCancelConnection")),
      get_connection(find_export<PF_NPGetConnection>(dll, "NPGetConnection")),
      get_connection3(find_export<PF_NPGetConnection3>(dll, "NPGetConnection3")),
      get_connection_performance(find_export<PF_NPGetConnectionPerformance>(dll, "NPGetConnectionPerformance")),
      get_universal_name(find_export<PF_NPGetUniversalName>(dll, "NPGetUniversalName")),
      get_user(find_export<PF_NPGetUser>(dll, "NPGetUser")), open_enum(find_export<PF_NPOpenEnum>(dll, "NPOpenEnum")),
      enum_resource(find_export<PF_NPEnumResource>(dll, "NPEnumResource")),
      close_enum(find_export<close_enum_fn>(dll, "NPCloseEnum")),
      get_resource_information(find_export<PF_NPGetResourceInformation>(dll, "NPGetResourceInformation")),
      get_resource_parent(find_export<PF_NPGetResourceParent>(dll, "NPGetResourceParent")),
      format_network_name(find_export<PF_NPFormatNetworkName>(dll, "NPFormatNetworkName"))
{
}

void run_caps(const child_context& context)
{
    const np_exports np{context.dll};
    const std::string url = page_of("NPGetCaps");
    begin_check("caps.exports");
    if (np.get_caps == nullptr) {
        report_fail("caps.exports", "NPGetCaps is not exported by its plain name", "a provider exports NPGetCaps", url);
        return;
    }
    unsigned problems = 0;
    unsigned checked = 0;
    for (const auto& row : caps_rows) {
        if (row.index == 0) {
            continue;
        }
        const DWORD answer = np.get_caps(row.index);
        const bool announced = (answer & (row.bits == 0 ? scopes : row.bits)) != 0;
        const bool exported = ::GetProcAddress(context.dll, row.name) != nullptr;
        ++checked;
        if (announced && !exported) {
            ++problems;
            report_fail("caps.exports",
                        std::string{"NPGetCaps("} + hex(row.index) + ") = " + hex(answer) + " announces " + row.name +
                            ", which is not exported",
                        "every function NPGetCaps announces is exported", url);
        } else if (exported && !announced) {
            ++problems;
            report_fail("caps.exports",
                        std::string{row.name} + " is exported but NPGetCaps(" + hex(row.index) + ") = " + hex(answer) +
                            " does not announce it: MPR never calls it",
                        "NPGetCaps announces what the provider supports", url);
        }
    }
    if (np.open_enum != nullptr && (np.enum_resource == nullptr || np.close_enum == nullptr)) {
        ++problems;
        report_fail("caps.exports", "NPOpenEnum is exported without NPEnumResource and NPCloseEnum",
                    "an enumeration is opened, read and closed", page_of("NPOpenEnum"));
    }
    if (np.get_caps(wnnc::spec_version) == 0) {
        report_note("caps.exports", "NPGetCaps(WNNC_SPEC_VERSION) answers 0");
    }
    if (problems == 0) {
        report_ok("caps.exports", std::to_string(checked) + " NPGetCaps announcements match the exports");
    }

    begin_check("caps.unknown-index");
    unsigned wrong = 0;
    for (const DWORD index : {0x00UL, 0x05UL, 0x07UL, 0x0AUL, 0x0DUL, 0x1234UL, 0xFFFFFFFFUL}) {
        const DWORD answer = np.get_caps(static_cast<DWORD>(index));
        if (answer != 0) {
            ++wrong;
            report_fail("caps.unknown-index",
                        "NPGetCaps(" + hex(static_cast<DWORD>(index)) + ") = " + hex(answer) + ", not 0",
                        "an index the provider does not know answers 0", url);
        }
    }
    if (wrong == 0) {
        report_ok("caps.unknown-index", "NPGetCaps answers 0 for 7 unknown indexes");
    }
}

void run_threads(const child_context& context)
{
    const np_exports np{context.dll};
    live_connection connection{context, np};
    const auto names = find_names(context, np);
    std::wstring local = local_name_to_check(context, names);
    if (local.empty()) {
        local = L"Q:";
    }
    begin_check("threads");
    constexpr int thread_count = 4;
    constexpr int calls = 200;
    // Bounded by rounds and by time: a second (less with a short --timeout) is enough for the races.
    const double seconds = (std::min)(1.0, context.timeout_seconds * 0.4);
    const ULONGLONG deadline = ::GetTickCount64() + static_cast<ULONGLONG>(seconds * 1000);
    // The answers of one thread alone, then the same calls from four at once.
    auto lookups = [&](DWORD* answers) {
        DWORD size = 260;
        wchar_t remote[260];
        answers[0] = np.get_connection != nullptr ? np.get_connection(local.data(), remote, &size) : 0;
        alignas(8) std::byte buffer[1024];
        size = sizeof buffer;
        std::wstring path = local + L"\\";
        answers[1] = np.get_universal_name != nullptr
                         ? np.get_universal_name(path.data(), REMOTE_NAME_INFO_LEVEL, buffer, &size)
                         : 0;
        answers[2] = np.get_caps(WNNC_CONNECTION);
        if (np.can_enumerate()) {
            HANDLE handle = nullptr;
            answers[2] = np.open_enum(RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, nullptr, &handle);
            if (answers[2] == WN_SUCCESS) {
                DWORD count = 0xFFFFFFFF;
                size = sizeof buffer;
                for (int i = 0; i < 100 && ::GetTickCount64() < deadline &&
                                np.enum_resource(handle, &count, buffer, &size) == WN_SUCCESS;
                     ++i) {
                    count = 0xFFFFFFFF;
                    size = sizeof buffer;
                }
                np.close_enum(handle);
            }
        }
    };
    DWORD expected[3] = {};
    lookups(expected);
    std::atomic<int> done{0};
    std::atomic<int> differing{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < thread_count; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < calls && ::GetTickCount64() < deadline; ++i) {
                DWORD answers[3] = {};
                lookups(answers);
                differing += (answers[0] != expected[0] || answers[1] != expected[1] || answers[2] != expected[2]);
                ++done;
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    std::string functions = "NPGetCaps";
    functions += np.get_connection != nullptr ? ", NPGetConnection" : "";
    functions += np.get_universal_name != nullptr ? ", NPGetUniversalName" : "";
    functions += np.can_enumerate() ? ", a CONNECTED enumeration" : "";
    const std::string what = std::to_string(thread_count) + " threads x up to " + std::to_string(calls) +
                             " rounds of " + functions + " on " + shown(local) + " (" + std::to_string(done.load()) +
                             " rounds in at most " + seconds_text(seconds) + " s)";
    if (differing.load() != 0) {
        report_fail("threads",
                    what + ": " + std::to_string(differing.load()) + " rounds answered otherwise than one thread alone",
                    "the same call answers the same from any thread", page_of("NPGetConnection"));
    } else {
        report_ok("threads", what + ": no crash, the same answers as one thread alone");
    }
}

} // namespace mprcheck::run
