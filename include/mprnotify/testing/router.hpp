// mprnotify/testing/router.hpp - a simulated MPR that drives notifyees through add and cancel.
//
// It follows the documented protocol: each notifyee gets a pre call with lpContext NULL, in the
// order attached; a non-WN_SUCCESS answer vetoes the operation (the WNet caller gets that code and
// the remaining notifyees are not asked); otherwise the "provider" answers with the outcome the test
// chose, and every notifyee that left a non-NULL lpContext gets a post call with it. Where the
// documentation is silent the behaviour is an option, so tests can cover every reading.
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "../notifyee/add_connection.hpp"
#include "../core/operation.hpp"
#include "../core/platform.hpp"
#include "../core/status.hpp"
#include "notifyee.hpp"

namespace mprnotify::testing {

/// One WNetAddConnection*. A field left out is a deviceless connection (lpLocalName NULL) to
/// \\server\share of type disk, no flags, no owner window.
struct add_request {
    std::optional<std::wstring> local_name = std::nullopt; // NULL: deviceless; L"" is the other spelling
    std::optional<std::wstring> remote_name = L"\\\\server\\share";
    resource_type type = resource_type::disk;
    std::uint32_t flags = 0;
    platform::window_handle owner = nullptr;
};

/// One WNetCancelConnection*. A cancel always names something: Z: unless the test says otherwise.
struct cancel_request {
    std::optional<std::wstring> name = L"Z:";
    std::uint32_t flags = 0; // CONNECT_UPDATE_PROFILE = 1
    bool force = false;
    std::optional<std::wstring> provider = L"Microsoft Windows Network"; // set on a successful post only
};

struct router_options {
    /// After a veto, notifyees that already asked for a post get one with the veto code as the
    /// operation status. What NT's MPR does here is undocumented; false covers the other reading.
    bool post_after_veto = true;
    /// Post calls per notifyee and operation; 2 or more simulates a repeated post (WN_RETRY reading).
    unsigned post_calls = 1;
};

/// One call the router made, and what came back.
struct call_record {
    std::size_t operation_number = 0; // 1-based, counts add and cancel operations
    mprnotify::operation operation = mprnotify::operation::add_connection;
    mprnotify::phase phase = mprnotify::phase::pre;
    std::size_t notifyee = 0; // index in attach order
    wn_status operation_status = wn_status::success;
    const void* context_in = nullptr;
    const void* context_out = nullptr;
    wn_status returned = wn_status::success;
};

/// What the WNet caller sees.
struct operation_result {
    wn_status status = wn_status::success;
    std::optional<std::size_t> vetoed_by; // index of the notifyee whose pre refused it
    [[nodiscard]] bool performed() const noexcept { return !vetoed_by.has_value(); }
};

/// One operation the router performed, for traces.
struct operation_record {
    std::size_t number = 0;
    mprnotify::operation operation = mprnotify::operation::add_connection;
    std::wstring description;               // "\\server\share as Z:"
    wn_status outcome = wn_status::success; // what the provider answered (if it was asked)
    operation_result result;
};

class router {
public:
    explicit router(router_options options = {}) : options_(options) {}

    /// Adds a notifyee; returns its index.
    std::size_t attach(notifyee n)
    {
        notifyees_.push_back(std::move(n));
        return notifyees_.size() - 1;
    }

    [[nodiscard]] const std::vector<notifyee>& notifyees() const noexcept { return notifyees_; }
    [[nodiscard]] const std::vector<call_record>& calls() const noexcept { return calls_; }
    [[nodiscard]] const std::vector<operation_record>& operations() const noexcept { return operations_; }
    void clear_calls() noexcept
    {
        calls_.clear();
        operations_.clear();
    }
    [[nodiscard]] router_options& options() noexcept { return options_; }

    /// WNetAddConnection*: pre to all, the provider answers `outcome`, post to those that asked.
    operation_result add_connection(const add_request& request, wn_status outcome = wn_status::success)
    {
        return add_connection(request, [outcome] { return outcome; });
    }

