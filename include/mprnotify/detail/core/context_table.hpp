// mprnotify/detail/core/context_table.hpp - the contexts a notifyee has handed to MPR, and their owner.
//
// MPR stores one pointer-sized lpContext per operation between pre and post and never looks inside.
// Instead of a heap pointer, the library hands out a *handle*: an odd number that encodes a slot
// index and that slot's generation, salted per table. Four guarantees follow that a raw pointer
// cannot give:
//   - a post whose lpContext this table did not hand out is recognised without dereferencing it;
//   - a post repeated for an already consumed (or reclaimed) context finds a newer generation and
//     is ignored;
//   - a handle reserved for one kind of operation (owner tag) is not claimed by another, so a
//     context handed out by AddConnectNotify given to CancelConnectNotify's post is ignored
//     instead of being read as the wrong type;
//   - contexts whose post never comes stay bounded: when every slot is taken, reserve() destroys the
//     oldest pending context and reuses its slot (and says so); reserve_free() instead answers
//     "full" and closes nothing. Whatever is still pending when the table is destroyed (at DLL
//     unload or process exit) is destroyed then, and its slot retired: no handle claims it again.
// Small contexts live inside the slot, so asking MPR for a post costs no heap allocation.
// All operations are lock-free: a slot changes hands with one compare-exchange.
#pragma once

#include <atomic>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <new>
#include <type_traits>
#include <utility>

#include "../../core/config.hpp"

namespace mprnotify::detail {

template <std::size_t Capacity, std::size_t InlineBytes>
class context_table {
    static_assert(std::has_single_bit(Capacity) && Capacity >= 2 && Capacity <= 4096,
                  "mprnotify: context_capacity must be a power of two between 2 and 4096");
    static_assert(InlineBytes <= 1024, "mprnotify: context_inline_bytes must be at most 1024");

    enum : std::uint32_t { free_state = 0, reserved_state = 1, live_state = 2, consuming_state = 3 };
    static constexpr std::uint32_t state_mask = 3;
    static constexpr std::uint32_t generation_limit = 0x3FFFFFFFU; // 30 bits above the state
    static constexpr int index_bits = std::countr_zero(Capacity);
    static constexpr int handle_bits = std::numeric_limits<std::uintptr_t>::digits;
    static constexpr int generation_bits = (handle_bits - 1 - index_bits) < 30 ? (handle_bits - 1 - index_bits) : 30;
    static constexpr std::uintptr_t generation_mask = (std::uintptr_t{1} << generation_bits) - 1;

    using destroy_fn = void (*)(void* storage);

    struct slot {
        std::atomic<std::uint32_t> state{0};       // generation << 2 | one of the *_state values
        std::atomic<std::uint8_t> owner{0};        // the tag passed to reserve(); published with the state
        std::atomic<std::uint32_t> reserved_at{0}; // the cursor when reserved: the oldest has the largest age
        destroy_fn destroy = nullptr;              // set while the slot holds a context object
        alignas(std::max_align_t) std::byte storage[InlineBytes]{};
    };

public:
    /// True when a Context is stored inside the slot rather than on the heap.
    template <class Context>
    static constexpr bool stored_inline = sizeof(Context) <= InlineBytes &&
                                          alignof(Context) <= alignof(std::max_align_t);

    /// A slot this thread owns exclusively: reserved on pre, or claimed back on post.
    /// Releasing it (destructor) makes the slot free under a new generation.
    class lease {
    public:
        lease() noexcept = default;
        lease(context_table* owner, std::size_t index) noexcept : table_(owner), index_(index) {}
        lease(lease&& other) noexcept : table_(std::exchange(other.table_, nullptr)), index_(other.index_) {}
        lease& operator=(lease&& other) noexcept
        {
            if (this != &other) {
                release();
                table_ = std::exchange(other.table_, nullptr);
                index_ = other.index_;
            }
            return *this;
        }
        lease(const lease&) = delete;
        lease& operator=(const lease&) = delete;
        ~lease() { release(); }

        explicit operator bool() const noexcept { return table_ != nullptr; }

