// mprnotify/detail/provider/browse_entry_points.hpp - the boundary for browsing: NPOpenEnum, NPEnumResource,
// NPCloseEnum, NPGetResourceInformation, NPGetResourceParent and NPFormatNetworkName.
//
// provider_entry_points<Handler, Policy> inherits these; the rules are those of the provider
// boundary (provider/entry_points.hpp), plus (docs/enumeration.md, docs/provider.md):
//   - An enumeration's state sits in a context_table slot: the HANDLE MPR gets is a salted,
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

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>

#include "../../provider/enumeration.hpp"
#include "../../core/failure.hpp"
#include "../../provider/lookup.hpp"
#include "../../provider/net_resource.hpp"
#include "../../core/operation.hpp"
#include "../../core/platform.hpp"
#include "../../core/platform_provider.hpp"
#include "../../core/policy.hpp"
#include "../../provider/resource_information.hpp"
#include "../../provider/resource_packing.hpp"
#include "../../core/status.hpp"
#include "buffer_writer.hpp"
#include "../core/call_report.hpp"
#include "../core/context_table.hpp"
#include "enumeration_state.hpp"
#include "../core/handler_instance.hpp"
#include "boundary.hpp"
#include "caps.hpp"
#include "hooks.hpp"
#include "policy.hpp"

namespace mprnotify::detail {

template <class Handler, class Policy>
class browse_entry_points {
    using report = provider_report<Handler, Policy>;
    static constexpr std::uint8_t enumeration_tag = 0x45;

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
            const auto asked = static_cast<resource_scope>(scope);
            if (scope_bit(asked) == enum_scopes::none) {
                return wn_status::bad_value;
            }
            if ((static_cast<std::uint32_t>(type) & ~defined_type_bits) != 0 ||
                (asked == resource_scope::globalnet &&
                 (static_cast<std::uint32_t>(usage) & ~defined_usage_bits) != 0)) {
                return wn_status::bad_value;
            }
            if (!includes(Handler::enumerates, asked)) {
                return wn_status::not_supported;
            }
            const enum_request request{asked, static_cast<std::uint32_t>(type), static_cast<std::uint32_t>(usage),
                                       wide(container)};
            return open(request, request.filter(), handle_out);
        }
    }

    /// NPEnumResource: the next batch, packed into MPR's buffer.
    static wn_status enum_resource(param_of<np_enum_resource, 0> handle, param_of<np_enum_resource, 1> count,
                                   param_of<np_enum_resource, 2> buffer, param_of<np_enum_resource, 3> size) noexcept
    {
        if constexpr (!enumerate_hook::present<Handler>) {
            return wn_status::not_supported;
        } else {
            if (count == nullptr || size == nullptr || (buffer == nullptr && *size != 0)) {
                return wn_status::bad_pointer;
            }
            if (*count == 0) {
                return wn_status::bad_value;
            }
            table_type* enumerations = owned_table::existing();
            if (enumerations == nullptr) { // none opened yet, or destroyed at exit: no handle is ours
                return wn_status::bad_handle;
            }
            auto slot = claim(*enumerations, handle);
            if (!slot) {
                return wn_status::bad_handle;
            }
            const wn_status answer = next_batch(slot.template object<state_of<>>(), count, buffer, size);
            static_cast<void>(slot.publish()); // the same handle again: the generation is unchanged
            return answer;
        }
    }

    /// NPCloseEnum: frees the enumeration; its handle is never valid again.
    static wn_status close_enum(param_of<np_close_enum, 0> handle) noexcept
    {
        if constexpr (!enumerate_hook::present<Handler>) {
            return wn_status::not_supported;
        } else {
            table_type* enumerations = owned_table::existing();
            if (enumerations == nullptr) {
                return wn_status::bad_handle;
            }
            auto slot = claim(*enumerations, handle);
            if (!slot) {
                return wn_status::bad_handle;
            }
            report r{operation::close_enum, phase::unknown};
            // A throwing destructor is reported; the handle is closed all the same.
            static_cast<void>(r.attempt(failure_site::context_destroy, [&] { slot.destroy_object(); }));
            return wn_status::success;
        }
    }

    /// NPGetResourceInformation: the resource_information hook, packed with its system string.
    static wn_status get_resource_information(param_of<np_get_resource_information, 0> resource,
                                              param_of<np_get_resource_information, 1> buffer,
                                              param_of<np_get_resource_information, 2> size,
                                              param_of<np_get_resource_information, 3> system) noexcept
    {
        if constexpr (!resource_information_hook::present<Handler>) {
            return wn_status::not_supported;
        } else {
            if (resource == nullptr || system == nullptr || check_output(buffer, size)) {
                return wn_status::bad_pointer;
            }
            if (wide(resource)->lpRemoteName == nullptr) {
                return wn_status::bad_netname;
            }
            const resource_request request{*wide(resource)};
            return answer_lookup<operation::get_resource_information, report>(
                declined(operation::get_resource_information),
                [&](Handler& handler) { return resource_information_hook::call(handler, request); },
                [&](const mprnotify::resource_information& info) {
                    return write_resource(info.resource, info.system, buffer, size, system);
                });
        }
    }

    /// NPGetResourceParent: the resource_parent hook, packed.
    static wn_status get_resource_parent(param_of<np_get_resource_parent, 0> resource,
                                         param_of<np_get_resource_parent, 1> buffer,
                                         param_of<np_get_resource_parent, 2> size) noexcept
    {
        if constexpr (!resource_parent_hook::present<Handler>) {
            return wn_status::not_supported;
        } else {
            if (resource == nullptr || check_output(buffer, size)) {
                return wn_status::bad_pointer;
            }
            if (wide(resource)->lpRemoteName == nullptr) {
                return wn_status::bad_netname;
            }
            const resource_request request{*wide(resource)};
            return answer_lookup<operation::get_resource_parent, report>(
                declined(operation::get_resource_parent),
                [&](Handler& handler) { return resource_parent_hook::call(handler, request); },
                [&](const net_resource& parent) {
                    return write_resource(parent, std::nullopt, buffer, size, static_cast<wchar_t**>(nullptr));
                });
        }
    }

    /// NPFormatNetworkName: the format_network_name hook; *length counts characters.
    static wn_status format_network_name(param_of<np_format_network_name, 0> remote_name,
                                         param_of<np_format_network_name, 1> formatted,
                                         param_of<np_format_network_name, 2> length,
                                         param_of<np_format_network_name, 3> flags,
                                         param_of<np_format_network_name, 4> width) noexcept
    {
        if constexpr (!format_network_name_hook::present<Handler>) {
            return wn_status::not_supported;
        } else {
            if (remote_name == nullptr || check_output(formatted, length)) {
                return wn_status::bad_pointer;
            }
            const format_request request{remote_name, static_cast<std::uint32_t>(flags),
                                         static_cast<std::uint32_t>(width)};
            return answer_lookup<operation::format_network_name, report>(
                declined(operation::format_network_name),
                [&](Handler& handler) { return format_network_name_hook::call(handler, request); },
                [&](std::wstring_view name) { return write_characters(name, formatted, length); });
        }
    }

    /// Enumerations opened and not yet closed (for tests and diagnostics).
    [[nodiscard]] static std::size_t open_enumerations() noexcept
    {
        if constexpr (!enumerate_hook::present<Handler>) {
            return 0;
        } else {
            const table_type* enumerations = owned_table::existing();
            return enumerations != nullptr ? enumerations->live_count() : 0;
        }
    }

