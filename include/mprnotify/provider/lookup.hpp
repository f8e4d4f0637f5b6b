// mprnotify/provider/lookup.hpp - what a provider's lookup hook answers: a value, or a WN code.
//
// A name lookup (connection_of, universal_name_of, user_of) answers in one of two forms:
//   in place   wn_status hook(argument, name_answer& answer)   (universal_name_answer& for
//              universal_name_of): answer.set(value) writes the value into MPR's buffer at once,
//              while the hook still holds its lock; the hook returns what set() returned, or its
//              own WN code (WN_NOT_CONNECTED: not mine) without calling set();
//   returned   std::optional<V> (std::nullopt: not mine) or mprnotify::lookup<V> (any WN code),
//              where V is std::wstring or std::wstring_view (universal_name_of: universal_name or
//              universal_name_view). The library copies the value after the hook has returned, so
//              a view must point at data that cannot change during the call: a literal, a constant
//              table, a part of the argument. A view into data guarded by a lock is a data race:
//              answer those in place.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "../core/platform.hpp"
#include "../core/status.hpp"
#include "../detail/provider/buffer_writer.hpp"

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

namespace detail {
struct answer_access;

/// What a hook did with its answer object: how many times it called set(), and what the one
/// set() answered.
class answer_record {
public:
    /// Records a set() and says whether it is the first (only the first writes).
    [[nodiscard]] bool first_set() noexcept
    {
        const bool first = sets_ == 0;
        sets_ = first ? 1 : 2;
        return first;
    }
    void written(wn_status result) noexcept { result_ = result; }
    [[nodiscard]] unsigned sets() const noexcept { return sets_; }
    [[nodiscard]] wn_status result() const noexcept { return result_; }

private:
    unsigned char sets_ = 0; // 0, 1, or 2 for "more than once"
    wn_status result_ = wn_status::not_connected;
};
} // namespace detail

/// Where connection_of and user_of answer NPGetConnection and NPGetUser in place: set() writes into
/// MPR's buffer (characters) while the hook still holds its lock. Made by the library for one call.
class name_answer {
public:
    name_answer(const name_answer&) = delete;
    name_answer& operator=(const name_answer&) = delete;
    name_answer(name_answer&&) = delete;
    name_answer& operator=(name_answer&&) = delete;
    ~name_answer() = default;

    /// Copies `text` and its NUL into MPR's buffer now: WN_SUCCESS. When it does not fit, nothing
    /// is written and MPR's size becomes the characters needed: WN_MORE_DATA. WN_BAD_VALUE for a text
    /// no DWORD can size. Once per call: a second set() writes nothing and answers WN_NOT_CONNECTED.
    [[nodiscard]] wn_status set(std::wstring_view text) noexcept
    {
        if (!record_.first_set()) {
            return wn_status::not_connected;
        }
        const wn_status result = write(text);
        record_.written(result);
        return result;
    }

private:
    friend struct detail::answer_access;
    name_answer(wchar_t* buffer, platform::dword* size_in_chars) noexcept : buffer_(buffer), size_(size_in_chars) {}

    /// detail::write_characters' rule, on the hot path: the library checked before the hook that a
    /// NULL buffer comes with a size of 0, which no text and NUL fit, so one comparison covers both.
    [[nodiscard]] wn_status write(std::wstring_view text) noexcept
    {
        const std::size_t needed = text.size() + 1;
        if (needed > *size_) [[unlikely]] {
            if (needed > detail::max_dword) {
                return wn_status::bad_value;
            }
            *size_ = static_cast<platform::dword>(needed);
            return wn_status::more_data;
        }
        detail::byte_cursor{buffer_}.put_string(text);
        return wn_status::success;
    }

    wchar_t* buffer_;
    platform::dword* size_;
    detail::answer_record record_;
};

/// Where universal_name_of answers NPGetUniversalName in place: set() builds UNIVERSAL_NAME_INFO
/// (level 1) or REMOTE_NAME_INFO (level 2) in MPR's buffer (bytes) while the hook holds its lock.
class universal_name_answer {
public:
    universal_name_answer(const universal_name_answer&) = delete;
    universal_name_answer& operator=(const universal_name_answer&) = delete;
    universal_name_answer(universal_name_answer&&) = delete;
    universal_name_answer& operator=(universal_name_answer&&) = delete;
    ~universal_name_answer() = default;

    /// Writes the universal name (`connection` + `remaining_path`) and, at level 2, both parts into
    /// MPR's buffer now: WN_SUCCESS. When they do not fit, nothing is written and MPR's size becomes
    /// the bytes needed: WN_MORE_DATA. WN_BAD_VALUE for names no DWORD can size. Once per call: a
    /// second set() writes nothing and answers WN_NOT_CONNECTED.
    [[nodiscard]] wn_status set(std::wstring_view connection, std::wstring_view remaining_path = {}) noexcept
    {
        if (!record_.first_set()) {
            return wn_status::not_connected;
        }
        const wn_status result = detail::write_universal_name(level_, connection, remaining_path, buffer_, size_);
        record_.written(result);
        return result;
    }
    [[nodiscard]] wn_status set(const universal_name_view& name) noexcept
    {
        return set(name.connection, name.remaining_path);
    }
    /// The level MPR asked for: 1 (UNIVERSAL_NAME_INFO_LEVEL) or 2 (REMOTE_NAME_INFO_LEVEL).
    [[nodiscard]] std::uint32_t level() const noexcept { return static_cast<std::uint32_t>(level_); }

private:
    friend struct detail::answer_access;
    universal_name_answer(platform::dword level, void* buffer, platform::dword* size_in_bytes) noexcept
        : buffer_(buffer), size_(size_in_bytes), level_(level)
    {
    }

    void* buffer_;
    platform::dword* size_;
    platform::dword level_;
    detail::answer_record record_;
};

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

/// The library's side of the answer objects: it makes one per call and reads what the hook did.
struct answer_access {
    [[nodiscard]] static name_answer make_name(wchar_t* buffer, platform::dword* size_in_chars) noexcept
    {
        return name_answer{buffer, size_in_chars};
    }
    [[nodiscard]] static universal_name_answer make_universal_name(platform::dword level, void* buffer,
                                                                   platform::dword* size_in_bytes) noexcept
    {
        return universal_name_answer{level, buffer, size_in_bytes};
    }
    template <class Answer>
    [[nodiscard]] static const answer_record& record(const Answer& answer) noexcept
    {
        return answer.record_;
    }
};

} // namespace detail
} // namespace mprnotify