        /// Moves `value` into the slot (inline, or on the heap with nothrow new).
        /// Returns false when the heap allocation failed; the slot then holds nothing.
        template <class Context>
        bool store(Context&& value)
        {
            using type = std::remove_cvref_t<Context>;
            slot& s = table_->slots_[index_];
            if constexpr (stored_inline<type>) {
                ::new (static_cast<void*>(s.storage)) type(std::forward<Context>(value));
                s.destroy = [](void* storage) { std::launder(static_cast<type*>(storage))->~type(); };
            } else {
                // The global forms: a class-specific operator new without a nothrow overload is not
                // ours to call, and delete must match the new that was used.
                auto* object = ::new (std::nothrow) type(std::forward<Context>(value)); // owned by the slot below
                if (object == nullptr) {
                    return false;
                }
                // The slot owns the object. Not spelled gsl::owner: <gsl/pointers> brings <algorithm>
                // into every translation unit (docs/performance.md, compile time).
                ::new (static_cast<void*>(s.storage)) type*(object);
                s.destroy = [](void* storage) {
                    ::delete *std::launder(static_cast<type**>(storage)); // NOLINT(cppcoreguidelines-owning-memory)
                };
            }
            return true;
        }

        /// The object stored by store<Context>(); only valid while it is there.
        template <class Context>
        Context& object() noexcept
        {
            void* storage = table_->slots_[index_].storage;
            if constexpr (stored_inline<Context>) {
                return *std::launder(static_cast<Context*>(storage));
            } else {
                return **std::launder(static_cast<Context**>(storage));
            }
        }

        /// Destroys the stored object, if any. The slot counts as empty even if the destructor throws.
        void destroy_object()
        {
            slot& s = table_->slots_[index_];
            if (destroy_fn destroy = std::exchange(s.destroy, nullptr)) {
                destroy(s.storage);
            }
        }

        /// Hands the slot to MPR: returns the handle to store in lpContext; the lease becomes empty.
        [[nodiscard]] void* publish() noexcept
        {
            slot& s = table_->slots_[index_];
            const std::uint32_t generation = s.state.load(std::memory_order_relaxed) >> 2;
            s.state.store((generation << 2) | live_state, std::memory_order_release);
            void* handle = table_->encode(index_, generation);
            table_ = nullptr;
            return handle;
        }

    private:
        void release() noexcept
        {
            if (table_ == nullptr) {
                return;
            }
            slot& s = table_->slots_[index_];
            if (s.destroy != nullptr) { // never published and never emptied: destroy quietly
                destroy_quietly(s);
            }
            const std::uint32_t generation = s.state.load(std::memory_order_relaxed) >> 2;
            s.state.store(((generation + 1) & generation_limit) << 2 | free_state, std::memory_order_release);
            table_ = nullptr;
        }

        context_table* table_ = nullptr;
        std::size_t index_ = 0;
    };

    constexpr context_table() noexcept = default;
    context_table(const context_table&) = delete;
    context_table& operator=(const context_table&) = delete;

    /// Destroys the contexts whose post never came (DLL unload / process exit) and retires every
    /// slot: reserved, for nobody, under a generation no handle it gave carries, so a later claim()
    /// and state_of() find nothing and reserve() finds no slot.
    ~context_table()
    {
        for (slot& s : slots_) {
            if (s.destroy != nullptr) {
                destroy_quietly(s);
            }
            const std::uint32_t next = ((s.state.load(std::memory_order_relaxed) >> 2) + 1) & generation_limit;
            s.state.store((next << 2) | reserved_state, std::memory_order_release); // reserved by nobody
        }
    }

    /// What reserve() found: a slot (empty when none could be had) and, when the table was full,
    /// which kind of operation lost its pending context to make room.
    struct reservation {
        lease slot;
        bool reclaimed = false;           // the oldest pending context was destroyed for this slot
        std::uint8_t reclaimed_owner = 0; // the owner tag of that context
        bool destructor_threw = false;    // its destructor threw (the slot is reused all the same)
    };

    /// Reserves a slot for a pre call, for the kind of operation `owner` names. A free slot when
    /// there is one; otherwise the slot of the oldest context still waiting for its post, which is
    /// destroyed first (its late post is then ignored like a consumed one). Empty only when every
    /// slot is in use by a call in progress on another thread.
    [[nodiscard]] reservation reserve(std::uint8_t owner = 0) noexcept
    {
        const std::size_t start = cursor_.fetch_add(1, std::memory_order_relaxed);
        if (lease free = take_free(owner, start)) {
            return {std::move(free)};
        }
        return reclaim_oldest(owner, static_cast<std::uint32_t>(start));
    }

