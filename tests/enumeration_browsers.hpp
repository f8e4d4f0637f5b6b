// The browsing providers the enumeration tests share: sequences that count themselves, a generator
// that throws on request, handlers for each kind of sequence, and the helpers that open and read.
#pragma once

#include <doctest/doctest.h>

#include <mprnotify/provider/entry_points.hpp>
#include <mprnotify/testing/packed_buffer.hpp>

#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "resource_generator.hpp"

using namespace mprnotify;
namespace platform = mprnotify::platform;
using mprnotify::testing::check_packed_resources;
using mprnotify::testing::read_packed_resources;

namespace {

std::vector<net_resource> shares;   // what the next enumeration yields
int throw_after = -1;               // the generator throws after this many entries (-1: never)
std::atomic<int> live_sequences{0}; // sequences not yet destroyed
std::vector<std::wstring> parents;  // the parents the hook was asked about
std::mutex parents_lock;

/// A lazily produced sequence that counts itself, so a test sees it freed.
struct share_generator {
    std::size_t next = 0;
    std::vector<net_resource> items;
    bool counted = true;
    explicit share_generator(std::vector<net_resource> from) : items(std::move(from)) { ++live_sequences; }
    share_generator(share_generator&& other) noexcept : next(other.next), items(std::move(other.items))
    {
        ++live_sequences;
    }
    share_generator(const share_generator& other) : next(other.next), items(other.items) { ++live_sequences; }
    share_generator& operator=(const share_generator&) = delete;
    ~share_generator() { --live_sequences; }
    std::optional<net_resource> operator()()
    {
#if MPRNOTIFY_HAS_EXCEPTIONS
        if (throw_after >= 0 && next == static_cast<std::size_t>(throw_after)) {
            throw std::runtime_error{"the share list went away"};
        }
#endif
        if (next == items.size()) {
            return std::nullopt;
        }
        return items[next++];
    }
};

struct browser {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    static constexpr enum_scopes enumerates = enum_scopes::globalnet | enum_scopes::connected;
    lookup<share_generator> enumerate(const enum_request& request)
    {
        const std::scoped_lock hold{parents_lock};
        parents.push_back(std::wstring{request.parent_remote_name().value_or(L"(top)")});
        if (!request.at_top() && request.parent_remote_name() != L"\\\\home") {
            return wn_status{1207}; // WN_NOT_CONTAINER
        }
        return share_generator{shares};
    }
};

/// A provider whose sequence is a plain container.
struct vector_browser {
    static constexpr std::uint32_t net_type = 0x00FB0000;
    static constexpr enum_scopes enumerates = enum_scopes::globalnet;
    std::vector<net_resource> enumerate(const enum_request&) { return shares; }
};

/// A provider that names itself: entries without a provider carry its name.
struct named_browser {
    static constexpr std::uint32_t net_type = 0x00FC0000;
    static constexpr std::wstring_view provider_name = L"Named Network";
    static constexpr enum_scopes enumerates = enum_scopes::globalnet;
    std::vector<net_resource> enumerate(const enum_request&) { return shares; }
};

/// Returns every entry whatever the request asks for, and says it filtered: the library takes its word.
struct trusted_browser {
    static constexpr std::uint32_t net_type = 0x00FE0000;
    static constexpr enum_scopes enumerates = enum_scopes::globalnet;
    static constexpr bool enumerate_applies_filter = true;
    std::vector<net_resource> enumerate(const enum_request&) { return shares; }
};

/// A range whose entries are made as they are read (each dereference returns a new net_resource).
struct made_browser {
    static constexpr std::uint32_t net_type = 0x00FF0000;
    static constexpr enum_scopes enumerates = enum_scopes::globalnet;
    // Written out rather than views::transform: Clang 14 cannot use libstdc++ 12's range adaptors.
    struct made_range {
        struct iterator {
            using difference_type = std::ptrdiff_t;
            using value_type = net_resource;
            std::size_t at = 0;
            net_resource operator*() const { return shares[at]; }
            iterator& operator++()
            {
                ++at;
                return *this;
            }
            iterator operator++(int)
            {
                const iterator before = *this;
                ++at;
                return before;
            }
            bool operator==(const iterator&) const = default;
        };
        [[nodiscard]] iterator begin() const { return {}; }
        [[nodiscard]] iterator end() const { return {shares.size()}; }
    };
    made_range enumerate(const enum_request&) { return {}; }
};

/// fail_open with room for four open enumerations.
struct four_enumerations {
    static constexpr wn_status unexpected_error = wn_status::success;
    static constexpr std::size_t enumeration_capacity = 4;
};

/// No data members: constant-initialized and never destroyed, while its table is destroyed at exit.
struct exit_browser {
    static constexpr std::uint32_t net_type = 0x00FD0000;
    static constexpr enum_scopes enumerates = enum_scopes::globalnet;
    std::vector<net_resource> enumerate(const enum_request&) { return shares; }
};
static_assert(detail::constant_handler<exit_browser>);

using np = provider_entry_points<browser>;
using np_vector = provider_entry_points<vector_browser, fail_closed<wn_status::net_error>>;

net_resource share(std::wstring name, std::optional<std::wstring> comment = std::nullopt)
{
    net_resource r;
    r.type = resource_type::disk;
    r.display_type = display_type::share;
    r.usage = resource_usage::connectable;
    r.remote_name = L"\\\\home\\" + name;
    r.comment = std::move(comment);
    r.provider = L"Home Network";
    return r;
}

constexpr platform::dword globalnet = 2;
constexpr platform::dword all = 0xFFFFFFFF;

struct reset {
    reset()
    {
        shares = {share(L"music", L"songs"), share(L"photos"), share(L"docs", L""), share(L"videos", L"films")};
        throw_after = -1;
        parents.clear();
    }
};

template <class Np>
void* open(platform::net_resource_w* container = nullptr, platform::dword scope = globalnet)
{
    void* handle = nullptr;
    REQUIRE(Np::open_enum(scope, 0, 0, container, &handle) == 0);
    REQUIRE(handle != nullptr);
    return handle;
}

/// Reads the whole enumeration with `bytes`-byte buffers and `count` per call.
template <class Np>
std::vector<net_resource> read_all(void* handle, std::size_t bytes, platform::dword count, platform::dword& last)
{
    std::vector<net_resource> all_read;
    for (int calls = 0; calls < 1000; ++calls) {
        std::vector<std::byte> buffer(bytes);
        platform::dword asked = count;
        auto size = static_cast<platform::dword>(bytes);
        last = Np::enum_resource(handle, &asked, buffer.data(), &size);
        if (last != 0) {
            return all_read;
        }
        REQUIRE(asked >= 1);
        REQUIRE(asked <= count);
        REQUIRE(check_packed_resources(buffer.data(), bytes, asked) == "");
        const auto got = read_packed_resources(buffer.data(), asked);
        all_read.insert(all_read.end(), got.begin(), got.end());
    }
    FAIL("the enumeration never ended");
    return all_read;
}

} // namespace