    /// The same, with the providers' part played by `providers()`, called only when no notifyee
    /// refused (testing::provider_router passes the simulated providers here).
    template <std::invocable Providers>
    operation_result add_connection(const add_request& request, Providers&& providers)
    {
        std::wstring local = request.local_name.value_or(L"");
        std::wstring remote = request.remote_name.value_or(L"");
        platform::notify_add_w add{};
        add.hwndOwner = request.owner;
        add.NetResource.dwType = static_cast<platform::dword>(request.type);
        add.NetResource.lpLocalName = request.local_name ? local.data() : nullptr;
        add.NetResource.lpRemoteName = request.remote_name ? remote.data() : nullptr;
        add.dwAddFlags = request.flags;
        std::wstring description =
            request.remote_name.value_or(L"(null)") + L" as " + (local.empty() ? L"(deviceless)" : local);
        return run(
            operation::add_connection, std::move(description), std::forward<Providers>(providers),
            [&](std::size_t i, platform::notify_info& info) {
                return static_cast<wn_status>(notifyees_[i].add_connect_notify(&info, platform::sdk(&add)));
            },
            [](bool /*succeeded*/) {});
    }

    /// WNetCancelConnection*: like add_connection; lpProvider is set for post of a successful cancel.
    operation_result cancel_connection(const cancel_request& request, wn_status outcome = wn_status::success)
    {
        return cancel_connection(request, [outcome] { return outcome; });
    }

    /// The same, with the providers' part played by `providers()`.
    template <std::invocable Providers>
    operation_result cancel_connection(const cancel_request& request, Providers&& providers)
    {
        std::wstring name = request.name.value_or(L"");
        std::wstring provider = request.provider.value_or(L"");
        platform::notify_cancel_w cancel{};
        cancel.lpName = request.name ? name.data() : nullptr;
        cancel.dwFlags = request.flags;
        cancel.fForce = request.force ? 1 : 0;
        std::wstring description = request.name.value_or(L"(null)") + (request.force ? L" (forced)" : L"");
        return run(
            operation::cancel_connection, std::move(description), std::forward<Providers>(providers),
            [&](std::size_t i, platform::notify_info& info) {
                return static_cast<wn_status>(notifyees_[i].cancel_connect_notify(&info, platform::sdk(&cancel)));
            },
            [&](bool succeeded) { cancel.lpProvider = succeeded && request.provider ? provider.data() : nullptr; });
    }

private:
    template <class Providers, class Call, class BeforePost>
    operation_result run(mprnotify::operation op, std::wstring description, Providers&& providers, Call&& call,
                         BeforePost&& before_post)
    {
        const std::size_t number = operations_.size() + 1;
        operations_.push_back({number, op, std::move(description), wn_status::success, {}});
        std::vector<void*> contexts(notifyees_.size(), nullptr);
        operation_result result;
        for (std::size_t i = 0; i < notifyees_.size(); ++i) {
            platform::notify_info info{};
            info.dwNotifyStatus = platform::notify_pre;
            info.dwOperationStatus = 0;
            info.lpContext = nullptr;
            const wn_status answer = call(i, info);
            calls_.push_back({number, op, phase::pre, i, wn_status::success, nullptr, info.lpContext, answer});
            if (answer != wn_status::success) {
                result.status = answer; // no post for the notifyee that refused
                result.vetoed_by = i;
                break;
            }
            contexts[i] = info.lpContext;
        }
        if (result.vetoed_by && !options_.post_after_veto) {
            operations_.back().result = result;
            return result;
        }
        const wn_status outcome = result.vetoed_by ? wn_status::success : wn_status{providers()};
        operations_[number - 1].outcome = outcome;
        const wn_status status = result.vetoed_by ? result.status : outcome;
        before_post(status == wn_status::success);
        for (std::size_t i = 0; i < notifyees_.size(); ++i) {
            for (unsigned repeat = 0; contexts[i] != nullptr && repeat < options_.post_calls; ++repeat) {
                platform::notify_info info{};
                info.dwNotifyStatus = platform::notify_post;
                info.dwOperationStatus = static_cast<platform::dword>(to_underlying(status));
                info.lpContext = contexts[i];
                const wn_status answer = call(i, info);
                calls_.push_back({number, op, phase::post, i, status, contexts[i], info.lpContext, answer});
            }
        }
        if (!result.vetoed_by) {
            result.status = outcome;
        }
        operations_.back().result = result;
        return result;
    }

    router_options options_;
    std::vector<notifyee> notifyees_;
    std::vector<call_record> calls_;
    std::vector<operation_record> operations_;
};

} // namespace mprnotify::testing