    /// Reserves a free slot for `owner`; empty when every slot is taken (published or in use).
    /// Never destroys a context: for handles that must stay valid until their owner lets go.
    [[nodiscard]] lease reserve_free(std::uint8_t owner = 0) noexcept
    {
        return take_free(owner, cursor_.fetch_add(1, std::memory_order_relaxed));
    }

    /// Takes back the slot behind an lpContext on post. Empty when the value was not handed out
    /// by this table for `owner`, or its context was already consumed.
    [[nodiscard]] lease claim(const void* handle, std::uint8_t owner = 0) noexcept
    {
        const std::uintptr_t value = reinterpret_cast<std::uintptr_t>(handle) ^ salt();
        if ((value & 1U) == 0) {
            return lease{};
        }
        const std::size_t index = (value >> 1) & (Capacity - 1);
        const std::uintptr_t generation = value >> (1 + index_bits);
        // acquire: the owner tag read next is the one published with this state (or a later one,
        // in which case the generation changed and the compare-exchange below fails)
        std::uint32_t state = slots_[index].state.load(std::memory_order_acquire);
        if (!is(state, live_state, generation) || slots_[index].owner.load(std::memory_order_relaxed) != owner) {
            return lease{};
        }
        if (!slots_[index].state.compare_exchange_strong(state, (state & ~state_mask) | consuming_state,
                                                         std::memory_order_acquire)) {
            return lease{}; // another thread claimed it first (a concurrent repeated post)
        }
        return lease{this, index};
    }

    /// What `handle` names now, read from one load of its slot's state: `open` (claim() may take
    /// it), `held` (a thread has claimed it and not yet published or released it) or `gone` (not a
    /// slot of this table for `owner`, or its generation has moved on; final). A caller that shares
    /// handles (an enumeration read by one thread and closed by another) waits while it is held.
    enum class handle_state { open, held, gone };
    [[nodiscard]] handle_state state_of(const void* handle, std::uint8_t owner = 0) const noexcept
    {
        const std::uintptr_t value = reinterpret_cast<std::uintptr_t>(handle) ^ salt();
        if ((value & 1U) == 0) {
            return handle_state::gone;
        }
        const std::size_t index = (value >> 1) & (Capacity - 1);
        const std::uintptr_t generation = value >> (1 + index_bits);
        const std::uint32_t state = slots_[index].state.load(std::memory_order_acquire);
        if (slots_[index].owner.load(std::memory_order_relaxed) != owner) {
            return handle_state::gone;
        }
        if (is(state, live_state, generation)) {
            return handle_state::open;
        }
        return is(state, consuming_state, generation) ? handle_state::held : handle_state::gone;
    }

    /// Number of slots holding a context handed to MPR (for tests and diagnostics).
    [[nodiscard]] std::size_t live_count() const noexcept
    {
        std::size_t live = 0;
        for (const slot& s : slots_) {
            live += (s.state.load(std::memory_order_relaxed) & state_mask) == live_state ? 1U : 0U;
        }
        return live;
    }

private:
    /// True when a slot's `state` is `wanted` under the generation a handle carries (whatever bits a
    /// garbage handle has there). When a handle has room for the whole 30-bit generation, that is
    /// one comparison.
    [[nodiscard]] static constexpr bool is(std::uint32_t state, std::uint32_t wanted,
                                           std::uintptr_t generation) noexcept
    {
        if constexpr (generation_bits >= 30) {
            return std::uintptr_t{state} == ((generation << 2) | wanted); // generation < 2^62: no overflow
        } else {
            return (state & state_mask) == wanted && ((state >> 2) & generation_mask) == generation;
        }
    }

