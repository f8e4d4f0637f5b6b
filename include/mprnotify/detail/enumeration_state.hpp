// mprnotify/detail/enumeration_state.hpp - one open enumeration: the handler's sequence, where the
// last batch stopped, and how the enumeration ended.
//
// The state lives in a slot of the enumeration table (a context_table: the handle MPR holds is a
// salted, generation-checked number, never a pointer) and does not move while it is there, so a
// range's iterators stay valid across NPEnumResource calls. An entry that did not fit in MPR's
// buffer is not consumed: the next batch starts with it (a range's iterator stays on it; a
// generator's value is kept).
#pragma once

#include <cstddef>
#include <optional>
#include <ranges>
#include <type_traits>
#include <utility>

#include "../enumeration.hpp"
#include "../lookup.hpp"
#include "../net_resource.hpp"
#include "../resource_packing.hpp"
#include "../status.hpp"

namespace mprnotify::detail {

/// Walks a sequence one entry at a time: at_end(), current(), advance().
template <class Sequence>
class sequence_cursor;

template <class Sequence>
requires resource_range<Sequence>
class sequence_cursor<Sequence> {
public:
    explicit sequence_cursor(Sequence&& sequence) : sequence_(std::move(sequence)) {}
    /// Called once the cursor is in its final place: iterators refer to the stored sequence.
    void start() { at_.emplace(std::ranges::begin(sequence_)); }
    [[nodiscard]] bool at_end() { return *at_ == std::ranges::end(sequence_); }
    [[nodiscard]] decltype(auto) current() { return **at_; }
    void advance() { ++*at_; }

private:
    Sequence sequence_;
    std::optional<std::ranges::iterator_t<Sequence>> at_; // an input iterator need not be default-constructible
};

template <class Sequence>
requires(!resource_range<Sequence> && resource_generator<Sequence>) class sequence_cursor<Sequence> {
    using value_type = typename optional_value<std::remove_cvref_t<std::invoke_result_t<Sequence&>>>::type;

public:
    explicit sequence_cursor(Sequence&& generator) : generator_(std::move(generator)) {}
    void start() {}
    /// Asks the generator for the next entry unless one is already waiting; never asks again
    /// after it said std::nullopt.
    [[nodiscard]] bool at_end()
    {
        if (!current_ && !exhausted_) {
            current_ = generator_();
            exhausted_ = !current_.has_value();
        }
        return !current_.has_value();
    }
    [[nodiscard]] const value_type& current() const { return *current_; }
    void advance() { current_.reset(); }

private:
    Sequence generator_;
    std::optional<value_type> current_;
    bool exhausted_ = false;
};

/// What one batch did. With count 0: at_end (WN_NO_MORE_ENTRIES), or the next entry needs
/// `one_entry_bytes` (WN_MORE_DATA).
struct batch_result {
    bool at_end = false;
    std::size_t one_entry_bytes = 0;
};

/// Open enumerations a provider may have at once, unless its policy says `enumeration_capacity`.
inline constexpr std::size_t default_enumeration_capacity = 256;

template <class P>
constexpr std::size_t enumeration_capacity_of() noexcept
{
    if constexpr (requires { P::enumeration_capacity; }) {
        return P::enumeration_capacity;
    } else {
        return default_enumeration_capacity;
    }
}

/// The type an enumerate hook's answer holds: the sequence itself, or the one inside lookup<...>.
template <class Answer>
using sequence_of = std::conditional_t<resource_sequence<std::remove_cvref_t<Answer>>, std::remove_cvref_t<Answer>,
                                       lookup_value_t<Answer>>;

/// One open enumeration.
template <class Sequence>
class enumeration_state {
public:
    explicit enumeration_state(Sequence&& sequence) : cursor_(std::move(sequence)) {}

    void start() { cursor_.start(); }

    /// Packs entries into `packer` until `requested` are packed, the sequence ends, or the next
    /// entry does not fit. The sequence's code may throw: the entries already in `packer` stay
    /// there, and the caller ends the enumeration (end_with).
    batch_result fill(resource_array_packer& packer, std::size_t requested)
    {
        batch_result result;
        while (packer.count() < requested) {
            if (cursor_.at_end()) {
                result.at_end = true;
                break;
            }
            decltype(auto) entry = cursor_.current();
            const auto& view = view_of(entry);
            if (!packer.append(view)) {
                result.one_entry_bytes = packed_size(view);
                break;
            }
            cursor_.advance();
        }
        return result;
    }

    /// Set once the enumeration cannot go on: the answer to every later NPEnumResource.
    [[nodiscard]] std::optional<wn_status> ended() const noexcept { return ended_; }
    void end_with(wn_status answer) noexcept { ended_ = answer; }

private:
    sequence_cursor<Sequence> cursor_;
    std::optional<wn_status> ended_;
};

} // namespace mprnotify::detail
