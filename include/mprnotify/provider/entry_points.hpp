// mprnotify/provider/entry_points.hpp - the boundary of a network provider: the only code that
// touches the raw pointers MPR passes to the NP functions.
//
// provider_entry_points<Handler, Policy> turns a plain handler class into the NP functions, with
// the exact npapi.h signatures. Data flows one way:
//     MPR -> checks -> view -> hook -> answer -> buffer writer -> MPR
// Rules it enforces (docs/provider.md):
//   - NPGetCaps is computed from the hooks at compile time; it runs no user code.
//   - Everything MPR passes is checked before it is read: a NULL NETRESOURCE, name, path or size
//     pointer, or a NULL buffer with a non-zero size, is WN_BAD_POINTER; a NULL remote name is
//     WN_BAD_NETNAME; an unknown info level is WN_BAD_LEVEL. The hook is not called then.
//   - The library writes lookups into MPR's buffer : the right unit,
//     WN_MORE_DATA with the needed size, never a byte past the buffer.
//   - No exception escapes (one translator); a failure never answers WN_SUCCESS; the thread's
//     last-error value is left as it was (the guard in each entry point below).
//   - The handler is the same instance the notification exports use (handler_instance<Handler>).
#pragma once

#include <cstddef>
#include <string_view>

#include "../core/platform.hpp"
#include "../core/platform_provider.hpp"
#include "../core/operation.hpp"
#include "../core/policy.hpp"
#include "../core/status.hpp"
#include "../detail/core/handler_instance.hpp"
#include "../detail/provider/browse_entry_points.hpp"
#include "../detail/provider/caps.hpp"
#include "../detail/provider/connection_entry_points.hpp"
#include "../detail/provider/connection_info_entry_points.hpp"
#include "../detail/provider/credential_entry_points.hpp"
#include "../detail/provider/enumeration_entry_points.hpp"
#include "../detail/provider/hooks.hpp"
#include "../detail/provider/observer.hpp"
#include "call_record.hpp"
#include "np_functions.hpp"

namespace mprnotify {

namespace detail {
/// Every NP function's body for Handler, found by its row's member name.
template <class Handler, class Policy>
struct np_bodies : connection_entry_points<Handler, Policy>,
                   enumeration_entry_points<Handler, Policy>,
                   browse_entry_points<Handler, Policy>,
                   connection_info_entry_points<Handler, Policy>,
                   credential_entry_points<Handler, Policy> {
};
} // namespace detail

/// The NP functions for Handler, one per row of MPRNOTIFY_NP_FUNCTIONS plus NPGetCaps, each with
/// the SDK's exact signature.
template <class Handler, policy Policy = fail_open>
class provider_entry_points {
    static_assert(detail::validate_provider<Handler>());
    static_assert(!detail::declares_on_call<Handler> || detail::has_on_call<Handler>,
                  "mprnotify: on_call must be declared void on_call(const mprnotify::call_record&) noexcept");
    using bodies = detail::np_bodies<Handler, Policy>;

public:
    using handler_type = Handler;
    using policy_type = Policy;

    /// True when Handler has what NP function `Row` (a row type np_<member>) needs: it is exported.
    template <class Row>
    static constexpr bool exports = Row::template exported<Handler>;

    /// True when the DLL exports the NP function of that plain name ("NPGetUser"): NPGetCaps always,
    /// every other exactly when Handler has its hook.
    [[nodiscard]] static constexpr bool exports_function(std::string_view np_name) noexcept
    {
#define MPRNOTIFY_DETAIL_NP_EXPORTED(Name, member, ...)                                                                \
  if (np_name == #Name) {                                                                                              \
    return exports<detail::np_##member>;                                                                               \
  }
        MPRNOTIFY_NP_FUNCTIONS(MPRNOTIFY_DETAIL_NP_EXPORTED)
#undef MPRNOTIFY_DETAIL_NP_EXPORTED
        return np_name == "NPGetCaps";
    }

    /// NPGetCaps: computed at compile time from the hooks; runs no user code.
    static platform::dword MPRNOTIFY_APIENTRY get_caps(MPRNOTIFY_DETAIL_NP_PARAM(NPGetCaps, 0) index) noexcept
    {
        return detail::get_caps<Handler>(index);
    }

    // One entry point per row: the body's wn_status as the DWORD MPR reads, with the thread's last
    // error kept as it was; timed and reported to the handler's on_call observer when it has one.
#define MPRNOTIFY_DETAIL_NP_ENTRY_POINT(Name, member, bytes, arity, hook, index, bit, op, sizes, subject)              \
  static platform::dword MPRNOTIFY_APIENTRY member(MPRNOTIFY_DETAIL_NP_PARAMS(Name, arity)) noexcept                   \
  {                                                                                                                    \
    [[maybe_unused]] const platform::last_error_guard keep_last_error;                                                 \
    if constexpr (detail::has_on_call<Handler>) {                                                                      \
      return to_dword(detail::observed<Handler>(                                                                       \
          operation::op, [&] { return bodies::member(MPRNOTIFY_DETAIL_NP_ARGS(arity)); },                              \
          [&] { return MPRNOTIFY_DETAIL_NP_SUBJECT_##subject; }));                                                     \
    } else {                                                                                                           \
      return to_dword(bodies::member(MPRNOTIFY_DETAIL_NP_ARGS(arity)));                                                \
    }                                                                                                                  \
  }
    MPRNOTIFY_NP_FUNCTIONS(MPRNOTIFY_DETAIL_NP_ENTRY_POINT)
#undef MPRNOTIFY_DETAIL_NP_ENTRY_POINT

    /// The process's handler instance, the one every NP function (and MPRNOTIFY_EXPORT, for a class
    /// that is both) uses, created on first use: for tests and forwarding code. Called from the
    /// handler's own constructor or after its destruction it throws wn_error(WN_FUNCTION_BUSY), or
    /// ends the program in a build without exceptions.
    static Handler& handler() { return detail::handler_for_caller<Handler>(); }

private:
    static constexpr platform::dword to_dword(wn_status status) noexcept
    {
        return static_cast<platform::dword>(to_underlying(status));
    }

public:
    /// How many enumeration handles are open (0 without an enumerate hook or a handler).
    [[nodiscard]] static std::size_t open_enumerations() noexcept { return bodies::open_enumerations(); }
};

} // namespace mprnotify
