// mprnotify/testing/provider_browsing.hpp - the simulated MPR's browsing calls: WNetOpenEnumW +
// WNetEnumResourceW until the end + WNetCloseEnum, WNetGetResourceInformationW,
// WNetGetResourceParentW and the NPFormatNetworkName MPR makes for a browser.
//
// Every buffer a provider fills is read the way MPR reads it, after check_packed_resources() has
// said it is safe to (packed_buffer.hpp); a breach of the protocol is reported in `problem`, never
// read past. The router's rules, per call:
//   browse       a named provider (lpNet->lpProvider) is asked alone, an unknown name is
//                WN_BAD_PROVIDER without a call. Otherwise RESOURCE_CONNECTED asks every provider
//                whose NPGetCaps(WNNC_ENUMERATION) has WNNC_ENUM_LOCAL and joins their entries;
//                GLOBALNET, CONTEXT and SHAREABLE ask, in ProviderOrder, each provider with the
//                scope's bit until one opens. REMEMBERED and RECENT are MPR's own: no provider is
//                asked (WN_NOT_SUPPORTED). Each open handle is read with the caller's count and
//                buffer; after WN_MORE_DATA the caller retries with the size the provider asked for
//                (or stops, with grow = false). After NPCloseEnum the closed handle is tried once
//                more: a provider must answer it WN_BAD_HANDLE.
//   information  each provider with WNNC_DLG_GETRESOURCEINFORMATION (or the named one) until one
//                answers something other than WN_BAD_NETNAME / WN_NOT_SUPPORTED / WN_NO_NETWORK.
//   parent       the same, with WNNC_DLG_GETRESOURCEPARENT.
//   format       the named provider only, with WNNC_DLG_FORMATNETWORKNAME.
// Wine's mpr.dll calls NPOpenEnum/NPEnumResource/NPCloseEnum and NPGetResourceInformation (only of
// providers that enumerate); NPGetResourceParent and NPFormatNetworkName are tested only here.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "../provider/net_resource.hpp"
#include "../core/platform.hpp"
#include "../core/platform_provider.hpp"
#include "../core/status.hpp"
#include "packed_buffer.hpp"
#include "provider.hpp"
#include "provider_journal.hpp"

namespace mprnotify::testing {

/// WNetOpenEnumW, then WNetEnumResourceW until WN_NO_MORE_ENTRIES, then WNetCloseEnum.
struct browse_call {
    resource_scope scope = resource_scope::globalnet;
    resource_type type = resource_type::any;            // dwType
    resource_usage usage = resource_usage::none;        // dwUsage; none: every kind
    std::optional<net_resource> parent = std::nullopt;  // lpNet: the container browsed into; NULL: the top
    std::optional<std::string> provider = std::nullopt; // ask only this provider
    platform::dword count = 0xFFFFFFFF;                 // entries asked per call; 0xFFFFFFFF: as many as fit
    platform::dword bytes = 16384;                      // the caller's buffer
    bool grow = true;                                   // after WN_MORE_DATA, retry with the size asked for
    std::size_t call_limit = 100000;                    // NPEnumResource calls before giving up on a provider
};

/// One NPEnumResource call as the router saw it.
struct enum_batch {
    wn_status status = wn_status::success;
    platform::dword bytes = 0; // the buffer passed
    platform::dword count = 0; // *lpcCount after the call
    platform::dword size = 0;  // *lpBufferSize after the call
};

struct browse_result {
    /// WN_NO_MORE_ENTRIES when every asked provider's sequence ran to its end; else the answer that stopped it.
    wn_status status = wn_status::not_supported;
    std::vector<std::size_t> providers; // who opened, in order
    std::vector<net_resource> entries;  // every entry read, in order
    std::vector<enum_batch> batches;    // every NPEnumResource call
    std::string problem;                // the first breach of the protocol; empty when there was none

    /// True when the enumeration ran to its end and every buffer was packed right.
    [[nodiscard]] bool complete() const noexcept { return status == wn_status::no_more_entries && problem.empty(); }
};

/// What the caller of WNetGetResourceInformationW / WNetGetResourceParentW gets.
struct resource_result {
    wn_status status = wn_status::bad_netname;
    platform::dword size = 0; // the size passed, or the size needed after WN_MORE_DATA
    std::optional<std::size_t> provider;
    std::optional<net_resource> resource;
    std::optional<std::wstring> system; // NPGetResourceInformation's lplpSystem; NULL: none
    std::string problem;                // the first breach of the protocol; empty when there was none
};

/// What the caller of NPFormatNetworkName gets.
struct format_result {
    wn_status status = wn_status::not_supported;
    platform::dword length = 0; // the length passed, or the length needed after WN_MORE_DATA
    std::wstring text;
    std::string problem;
};

} // namespace mprnotify::testing

