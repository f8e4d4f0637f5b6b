// mprnotify/detail/provider/hooks.hpp - which network-provider hooks a handler has, found at
// compile time, and the rules each one must follow (docs/provider.md):
//     static constexpr std::uint32_t net_type = 0x00XX0000;   required: WNNC_NET_TYPE's answer
//     static constexpr std::uint32_t driver_version = N;      optional: WNNC_DRIVER_VERSION's answer
//     static constexpr std::wstring_view provider_name = L"..."; optional: lpProvider of every NETRESOURCE
//                                                             packed without a provider of its own
//     mprnotify::wn_status connect(const mprnotify::connect_request&);        NPAddConnection(3)
//     mprnotify::wn_status disconnect(const mprnotify::disconnect_request&);  NPCancelConnection
//     Answer connection_of(mprnotify::wzstring_view local_name);             NPGetConnection
//     Answer universal_name_of(std::wstring_view local_path);                NPGetUniversalName
//     Answer user_of(mprnotify::nullable_wstring name);                      NPGetUser
//         or, in place: wn_status connection_of(wzstring_view, name_answer&),
//         universal_name_of(std::wstring_view, universal_name_answer&), user_of(nullable_wstring, name_answer&)
//     static constexpr mprnotify::enum_scopes enumerates = ...;  with
//     Sequence enumerate(const mprnotify::enum_request&);         NPOpenEnum / NPEnumResource / NPCloseEnum
//     static constexpr bool enumerate_applies_filter = true;    optional: enumerate returns only what the
//                                                             request's dwType / dwUsage select
//     Answer resource_information(const mprnotify::resource_request&);       NPGetResourceInformation
//     Answer resource_parent(const mprnotify::resource_request&);            NPGetResourceParent
//     Answer format_network_name(const mprnotify::format_request&);          NPFormatNetworkName
//     Answer connection_state_of(mprnotify::wzstring_view local_name);       NPGetConnection3
//     Answer connection_performance_of(mprnotify::wzstring_view name);       NPGetConnectionPerformance
//     Script on_logon(const mprnotify::logon_request&);                      NPLogonNotify
//     mprnotify::wn_status on_password_change(const mprnotify::password_change_request&);
//                                                                            NPPasswordChangeNotify
// where Answer is std::optional<V> or mprnotify::lookup<V> (lookup.hpp), and Script is
// mprnotify::wn_status or std::optional<std::wstring> (the logon script; std::nullopt: none).
// A member named like a hook whose signature does not fit is a compile error with its own
// message, never silently ignored; so is a connect without a disconnect (a misspelt disconnect
// would otherwise drop NPCancelConnection from the exports). Every hook is described once, by one
// macro; a new NP function adds one line here and one row in provider/np_functions.hpp.
#pragma once

#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "../../provider/connect_request.hpp"
#include "../../provider/connection_info.hpp"
#include "../../provider/enumeration.hpp"
#include "../../provider/logon_request.hpp"
#include "../../provider/lookup.hpp"
#include "../../core/nullable_wstring.hpp"
#include "../../core/registry_input.hpp"
#include "../../provider/resource_information.hpp"
#include "../../provider/resource_packing.hpp"
#include "../../core/status.hpp"
#include "../../core/wzstring_view.hpp"
#include "../core/hook_probe.hpp"

