// Test support: builders for the raw structures MPR passes, and a context that counts itself.
#pragma once

#include <atomic>
#include <string>

#include <mprnotify/core/platform.hpp>
#include <mprnotify/core/status.hpp>

namespace test_support {

namespace platform = mprnotify::platform;

/// A NOTIFYINFO as MPR fills it for a pre call.
inline platform::notify_info pre_info() { return platform::notify_info{platform::notify_pre, 0, nullptr}; }

/// A NOTIFYINFO as MPR fills it for a post call.
inline platform::notify_info post_info(void* context, std::uint32_t status = 0)
{
    return platform::notify_info{platform::notify_post, status, context};
}

/// A NOTIFYADD with its strings owned by this object.
struct add_struct {
    std::wstring local = L"Z:";
    std::wstring remote = L"\\\\server\\share";
    platform::notify_add_w raw{};
    add_struct()
    {
        raw.NetResource.dwType = 1;
        raw.NetResource.lpLocalName = local.data();
        raw.NetResource.lpRemoteName = remote.data();
    }
    add_struct(const add_struct&) = delete;
    add_struct& operator=(const add_struct&) = delete;
    platform::notify_add_param get() { return platform::sdk(&raw); }
};

/// A NOTIFYCANCEL with its strings owned by this object.
struct cancel_struct {
    std::wstring name = L"Z:";
    std::wstring provider = L"Microsoft Windows Network";
    platform::notify_cancel_w raw{};
    cancel_struct()
    {
        raw.lpName = name.data();
        raw.lpProvider = provider.data();
    }
    cancel_struct(const cancel_struct&) = delete;
    cancel_struct& operator=(const cancel_struct&) = delete;
    platform::notify_cancel_param get() { return platform::sdk(&raw); }
};

/// Counts live instances, so a test can prove every context is destroyed exactly once.
struct counted {
    static inline std::atomic<long> live{0};
    static inline std::atomic<long> constructed{0};
    int value = 0;
    explicit counted(int v = 0) noexcept : value(v)
    {
        ++live;
        ++constructed;
    }
    counted(const counted& other) noexcept : value(other.value)
    {
        ++live;
        ++constructed;
    }
    counted(counted&& other) noexcept : value(other.value)
    {
        ++live;
        ++constructed;
    }
    counted& operator=(const counted&) = default;
    counted& operator=(counted&&) = default;
    ~counted() { --live; }
};

/// A context too large to be stored inline: it goes to the heap.
struct big_counted : counted {
    using counted::counted;
    char payload[256] = {};
};

inline std::uint32_t raw(mprnotify::wn_status s) { return mprnotify::to_underlying(s); }

} // namespace test_support
