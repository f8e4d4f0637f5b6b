// mprnotify/detail/provider/boundary.hpp - what every NP function's body shares: MPR's strings as
// wide whatever TCHAR the SDK names, a failed call's answer, and the one runner for lookup hooks.
//
// The bodies (connection_entry_points, browse_entry_points, connection_info_entry_points,
// credential_entry_points) answer a wn_status; provider_entry_points wraps each in the export
// signature, where the DWORD conversion and the last-error guard happen once.
#pragma once

#include <cstddef>
#include <optional>
#include <type_traits>
#include <utility>

#include "../../core/failure.hpp"
#include "../../core/operation.hpp"
#include "../../core/platform.hpp"
#include "../../core/platform_provider.hpp"
#include "../../core/status.hpp"
#include "../../provider/lookup.hpp"
#include "../../provider/np_functions.hpp"
#include "../core/call_report.hpp"
#include "policy.hpp"

namespace mprnotify::detail {

/// The report of one provider call: Handler's on_error hook, and Policy as a provider answers it.
template <class Handler, class Policy>
using provider_report = call_report<Handler, provider_policy<Policy>>;

/// Parameter I of the NP function of `Row` (a row type np_<member>), as the SDK declares it.
template <class Row, std::size_t I>
using param_of = typename platform::parameters<typename Row::signature>::template at<I>;

/// MPR passes wide strings and structures whatever TCHAR the SDK prototype names.
inline wchar_t* wide(wchar_t* text) noexcept { return text; }
inline wchar_t* wide(char* text) noexcept
{
    return reinterpret_cast<wchar_t*>(text); // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
}
inline const wchar_t* wide(const wchar_t* text) noexcept { return text; }
template <class Resource>
requires(sizeof(Resource) == sizeof(platform::net_resource_w) &&
         std::is_class_v<Resource>) const platform::net_resource_w* wide(Resource* resource) noexcept
{
    return reinterpret_cast<const platform::net_resource_w*>(resource); // same layout: platform.hpp
}

/// True when the NP function reporting `op` fills a buffer MPR sized (the table's sizes_buffer).
[[nodiscard]] constexpr bool sizes_buffer(operation op) noexcept
{
#define MPRNOTIFY_DETAIL_NP_SIZES(Name, member, bytes, arity, hook, index, bit, id, sizes)                             \
  if (op == operation::id) {                                                                                           \
    return sizes;                                                                                                      \
  }
    MPRNOTIFY_NP_FUNCTIONS(MPRNOTIFY_DETAIL_NP_SIZES)
#undef MPRNOTIFY_DETAIL_NP_SIZES
    return false;
}

/// A failed call's answer: never WN_SUCCESS (a deliberate wn_error(WN_SUCCESS) included), and for
/// a function that fills a buffer never WN_MORE_DATA, whose size only the library reports.
template <operation Op, class Report>
[[nodiscard]] wn_status failed(const Report& r) noexcept
{
    const wn_status answer = r.answer();
    if (answer == wn_status::success || (sizes_buffer(Op) && answer == wn_status::more_data)) {
        return declined(Op);
    }
    return answer;
}

/// Runs a lookup hook (it answers std::optional<V> or lookup<V>) and writes its value with `write`.
/// "Not mine" (std::nullopt, or a lookup's WN_NOT_CONNECTED) is answered `not_mine`, in the calling
/// function's words; a hook answering WN_MORE_DATA itself is a failure: only the library sizes
/// MPR's buffer.
template <operation Op, class Report, class Hook, class Write>
[[nodiscard]] wn_status answer_lookup(wn_status not_mine, Hook&& hook, Write&& write) noexcept
{
    Report r{Op, phase::unknown};
    auto* const handler = r.handler();
    if (handler == nullptr) {
        return failed<Op>(r);
    }
    using answer_type = decltype(hook(*handler));
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

} // namespace mprnotify::detail
