// mprnotify/detail/provider/enumeration_entry_points.hpp - the boundary for enumeration: NPOpenEnum,
// NPEnumResource and NPCloseEnum.
//
// provider_entry_points<Handler, Policy> inherits these; the rules are those of the provider
// boundary (provider/entry_points.hpp), plus (docs/enumeration.md):
//   - An enumeration's state sits in an enumeration_table slot: the HANDLE MPR gets is a salted,
//     generation-checked odd number, never a pointer. A closed, stale, foreign or garbage handle
//     is recognised without anything being dereferenced: WN_BAD_HANDLE.
//   - NPEnumResource: NULL count or size pointer, or a NULL buffer with a non-zero size, is
//     WN_BAD_POINTER; a count of 0 is WN_BAD_VALUE; 0xFFFFFFFF asks for as many as fit. Entries that
//     fit are packed and counted; WN_MORE_DATA (with the bytes one entry needs) only when not even
//     one fits; WN_NO_MORE_ENTRIES at the end.
//   - NPOpenEnum: dwType or dwUsage bits winnetwk.h does not define are WN_BAD_VALUE, before the
//     hook (dwUsage only for RESOURCE_GLOBALNET: the page lets other scopes ignore it).
//   - NPEnumResource packs only the entries the request's enum_filter selects, unless the handler
//     declares enumerate_applies_filter = true.
//   - A sequence that throws ends its enumeration: the entries packed before the throw are
//     delivered, and every later NPEnumResource answers the policy's answer (WN_NO_MORE_ENTRIES
//     under fail_open).
//   - A handle stays valid until its NPCloseEnum: when every slot holds an open enumeration,
//     NPOpenEnum answers WN_OUT_OF_MEMORY and closes nothing. States never closed are freed before
//     the handler at unload; after that every handle is WN_BAD_HANDLE and NPOpenEnum answers the
//     policy's answer, without touching the freed states.
//   - Two threads using one handle at the same moment: the second waits until the first's batch is
//     packed (the slot is claimed meanwhile), then reads on or closes; never a torn state.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <type_traits>
#include <utility>

#include "../../core/failure.hpp"
#include "../../core/operation.hpp"
#include "../../core/platform.hpp"
#include "../../core/platform_provider.hpp"
#include "../../core/policy.hpp"
#include "../../core/status.hpp"
#include "../../provider/enumeration.hpp"
#include "../../provider/net_resource.hpp"
#include "../../provider/resource_packing.hpp"
#include "../core/call_report.hpp"
#include "../core/handler_instance.hpp"
#include "boundary.hpp"
#include "caps.hpp"
#include "enumeration_state.hpp"
#include "enumeration_table.hpp"
#include "hooks.hpp"
#include "policy.hpp"

namespace mprnotify::detail {

template <class Handler, class Policy>
class enumeration_entry_points {
    using report = provider_report<Handler, Policy>;

    template <class H>
    struct enumeration_types {
        using answer = decltype(enumerate_hook::call(std::declval<H&>(), std::declval<const enum_request&>()));
        using filter = std::conditional_t<enumerate_applies_filter<H>(), every_entry, enum_filter>;
        using state = enumeration_state<sequence_of<answer>, filter>;
    };

public:
    /// NPOpenEnum: the enumerate hook's sequence, kept behind a new handle.
    // NOLINTNEXTLINE(bugprone-easily-swappable-parameters): NPOpenEnum's own parameters
    static wn_status open_enum(param_of<np_open_enum, 0> scope, param_of<np_open_enum, 1> type,
                               param_of<np_open_enum, 2> usage, param_of<np_open_enum, 3> container,
                               param_of<np_open_enum, 4> handle_out) noexcept
    {
        if constexpr (!enumerate_hook::present<Handler>) {
            return wn_status::not_supported;
        } else {
            if (handle_out == nullptr) {
                return wn_status::bad_pointer;
            }
            *handle_out = nullptr;
            const auto asked = static_cast<std::uint32_t>(scope);
            if (asked >= 32 || ((declared_scope_values >> asked) & 1U) == 0) [[unlikely]] {
                return undeclared_scope(asked, static_cast<std::uint32_t>(type), static_cast<std::uint32_t>(usage));
            }
            if ((static_cast<std::uint32_t>(type) & ~defined_type_bits) != 0 ||
                (asked == globalnet_value && (static_cast<std::uint32_t>(usage) & ~defined_usage_bits) != 0)) {
                return wn_status::bad_value;
            }
            return open(static_cast<resource_scope>(asked), static_cast<std::uint32_t>(type),
                        static_cast<std::uint32_t>(usage), wide(container), handle_out);
        }
    }

