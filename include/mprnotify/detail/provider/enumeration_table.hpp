// mprnotify/detail/provider/enumeration_table.hpp - the open enumerations of one provider, each in a
// slot of its own, behind a handle that is a number, never a pointer.
//
// A handle is an odd number encoding a slot index and that slot's generation, salted with the
// table's address (as the notification contexts' handles are, context_table.hpp), so a closed,
// stale, foreign or garbage handle names no open slot and is refused without being dereferenced.
// Made for enumerations, the table knows the state's type: the state lives inside the slot (on the
// heap only when it is large), is destroyed by a direct call, and a slot's whole life is one
// 32-bit word, generation << 2 | free, opening, open or held:
//   - open an enumeration: a free slot becomes opening with one compare-exchange; the state is
//     built in it; publishing it is one store (open) and hands out the handle;
//   - read or close: the word the handle names is taken from open to held with one compare-exchange
//     whose expected value comes from the handle itself; a read puts it back to open with one store,
//     a close destroys the state and frees the slot under the next generation (the handle is dead);
//   - a handle held by another thread's call is waited for, out of line.
// Nothing else is shared: where the next search for a free slot starts is a plain hint.
// At unload or exit the table destroys the states still open and retires every slot.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <new>
#include <type_traits>
#include <utility>

#include "../../core/config.hpp"
#include "../../core/platform.hpp"
#include "../core/atomic_word.hpp"

#if MPRNOTIFY_PLATFORM_WINDOWS
#  if defined(__GNUC__) && !defined(__clang__)
// As for GetLastError in platform.hpp: plain Win32 calls that never throw, declared so, or GCC would
// give the noexcept wait below a terminate region, and the DLL the exception runtime.
extern "C" WINBASEAPI VOID WINAPI Sleep(DWORD dwMilliseconds) __attribute__((nothrow));
extern "C" WINBASEAPI BOOL WINAPI SwitchToThread(VOID) __attribute__((nothrow));
#  endif
#else
#  include <sched.h>
#  include <time.h> // NOLINT(modernize-deprecated-headers): nanosleep is POSIX, not in <ctime>
#endif

namespace mprnotify::detail {

/// States up to this size live inside their slot; a larger one is allocated when it is opened.
inline constexpr std::size_t inline_enumeration_state_bytes = 256;

// Every slot index below is masked with Capacity - 1 (or comes from a reservation that was): in bounds.
// NOLINTBEGIN(cppcoreguidelines-pro-bounds-constant-array-index)
template <class State, std::size_t Capacity>
class enumeration_table {
    static_assert(std::has_single_bit(Capacity) && Capacity >= 2 && Capacity <= 4096,
                  "mprnotify: enumeration_capacity must be a power of two between 2 and 4096");

    enum : std::uint32_t { free_state = 0, opening_state = 1, open_state = 2, held_state = 3 };
    static constexpr std::uint32_t state_mask = 3;
    static constexpr int index_bits = std::countr_zero(Capacity);
    // A slot's generation wraps where a handle's room for it ends, so the two compare whole.
    static constexpr int handle_bits = std::numeric_limits<std::uintptr_t>::digits;
    static constexpr int generation_bits = (handle_bits - 1 - index_bits) < 30 ? (handle_bits - 1 - index_bits) : 30;
    static constexpr std::uint32_t generation_mask = (std::uint32_t{1} << generation_bits) - 1;

    static constexpr bool inline_state =
        sizeof(State) <= inline_enumeration_state_bytes && alignof(State) <= alignof(std::max_align_t);
    // A large state is owned through a plain pointer in the slot (created by emplace(), deleted by
    // destroy()); not spelled gsl::owner, whose header brings <algorithm> to every provider.
    using stored_type = std::conditional_t<inline_state, State, State*>;

    // A cache line each: two threads using two enumerations share nothing, and a slot's address is
    // a shift of its index. The state first: its address is the slot's.
    struct alignas(64) slot {
        // NOLINTNEXTLINE(bugprone-sizeof-expression): for a large state, room for the pointer to it
        alignas(stored_type) std::byte storage[sizeof(stored_type)]{};
        atomic_word<std::uint32_t> word;
    };

public:
    /// A slot index, or `none`.
    static constexpr std::size_t none = Capacity;

    enumeration_table() noexcept : salt_(salt_of(this)) {}
    enumeration_table(const enumeration_table&) = delete;
    enumeration_table& operator=(const enumeration_table&) = delete;

    /// Destroys the states never closed (DLL unload, process exit) and retires every slot: opening,
    /// for nobody, under a generation no handle carries, so no later call finds one open or free.
    ~enumeration_table()
    {
        for (slot& s : slots_) {
            const std::uint32_t word = s.word.load(word_order::acquire);
            if ((word & state_mask) == open_state) {
                destroy_quietly(s);
            }
            s.word.store((((word >> 2) + 1) & generation_mask) << 2 | opening_state, word_order::release);
        }
    }