private:
    /// The state of H's enumerations; named only where H has an enumerate hook.
    template <class H = Handler>
    using state_of = typename enumeration_types<H>::state;
    template <class H = Handler>
    using filter_of = typename enumeration_types<H>::filter;
    using table_type = context_table<enumeration_capacity_of<Policy>(), default_context_inline_bytes>;
    /// Created after the handler, so destroyed before it. Also for a constant handler, which is
    /// never destroyed: the table is, at exit, and existing() then answers nullptr.
    using owned_table = owned_by_handler<table_type, browse_entry_points>;

    /// The bits winnetwk.h defines, so that no caller passing a defined flag is refused: dwType
    /// RESOURCETYPE_DISK, _PRINT, _RESERVED and (as NPOpenEnum's page lists) RESOURCEUSAGE_ATTACHED;
    /// dwUsage RESOURCEUSAGE_CONNECTABLE, _CONTAINER, _NOLOCALDEVICE, _SIBLING, _ATTACHED, _RESERVED.
    /// 0 asks for everything.
    static constexpr std::uint32_t defined_type_bits = 0x1U | 0x2U | 0x8U | 0x10U;
    static constexpr std::uint32_t defined_usage_bits = 0x1U | 0x2U | 0x4U | 0x8U | 0x10U | 0x80000000U;

    /// The slot behind `handle`, waiting while another thread reads a batch from it; empty for a
    /// handle that is not (or no longer) an open enumeration of this provider.
    static typename table_type::lease claim(table_type& enumerations, const void* handle) noexcept
    {
        auto slot = enumerations.claim(handle, enumeration_tag);
        if (!slot) [[unlikely]] {
            // assigned, not returned: the fast path's lease stays in registers
            slot = claim_when_released(enumerations, handle);
        }
        return slot;
    }

    /// claim() when the slot is not free at once: waits while another thread holds it. The holder
    /// may release it between a failed claim and the look that follows, so each look is one load
    /// that says open (claim again at once), held (wait) or gone (the only "no").
    MPRNOTIFY_DETAIL_NOINLINE static typename table_type::lease claim_when_released(table_type& enumerations,
                                                                                    const void* handle) noexcept
    {
        for (unsigned attempt = 0;; ++attempt) {
            switch (enumerations.state_of(handle, enumeration_tag)) {
            case table_type::handle_state::gone: return {};
            case table_type::handle_state::held:
                if (attempt < 64) {
                    std::this_thread::yield();
                } else {
                    std::this_thread::sleep_for(std::chrono::milliseconds{1});
                }
                break;
            case table_type::handle_state::open: break;
            }
            if (auto slot = enumerations.claim(handle, enumeration_tag)) {
                return slot;
            }
        }
    }

    /// The enumerate hook's sequence in a new slot; `filter` (request.filter()) is what its cursor keeps,
    /// unless the handler applies it itself.
    static wn_status open(const enum_request& request, enum_filter filter, void** handle_out) noexcept
    {
        report r{operation::open_enum, phase::unknown};
        Handler* handler = r.handler();
        if (handler == nullptr) {
            return failed<operation::open_enum>(r);
        }
        if (owned_table::gone()) { // exit or unload has begun: no new state, nothing to read
            r.fail(failure_site::context_capacity, "the enumeration table is already destroyed (unload or exit)");
            return failed<operation::open_enum>(r);
        }
        auto slot = owned_table::get().reserve_free(enumeration_tag);
        if (!slot) {
            // Every slot holds an open enumeration (or one being opened): refused, as a C provider
            // whose allocation failed would; no caller's handle is closed to make room.
            call_report<Handler, use_error_codes<>> full{operation::open_enum, phase::unknown};
            return full.fail(failure_site::context_capacity, "every enumeration slot holds an open enumeration",
                             wn_status::out_of_memory);
        }
        std::optional<wn_status> refused;
        bool stored = false;
        const bool ran = r.attempt(failure_site::provider_hook, [&] {
            auto answer = enumerate_hook::call(*handler, request);
            if constexpr (resource_sequence<decltype(answer)>) {
                stored = slot.store(state_of<>{std::move(answer)});
            } else if (answer.has_value()) {
                auto sequence = answer.value(); // lookup hands out a const reference: copied once
                stored = slot.store(state_of<>{std::move(sequence)});
            } else {
                refused = answer.status();
                return;
            }
            if (stored) {
                if constexpr (std::is_same_v<filter_of<>, enum_filter>) {
                    slot.template object<state_of<>>().start(filter);
                } else {
                    slot.template object<state_of<>>().start();
                }
            }
        });
        if (!ran) {
            return failed<operation::open_enum>(r); // the slot's release destroys what was stored
        }
        if (refused) {
            return *refused == wn_status::not_connected ? declined(operation::open_enum)
                                                        : hook_answer<operation::open_enum, Handler>(*refused);
        }
        if (!stored) {
            r.fail(failure_site::context_store, "no memory for the enumeration's state", wn_status::out_of_memory);
            return failed<operation::open_enum>(r);
        }
        *handle_out = slot.publish();
        return wn_status::success;
    }

    template <class State>
    static wn_status next_batch(State& state, platform::dword* count, void* buffer, platform::dword* size) noexcept
    {
        if (state.ended()) {
            return state.end_answer();
        }
        report r{operation::enum_resource, phase::unknown};
        basic_resource_array_packer<default_provider_of<Handler>> packer{buffer, *size};
        // 0xFFFFFFFF asks for as many as fit, and needs no case of its own: fewer entries than that
        // fit in any buffer a DWORD can size (each takes at least sizeof(NETRESOURCEW) bytes).
        static_assert(max_dword / sizeof(platform::net_resource_w) < max_dword);
        const std::size_t requested = *count;
        batch_result batch;
        if (!r.attempt(failure_site::provider_hook, [&] { batch = state.fill(packer, requested); })) {
            state.end_with(failed<operation::enum_resource>(r));
        } else if (batch.at_end) {
            state.end_with(wn_status::no_more_entries);
        }
        if (packer.count() > 0) {
            *count = static_cast<platform::dword>(packer.count()); // at most *count: it fits
            return wn_status::success;
        }
        if (state.ended()) {
            return state.end_answer();
        }
        if (batch.one_entry_bytes > max_dword) {
            r.fail(failure_site::provider_hook, "an entry is larger than a DWORD can count", wn_status::bad_value);
            state.end_with(failed<operation::enum_resource>(r));
            return state.end_answer();
        }
        *size = static_cast<platform::dword>(batch.one_entry_bytes);
        return wn_status::more_data;
    }

    /// One NETRESOURCE with only the fields the resource pages return, its strings, and the
    /// system string when `system_out` is given.
    static wn_status write_resource(const net_resource& resource, const std::optional<std::wstring>& system,
                                    void* buffer, platform::dword* size, wchar_t** system_out) noexcept
    {
        resource_view view = view_of(resource);
        view.scope = static_cast<resource_scope>(0);
        view.local_name = std::nullopt;
        view.comment = std::nullopt;
        wchar_t* system_text = nullptr;
        const information_packing packed = pack_resource_information<default_provider_of<Handler>>(
            view, system_out != nullptr ? text_field{system} : text_field{}, buffer, *size, &system_text);
        if (packed.needed > max_dword) {
            return wn_status::bad_value;
        }
        if (!packed.written) {
            *size = static_cast<platform::dword>(packed.needed);
            return wn_status::more_data;
        }
        if (system_out != nullptr) {
            *system_out = system_text;
        }
        return wn_status::success;
    }
};

} // namespace mprnotify::detail
