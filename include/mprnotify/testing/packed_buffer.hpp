// mprnotify/testing/packed_buffer.hpp - reads a packed NETRESOURCE buffer the way MPR does, and says
// what is wrong with it.
//
// check_packed_resources() validates what a provider left in MPR's buffer after NPEnumResource,
// NPGetResourceInformation or NPGetResourceParent ("NPEnumResource function (npapi.h)"): `count`
// structures at the head, every non-NULL pointer inside the buffer and after the array, at an even
// offset, its string terminated before the buffer ends, and no two strings overlapping (the same
// string shared by two fields is allowed). It never reads outside [buffer, buffer + bytes).
// read_packed_resources() gives the entries back as values, for comparing with what was packed.
// detail::owned_net_resource and detail::caller_buffer are what the simulated MPR hands a provider.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "../provider/net_resource.hpp"
#include "../core/platform.hpp"

namespace mprnotify::testing {

} // namespace mprnotify::testing

namespace mprnotify::detail {

/// Entry `index` of the array at the head of `buffer`, read without assuming alignment.
inline platform::net_resource_w packed_entry(const void* buffer, std::size_t index) noexcept
{
    platform::net_resource_w entry{};
    std::memcpy(&entry, static_cast<const std::byte*>(buffer) + index * sizeof entry, sizeof entry);
    return entry;
}

/// Characters of the string at byte `offset`, or nullopt when no terminator comes before `bytes`.
// NOLINTNEXTLINE(bugprone-easily-swappable-parameters): the order the SDK and the docs use
inline std::optional<std::size_t> packed_length(const void* buffer, std::size_t bytes, std::size_t offset) noexcept
{
    const auto* base = static_cast<const std::byte*>(buffer);
    for (std::size_t at = offset; at + sizeof(wchar_t) <= bytes; at += sizeof(wchar_t)) {
        wchar_t c{};
        std::memcpy(&c, base + at, sizeof c);
        if (c == L'\0') {
            return (at - offset) / sizeof(wchar_t);
        }
    }
    return std::nullopt;
}

/// A NETRESOURCEW over its own copies of a resource's strings (MPR hands providers writable ones).
class owned_net_resource {
public:
    explicit owned_net_resource(const net_resource& r)
        : local_(r.local_name.value_or(L"")), remote_(r.remote_name.value_or(L"")), comment_(r.comment.value_or(L"")),
          provider_(r.provider.value_or(L""))
    {
        raw_.dwScope = static_cast<platform::dword>(r.scope);
        raw_.dwType = static_cast<platform::dword>(r.type);
        raw_.dwDisplayType = static_cast<platform::dword>(r.display_type);
        raw_.dwUsage = static_cast<platform::dword>(r.usage);
        raw_.lpLocalName = r.local_name ? local_.data() : nullptr;
        raw_.lpRemoteName = r.remote_name ? remote_.data() : nullptr;
        raw_.lpComment = r.comment ? comment_.data() : nullptr;
        raw_.lpProvider = r.provider ? provider_.data() : nullptr;
    }
    owned_net_resource(const owned_net_resource&) = delete;
    owned_net_resource& operator=(const owned_net_resource&) = delete;
    ~owned_net_resource() = default;

    [[nodiscard]] platform::net_resource_w* get() noexcept { return &raw_; }

private:
    std::wstring local_, remote_, comment_, provider_;
    platform::net_resource_w raw_{};
};

/// A caller's buffer: aligned as a heap block is, `bytes` long.
class caller_buffer {
public:
    explicit caller_buffer(platform::dword bytes) { resize(bytes); }
    void resize(platform::dword bytes)
    {
        bytes_ = bytes;
        storage_.assign((static_cast<std::size_t>(bytes) + sizeof(std::max_align_t) - 1) / sizeof(std::max_align_t),
                        std::max_align_t{});
    }
    [[nodiscard]] void* data() noexcept { return bytes_ == 0 ? nullptr : static_cast<void*>(storage_.data()); }
    [[nodiscard]] platform::dword bytes() const noexcept { return bytes_; }

private:
    std::vector<std::max_align_t> storage_;
    platform::dword bytes_ = 0;
};

} // namespace mprnotify::detail