    /// A slot reserve() took: its index (`none` when there was none) and the word it had while free.
    struct reservation {
        std::size_t index = none;
        std::uint32_t free_word = 0;
    };

    /// The slot after the one reserved last, now opening for this thread, when it is free (usually:
    /// slots are reserved in turn); index `none` when it is not.
    [[nodiscard]] reservation reserve_next() noexcept
    {
        return try_reserve(next_.load(word_order::relaxed) & (Capacity - 1));
    }

    /// A free slot, now opening for this thread; index `none` when every slot is taken. Never closes
    /// anything to make room. The search starts after the slot reserved last, which is usually free.
    [[nodiscard]] reservation reserve() noexcept
    {
        const std::size_t first = next_.load(word_order::relaxed) & (Capacity - 1);
        std::size_t index = first;
        do {
            if (const reservation reserved = try_reserve(index); reserved.index != none) [[likely]] {
                return reserved;
            }
            index = (index + 1) & (Capacity - 1);
        } while (index != first);
        return {};
    }

    /// Builds the state of an opening slot from `arguments`. False when a large state's allocation
    /// failed; the slot then holds nothing. A throw from State's constructor passes through.
    template <class... Arguments>
    [[nodiscard]] bool emplace(std::size_t index, Arguments&&... arguments)
    {
        void* storage = slots_[index].storage;
        if constexpr (inline_state) {
            ::new (storage) State(std::forward<Arguments>(arguments)...);
        } else {
            // The global forms: a class-specific operator new without a nothrow overload is not
            // ours to call, and delete must match the new that was used.
            // NOLINTNEXTLINE(cppcoreguidelines-owning-memory): owned by the slot, deleted by destroy()
            auto* state = ::new (std::nothrow) State(std::forward<Arguments>(arguments)...);
            if (state == nullptr) {
                return false;
            }
            ::new (storage) stored_type(state);
        }
        return true;
    }

    /// The state of an opening slot this thread has built.
    [[nodiscard]] State& state(std::size_t index) noexcept { return state_in(slots_[index]); }

    /// Makes a reserved slot (its state built) open, and returns the handle that names it.
    [[nodiscard]] void* publish(const reservation& reserved) noexcept
    {
        slots_[reserved.index].word.store(reserved.free_word + open_state, word_order::release);
        // free_word is generation << 2 (a free slot's low bits are 0): shifted once into its place
        const std::uintptr_t value =
            std::uintptr_t{reserved.free_word} << (index_bits - 1) | std::uintptr_t{reserved.index} << 1 | 1U;
        return reinterpret_cast<void*>(value ^ salt_); // NOLINT(performance-no-int-to-ptr): a number, never read
    }

    /// Frees an opening slot that is not published (the hook failed, or refused), destroying its
    /// state when `built` (a throw from its destructor is dropped: nothing may leave here).
    void discard(const reservation& reserved, bool built) noexcept
    {
        if (built) {
            destroy_quietly(slots_[reserved.index]);
        }
        slots_[reserved.index].word.store(reserved.free_word, word_order::release);
    }

    /// A slot a call holds (from hold()), or none (`slot` NULL): where its state is, and the word
    /// that puts it back open under the same handle.
    class held {
    public:
        held() noexcept = default;
        explicit operator bool() const noexcept { return slot_ != nullptr; }
        [[nodiscard]] State& state() const noexcept { return enumeration_table::state_in(*slot_); }

    private:
        friend enumeration_table;
        held(slot* s, std::uint32_t open_word) noexcept : slot_(s), open_word_(open_word) {}
        slot* slot_ = nullptr;
        std::uint32_t open_word_ = 0;
    };

    /// The slot `handle` names, taken from open to held for this call: one compare-exchange whose
    /// expected word comes from the handle. Empty when the handle names no open enumeration here.
    /// Waits (out of line) while another thread's call holds it.
    [[nodiscard]] held hold(const void* handle) noexcept
    {
        const std::uintptr_t value = reinterpret_cast<std::uintptr_t>(handle) ^ salt_;
        const std::uintptr_t generation = value >> (1 + index_bits);
        if ((value & 1U) == 0 || generation > generation_mask) [[unlikely]] {
            return {};
        }
        slot& s = slots_[(value >> 1) & (Capacity - 1)];
        // Sums rather than ors (the low bits are clear): each word is one address computation.
        const std::uint32_t open_word = static_cast<std::uint32_t>(generation) * 4 + open_state;
        std::uint32_t expected = open_word;
        if (s.word.compare_exchange_acquire(expected, open_word + 1)) [[likely]] {
            return {&s, open_word};
        }
        if (expected == open_word + 1) { // held by another call
            return hold_when_released(s, open_word);
        }
        return {};
    }

    /// Puts a held slot back: open again under the same handle.
    static void release(const held& h) noexcept { h.slot_->word.store(h.open_word_, word_order::release); }

