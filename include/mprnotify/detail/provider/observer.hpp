// mprnotify/detail/provider/observer.hpp - the optional per-call observer (on_call): finding it, the
// subject of each NP function (its row's subject column), and timing a call for it.
#pragma once

#include <type_traits>
#include <utility>

#include "../../core/nullable_wstring.hpp"
#include "../../core/operation.hpp"
#include "../../core/platform.hpp"
#include "../../core/status.hpp"
#include "../../provider/call_record.hpp"
#include "../core/handler_instance.hpp"
#include "../core/hook_probe.hpp"
#include "boundary.hpp"

namespace mprnotify::detail {

MPRNOTIFY_DETAIL_MEMBER_PROBE(on_call);

/// True when H declares `void on_call(const mprnotify::call_record&) noexcept`.
template <class H>
concept has_on_call = std::is_void_v<decltype(std::declval<H&>().on_call(std::declval<const call_record&>()))> &&
    noexcept(std::declval<H&>().on_call(std::declval<const call_record&>()));

/// A name argument as the observer's subject (wide() reads it whatever TCHAR the SDK names).
template <class Text>
[[nodiscard]] nullable_wstring subject_name(Text* name) noexcept
{
    return nullable_wstring{wide(name)};
}
/// A NETRESOURCE argument's remote name as the subject (NULL for a NULL structure).
template <class Resource>
requires std::is_class_v<Resource>
[[nodiscard]] nullable_wstring subject_resource(Resource* resource) noexcept
{
    return resource == nullptr ? nullable_wstring{} : nullable_wstring{wide(resource)->lpRemoteName};
}

/// Runs `body` (an NP function's body, answering a wn_status) and tells H's on_call what happened.
/// The handler is not created for it: a call that never made one is not reported.
template <class H, class Body, class Subject>
[[nodiscard]] wn_status observed(operation op, Body&& body, Subject&& subject) noexcept
{
    const auto began = std::chrono::steady_clock::now();
    const wn_status result = std::forward<Body>(body)();
    if (H* handler = handler_instance<H>::existing()) {
        const auto took = std::chrono::steady_clock::now() - began;
        handler->on_call(call_record{op, std::forward<Subject>(subject)(), result,
                                     std::chrono::duration_cast<std::chrono::nanoseconds>(took)});
    }
    return result;
}

} // namespace mprnotify::detail
