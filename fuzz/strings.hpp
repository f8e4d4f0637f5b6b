// The NOTIFYADD / NOTIFYCANCEL a fuzzer step passes, with strings it owns.
//
// Each string is NULL, empty, short (characters from the input, any 16-bit value) or very long
// (1 to 16 Ki copies of one character). lpProvider is undefined on pre and on the post of a failed
// cancel: there it points into memory AddressSanitizer reports on any read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include <mprnotify/core/platform.hpp>

#include "byte_reader.hpp"

#if defined(__has_feature)
#  if __has_feature(address_sanitizer)
#    include <sanitizer/asan_interface.h>
#    define MPRNOTIFY_FUZZ_POISON 1
#  endif
#endif
#ifndef MPRNOTIFY_FUZZ_POISON
#  define MPRNOTIFY_FUZZ_POISON 0
#endif

namespace fuzz {

namespace platform = mprnotify::platform;

/// Memory no one may read: what lpProvider points to when the documentation calls it undefined.
inline wchar_t* poisoned_text()
{
    alignas(64) static wchar_t buffer[64] = {L'x'};
    [[maybe_unused]] static const bool poisoned = [] {
#if MPRNOTIFY_FUZZ_POISON
        ASAN_POISON_MEMORY_REGION(buffer, sizeof buffer);
#endif
        return true;
    }();
    return buffer;
}

class call_strings {
public:
    call_strings()
    {
        add_.NetResource.dwType = 1;
        add_.NetResource.lpLocalName = local_->data();
        add_.NetResource.lpRemoteName = remote_->data();
        cancel_.lpName = name_->data();
    }
    call_strings(const call_strings&) = delete;
    call_strings& operator=(const call_strings&) = delete;
    ~call_strings() = default;

    void decode(byte_reader& in, bool add, bool custom_strings, bool custom_numbers)
    {
        if (custom_strings) {
            if (add) {
                local_ = decode_string(in);
                remote_ = decode_string(in);
            } else {
                name_ = decode_string(in);
                provider_ = decode_string(in);
            }
        }
        add_.NetResource.lpLocalName = pointer(local_);
        add_.NetResource.lpRemoteName = pointer(remote_);
        cancel_.lpName = pointer(name_);
        if (custom_numbers) {
            if (add) {
                add_.dwAddFlags = in.u32();
                add_.NetResource.dwType = in.u32();
                add_.NetResource.dwScope = in.u32();
                add_.hwndOwner = reinterpret_cast<void*>(static_cast<std::uintptr_t>(in.u64()));
                // Fields the documentation leaves undefined: never read, so they may point anywhere.
                add_.NetResource.lpComment = poisoned_text();
                add_.NetResource.lpProvider = poisoned_text();
            } else {
                cancel_.dwFlags = in.u32();
                cancel_.fForce = static_cast<std::int32_t>(in.u32());
            }
        }
    }

    /// lpProvider is only defined on the post of a successful cancel.
    void prepare_provider(bool defined) { cancel_.lpProvider = defined ? pointer(provider_) : poisoned_text(); }
    [[nodiscard]] bool provider_present() const noexcept { return provider_.has_value(); }

    [[nodiscard]] const wchar_t* name_pointer(bool add) const noexcept
    {
        return add ? add_.NetResource.lpRemoteName : cancel_.lpName;
    }

    platform::notify_add_param add_struct() noexcept { return platform::sdk(&add_); }
    platform::notify_cancel_param cancel_struct() noexcept { return platform::sdk(&cancel_); }

private:
    using text = std::optional<std::wstring>;

    static text decode_string(byte_reader& in)
    {
        const std::uint8_t mode = in.u8();
        const std::size_t length = mode >> 2U;
        switch (mode & 3U) {
        case 0: return std::nullopt;
        case 1: return std::wstring{};
        case 2: {
            std::wstring s;
            for (std::size_t i = 0; i < length; ++i) {
                s.push_back(static_cast<wchar_t>(in.u16()));
            }
            return s;
        }
        default: {
            const std::uint16_t fill = in.u16();
            return std::wstring((length + 1) * 256, static_cast<wchar_t>(fill == 0 ? L'A' : fill));
        }
        }
    }

    static wchar_t* pointer(text& t) noexcept { return t ? t->data() : nullptr; }

    text local_ = std::wstring{L"Z:"};
    text remote_ = std::wstring{L"\\\\server\\share"};
    text name_ = std::wstring{L"Z:"};
    text provider_ = std::wstring{L"Microsoft Windows Network"};
    platform::notify_add_w add_{};
    platform::notify_cancel_w cancel_{};
};

} // namespace fuzz
