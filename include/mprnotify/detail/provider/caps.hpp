// mprnotify/detail/provider/caps.hpp - the table of NP functions, and NPGetCaps computed from it.
//
// Each row of MPRNOTIFY_NP_FUNCTIONS (provider/np_functions.hpp) becomes a type np_<member>. The
// export macro exports a function exactly when its row says the handler has it, and NPGetCaps
// answers exactly the bits of those rows: a caps mask that disagrees with the exports cannot be
// written. A function without a bit (NPGetUniversalName: MPR finds it by name) has caps_index 0.
#pragma once

#include <cstdint>
#include <type_traits>

#include "../../core/operation.hpp"
#include "../../core/platform.hpp"
#include "../../core/platform_provider.hpp"
#include "../../provider/np_functions.hpp"
#include "hooks.hpp"

namespace mprnotify::detail {

/// NPOpenEnum's caps_bit: the scopes the handler enumerates (WNNC_ENUMERATION's bits, one per scope).
struct scopes_of_handler {};
inline constexpr scopes_of_handler scopes{};

/// A row's caps bit for H: the constant, or the scopes H enumerates.
template <class H, auto Bit>
constexpr platform::dword caps_bits() noexcept
{
    if constexpr (std::is_same_v<std::remove_cvref_t<decltype(Bit)>, scopes_of_handler>) {
        return static_cast<platform::dword>(enumerated_scopes<H>());
    } else {
        return static_cast<platform::dword>(Bit);
    }
}

/// A row of the table. `Present` is the hook description whose present<H> decides the export.
template <class Present, platform::dword CapsIndex, auto CapsBit>
struct np_function {
    template <class H>
    static constexpr bool exported = Present::template present<H>;
    static constexpr platform::dword caps_index = CapsIndex;
    /// The bits this row adds to NPGetCaps(caps_index) for H.
    template <class H>
    static constexpr platform::dword bits = exported<H> ? caps_bits<H, CapsBit>() : 0U;
};

namespace wnnc = platform::wnnc;

/// One row of MPRNOTIFY_NP_FUNCTIONS as a type, named np_<member> (np_get_user, ...).
#define MPRNOTIFY_DETAIL_NP_ROW(Name, member, bytes, arity, hook, index, bit, op, sizes, ...)                          \
  struct np_##member : np_function<hook, index, bit> {                                                                 \
    static constexpr const char* name = #Name;                                                                         \
    using signature = platform::np_signature::Name;                                                                    \
    static constexpr operation id = operation::op;                                                                     \
    static constexpr bool sizes_buffer = sizes;                                                                        \
  };
MPRNOTIFY_NP_FUNCTIONS(MPRNOTIFY_DETAIL_NP_ROW)
#undef MPRNOTIFY_DETAIL_NP_ROW

/// The rows, and what follows from them for a handler.
template <class... Rows>
struct np_table {
    /// The bits of NPGetCaps(index) for H: the OR of the bits of every row H has.
    template <class H>
    static constexpr platform::dword caps(platform::dword index) noexcept
    {
        return ((Rows::caps_index == index ? Rows::template bits<H> : 0U) | ... | 0U);
    }
    /// How many NP functions H exports besides NPGetCaps.
    template <class H>
    static constexpr std::size_t exported_count = ((Rows::template exported<H> ? 1U : 0U) + ... + 0U);
};

template <class... Rows>
struct np_table_of;
template <class... Rows>
struct np_table_of<void, Rows...> {
    using type = np_table<Rows...>;
};

#define MPRNOTIFY_DETAIL_NP_ROW_TYPE(Name, member, ...) , np_##member
using np_functions = np_table_of<void MPRNOTIFY_NP_FUNCTIONS(MPRNOTIFY_DETAIL_NP_ROW_TYPE)>::type;
#undef MPRNOTIFY_DETAIL_NP_ROW_TYPE

/// NPGetCaps(Index) for H, as a constant.
template <class H, platform::dword Index>
inline constexpr platform::dword caps_v = np_functions::caps<H>(Index);

/// WNNC_START's answer: 1 (started). A provider built on this library has no service to wait for.
inline constexpr platform::dword started = 1;

/// NPGetCaps for H: constants for the fixed indexes, computed masks for the sets, 0 for anything else.
template <class H>
[[nodiscard]] constexpr platform::dword get_caps(platform::dword index) noexcept
{
    switch (index) {
    case wnnc::spec_version: return wnnc::spec_version_51;
    case wnnc::net_type: return static_cast<platform::dword>(H::net_type);
    case wnnc::driver_version:
        if constexpr (has_driver_version<H>) {
            return static_cast<platform::dword>(H::driver_version);
        } else {
            return 0;
        }
    case wnnc::start: return started;
    case wnnc::user: return caps_v<H, wnnc::user>;
    case wnnc::connection: return caps_v<H, wnnc::connection>;
    case wnnc::dialog: return caps_v<H, wnnc::dialog>;
    case wnnc::admin: return caps_v<H, wnnc::admin>;
    case wnnc::enumeration: return caps_v<H, wnnc::enumeration>;
    default: return 0;
    }
}

} // namespace mprnotify::detail
