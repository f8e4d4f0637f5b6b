// mprnotify/detail/provider/boundary.hpp - what every NP function's body shares: MPR's strings as
// wide whatever TCHAR the SDK names, a failed call's answer, and the two runners for lookup hooks
// (a returned value, or one written in place through an answer object).
//
// The bodies (connection_entry_points, browse_entry_points, connection_info_entry_points,
// credential_entry_points) answer a wn_status; provider_entry_points wraps each in the export
// signature, where the DWORD conversion and the last-error guard happen once.
#pragma once

#include <cstddef>
#include <optional>
#include <type_traits>
#include <utility>

#include "../../core/config.hpp"
#include "../../core/failure.hpp"
#include "../../core/operation.hpp"
#include "../../core/platform.hpp"
#include "../../core/platform_provider.hpp"
#include "../../core/policy.hpp"
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
#define MPRNOTIFY_DETAIL_NP_SIZES(Name, member, bytes, arity, hook, index, bit, id, sizes, ...)                        \
  if (op == operation::id) {                                                                                           \
    return sizes;                                                                                                      \
  }
    MPRNOTIFY_NP_FUNCTIONS(MPRNOTIFY_DETAIL_NP_SIZES)
#undef MPRNOTIFY_DETAIL_NP_SIZES
    return false;
}

/// True when a hook (its returned status, a lookup's refusal, a wn_error) may give `code` as the
/// answer of the NP function reporting `Op`. Never WN_MORE_DATA: where the function fills a buffer
/// only the library knows the size MPR needs, and elsewhere there is no buffer to size. WN_NO_MORE_ENTRIES
/// only from NPEnumResource, where it ends the enumeration.
template <operation Op>
[[nodiscard]] constexpr bool hook_may_answer(wn_status code) noexcept
{
    return code != wn_status::more_data && (Op == operation::enum_resource || code != wn_status::no_more_entries);
}

/// A failed call's answer: never WN_SUCCESS (a deliberate wn_error(WN_SUCCESS) included), nor a
/// code hook_may_answer() refuses; those become declined(Op). The failure was reported to on_error
/// when it was recorded.
template <operation Op, class Report>
[[nodiscard]] wn_status failed(const Report& r) noexcept
{
    const wn_status answer = r.answer();
    if (answer == wn_status::success || !hook_may_answer<Op>(answer)) {
        return declined(Op);
    }
    return answer;
}

/// Reports a hook's answer that the function reporting `Op` cannot give, and answers declined(Op),
/// whatever the policy (the failure names that answer).
template <operation Op, class Handler>
MPRNOTIFY_DETAIL_NOINLINE wn_status decline_unanswerable(wn_status code) noexcept
{
    const char* const why =
        code == wn_status::no_more_entries ? "a hook answered WN_NO_MORE_ENTRIES, which only NPEnumResource answers"
        : sizes_buffer(Op) ? "a hook answered WN_MORE_DATA itself; the library sizes MPR's buffer and reports that"
                           : "a hook answered WN_MORE_DATA, but this function has no buffer to size";
    call_report<Handler, use_error_codes<>> r{Op, phase::unknown};
    return r.fail(failure_site::provider_hook, why, declined(Op));
}

/// A hook's own answer (a returned status or a lookup's refusal) as the function reporting `Op`
/// gives it to MPR: unchanged, unless hook_may_answer() refuses it.
template <operation Op, class Handler>
[[nodiscard]] wn_status hook_answer(wn_status code) noexcept
{
    if (hook_may_answer<Op>(code)) [[likely]] {
        return code;
    }
    return decline_unanswerable<Op, Handler>(code);
}

/// Runs a lookup hook (it answers std::optional<V> or lookup<V>) and writes its value with `write`.
/// "Not mine" (std::nullopt, or a lookup's WN_NOT_CONNECTED) is answered `not_mine`, in the calling
/// function's words; a refusal hook_answer() does not pass (WN_MORE_DATA: only the library sizes
/// MPR's buffer) is reported and declined.
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
    if (status != wn_status::success) {
        return hook_answer<Op, std::remove_pointer_t<decltype(handler)>>(status);
    }
    return write(value_of(*answer));
}

/// Reports a hook that misused its answer object and answers declined(Op), whatever the policy:
/// MPR's buffer may hold a whole answer, but the call does not say WN_SUCCESS, so MPR never reads it.
template <operation Op, class Handler>
MPRNOTIFY_DETAIL_NOINLINE wn_status decline_misanswered(const char* why) noexcept
{
    call_report<Handler, use_error_codes<>> r{Op, phase::unknown};
    return r.fail(failure_site::provider_hook, why, declined(Op));
}

/// The answer of an in-place call off the usual path (settle_in_place): set() more than once, or
/// WN_SUCCESS without a set(), is reported and declined; otherwise the hook's own code.
template <operation Op, class Handler>
MPRNOTIFY_DETAIL_NOINLINE wn_status settle_unusual(const answer_record& record, wn_status returned,
                                                   wn_status not_mine) noexcept
{
    if (record.sets() > 1) {
        return decline_misanswered<Op, Handler>("a lookup hook called its answer's set() more than once");
    }
    if (record.sets() == 0 && returned == wn_status::success) {
        return decline_misanswered<Op, Handler>("a lookup hook answered WN_SUCCESS without calling its answer's set()");
    }
    return returned == wn_status::not_connected ? not_mine : hook_answer<Op, Handler>(returned);
}

/// The answer of a call whose hook wrote in place: what its one set() answered when the hook
/// returned that or WN_SUCCESS; "not mine" for WN_NOT_CONNECTED without a set(); the rest out of line.
template <operation Op, class Handler>
[[nodiscard]] MPRNOTIFY_DETAIL_INLINE wn_status settle_in_place(const answer_record& record, wn_status returned,
                                                                wn_status not_mine) noexcept
{
    if (record.sets() == 1 && (returned == record.result() || returned == wn_status::success)) [[likely]] {
        return record.result();
    }
    if (record.sets() == 0 && returned == wn_status::not_connected) {
        return not_mine;
    }
    return settle_unusual<Op, Handler>(record, returned, not_mine);
}

/// Runs an in-place lookup hook: `hook(handler, answer)` writes through `answer` (made for this
/// call over MPR's buffer) while the handler holds its own lock; a throw answers as any hook's does.
template <operation Op, class Report, class Answer, class Hook>
[[nodiscard]] wn_status answer_in_place(wn_status not_mine, Answer& answer, Hook&& hook) noexcept
{
    Report r{Op, phase::unknown};
    auto* const handler = r.handler();
    if (handler == nullptr) {
        return failed<Op>(r);
    }
    wn_status returned = wn_status::success;
    if (!r.attempt(failure_site::provider_hook, [&] { returned = hook(*handler, answer); })) {
        return failed<Op>(r);
    }
    return settle_in_place<Op, std::remove_pointer_t<decltype(handler)>>(answer_access::record(answer), returned,
                                                                         not_mine);
}

} // namespace mprnotify::detail
