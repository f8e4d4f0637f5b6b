// cycle_run.cpp - names.cycle: connect, NPGetConnection, NPGetUniversalName, a CONNECTED enumeration,
// NPGetResourceInformation, disconnect; each answer consistent with the others.
#include <string>
#include <vector>

#include "enumeration.hpp"
#include "packing.hpp"

namespace mprcheck::run {
namespace {

constexpr const char* id = "names.cycle";

class cycle {
public:
    cycle(const np_exports& np, std::wstring local, std::wstring remote)
        : np_(np), local_(std::move(local)), remote_(std::move(remote))
    {
    }

    void fail(const std::string& what, const std::string& rule, const std::string& function)
    {
        ++problems_;
        report_fail(id, what, rule, page_of(function));
    }
    [[nodiscard]] unsigned problems() const noexcept { return problems_; }
    /// The steps taken, for the ok line.
    [[nodiscard]] const std::string& steps() const noexcept { return steps_; }
    void step(const char* name)
    {
        if (steps_.find(name) == std::string::npos) {
            steps_ += std::string{steps_.empty() ? "" : ", "} + name;
        }
    }

    /// NPGetConnection(local) names the remote name; `connected` false: WN_NOT_CONNECTED.
    void lookup(bool connected)
    {
        if (np_.get_connection == nullptr || local_.empty()) {
            return;
        }
        step("NPGetConnection");
        wchar_t buffer[1024];
        DWORD size = 1024;
        const DWORD answer = np_.get_connection(local_.data(), buffer, &size);
        if (!connected) {
            if (answer != WN_NOT_CONNECTED) {
                fail("after the disconnect NPGetConnection(" + shown(local_) + ") answered " + status_text(answer),
                     "a device this provider does not redirect is WN_NOT_CONNECTED", "NPGetConnection");
            }
            return;
        }
        if (answer != WN_SUCCESS) {
            fail("NPGetConnection(" + shown(local_) + ") answered " + status_text(answer) + " for a connected device",
                 "a connected device's remote name is returned", "NPGetConnection");
        } else if (!same_name(buffer, remote_)) {
            fail("NPGetConnection(" + shown(local_) + ") = " + shown(buffer) + ", connected to " + shown(remote_),
                 "the remote name used to make the connection", "NPGetConnection");
        }
    }

    void universal_name()
    {
        if (np_.get_universal_name == nullptr || local_.empty()) {
            return;
        }
        step("NPGetUniversalName");
        std::wstring path = local_ + L"\\dir\\file.txt";
        alignas(8) std::byte buffer[4096];
        DWORD size = sizeof buffer;
        const DWORD answer = np_.get_universal_name(path.data(), REMOTE_NAME_INFO_LEVEL, buffer, &size);
        if (answer == WN_NOT_SUPPORTED) {
            report_note(id, "NPGetUniversalName answered WN_NOT_SUPPORTED");
            return;
        }
        if (answer != WN_SUCCESS) {
            fail("NPGetUniversalName(" + shown(path) + ", REMOTE_NAME_INFO_LEVEL) answered " + status_text(answer),
                 "a path on a connected drive has a universal name", "NPGetUniversalName");
            return;
        }
        static constexpr const char* fields[] = {"lpUniversalName", "lpConnectionName", "lpRemainingPath"};
        const std::span<const std::byte> bytes{buffer, sizeof buffer};
        if (!check_name_info(bytes, fields).ok()) {
            return; // size.universal-name names the problem
        }
        const auto* info = reinterpret_cast<const REMOTE_NAME_INFOW*>(buffer);
        const std::wstring connection = string_at(bytes, reinterpret_cast<std::uintptr_t>(info->lpConnectionName));
        const std::wstring universal = string_at(bytes, reinterpret_cast<std::uintptr_t>(info->lpUniversalName));
        if (!same_name(connection, remote_) || !same_name(universal, remote_ + L"\\dir\\file.txt")) {
            fail("NPGetUniversalName(" + shown(path) + ") = " + shown(universal) + " on " + shown(connection) +
                     ", connected to " + shown(remote_),
                 "the universal name is the connection's remote name and the remaining path", "NPGetUniversalName");
        }
    }