    /// NPEnumResource: the next batch, packed into MPR's buffer.
    static wn_status enum_resource(param_of<np_enum_resource, 0> handle, param_of<np_enum_resource, 1> count,
                                   param_of<np_enum_resource, 2> buffer, param_of<np_enum_resource, 3> size) noexcept
    {
        if constexpr (!enumerate_hook::present<Handler>) {
            return wn_status::not_supported;
        } else {
            if (count == nullptr || size == nullptr) {
                return wn_status::bad_pointer;
            }
            // Read once: MPR's values as they were when the call began, held in registers.
            const platform::dword requested = *count;
            const platform::dword bytes = *size;
            if (buffer == nullptr && bytes != 0) {
                return wn_status::bad_pointer;
            }
            if (requested == 0) {
                return wn_status::bad_value;
            }
            table_of<>* enumerations = owned_table_of<>::existing();
            if (enumerations == nullptr) { // none opened yet, or destroyed at exit: no handle is ours
                return wn_status::bad_handle;
            }
            const auto held = enumerations->hold(handle);
            if (!held) {
                return wn_status::bad_handle;
            }
            const wn_status answer = next_batch(held.state(), requested, count, buffer, bytes, size);
            table_of<>::release(held); // the same handle again
            return answer;
        }
    }

    /// NPCloseEnum: frees the enumeration; its handle is never valid again.
    static wn_status close_enum(param_of<np_close_enum, 0> handle) noexcept
    {
        if constexpr (!enumerate_hook::present<Handler>) {
            return wn_status::not_supported;
        } else {
            table_of<>* enumerations = owned_table_of<>::existing();
            if (enumerations == nullptr) {
                return wn_status::bad_handle;
            }
            const auto held = enumerations->hold(handle);
            if (!held) {
                return wn_status::bad_handle;
            }
            if constexpr (std::is_nothrow_destructible_v<state_of<>>) {
                table_of<>::close(held);
            } else {
#if MPRNOTIFY_HAS_EXCEPTIONS
                try {
                    table_of<>::close(held);
                } catch (...) { // reported; the handle is closed all the same
                    static_cast<void>(answer_current_exception<operation::close_enum>(failure_site::context_destroy));
                }
#else
                table_of<>::close(held);
#endif
            }
            return wn_status::success;
        }
    }
    /// Enumerations opened and not yet closed (for tests and diagnostics).
    [[nodiscard]] static std::size_t open_enumerations() noexcept
    {
        if constexpr (!enumerate_hook::present<Handler>) {
            return 0;
        } else {
            const table_of<>* enumerations = owned_table_of<>::existing();
            return enumerations != nullptr ? enumerations->open_count() : 0;
        }
    }

private:
    /// The state of H's enumerations, and their table; named only where H has an enumerate hook.
    template <class H = Handler>
    using state_of = typename enumeration_types<H>::state;
    template <class H = Handler>
    using filter_of = typename enumeration_types<H>::filter;
    template <class H = Handler>
    using table_of = enumeration_table<state_of<H>, enumeration_capacity_of<Policy>()>;
    /// Created after the handler, so destroyed before it. Also for a constant handler, which is
    /// never destroyed: the table is, at exit, and existing() then answers nullptr.
    template <class H = Handler>
    using owned_table_of = owned_by_handler<table_of<H>, enumeration_entry_points>;

    /// The bits winnetwk.h defines, so that no caller passing a defined flag is refused: dwType
    /// RESOURCETYPE_DISK, _PRINT, _RESERVED and (as NPOpenEnum's page lists) RESOURCEUSAGE_ATTACHED;
    /// dwUsage RESOURCEUSAGE_CONNECTABLE, _CONTAINER, _NOLOCALDEVICE, _SIBLING, _ATTACHED, _RESERVED.
    /// 0 asks for everything.
    static constexpr std::uint32_t defined_type_bits = 0x1U | 0x2U | 0x8U | 0x10U;
    static constexpr std::uint32_t defined_usage_bits = 0x1U | 0x2U | 0x4U | 0x8U | 0x10U | 0x80000000U;
    static constexpr auto globalnet_value = static_cast<std::uint32_t>(resource_scope::globalnet);

    /// Bit s set for each RESOURCE_* value s the handler enumerates: one test admits an open.
    static constexpr std::uint32_t declared_scope_values = [] {
        std::uint32_t values = 0;
        if constexpr (enumerate_hook::present<Handler>) {
            for (const resource_scope s : {resource_scope::connected, resource_scope::globalnet,
                                           resource_scope::context, resource_scope::shareable}) {
                if (includes(Handler::enumerates, s)) {
                    values |= 1U << static_cast<std::uint32_t>(s);
                }
            }
        }
        return values;
    }();