    /// The first free slot from `start` on, reserved for `owner` and stamped with `start`.
    // NOLINTNEXTLINE(bugprone-easily-swappable-parameters): the owner's tag, then a slot index
    [[nodiscard]] lease take_free(std::uint8_t owner, std::size_t start) noexcept
    {
        for (std::size_t i = 0; i < Capacity; ++i) {
            const std::size_t index = (start + i) & (Capacity - 1);
            std::uint32_t state = slots_[index].state.load(std::memory_order_relaxed);
            if ((state & state_mask) == free_state &&
                slots_[index].state.compare_exchange_strong(state, state | reserved_state, std::memory_order_acquire)) {
                slots_[index].owner.store(owner, std::memory_order_relaxed); // published by publish()
                slots_[index].reserved_at.store(static_cast<std::uint32_t>(start), std::memory_order_relaxed);
                return lease{this, index};
            }
        }
        return {};
    }

    /// Destroys the slot's object; true when its destructor threw (nobody to report to here).
    static bool destroy_quietly(slot& s) noexcept
    {
        destroy_fn destroy = std::exchange(s.destroy, nullptr);
#if MPRNOTIFY_HAS_EXCEPTIONS
        try {
            destroy(s.storage);
        } catch (...) {
            return true;
        }
#else
        destroy(s.storage);
#endif
        return false;
    }

    /// The slot reserved longest ago among those MPR holds, taken back: its context is destroyed and the slot is
    /// handed out again, reserved under the next generation.
    // NOLINTNEXTLINE(bugprone-easily-swappable-parameters): one caller, reserve()
    [[nodiscard]] reservation reclaim_oldest(std::uint8_t owner, std::uint32_t now) noexcept
    {
        for (int attempt = 0; attempt < 4; ++attempt) { // a race with a post only costs a rescan
            std::size_t oldest = Capacity;
            std::uint32_t oldest_age = 0;
            for (std::size_t index = 0; index < Capacity; ++index) {
                const slot& s = slots_[index];
                std::uint32_t age = now - s.reserved_at.load(std::memory_order_relaxed);
                if (age > 0x80000000U) {
                    age = 0; // reserved by another thread after this call's cursor: the newest
                }
                if ((s.state.load(std::memory_order_relaxed) & state_mask) == live_state &&
                    (oldest == Capacity || age > oldest_age)) {
                    oldest = index;
                    oldest_age = age;
                }
            }
            if (oldest == Capacity) {
                return {}; // every slot is reserved or being consumed right now
            }
            slot& s = slots_[oldest];
            std::uint32_t state = s.state.load(std::memory_order_acquire);
            if ((state & state_mask) != live_state ||
                !s.state.compare_exchange_strong(state, (state & ~state_mask) | consuming_state,
                                                 std::memory_order_acquire)) {
                continue;
            }
            reservation result;
            result.reclaimed = true;
            result.reclaimed_owner = s.owner.load(std::memory_order_relaxed);
            result.destructor_threw = s.destroy != nullptr && destroy_quietly(s);
            const std::uint32_t next = ((state >> 2) + 1) & generation_limit;
            s.state.store((next << 2) | reserved_state, std::memory_order_relaxed); // still ours
            s.owner.store(owner, std::memory_order_relaxed);
            s.reserved_at.store(now, std::memory_order_relaxed);
            result.slot = lease{this, oldest};
            return result;
        }
        return {};
    }

    /// The table's address, multiplied by an odd constant so that tables close together (two
    /// notifyees in one DLL) differ in every high bit: another table's handle then decodes to a
    /// generation no slot has. Even, so a handle stays odd.
    [[nodiscard]] std::uintptr_t salt() const noexcept
    {
        constexpr std::uintptr_t mixer =
            sizeof(std::uintptr_t) == 8 ? std::uintptr_t(0x9E3779B97F4A7C15ULL) : std::uintptr_t(0x9E3779B9U);
        return (reinterpret_cast<std::uintptr_t>(this) * mixer) & ~std::uintptr_t{1};
    }

    [[nodiscard]] void* encode(std::size_t index, std::uint32_t generation) const noexcept
    {
        const std::uintptr_t value =
            ((std::uintptr_t{generation} & generation_mask) << (1 + index_bits)) | (std::uintptr_t{index} << 1) | 1U;
        return reinterpret_cast<void*>(value ^ salt());
    }

    // Reservations so far: where the next search starts, and (modulo 2^32) a slot's age stamp.
    // Ages are compared as differences from the current count, which stay right across the wrap.
    std::atomic<std::size_t> cursor_{0};
    slot slots_[Capacity];
};

} // namespace mprnotify::detail