namespace mprnotify::detail {

inline std::string scope_name(resource_scope scope)
{
    switch (scope) {
    case resource_scope::connected: return "RESOURCE_CONNECTED";
    case resource_scope::globalnet: return "RESOURCE_GLOBALNET";
    case resource_scope::remembered: return "RESOURCE_REMEMBERED";
    case resource_scope::recent: return "RESOURCE_RECENT";
    case resource_scope::context: return "RESOURCE_CONTEXT";
    case resource_scope::shareable: return "RESOURCE_SHAREABLE";
    }
    return "scope " + std::to_string(static_cast<unsigned>(scope));
}

inline std::string describe_resource(const std::optional<net_resource>& r)
{
    if (!r) {
        return "(top)";
    }
    return r->remote_name ? testing::provider_journal::narrow(*r->remote_name) : std::string{"(no remote name)"};
}

/// A pointer as the SDK prototype spells parameter I of Signature (TCHAR strings, the TCHAR
/// NETRESOURCE): MPR passes wide strings and structures whatever the spelling; the layouts are the same.
template <class Signature, std::size_t I, class T>
typename platform::parameters<Signature>::template at<I> arg(T* pointer) noexcept
{
    using target = typename platform::parameters<Signature>::template at<I>;
    return reinterpret_cast<target>(pointer); // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
}

/// Does `p` announce `bit` at NPGetCaps(index)?
inline bool announces(const testing::provider& p, platform::dword index, platform::dword bit)
{
    return (p.caps(index) & bit) != 0;
}

/// Reads one open enumeration to its end into `result`; answers how it ended.
inline wn_status read_enumeration(const testing::provider& p, std::size_t index, void* handle,
                                  const testing::browse_call& call, testing::provider_journal& journal,
                                  testing::browse_result& result)
{
    caller_buffer buffer{call.bytes};
    const std::string asked = call.count == 0xFFFFFFFF ? std::string{"all"} : std::to_string(call.count);
    for (std::size_t n = 0; n < call.call_limit; ++n) {
        platform::dword count = call.count;
        platform::dword size = buffer.bytes();
        const auto answer = static_cast<wn_status>(p.enum_resource(handle, &count, buffer.data(), &size));
        journal.record(index, "NPEnumResource", "count " + asked + ", " + std::to_string(buffer.bytes()) + " bytes",
                       answer);
        result.batches.push_back({answer, buffer.bytes(), count, size});
        if (answer == wn_status::more_data) {
            if (size <= buffer.bytes() && result.problem.empty()) {
                result.problem = "WN_MORE_DATA asks for " + std::to_string(size) + " bytes, no more than the " +
                                 std::to_string(buffer.bytes()) + " given";
            }
            if (!call.grow || size <= buffer.bytes()) {
                return answer;
            }
            buffer.resize(size);
            continue;
        }
        if (answer != wn_status::success) {
            return answer;
        }
        std::string problem = count == 0 ? "WN_SUCCESS with no entries"
                              : call.count != 0xFFFFFFFF && count > call.count
                                  ? "more entries than asked for"
                                  : testing::check_packed_resources(buffer.data(), buffer.bytes(), count);
        if (!problem.empty()) {
            if (result.problem.empty()) {
                result.problem = std::move(problem);
            }
            return wn_status::bad_value; // the caller cannot read this buffer
        }
        std::vector<net_resource> entries = testing::read_packed_resources(buffer.data(), count);
        result.entries.insert(result.entries.end(), entries.begin(), entries.end());
    }
    if (result.problem.empty()) {
        result.problem = "no WN_NO_MORE_ENTRIES after " + std::to_string(call.call_limit) + " calls";
    }
    return wn_status::function_busy;
}

/// How one provider's enumeration went: whether NPOpenEnum took it, and the answer that ended it.
struct enumeration_end {
    bool opened = false;
    wn_status status = wn_status::not_supported;
};

/// Opens, reads and closes one provider's enumeration.
inline enumeration_end enumerate_one(const testing::provider& p, std::size_t index, const testing::browse_call& call,
                                     testing::provider_journal& journal, testing::browse_result& result)
{
    std::optional<owned_net_resource> parent;
    if (call.parent) {
        parent.emplace(*call.parent);
    }
    void* handle = nullptr;
    const auto opened = static_cast<wn_status>(
        p.open_enum(static_cast<platform::dword>(call.scope), static_cast<platform::dword>(call.type),
                    static_cast<platform::dword>(call.usage), parent ? parent->get() : nullptr, &handle));
    journal.record(index, "NPOpenEnum", scope_name(call.scope) + ", " + describe_resource(call.parent), opened);
    if (opened != wn_status::success) {
        return {false, opened};
    }
    result.providers.push_back(index);
    const wn_status ended = read_enumeration(p, index, handle, call, journal, result);
    const auto closed = static_cast<wn_status>(p.close_enum(handle));
    journal.record(index, "NPCloseEnum", "the handle", closed);
    if (closed != wn_status::success && result.problem.empty()) {
        result.problem = "NPCloseEnum answered " + std::to_string(static_cast<unsigned>(closed));
    }
    platform::dword count = 1;
    platform::dword size = 0;
    const auto stale = static_cast<wn_status>(p.enum_resource(handle, &count, nullptr, &size));
    journal.record(index, "NPEnumResource", "the closed handle", stale);
    if (stale != wn_status::bad_handle && result.problem.empty()) {
        result.problem =
            "a closed handle was answered " + std::to_string(static_cast<unsigned>(stale)) + ", not WN_BAD_HANDLE";
    }
    return {true, ended};
}

inline testing::browse_result browse(const std::vector<testing::provider>& providers,
                                     testing::provider_journal& journal, const testing::browse_call& call)
{
    journal.begin("browse " + describe_resource(call.parent) + ", " + scope_name(call.scope),
                  testing::wnet_kind::browse);
    testing::browse_result result;
    const auto bit = static_cast<platform::dword>(scope_bit(call.scope));
    bool named_found = false;
    for (std::size_t i = 0; i < providers.size(); ++i) {
        const testing::provider& p = providers[i];
        if (call.provider && *call.provider != p.name) {
            continue;
        }
        named_found = true;
        if (bit == 0 || p.open_enum == nullptr || p.enum_resource == nullptr || p.close_enum == nullptr ||
            !announces(p, platform::wnnc::enumeration, bit)) {
            continue;
        }
        const enumeration_end end = enumerate_one(p, i, call, journal, result);
        if (!end.opened) { // refused: the next provider is asked
            if (result.providers.empty()) {
                result.status = end.status;
            }
            continue;
        }
        result.status = end.status;
        if (call.scope != resource_scope::connected || end.status != wn_status::no_more_entries) {
            break;
        }
    }
    if (call.provider && !named_found) {
        result.status = wn_status::bad_provider;
    }
    return journal.finish(result);
}

/// Reads a resource packed at the head of `buffer` (NPGetResourceInformation / NPGetResourceParent).
inline void read_packed_resource(caller_buffer& buffer, const wchar_t* system, bool with_system,
                                 testing::resource_result& result)
{
    std::vector<const wchar_t*> extra;
    if (with_system) {
        extra.push_back(system);
    }
    result.problem = testing::check_packed_resources(buffer.data(), buffer.bytes(), 1, extra);
    if (!result.problem.empty()) {
        return;
    }
    result.resource = testing::read_packed_resources(buffer.data(), 1).front();
    if (with_system && system != nullptr) {
        result.system = std::wstring{system};
    }
}

/// WNetGetResourceInformationW (with_system) or WNetGetResourceParentW, with a buffer of `bytes`.
template <class Ask>
testing::resource_result ask_resource(const std::vector<testing::provider>& providers,
                                      testing::provider_journal& journal, const net_resource& asked,
                                      platform::dword bytes, const char* function, bool with_system, Ask&& ask)
{
    testing::resource_result result;
    result.size = bytes;
    owned_net_resource resource{asked};
    caller_buffer buffer{bytes};
    const std::string detail = describe_resource(asked) + ", " + std::to_string(bytes) + " bytes";
    for (std::size_t i = 0; i < providers.size(); ++i) {
        const testing::provider& p = providers[i];
        if (asked.provider && testing::provider_journal::narrow(*asked.provider) != p.name) {
            continue;
        }
        platform::dword size = bytes;
        const wchar_t* system = nullptr;
        const std::optional<wn_status> answer = ask(p, resource.get(), buffer.data(), &size, &system);
        if (!answer) {
            continue;
        }
        journal.record(i, function, detail, *answer);
        result.status = *answer;
        if (*answer == wn_status::bad_netname || *answer == wn_status::not_supported ||
            *answer == wn_status::no_network) {
            continue;
        }
        result.provider = i;
        result.size = size;
        if (*answer == wn_status::more_data && size <= bytes) {
            result.problem = "WN_MORE_DATA asks for " + std::to_string(size) + " bytes, no more than the " +
                             std::to_string(bytes) + " given";
        }
        if (*answer == wn_status::success) {
            read_packed_resource(buffer, system, with_system, result);
        }
        break;
    }
    return journal.finish(result);
}

inline testing::resource_result get_resource_information(const std::vector<testing::provider>& providers,
                                                         testing::provider_journal& journal, const net_resource& asked,
                                                         platform::dword bytes)
{
    journal.begin("get resource information of " + describe_resource(asked), testing::wnet_kind::lookup);
    return ask_resource(providers, journal, asked, bytes, "NPGetResourceInformation", true,
                        [](const testing::provider& p, platform::net_resource_w* r, void* buffer, platform::dword* size,
                           const wchar_t** system) -> std::optional<wn_status> {
                            if (p.get_resource_information == nullptr ||
                                !announces(p, platform::wnnc::dialog, platform::wnnc::dlg_get_resource_information)) {
                                return std::nullopt;
                            }
                            using sig = platform::np_signature::NPGetResourceInformation;
                            wchar_t* out = nullptr;
                            const auto answer = static_cast<wn_status>(
                                p.get_resource_information(arg<sig, 0>(r), buffer, size, arg<sig, 3>(&out)));
                            *system = out;
                            return answer;
                        });
}

inline testing::resource_result get_resource_parent(const std::vector<testing::provider>& providers,
                                                    testing::provider_journal& journal, const net_resource& asked,
                                                    platform::dword bytes)
{
    journal.begin("get resource parent of " + describe_resource(asked), testing::wnet_kind::lookup);
    return ask_resource(providers, journal, asked, bytes, "NPGetResourceParent", false,
                        [](const testing::provider& p, platform::net_resource_w* r, void* buffer, platform::dword* size,
                           const wchar_t** /*system*/) -> std::optional<wn_status> {
                            if (p.get_resource_parent == nullptr ||
                                !announces(p, platform::wnnc::dialog, platform::wnnc::dlg_get_resource_parent)) {
                                return std::nullopt;
                            }
                            using sig = platform::np_signature::NPGetResourceParent;
                            return static_cast<wn_status>(p.get_resource_parent(arg<sig, 0>(r), buffer, size));
                        });
}

inline testing::format_result format_network_name(const std::vector<testing::provider>& providers,
                                                  testing::provider_journal& journal, const std::string& provider_name,
                                                  const std::wstring& remote_name, platform::dword flags,
                                                  platform::dword width, platform::dword chars)
{
    journal.begin("format " + testing::provider_journal::narrow(remote_name) + " for " + provider_name,
                  testing::wnet_kind::lookup);
    testing::format_result result;
    result.length = chars;
    const auto it = std::find_if(providers.begin(), providers.end(),
                                 [&](const testing::provider& p) { return p.name == provider_name; });
    if (it == providers.end()) {
        result.status = wn_status::bad_provider;
        return journal.finish(result);
    }
    if (it->format_network_name == nullptr ||
        !announces(*it, platform::wnnc::dialog, platform::wnnc::dlg_format_network_name)) {
        return journal.finish(result);
    }
    std::wstring name = remote_name;
    std::vector<wchar_t> buffer(static_cast<std::size_t>(chars) + 1U, L'\0'); // one past: a terminator check
    platform::dword length = chars;
    using sig = platform::np_signature::NPFormatNetworkName;
    result.status = static_cast<wn_status>(it->format_network_name(
        arg<sig, 0>(name.data()), arg<sig, 1>(chars == 0 ? nullptr : buffer.data()), &length, flags, width));
    journal.record(static_cast<std::size_t>(it - providers.begin()), "NPFormatNetworkName",
                   testing::provider_journal::narrow(remote_name) + ", width " + std::to_string(width), result.status);
    result.length = length;
    if (result.status == wn_status::success) {
        const auto given = buffer.begin() + static_cast<std::ptrdiff_t>(chars);
        const auto end = std::find(buffer.begin(), given, L'\0');
        if (end == given) {
            result.problem = "no terminator inside the " + std::to_string(chars) + " characters given";
        } else {
            result.text.assign(buffer.begin(), end);
        }
    }
    return journal.finish(result);
}

} // namespace mprnotify::detail

namespace mprnotify::testing {

} // namespace mprnotify::testing