    /// NPOpenEnum's answer for a scope the handler does not enumerate, checked in the order of a
    /// declared one's: WN_BAD_VALUE for a scope providers are not asked for, or for undefined dwType or
    /// dwUsage bits; else WN_NOT_SUPPORTED.
    // NOLINTNEXTLINE(bugprone-easily-swappable-parameters): NPOpenEnum's own parameters
    MPRNOTIFY_DETAIL_NOINLINE static wn_status undeclared_scope(std::uint32_t scope, std::uint32_t type,
                                                                std::uint32_t usage) noexcept
    {
        if (scope >= 32 || scope_bit(static_cast<resource_scope>(scope)) == enum_scopes::none ||
            (type & ~defined_type_bits) != 0 || (scope == globalnet_value && (usage & ~defined_usage_bits) != 0)) {
            return wn_status::bad_value;
        }
        return wn_status::not_supported;
    }

#if MPRNOTIFY_HAS_EXCEPTIONS
    /// The answer of a call whose user code threw, called from its catch block: the exception in
    /// flight is translated and reported to on_error there, and answered as the policy says.
    template <operation Op>
    MPRNOTIFY_DETAIL_NOINLINE static wn_status answer_current_exception(failure_site site) noexcept
    {
        report r{Op, phase::unknown};
        static_cast<void>(r.attempt(site, [] { throw; })); // rethrows the exception being handled
        return failed<Op>(r);
    }
#endif

    /// open() when the table is missing (the first open, or unload or exit has begun) or the slot
    /// after the last one reserved is taken: the handler and the table made now (unless the handler
    /// cannot be had, or the table is already destroyed: no new state, nothing read), every slot
    /// searched. Out of line, so that open() keeps nothing across a call.
    template <class H = Handler> // a template: only a handler that enumerates has a table
    // NOLINTNEXTLINE(bugprone-easily-swappable-parameters): NPOpenEnum's own parameters
    MPRNOTIFY_DETAIL_NOINLINE static wn_status open_slow(resource_scope scope, std::uint32_t type, std::uint32_t usage,
                                                         const platform::net_resource_w* container,
                                                         void** handle_out) noexcept
    {
        report r{operation::open_enum, phase::unknown};
        if (r.handler() == nullptr) {
            return failed<operation::open_enum>(r);
        }
        if (owned_table_of<H>::gone()) {
            r.fail(failure_site::context_capacity, "the enumeration table is already destroyed (unload or exit)");
            return failed<operation::open_enum>(r);
        }
        table_of<H>& enumerations = owned_table_of<H>::get();
        const auto reserved = enumerations.reserve();
        if (reserved.index == table_of<H>::none) {
            return refuse_full();
        }
        return open_in(enumerations, reserved, enum_request{scope, type, usage, container}, handle_out);
    }

    /// Every slot holds an open enumeration (or one being opened): refused, as a C provider whose
    /// allocation failed would; no caller's handle is closed to make room.
    MPRNOTIFY_DETAIL_NOINLINE static wn_status refuse_full() noexcept
    {
        call_report<Handler, use_error_codes<>> full{operation::open_enum, phase::unknown};
        return full.fail(failure_site::context_capacity, "every enumeration slot holds an open enumeration",
                         wn_status::out_of_memory);
    }

    MPRNOTIFY_DETAIL_NOINLINE static wn_status refuse_unstored() noexcept
    {
        report r{operation::open_enum, phase::unknown};
        r.fail(failure_site::context_store, "no memory for the enumeration's state", wn_status::out_of_memory);
        return failed<operation::open_enum>(r);
    }

    /// A slot being opened: freed (its state, if built, destroyed) unless it was published.
    template <class Table>
    struct opening {
        Table& table;
        typename Table::reservation reserved;
        std::size_t index = reserved.index;
        bool built = false;
        opening(Table& owner, typename Table::reservation slot) noexcept : table(owner), reserved(slot) {}
        opening(const opening&) = delete;
        opening& operator=(const opening&) = delete;
        ~opening()
        {
            if (index != Table::none) [[unlikely]] {
                table.discard(reserved, built);
            }
        }
        [[nodiscard]] void* publish() noexcept
        {
            index = Table::none;
            return table.publish(reserved);
        }
    };