    /// Ends a held slot's enumeration: its state is destroyed (a throw from its destructor passes
    /// through, and the slot is freed all the same) and the handle is never valid again.
    static void close(const held& h)
    {
        struct free_slot {
            slot& s;
            std::uint32_t next;
            free_slot(slot& freed, std::uint32_t word) noexcept : s(freed), next(word) {}
            free_slot(const free_slot&) = delete;
            free_slot& operator=(const free_slot&) = delete;
            ~free_slot() { s.word.store(next, word_order::release); }
        };
        const free_slot freed{*h.slot_, (((h.open_word_ >> 2) + 1) & generation_mask) << 2 | free_state};
        destroy(*h.slot_);
    }

    /// How many enumerations are open (their handles held by MPR), counting those a call holds.
    [[nodiscard]] std::size_t open_count() const noexcept
    {
        std::size_t open = 0;
        for (const slot& s : slots_) {
            open += (s.word.load(word_order::relaxed) & 2U) != 0 ? 1U : 0U; // open or held
        }
        return open;
    }

private:
    /// Slot `index` taken from free to opening for this thread, or index `none` when it is not free.
    [[nodiscard]] reservation try_reserve(std::size_t index) noexcept
    {
        std::uint32_t word = slots_[index].word.load(word_order::relaxed);
        if ((word & state_mask) == free_state &&
            slots_[index].word.compare_exchange_acquire(word, word + opening_state)) [[likely]] {
            next_.store(index + 1, word_order::relaxed);
            return {index, word};
        }
        return {};
    }

    /// hold() when the slot is held by another thread's call: waits until that call puts it back
    /// (then takes it) or closes it (then the handle is gone).
    MPRNOTIFY_DETAIL_NOINLINE static held hold_when_released(slot& s, std::uint32_t open_word) noexcept
    {
        for (unsigned attempt = 0;; ++attempt) {
            pause(attempt);
            std::uint32_t expected = open_word;
            if (s.word.compare_exchange_acquire(expected, open_word | held_state)) {
                return {&s, open_word};
            }
            if (expected != (open_word | held_state)) {
                return {};
            }
        }
    }

    /// Lets the holder run: a yield for the first waits, then a millisecond's sleep each.
    static void pause(unsigned attempt) noexcept
    {
#if MPRNOTIFY_PLATFORM_WINDOWS
        if (attempt < 64) {
            static_cast<void>(::SwitchToThread());
        } else {
            ::Sleep(1);
        }
#else
        if (attempt < 64) {
            static_cast<void>(::sched_yield());
        } else {
            const timespec one_millisecond{0, 1000000};
            static_cast<void>(::nanosleep(&one_millisecond, nullptr));
        }
#endif
    }

    static State& state_in(slot& s) noexcept
    {
        void* storage = s.storage;
        if constexpr (inline_state) {
            return *std::launder(static_cast<State*>(storage));
        } else {
            return **std::launder(static_cast<stored_type*>(storage));
        }
    }

    static void destroy(slot& s)
    {
        if constexpr (inline_state) {
            if constexpr (!std::is_trivially_destructible_v<State>) {
                std::launder(reinterpret_cast<State*>(s.storage))->~State();
            }
        } else {
            // NOLINTNEXTLINE(cppcoreguidelines-owning-memory): the pointer emplace() created
            ::delete *std::launder(reinterpret_cast<stored_type*>(s.storage));
        }
    }

    /// At unload: a destructor that throws has nobody to report to, and the other states are freed all the same.
    /// Out of line: its callers (unload, an open that failed) are rare, and each would hold a copy.
    MPRNOTIFY_DETAIL_NOINLINE static void destroy_quietly(slot& s) noexcept
    {
#if MPRNOTIFY_HAS_EXCEPTIONS
        try {
            destroy(s);
        } catch (...) { // NOLINT(bugprone-empty-catch): nothing can be told at unload
        }
#else
        destroy(s);
#endif
    }

    /// The table's address times an odd constant, so that tables close together differ in every
    /// high bit: another table's handle decodes to a generation no slot has. Even: a handle stays odd.
    [[nodiscard]] static std::uintptr_t salt_of(const void* table) noexcept
    {
        constexpr std::uintptr_t mixer =
            sizeof(std::uintptr_t) == 8 ? std::uintptr_t(0x9E3779B97F4A7C15ULL) : std::uintptr_t(0x9E3779B9U);
        return (reinterpret_cast<std::uintptr_t>(table) * mixer) & ~std::uintptr_t{1};
    }

    slot slots_[Capacity]{}; // first: a slot's address is the table's plus its index times 64
    std::uintptr_t salt_;
    atomic_word<std::size_t> next_; // where the next search for a free slot starts: a hint
};

// NOLINTEND(cppcoreguidelines-pro-bounds-constant-array-index)

} // namespace mprnotify::detail