    /// The CONNECTED enumeration lists the connection (or no longer does).
    void listed(bool connected)
    {
        if (!np_.can_enumerate()) {
            return;
        }
        const auto read = read_enumeration(np_, RESOURCE_CONNECTED, 0, nullptr);
        if (read.open_answer != WN_SUCCESS) {
            if (connected) {
                report_note(id, "NPOpenEnum(RESOURCE_CONNECTED) answered " + status_text(read.open_answer));
            }
            return;
        }
        step("the CONNECTED enumeration");
        bool found = false;
        for (const auto& e : read.entries) {
            found = found || (same_name(e.remote, remote_) && (local_.empty() || same_name(e.local, local_)));
        }
        if (found != connected) {
            fail(std::string{"the CONNECTED enumeration "} + (connected ? "does not list " : "still lists ") +
                     shown(local_) + " -> " + shown(remote_),
                 "RESOURCE_CONNECTED lists the current connections", "NPOpenEnum");
        }
    }

    void resource_information()
    {
        if (np_.get_resource_information == nullptr) {
            return;
        }
        step("NPGetResourceInformation");
        std::wstring with_path = remote_ + L"\\dir";
        NETRESOURCEW resource{};
        resource.dwType = RESOURCETYPE_DISK;
        resource.lpRemoteName = with_path.data();
        alignas(8) std::byte buffer[4096];
        DWORD size = sizeof buffer;
        LPWSTR system = nullptr;
        const DWORD answer = np_.get_resource_information(&resource, buffer, &size, &system);
        if (answer != WN_SUCCESS) {
            fail("NPGetResourceInformation(" + shown(with_path) + ") answered " + status_text(answer) +
                     " for a connected share's folder",
                 "the provider that owns a resource describes it", "NPGetResourceInformation");
            return;
        }
        const std::span<const std::byte> bytes{buffer, sizeof buffer};
        const auto* out = reinterpret_cast<const NETRESOURCEW*>(buffer);
        const std::wstring remote = string_at(bytes, reinterpret_cast<std::uintptr_t>(out->lpRemoteName));
        const std::wstring rest = string_at(bytes, reinterpret_cast<std::uintptr_t>(system));
        if (!same_name(remote + rest, with_path)) {
            fail("NPGetResourceInformation(" + shown(with_path) + ") = " + shown(remote) + " + " + shown(rest),
                 "lpRemoteName and *lplpSystem together are the name asked about", "NPGetResourceInformation");
        }
    }

private:
    const np_exports& np_;
    std::wstring local_;
    std::wstring remote_;
    unsigned problems_ = 0;
    std::string steps_;
};

} // namespace

void run_names(const child_context& context)
{
    const np_exports np{context.dll};
    begin_check(id);
    if (context.remote.empty()) {
        const auto names = find_names(context, np);
        unsigned checked = 0;
        for (const auto& name : names) {
            if (name.local.empty()) {
                continue;
            }
            cycle c{np, name.local, name.remote};
            c.lookup(true);
            c.universal_name();
            ++checked;
            if (c.problems() == 0) {
                report_ok(id, shown(name.local) + " -> " + shown(name.remote) +
                                  " (found by enumerating): NPGetConnection and NPGetUniversalName agree");
            }
        }
        if (checked == 0) {
            report_note(id, "no name to check: give --remote/--local");
        }
        return;
    }
    if (np.add_connection3 == nullptr && np.add_connection == nullptr) {
        report_skipped(id, "neither NPAddConnection3 nor NPAddConnection is exported");
        return;
    }
    cycle c{np, context.local, context.remote};
    {
        live_connection connection{context, np};
        if (!connection.connected()) {
            report_note(id, "connecting " + shown(context.local) + " to " + shown(context.remote) + " answered " +
                                status_text(connection.answer()) + ": nothing more to check");
            return;
        }
        c.lookup(true);
        c.universal_name();
        c.listed(true);
        c.resource_information();
        if (connection.made_here() && np.cancel_connection != nullptr) {
            const DWORD answer = connection.disconnect();
            if (answer != WN_SUCCESS) {
                c.fail("NPCancelConnection(" + shown(context.local.empty() ? context.remote : context.local) +
                           ") answered " + status_text(answer) + " for the connection just made",
                       "a connection the provider made is cancelled", "NPCancelConnection");
            }
            c.lookup(false);
            c.listed(false);
            c.step("NPCancelConnection");
        }
    }
    if (c.problems() == 0) {
        report_ok(id, "connect " + shown(context.local) + " -> " + shown(context.remote) + ", then " + c.steps() +
                          ": the answers agree");
    }
}

} // namespace mprcheck::run
