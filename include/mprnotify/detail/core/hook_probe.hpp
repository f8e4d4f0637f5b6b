// mprnotify/detail/core/hook_probe.hpp - finding a handler's hooks by name at compile time, shared
// by the notifyee and provider hook descriptions.
#pragma once

#include <concepts>
#include <type_traits>
#include <utility>

#include "../../core/failure.hpp"

namespace mprnotify::detail {

/// Converts to C&& and nothing else: an after-hook whose context parameter is merely constructible
/// from C (a second user-defined conversion) is not callable with it.
template <class C>
struct exactly {
    operator C&&() const; // NOLINT(google-explicit-constructor): never defined, only for detection
};

/// Stands in for a final handler, which cannot be derived from.
struct final_stand_in {};

/// Does H declare a member called `member`, whatever its kind or signature (overloads included)?
/// A class derived from H and from a probe with a member of that name finds the name ambiguous
/// exactly when H declares it. A final H cannot be derived from; it is asked whether the name can
/// be taken the address of.
#define MPRNOTIFY_DETAIL_MEMBER_PROBE(member)                                                                          \
  struct probe_##member {                                                                                              \
    int member;                                                                                                        \
  };                                                                                                                   \
  template <class H>                                                                                                   \
  struct find_##member : std::conditional_t<std::is_final_v<H>, final_stand_in, H>, probe_##member {                   \
  };                                                                                                                   \
  template <class H, class = void>                                                                                     \
  inline constexpr bool declares_##member = !std::is_final_v<H>;                                                       \
  template <class H>                                                                                                   \
  inline constexpr bool declares_##member<H, std::enable_if_t<std::is_final_v<H>, decltype(void(&H::member))>> = true; \
  template <class H>                                                                                                   \
  inline constexpr bool                                                                                                \
      declares_##member<H, std::enable_if_t<!std::is_final_v<H>, decltype(void(&find_##member<H>::member))>> = false

MPRNOTIFY_DETAIL_MEMBER_PROBE(on_error);

/// True for any type: a constraint on it is satisfied exactly when the type can be formed.
template <class>
inline constexpr bool well_formed = true;

/// True when H declares `void on_error(const mprnotify::failure&) noexcept`.
template <class H>
concept has_on_error = std::is_void_v<decltype(std::declval<H&>().on_error(std::declval<const failure&>()))> &&
    noexcept(std::declval<H&>().on_error(std::declval<const failure&>()));

} // namespace mprnotify::detail