    /// The enumerate hook's sequence in a new slot, with the request's filter for its cursor (unless
    /// the handler applies it itself). The usual open: the table exists, the slot after the last one
    /// reserved is free.
    // NOLINTNEXTLINE(bugprone-easily-swappable-parameters): NPOpenEnum's own parameters
    MPRNOTIFY_DETAIL_INLINE static wn_status open(resource_scope scope, std::uint32_t type, std::uint32_t usage,
                                                  const platform::net_resource_w* container, void** handle_out) noexcept
    {
        table_of<>* enumerations = owned_table_of<>::existing();
        if (enumerations == nullptr) [[unlikely]] {
            return open_slow(scope, type, usage, container, handle_out);
        }
        const auto reserved = enumerations->reserve_next();
        if (reserved.index == table_of<>::none) [[unlikely]] {
            return open_slow(scope, type, usage, container, handle_out);
        }
        return open_in(*enumerations, reserved, enum_request{scope, type, usage, container}, handle_out);
    }

    /// The hook's sequence stored in the slot `reserved`, published; the slot freed on any failure.
    template <class Table>
    MPRNOTIFY_DETAIL_INLINE static wn_status open_in(Table& enumerations, typename Table::reservation reserved,
                                                     const enum_request& request, void** handle_out) noexcept
    {
        // The table is made after the handler and destroyed before it: while it exists, so does the handler.
        Handler* handler = handler_instance<Handler>::existing();
        opening<Table> slot{enumerations, reserved};
        std::optional<wn_status> refused;
        bool stored = false;
#if MPRNOTIFY_HAS_EXCEPTIONS
        try {
#endif
            auto answer = enumerate_hook::call(*handler, request);
            if constexpr (resource_sequence<decltype(answer)>) {
                stored = enumerations.emplace(slot.index, std::move(answer));
            } else if (answer.has_value()) {
                auto sequence = answer.value(); // lookup hands out a const reference: copied once
                stored = enumerations.emplace(slot.index, std::move(sequence));
            } else {
                refused = answer.status();
            }
            if (stored) {
                slot.built = true;
                if constexpr (std::is_same_v<filter_of<>, enum_filter>) {
                    enumerations.state(slot.index).start(request.filter());
                } else {
                    enumerations.state(slot.index).start();
                }
            }
#if MPRNOTIFY_HAS_EXCEPTIONS
        } catch (...) { // the slot's guard destroys what was built
            return answer_current_exception<operation::open_enum>(failure_site::provider_hook);
        }
#endif
        if (refused) {
            return *refused == wn_status::not_connected ? declined(operation::open_enum)
                                                        : hook_answer<operation::open_enum, Handler>(*refused);
        }
        if (!stored) {
            return refuse_unstored();
        }
        *handle_out = slot.publish();
        return wn_status::success;
    }

    /// Packs the next batch of `state` into MPR's buffer of `bytes` bytes: at most `requested`
    /// entries (*count), or the size of the next one (*size), or how the enumeration ended.
    template <class State>
    // NOLINTNEXTLINE(bugprone-easily-swappable-parameters): NPEnumResource's own, read once
    static wn_status next_batch(State& state, platform::dword requested, platform::dword* count, void* buffer,
                                platform::dword bytes, platform::dword* size) noexcept
    {
        if (state.ended()) [[unlikely]] {
            return state.end_answer();
        }
        basic_resource_array_packer<default_provider_of<Handler>> packer{buffer, bytes};
        // 0xFFFFFFFF asks for as many as fit, and needs no case of its own: fewer entries than that
        // fit in any buffer a DWORD can size (each takes at least sizeof(NETRESOURCEW) bytes).
        static_assert(max_dword / sizeof(platform::net_resource_w) < max_dword);
        batch_result batch;
#if MPRNOTIFY_HAS_EXCEPTIONS
        try {
            batch = state.fill(packer, requested);
        } catch (...) { // the entries packed before the throw are delivered; the enumeration ends
            batch.packed = packer.count();
            state.end_with(answer_current_exception<operation::enum_resource>(failure_site::provider_hook));
        }
#else
        batch = state.fill(packer, requested);
#endif
        if (batch.at_end) {
            state.end_with(wn_status::no_more_entries);
        }
        if (batch.packed > 0) {
            *count = static_cast<platform::dword>(batch.packed); // at most *count: it fits
            return wn_status::success;
        }
        if (state.ended()) {
            return state.end_answer();
        }
        if (batch.one_entry_bytes > max_dword) [[unlikely]] {
            state.end_with(refuse_oversized());
            return state.end_answer();
        }
        *size = static_cast<platform::dword>(batch.one_entry_bytes);
        return wn_status::more_data;
    }

    MPRNOTIFY_DETAIL_NOINLINE static wn_status refuse_oversized() noexcept
    {
        report r{operation::enum_resource, phase::unknown};
        r.fail(failure_site::provider_hook, "an entry is larger than a DWORD can count", wn_status::bad_value);
        return failed<operation::enum_resource>(r);
    }
};

} // namespace mprnotify::detail
