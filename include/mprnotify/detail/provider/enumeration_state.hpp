// mprnotify/detail/provider/enumeration_state.hpp - one open enumeration: the handler's sequence, where the
// last batch stopped, and how the enumeration ended.
//
// The state lives in a slot of the enumeration table (enumeration_table.hpp: the handle MPR holds is
// a salted, generation-checked number, never a pointer) and does not move while it is there, so a
// range's iterators stay valid across NPEnumResource calls. An entry that did not fit in MPR's
// buffer is not consumed: the next batch starts with it (a range's iterator stays on it; a
// generator's value is kept). An entry the request's filter does not select is passed over while
// packing: it is not counted and never sized.
#pragma once

#include <cstddef>
#include <optional>
#include <type_traits>
#include <utility>

#include <gsl/util>

#include "../../provider/enumeration.hpp"
#include "../../provider/lookup.hpp"
#include "../../provider/net_resource.hpp"
#include "../../provider/resource_packing.hpp"
#include "../../core/config.hpp"
#include "../../core/status.hpp"
#include "../core/range_concepts.hpp"

namespace mprnotify::detail {

/// What one batch did: the entries packed, and whether the sequence ended (WN_NO_MORE_ENTRIES once
/// they are delivered). With none packed and not at the end, the next entry needs `one_entry_bytes`
/// (WN_MORE_DATA).
struct batch_result {
    std::size_t packed = 0;
    bool at_end = false;
    std::size_t one_entry_bytes = 0;
};

/// The filter of a handler whose enumerate applies the request's type and usage itself.
struct every_entry {
    [[nodiscard]] static constexpr bool selects_everything() noexcept { return true; }
    [[nodiscard]] static constexpr bool selects(const resource_view& /*entry*/) noexcept { return true; }
};

/// Walks a sequence and packs the entries `Filter` (enum_filter or every_entry) selects, batch by
/// batch: start(filter) once the cursor is in its final place, then fill() per NPEnumResource.
template <class Sequence, class Filter>
class sequence_cursor;

template <class Sequence, class Filter>
requires resource_range<Sequence>
class sequence_cursor<Sequence, Filter> {
    using iterator = std::ranges::iterator_t<Sequence>;
    /// A borrowed range's iterators (a span, a view over the handler's own data) do not refer to the
    /// range object, so only they are kept; any other range is kept, and walked in place.
    static constexpr bool keeps_sequence =
        !std::ranges::borrowed_range<Sequence> || !std::default_initializable<iterator>;
    struct no_sequence {};

public:
    explicit sequence_cursor(Sequence&& sequence) requires keeps_sequence : sequence_(std::move(sequence)) {}
    explicit sequence_cursor(Sequence&& sequence) requires(!keeps_sequence)
        : at_(std::ranges::begin(sequence)), end_(std::ranges::end(sequence))
    {
    }
    /// A kept sequence's iterators refer to it, so they are taken once it is in the table's slot.
    void start(Filter filter = Filter{})
    {
        filter_ = filter;
        if constexpr (keeps_sequence) {
            if constexpr (std::default_initializable<iterator>) {
                at_ = std::ranges::begin(sequence_);
            } else {
                at_.emplace(std::ranges::begin(sequence_));
            }
            end_ = std::ranges::end(sequence_);
        }
    }