namespace mprnotify::detail {

/// The answer object of a hook that has no in-place form (no hook takes one).
struct no_in_place_answer {};

/// Answers a connect or disconnect hook may give.
template <class R>
inline constexpr bool is_status_answer = std::is_same_v<R, wn_status>;
/// Answers on_logon may give: a status, or the logon script (std::nullopt: none, WN_SUCCESS).
template <class R>
inline constexpr bool is_logon_answer =
    std::is_same_v<R, wn_status> || std::is_same_v<R, std::optional<std::wstring>> ||
    std::is_same_v<R, std::optional<std::wstring_view>>;
/// Answers connection_state_of and connection_performance_of may give.
template <class R>
inline constexpr bool is_state_answer = std::is_same_v<lookup_value_t<R>, connection_state>;
template <class R>
inline constexpr bool is_performance_answer = std::is_same_v<lookup_value_t<R>, connection_performance>;
/// Answers a name lookup (connection_of, user_of) may give.
template <class R>
inline constexpr bool is_name_answer =
    std::is_same_v<lookup_value_t<R>, std::wstring> || std::is_same_v<lookup_value_t<R>, std::wstring_view>;
/// Answers universal_name_of may give.
template <class R>
inline constexpr bool is_universal_name_answer =
    std::is_same_v<lookup_value_t<R>, universal_name> || std::is_same_v<lookup_value_t<R>, universal_name_view>;

/// Answers an enumerate hook may give: a sequence, or lookup<sequence> (enumeration.hpp).
template <class R>
inline constexpr bool is_enumeration_answer =
    resource_sequence<std::remove_cvref_t<R>> || resource_sequence<lookup_value_t<R>>;
/// Answers resource_information may give.
template <class R>
inline constexpr bool is_information_answer = std::is_same_v<lookup_value_t<R>, resource_information>;
/// Answers resource_parent may give.
template <class R>
inline constexpr bool is_parent_answer = std::is_same_v<lookup_value_t<R>, net_resource>;

// Macro body laid out by hand.
// clang-format off
/// One provider hook: whether the handler declares the name, whether it can be called with the
/// argument MPR's request becomes, whether the answer has an accepted type, and the two messages.
// NOLINTBEGIN(bugprone-macro-parentheses): the arguments name a hook, types and a template
#define MPRNOTIFY_DETAIL_DESCRIBE_PROVIDER_HOOK(hook, argument_type, answer_check, signature_text, answer_text,         \
                                                in_place_answer_type)                                                  \
    MPRNOTIFY_DETAIL_MEMBER_PROBE(hook);                                                                               \
    struct hook##_hook {                                                                                               \
        using argument = argument_type;                                                                                \
        using in_place_answer = in_place_answer_type;                                                                  \
        template <class H>                                                                                             \
        static auto call(H& h, const argument& a) -> decltype(h.hook(a))                                               \
        {                                                                                                              \
            return h.hook(a);                                                                                          \
        }                                                                                                              \
        /** The in-place form: the hook writes its value through the answer object, returns a status. */              \
        template <class H>                                                                                             \
        static wn_status call_in_place(H& h, const argument& a, in_place_answer& answer)                               \
        {                                                                                                              \
            return h.hook(a, answer);                                                                                  \
        }                                                                                                              \
        template <class H>                                                                                             \
        static constexpr bool declared = declares_##hook<H>;                                                           \
        template <class H>                                                                                             \
        static constexpr bool in_place = requires(H& h, const argument& a, in_place_answer& answer) {                 \
            { h.hook(a, answer) } -> std::same_as<wn_status>;                                                          \
        };                                                                                                             \
        template <class H>                                                                                             \
        static constexpr bool callable = requires(H& h, const argument& a) { call(h, a); } || in_place<H>;            \
        template <class H>                                                                                             \
        static constexpr bool answers_right = [] {                                                                     \
            if constexpr (in_place<H>) {                                                                               \
                return true;                                                                                           \
            } else if constexpr (callable<H>) {                                                                        \
                return answer_check<decltype(call(std::declval<H&>(), std::declval<const argument&>()))>;              \
            } else {                                                                                                   \
                return false;                                                                                          \
            }                                                                                                          \
        }();                                                                                                           \
        /** The hook is there and right: the library exports its NP function(s). */                                    \
        template <class H>                                                                                             \
        static constexpr bool present = declared<H> && callable<H> && answers_right<H>;                                \
        template <class H>                                                                                             \
        static consteval bool validate()                                                                               \
        {                                                                                                              \
            static_assert(!declared<H> || callable<H>,                                                                 \
                          "mprnotify: " #hook " has the wrong parameters or is overloaded; expected " signature_text); \
            static_assert(!callable<H> || answers_right<H>, "mprnotify: " #hook " must return " answer_text);          \
            return true;                                                                                               \
        }                                                                                                              \
    }
// NOLINTEND(bugprone-macro-parentheses)

MPRNOTIFY_DETAIL_DESCRIBE_PROVIDER_HOOK(connect, connect_request, is_status_answer,
                                        "mprnotify::wn_status connect(const mprnotify::connect_request&)",
                                        "mprnotify::wn_status (WN_SUCCESS, or the code MPR should get)",
                                        no_in_place_answer);
MPRNOTIFY_DETAIL_DESCRIBE_PROVIDER_HOOK(disconnect, disconnect_request, is_status_answer,
                                        "mprnotify::wn_status disconnect(const mprnotify::disconnect_request&)",
                                        "mprnotify::wn_status (WN_SUCCESS, WN_NOT_CONNECTED, WN_OPEN_FILES, ...)",
                                        no_in_place_answer);
// The local name arrives as a wzstring_view; a hook taking std::wstring_view is called through its
// implicit conversion (which measures the name first).
// Each has an in-place form too: wn_status hook(argument, answer&), writing through the answer object.
MPRNOTIFY_DETAIL_DESCRIBE_PROVIDER_HOOK(connection_of, wzstring_view, is_name_answer,
                                        "connection_of(mprnotify::wzstring_view local_name) (or std::wstring_view), "
                                        "or mprnotify::wn_status connection_of(mprnotify::wzstring_view local_name, "
                                        "mprnotify::name_answer& answer)",
                                        "std::optional<std::wstring> or mprnotify::lookup<std::wstring> "
                                        "(std::wstring_view in place of std::wstring also works)",
                                        name_answer);
MPRNOTIFY_DETAIL_DESCRIBE_PROVIDER_HOOK(universal_name_of, std::wstring_view, is_universal_name_answer,
                                        "universal_name_of(std::wstring_view local_path), or mprnotify::wn_status "
                                        "universal_name_of(std::wstring_view local_path, "
                                        "mprnotify::universal_name_answer& answer)",
                                        "std::optional<mprnotify::universal_name> or "
                                        "mprnotify::lookup<mprnotify::universal_name> (or universal_name_view)",
                                        universal_name_answer);
MPRNOTIFY_DETAIL_DESCRIBE_PROVIDER_HOOK(user_of, nullable_wstring, is_name_answer,
                                        "user_of(mprnotify::nullable_wstring name), or mprnotify::wn_status "
                                        "user_of(mprnotify::nullable_wstring name, mprnotify::name_answer& answer)",
                                        "std::optional<std::wstring> or mprnotify::lookup<std::wstring> "
                                        "(std::wstring_view in place of std::wstring also works)",
                                        name_answer);

MPRNOTIFY_DETAIL_DESCRIBE_PROVIDER_HOOK(enumerate, enum_request, is_enumeration_answer,
                                        "enumerate(const mprnotify::enum_request&)",
                                        "a sequence of resources: a range of mprnotify::net_resource (or "
                                        "resource_view), a callable returning std::optional<mprnotify::net_resource>, "
                                        "or mprnotify::lookup<...> of either",
                                        no_in_place_answer);
// These two answer in place too: wn_status hook(const resource_request&, resource_answer& or
// resource_parent_answer&).
MPRNOTIFY_DETAIL_DESCRIBE_PROVIDER_HOOK(resource_information, resource_request, is_information_answer,
                                        "resource_information(const mprnotify::resource_request&), or "
                                        "mprnotify::wn_status resource_information(const mprnotify::resource_request&, "
                                        "mprnotify::resource_answer& answer)",
                                        "std::optional<mprnotify::resource_information> or "
                                        "mprnotify::lookup<mprnotify::resource_information>",
                                        resource_answer);
MPRNOTIFY_DETAIL_DESCRIBE_PROVIDER_HOOK(resource_parent, resource_request, is_parent_answer,
                                        "resource_parent(const mprnotify::resource_request&), or "
                                        "mprnotify::wn_status resource_parent(const mprnotify::resource_request&, "
                                        "mprnotify::resource_parent_answer& answer)",
                                        "std::optional<mprnotify::net_resource> or "
                                        "mprnotify::lookup<mprnotify::net_resource>",
                                        resource_parent_answer);
MPRNOTIFY_DETAIL_DESCRIBE_PROVIDER_HOOK(format_network_name, format_request, is_name_answer,
                                        "format_network_name(const mprnotify::format_request&)",
                                        "std::optional<std::wstring> or mprnotify::lookup<std::wstring> "
                                        "(std::wstring_view in place of std::wstring also works)",
                                        no_in_place_answer);
// Likewise the names of these two (a std::wstring_view hook is called through the conversion).
MPRNOTIFY_DETAIL_DESCRIBE_PROVIDER_HOOK(connection_state_of, wzstring_view, is_state_answer,
                                        "connection_state_of(mprnotify::wzstring_view local_name) (or "
                                        "std::wstring_view)",
                                        "std::optional<mprnotify::connection_state> or "
                                        "mprnotify::lookup<mprnotify::connection_state>",
                                        no_in_place_answer);
MPRNOTIFY_DETAIL_DESCRIBE_PROVIDER_HOOK(connection_performance_of, wzstring_view, is_performance_answer,
                                        "connection_performance_of(mprnotify::wzstring_view name) (or "
                                        "std::wstring_view)",
                                        "std::optional<mprnotify::connection_performance> or "
                                        "mprnotify::lookup<mprnotify::connection_performance>",
                                        no_in_place_answer);
MPRNOTIFY_DETAIL_DESCRIBE_PROVIDER_HOOK(on_logon, logon_request, is_logon_answer,
                                        "on_logon(const mprnotify::logon_request&)",
                                        "mprnotify::wn_status, or std::optional<std::wstring> (the logon script; "
                                        "std::nullopt for none)",
                                        no_in_place_answer);
MPRNOTIFY_DETAIL_DESCRIBE_PROVIDER_HOOK(on_password_change, password_change_request, is_status_answer,
                                        "on_password_change(const mprnotify::password_change_request&)",
                                        "mprnotify::wn_status (WN_SUCCESS, or the code MPR should get)",
                                        no_in_place_answer);

// clang-format on

MPRNOTIFY_DETAIL_MEMBER_PROBE(enumerates);
MPRNOTIFY_DETAIL_MEMBER_PROBE(enumerate_applies_filter);

template <auto Value>
inline constexpr bool is_bool_constant = std::is_same_v<decltype(Value), bool>;

/// A usable enumerate_applies_filter: a static constexpr bool.
template <class H>
concept has_enumerate_applies_filter = requires
{
    H::enumerate_applies_filter;
}
&&is_bool_constant<H::enumerate_applies_filter>;

/// True when H's enumerate applies the request's type and usage itself: the library then skips nothing.
template <class H>
consteval bool enumerate_applies_filter() noexcept
{
    if constexpr (has_enumerate_applies_filter<H>) {
        return H::enumerate_applies_filter;
    } else {
        return false;
    }
}

/// The scopes H enumerates (WNNC_ENUMERATION's answer): none without an enumerate hook.
template <class H>
constexpr enum_scopes enumerated_scopes() noexcept
{
    if constexpr (requires { H::enumerates; }) {
        if constexpr (std::is_same_v<std::remove_cv_t<decltype(H::enumerates)>, enum_scopes>) {
            return enumerate_hook::present<H> ? H::enumerates : enum_scopes::none;
        }
    }
    return enum_scopes::none;
}

/// The enumeration rules: the hook and the scope set come together.
template <class H>
consteval bool validate_enumeration()
{
    static_assert(!enumerate_hook::declared<H> || declares_enumerates<H>,
                  "mprnotify: a provider with an enumerate hook must say which scopes it enumerates: static "
                  "constexpr mprnotify::enum_scopes enumerates = mprnotify::enum_scopes::globalnet; (| connected, "
                  "context, shareable)");
    static_assert(!declares_enumerates<H> || enumerate_hook::declared<H>,
                  "mprnotify: enumerates is declared but there is no enumerate hook to answer NPOpenEnum");
    static_assert(!declares_enumerate_applies_filter<H> || enumerate_hook::declared<H>,
                  "mprnotify: enumerate_applies_filter is declared but there is no enumerate hook");
    static_assert(!declares_enumerate_applies_filter<H> || has_enumerate_applies_filter<H>,
                  "mprnotify: enumerate_applies_filter must be a static constexpr bool (true: enumerate returns "
                  "only the entries the request's dwType and dwUsage select)");
    if constexpr (declares_enumerates<H>) {
        static_assert(std::is_same_v<std::remove_cv_t<decltype(H::enumerates)>, enum_scopes>,
                      "mprnotify: enumerates must be a static constexpr mprnotify::enum_scopes");
        if constexpr (std::is_same_v<std::remove_cv_t<decltype(H::enumerates)>, enum_scopes>) {
            static_assert(H::enumerates != enum_scopes::none &&
                              (static_cast<std::uint32_t>(H::enumerates) & ~std::uint32_t{0xF}) == 0,
                          "mprnotify: enumerates must name at least one scope, and only enum_scopes values");
        }
    }
    return enumerate_hook::validate<H>() && resource_information_hook::validate<H>() &&
           resource_parent_hook::validate<H>() && format_network_name_hook::validate<H>();
}

MPRNOTIFY_DETAIL_MEMBER_PROBE(net_type);
MPRNOTIFY_DETAIL_MEMBER_PROBE(driver_version);
MPRNOTIFY_DETAIL_MEMBER_PROBE(provider_name);

/// A provider_name the packer can use: a static constexpr std::wstring_view that is a valid
/// provider Name (the registry value MPR knows the provider by).
template <class H>
concept has_provider_name = requires
{
    H::provider_name;
}
&&std::is_same_v<std::remove_cv_t<decltype(H::provider_name)>, std::wstring_view> &&
    (registry::check_display_name(H::provider_name) == registry::input_problem::none);

/// What the packer writes where a resource has no provider: H's provider_name, or nothing.
template <class H>
using default_provider_of = std::conditional_t<has_provider_name<H>, default_provider<H>, no_default_provider>;

/// A static constant of an unsigned 32-bit-representable integral type.
template <auto Value>
inline constexpr bool is_dword_constant = [] {
    if constexpr (std::is_integral_v<decltype(Value)> && !std::is_same_v<decltype(Value), bool>) {
        return std::in_range<std::uint32_t>(Value);
    } else {
        return false;
    }
}();

template <class H>
concept has_net_type = requires
{
    H::net_type;
}
&&is_dword_constant<H::net_type>;
template <class H>
concept has_driver_version = requires
{
    H::driver_version;
}
&&is_dword_constant<H::driver_version>;

/// True when H has at least one provider hook (a provider-only handler needs no notification hook).
template <class H>
inline constexpr bool has_provider_hook =
    connect_hook::declared<H> || disconnect_hook::declared<H> || connection_of_hook::declared<H> ||
    universal_name_of_hook::declared<H> || user_of_hook::declared<H> || enumerate_hook::declared<H> ||
    resource_information_hook::declared<H> || resource_parent_hook::declared<H> ||
    format_network_name_hook::declared<H> || connection_state_of_hook::declared<H> ||
    connection_performance_of_hook::declared<H> || on_logon_hook::declared<H> || on_password_change_hook::declared<H>;

/// A provider that connects can disconnect: without NPCancelConnection MPR cannot remove its drives.
template <class H>
inline constexpr bool disconnects_what_it_connects = !connect_hook::declared<H> || disconnect_hook::declared<H>;

/// Every compile-time rule a provider handler follows, each with its own message.
template <class H>
consteval bool validate_provider()
{
    static_assert(std::is_class_v<H>, "mprnotify: a provider handler must be a class type");
    static_assert(std::is_default_constructible_v<H>,
                  "mprnotify: a handler must be default-constructible (the library creates one "
                  "instance per process on its first call)");
    static_assert(declares_net_type<H>,
                  "mprnotify: a provider must say its network type: static constexpr std::uint32_t net_type = "
                  "0x00XX0000; (a WNNC_NET_* value, answered to NPGetCaps(WNNC_NET_TYPE))");
    static_assert(!declares_net_type<H> || has_net_type<H>,
                  "mprnotify: net_type must be a static constexpr integer constant that fits a DWORD");
    static_assert(!declares_driver_version<H> || has_driver_version<H>,
                  "mprnotify: driver_version must be a static constexpr integer constant that fits a DWORD");
    static_assert(!declares_provider_name<H> || has_provider_name<H>,
                  "mprnotify: provider_name must be a static constexpr std::wstring_view holding the provider's "
                  "Name as registered: 1-255 characters, no control characters");
    static_assert(has_provider_hook<H>, "mprnotify: the provider has no hook; declare at least one of connect, "
                                        "disconnect, connection_of, universal_name_of, user_of, enumerate, "
                                        "resource_information, resource_parent, format_network_name, "
                                        "connection_state_of, connection_performance_of, on_logon, "
                                        "on_password_change");
    static_assert(!declares_on_error<H> || has_on_error<H>,
                  "mprnotify: on_error must be declared void on_error(const mprnotify::failure&) noexcept");
    static_assert(disconnects_what_it_connects<H>,
                  "mprnotify: a provider that connects must be able to disconnect: declare wn_status "
                  "disconnect(const mprnotify::disconnect_request&)");
    return connect_hook::validate<H>() && disconnect_hook::validate<H>() && connection_of_hook::validate<H>() &&
           universal_name_of_hook::validate<H>() && user_of_hook::validate<H>() && validate_enumeration<H>() &&
           connection_state_of_hook::validate<H>() && connection_performance_of_hook::validate<H>() &&
           on_logon_hook::validate<H>() && on_password_change_hook::validate<H>();
}

} // namespace mprnotify::detail
