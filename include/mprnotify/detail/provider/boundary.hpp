// mprnotify/detail/provider/boundary.hpp - what every part of the provider boundary shares: the
// WN code as the DWORD MPR reads, MPR's strings as wide whatever TCHAR the SDK names, a failed
// call's answer, and the one runner for lookup hooks.
//
// browse_entry_points, connection_info_entry_points and credential_entry_points derive from it,
// and provider_entry_points through them.
#pragma once

#include <optional>
#include <type_traits>
#include <utility>

#include "../../core/failure.hpp"
#include "../../provider/lookup.hpp"
#include "../../core/operation.hpp"
#include "../../core/platform.hpp"
#include "../../core/status.hpp"
#include "../core/call_report.hpp"
#include "policy.hpp"

namespace mprnotify::detail {

template <class Handler, class Policy>
class provider_boundary {
protected:
    using report = call_report<Handler, provider_policy<Policy>>;

    static constexpr platform::dword to_dword(wn_status status) noexcept
    {
        return static_cast<platform::dword>(to_underlying(status));
    }

    /// MPR passes wide strings and structures whatever TCHAR the SDK prototype names.
    static wchar_t* wide(wchar_t* text) noexcept { return text; }
    static wchar_t* wide(char* text) noexcept
    {
        return reinterpret_cast<wchar_t*>(text); // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
    }
    static const wchar_t* wide(const wchar_t* text) noexcept { return text; }
    template <class Resource>
    requires(sizeof(Resource) == sizeof(platform::net_resource_w) &&
             std::is_class_v<Resource>) static const platform::net_resource_w* wide(Resource* resource) noexcept
    {
        return reinterpret_cast<const platform::net_resource_w*>(resource); // same layout: platform.hpp
    }

    /// A failed call's answer: never WN_SUCCESS (a deliberate wn_error(WN_SUCCESS) included), and
    /// for a function that returns a buffer never WN_MORE_DATA, whose size only the library reports.
    template <operation Op>
    static wn_status failed(const report& r) noexcept
    {
        constexpr bool sizes_buffer = Op == operation::get_connection || Op == operation::get_universal_name ||
                                      Op == operation::get_user || Op == operation::get_resource_information ||
                                      Op == operation::get_resource_parent || Op == operation::format_network_name ||
                                      Op == operation::enum_resource || Op == operation::get_connection_state ||
                                      Op == operation::get_connection_performance;
        const wn_status answer = r.answer();
        if (answer == wn_status::success || (sizes_buffer && answer == wn_status::more_data)) {
            return declined(Op);
        }
        return answer;
    }

    /// Runs a lookup hook (it answers std::optional<V> or lookup<V>) and writes its value with
    /// `write`. "Not mine" (std::nullopt, or a lookup's WN_NOT_CONNECTED) is answered `not_mine`, in
    /// the calling function's words; a hook answering WN_MORE_DATA itself is a failure: only the
    /// library sizes MPR's buffer.
    template <operation Op, class Hook, class Write>
    static wn_status answer_lookup(wn_status not_mine, Hook&& hook, Write&& write) noexcept
    {
        using answer_type = decltype(hook(std::declval<Handler&>()));
        report r{Op, phase::unknown};
        Handler* handler = r.handler();
        if (handler == nullptr) {
            return failed<Op>(r);
        }
        std::optional<answer_type> answer;
        if (!r.attempt(failure_site::provider_hook, [&] { answer.emplace(hook(*handler)); })) {
            return failed<Op>(r);
        }
        const wn_status status = status_of(*answer);
        if (status == wn_status::not_connected) {
            return not_mine;
        }
        if (status == wn_status::more_data) {
            r.fail(failure_site::provider_hook,
                   "a lookup answered WN_MORE_DATA itself; the library sizes MPR's buffer and reports that");
            return failed<Op>(r);
        }
        if (status != wn_status::success) {
            return status;
        }
        return write(value_of(*answer));
    }
};

} // namespace mprnotify::detail
