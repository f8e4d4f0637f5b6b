// mprnotify/provider/lookup.hpp - what a provider's lookup hook answers: a value, or a WN code.
//
// A lookup hook (connection_of, universal_name_of, user_of) returns either
//   std::optional<V>     a value, or std::nullopt for "not mine" (WN_NOT_CONNECTED), or
//   mprnotify::lookup<V> a value, or any WN code chosen by the hook (no exception needed),
// where V is std::wstring or std::wstring_view (universal_name_of: universal_name or
// universal_name_view). The library writes the value into MPR's buffer; a view must stay valid
// until the hook's caller has copied it, i.e. it points into the handler's own data or a literal.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "../core/status.hpp"

namespace mprnotify {

/// NPGetUniversalName's answer for a drive-based path: the connection ("\\server\share") and the
/// rest of the path ("\dir\file.txt", possibly empty). The universal name is the two joined; the
/// library builds it in MPR's buffer, so the hook allocates nothing for it.
template <class String>
struct basic_universal_name {
    String connection;
    String remaining_path;
};
using universal_name = basic_universal_name<std::wstring>;
using universal_name_view = basic_universal_name<std::wstring_view>;

/// A lookup's answer: a value, or a WN code other than WN_SUCCESS.
template <class Value>
class lookup {
public:
    using value_type = Value;

    lookup(Value value) noexcept(std::is_nothrow_move_constructible_v<Value>) // NOLINT(google-explicit-constructor)
        : value_(std::move(value))
    {
    }
    /// A WN code; WN_SUCCESS without a value is not an answer and becomes WN_NOT_CONNECTED.
    lookup(wn_status status) noexcept // NOLINT(google-explicit-constructor)
        : status_(status == wn_status::success ? wn_status::not_connected : status)
    {
    }
    /// std::nullopt means "not mine": WN_NOT_CONNECTED.
    lookup(std::nullopt_t /*unused*/) noexcept : status_(wn_status::not_connected) {} // NOLINT

    [[nodiscard]] bool has_value() const noexcept { return value_.has_value(); }
    /// WN_SUCCESS with a value, else the code.
    [[nodiscard]] wn_status status() const noexcept { return value_ ? wn_status::success : status_; }
    [[nodiscard]] const Value& value() const& noexcept { return *value_; }

private:
    std::optional<Value> value_;
    wn_status status_ = wn_status::success;
};

namespace detail {

template <class T>
struct lookup_value {
    using type = void; // not a lookup answer
};
template <class V>
struct lookup_value<std::optional<V>> {
    using type = V;
};
template <class V>
struct lookup_value<lookup<V>> {
    using type = V;
};

/// The value type a lookup hook's return type carries; void when it is not a lookup answer.
template <class T>
using lookup_value_t = typename lookup_value<std::remove_cvref_t<T>>::type;

/// Reads either kind of answer the same way.
template <class V>
[[nodiscard]] wn_status status_of(const std::optional<V>& answer) noexcept
{
    return answer ? wn_status::success : wn_status::not_connected;
}
template <class V>
[[nodiscard]] wn_status status_of(const lookup<V>& answer) noexcept
{
    return answer.status();
}
template <class V>
[[nodiscard]] const V& value_of(const std::optional<V>& answer) noexcept
{
    return *answer;
}
template <class V>
[[nodiscard]] const V& value_of(const lookup<V>& answer) noexcept
{
    return answer.value();
}

} // namespace detail
} // namespace mprnotify