namespace mprnotify::testing {

/// What is wrong with a packed buffer; an empty string when MPR can read it safely.
/// `extra` names strings outside the entries that live in the same buffer (NPGetResourceInformation's
/// system string), checked by the same rules.
[[nodiscard]] inline std::string check_packed_resources(const void* buffer, std::size_t bytes, std::size_t count,
                                                        std::vector<const wchar_t*> extra = {})
{
    if (count == 0) {
        return extra.empty() || extra == std::vector<const wchar_t*>(extra.size(), nullptr)
                   ? std::string{}
                   : "a string is packed but no entry is";
    }
    if (buffer == nullptr) {
        return "entries reported in a NULL buffer";
    }
    const std::size_t array_end = count * sizeof(platform::net_resource_w);
    if (count > bytes / sizeof(platform::net_resource_w)) {
        return "the array of " + std::to_string(count) + " entries does not fit in " + std::to_string(bytes) + " bytes";
    }
    const auto base = reinterpret_cast<std::uintptr_t>(buffer);
    std::vector<std::pair<std::size_t, std::size_t>> spans; // [offset, end) of each distinct string
    const auto check_string = [&](const wchar_t* text, const std::string& what) -> std::string {
        if (text == nullptr) {
            return {};
        }
        const auto at = reinterpret_cast<std::uintptr_t>(text);
        if (at < base || at - base >= bytes) {
            return what + " points outside the buffer";
        }
        const std::size_t offset = at - base;
        if (offset < array_end) {
            return what + " points into the array of entries";
        }
        if (offset % sizeof(wchar_t) != 0) {
            return what + " is at an odd offset";
        }
        const std::optional<std::size_t> length = detail::packed_length(buffer, bytes, offset);
        if (!length) {
            return what + " has no terminator inside the buffer";
        }
        spans.emplace_back(offset, offset + (*length + 1) * sizeof(wchar_t));
        return {};
    };
    for (std::size_t i = 0; i < count; ++i) {
        const platform::net_resource_w entry = detail::packed_entry(buffer, i);
        const std::string at = "entry " + std::to_string(i) + " ";
        for (const auto& [text, name] :
             {std::pair{entry.lpLocalName, "lpLocalName"}, std::pair{entry.lpRemoteName, "lpRemoteName"},
              std::pair{entry.lpComment, "lpComment"}, std::pair{entry.lpProvider, "lpProvider"}}) {
            if (std::string problem = check_string(text, at + name); !problem.empty()) {
                return problem;
            }
        }
    }
    for (std::size_t i = 0; i < extra.size(); ++i) {
        if (std::string problem = check_string(extra[i], "extra string " + std::to_string(i)); !problem.empty()) {
            return problem;
        }
    }
    std::sort(spans.begin(), spans.end());
    spans.erase(std::unique(spans.begin(), spans.end()), spans.end());
    for (std::size_t i = 1; i < spans.size(); ++i) {
        if (spans[i].first < spans[i - 1].second) {
            return "two strings overlap at offset " + std::to_string(spans[i].first);
        }
    }
    return {};
}

/// The entries of a packed buffer as values. Call check_packed_resources() first: this assumes a
/// buffer that passed it.
[[nodiscard]] inline std::vector<net_resource> read_packed_resources(const void* buffer, std::size_t count)
{
    const auto text = [](const wchar_t* field) -> std::optional<std::wstring> {
        if (field == nullptr) {
            return std::nullopt;
        }
        std::wstring value;
        for (wchar_t c{}; std::memcpy(&c, field + value.size(), sizeof c), c != L'\0';) {
            value.push_back(c);
        }
        return value;
    };
    std::vector<net_resource> entries;
    entries.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const platform::net_resource_w entry = detail::packed_entry(buffer, i);
        entries.push_back(net_resource{
            static_cast<resource_scope>(entry.dwScope), static_cast<resource_type>(entry.dwType),
            static_cast<display_type>(entry.dwDisplayType), static_cast<resource_usage>(entry.dwUsage),
            text(entry.lpLocalName), text(entry.lpRemoteName), text(entry.lpComment), text(entry.lpProvider)});
    }
    return entries;
}

} // namespace mprnotify::testing