    /// Packs entries into `packer` (empty) until `requested` are packed, the range ends, or the next
    /// entry does not fit.
    /// The packer, the position and the end are held in locals for the batch and put back however
    /// it ends (a throw included): the stores into MPR's buffer could alias them as far as the
    /// compiler knows, and would make it reload and store them for every string.
    ///
    /// Filtering adds no test per entry to a request for everything: the loop runs to `stop`, which
    /// is the end then, and only there asks what is next. When filtering, `stop` is the entry after
    /// the one just selected, so every entry takes that way. (A range whose entries are made on each
    /// dereference, or whose end is not an iterator, tests each entry as it is read instead.)
    template <class Packer>
    MPRNOTIFY_DETAIL_INLINE batch_result fill(Packer& packer, std::size_t requested)
    {
        batch_result result;
        Packer out = packer;
        auto at = std::move(position());
        const auto put_back = gsl::finally([&] {
            packer = out;
            position() = std::move(at);
        });
        const auto end = end_;
        const bool filtering = !filter_.selects_everything();
        [[maybe_unused]] auto stop = end;
        if constexpr (stops_at_selected) {
            if (filtering) {
                stop = at;
            }
        }
        std::size_t left = requested;
        for (; left != 0; --left) {
            if constexpr (stops_at_selected) {
                if (at == stop) [[unlikely]] {
                    while (at != end && !filter_.selects(view_of(*at))) {
                        ++at;
                    }
                    if (at == end) {
                        result.at_end = true;
                        break;
                    }
                    stop = std::ranges::next(at);
                }
            } else if (at == end) {
                result.at_end = true;
                break;
            }
            decltype(auto) entry = *at;
            if constexpr (!stops_at_selected) {
                if (filtering && !filter_.selects(view_of(entry))) {
                    ++at;
                    ++left; // passed over: not one of the entries counted
                    continue;
                }
            }
            if (const std::size_t needed = out.append_or_size(view_of(entry)); needed != 0) {
                result.one_entry_bytes = needed;
                break;
            }
            ++at;
        }
        result.packed = requested - left;
        return result;
    }

private:
    /// True when an entry can be read twice (to select it, then to pack it) for the price of a load,
    /// and `stop` can hold an iterator as well as the end.
    static constexpr bool stops_at_selected = std::ranges::forward_range<Sequence> &&
                                              std::ranges::common_range<Sequence> &&
                                              std::is_lvalue_reference_v<std::ranges::range_reference_t<Sequence>>;

    iterator& position() noexcept
    {
        if constexpr (std::default_initializable<iterator>) {
            return at_;
        } else {
            return *at_;
        }
    }

    [[no_unique_address]] std::conditional_t<keeps_sequence, Sequence, no_sequence> sequence_{};
    // An input iterator need not be default-constructible: then it is made at start(). Nothing
    // changes the sequence while it is enumerated, so its end stays where it was.
    std::conditional_t<std::default_initializable<iterator>, iterator, std::optional<iterator>> at_{};
    Filter filter_{}; // between the two: GCC pairs adjacent pointer stores in a vector register, which costs more
    std::ranges::sentinel_t<Sequence> end_{};
};

template <class Sequence, class Filter>
requires(!resource_range<Sequence> && resource_generator<Sequence>) class sequence_cursor<Sequence, Filter> {
    using value_type = typename optional_value<std::remove_cvref_t<std::invoke_result_t<Sequence&>>>::type;

public:
    explicit sequence_cursor(Sequence&& generator) : generator_(std::move(generator)) {}
    void start(Filter filter = Filter{}) { filter_ = filter; }

    /// As for a range. An entry that did not fit is kept for the next batch; one the filter does not
    /// select is dropped; the generator is never asked again after it said std::nullopt.
    template <class Packer>
    batch_result fill(Packer& packer, std::size_t requested)
    {
        batch_result result;
        std::size_t left = requested;
        for (; left != 0; --left) {
            if (!current_ && !exhausted_) {
                current_ = generator_();
                exhausted_ = !current_.has_value();
            }
            if (!current_) {
                result.at_end = true;
                break;
            }
            if (!filter_.selects(view_of(*current_))) {
                current_.reset();
                ++left; // passed over: not one of the entries counted
                continue;
            }
            if (const std::size_t needed = packer.append_or_size(view_of(*current_)); needed != 0) {
                result.one_entry_bytes = needed;
                break;
            }
            current_.reset();
        }
        result.packed = requested - left;
        return result;
    }

private:
    Sequence generator_;
    std::optional<value_type> current_;
    bool exhausted_ = false;
    Filter filter_{};
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

/// One open enumeration: the cursor over its sequence (start(filter), then fill() per NPEnumResource; the
/// sequence's code may throw, the entries already packed stay, and the caller ends the enumeration),
/// and the answer it ended with.
template <class Sequence, class Filter = enum_filter>
class enumeration_state : public sequence_cursor<Sequence, Filter> {
public:
    using sequence_cursor<Sequence, Filter>::sequence_cursor;

    /// Set once the enumeration cannot go on, with the answer to every later NPEnumResource (never
    /// WN_SUCCESS).
    [[nodiscard]] bool ended() const noexcept { return ended_; }
    [[nodiscard]] wn_status end_answer() const noexcept { return end_answer_; }
    void end_with(wn_status answer) noexcept
    {
        ended_ = true;
        end_answer_ = answer;
    }

private:
    // Apart: a batch that goes on then answers WN_SUCCESS as a constant, not as the value just read.
    bool ended_ = false;
    wn_status end_answer_ = wn_status::success;
};

} // namespace mprnotify::detail
