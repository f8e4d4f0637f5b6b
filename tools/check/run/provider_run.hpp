// provider_run.hpp - the provider check groups and what they share: the NP functions the DLL exports
// and the names to call them with. Windows only.
#pragma once

#include <string>
#include <vector>

#include "child.hpp"

namespace mprcheck::run {

// MinGW-w64's PF_NPCloseEnum lacks WINAPI: the type is spelled here with it.
using close_enum_fn = DWORD(WINAPI*)(HANDLE);

/// The NP functions the DLL exports by plain name (nullptr when it does not).
struct np_exports {
    PF_NPGetCaps get_caps = nullptr;
    PF_NPAddConnection add_connection = nullptr;
    PF_NPAddConnection3 add_connection3 = nullptr;
    PF_NPCancelConnection cancel_connection = nullptr;
    PF_NPGetConnection get_connection = nullptr;
    PF_NPGetConnection3 get_connection3 = nullptr;
    PF_NPGetConnectionPerformance get_connection_performance = nullptr;
    PF_NPGetUniversalName get_universal_name = nullptr;
    PF_NPGetUser get_user = nullptr;
    PF_NPOpenEnum open_enum = nullptr;
    PF_NPEnumResource enum_resource = nullptr;
    close_enum_fn close_enum = nullptr;
    PF_NPGetResourceInformation get_resource_information = nullptr;
    PF_NPGetResourceParent get_resource_parent = nullptr;
    PF_NPFormatNetworkName format_network_name = nullptr;

    explicit np_exports(HMODULE dll);
    [[nodiscard]] bool can_enumerate() const noexcept
    {
        return open_enum != nullptr && enum_resource != nullptr && close_enum != nullptr;
    }
};

/// A connection the provider serves: given with --remote/--local, or found by enumerating.
struct served_name {
    std::wstring remote;
    std::wstring local; ///< empty for a share found by browsing
};

/// The names to check with: --remote/--local first, then CONNECTED entries, then GLOBALNET shares
/// (a bounded walk from the top). Calls nothing but the enumeration functions.
[[nodiscard]] std::vector<served_name> find_names(const child_context& context, const np_exports& np);

/// Connects --local to --remote for the life of the object when both were given and the provider is
/// not already connected there (NPAddConnection3, else NPAddConnection); disconnects at the end.
class live_connection {
public:
    live_connection(const child_context& context, const np_exports& np);
    ~live_connection();
    live_connection(const live_connection&) = delete;
    live_connection& operator=(const live_connection&) = delete;
    [[nodiscard]] bool connected() const noexcept { return connected_; }
    [[nodiscard]] DWORD answer() const noexcept { return answer_; }
    /// Connected by this object (not found connected): the destructor disconnects.
    [[nodiscard]] bool made_here() const noexcept { return made_here_; }
    /// Disconnects now (what the destructor would do) and returns NPCancelConnection's answer.
    DWORD disconnect();

private:
    const child_context& context_;
    const np_exports& np_;
    bool connected_ = false;
    bool made_here_ = false;
    DWORD answer_ = WN_SUCCESS;
};

/// The local name a live connection or an enumerated entry gives (empty when there is none).
[[nodiscard]] std::wstring local_name_to_check(const child_context& context, const std::vector<served_name>& names);
/// The remote name likewise.
[[nodiscard]] std::wstring remote_name_to_check(const child_context& context, const std::vector<served_name>& names);

void run_caps(const child_context& context);
void run_null(const child_context& context);
void run_size(const child_context& context);
void run_enum(const child_context& context);
void run_names(const child_context& context);
void run_provider_last_error(const child_context& context);
void run_threads(const child_context& context);

void run_notify(const child_context& context);
void run_notify_last_error(const child_context& context);

} // namespace mprcheck::run
