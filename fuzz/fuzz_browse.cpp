// libFuzzer target: the browsing exports - NPOpenEnum, NPEnumResource, NPCloseEnum,
// NPGetResourceInformation, NPGetResourceParent, NPFormatNetworkName - called as a hostile MPR might.
//
// Each input is a list of steps: open an enumeration (any scope, type, usage, container), read a
// batch from one of the open handles, a closed one or a random 64-bit value (any count, any claimed
// size, NULL pointers), close one, or ask for resource information, a parent or a formatted name.
// The handler's sequences are made from the input (any number of entries, any strings, NULL and
// empty fields) and may throw part-way. Buffers are heap blocks of exactly the claimed size, so
// AddressSanitizer sees any write past them. After each call the harness checks what the library
// promises:
//   - a handle it did not hand out, or closed, is WN_BAD_HANDLE (never dereferenced: ASan);
//   - WN_SUCCESS from NPEnumResource: 1..count entries that MPR can read (check_packed_resources);
//   - WN_MORE_DATA: the size reported is larger than the size passed;
//   - every enumeration left open is freed when the harness closes it, and none stays open.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <mprnotify/provider/entry_points.hpp>
#include <mprnotify/testing/packed_buffer.hpp>

#include "byte_reader.hpp"

namespace {

using namespace mprnotify;
namespace platform = mprnotify::platform;

/// Throws where exceptions exist; the -fno-exceptions build answers without the throw.
#if defined(__cpp_exceptions)
#  define FUZZ_THROW(what)                                                                                             \
    throw std::runtime_error { what }
#else
#  define FUZZ_THROW(what) static_cast<void>(what)
#endif

[[noreturn]] void fail(const char* what)
{
    std::fprintf(stderr, "reliability check failed: %s\n", what);
    std::abort();
}

fuzz::byte_reader* input = nullptr; // the current input, read by the handler too

std::optional<std::wstring> text(fuzz::byte_reader& in)
{
    const std::uint8_t kind = in.u8();
    if (kind % 5 == 0) {
        return std::nullopt;
    }
    if (kind % 5 == 1) {
        return std::wstring{};
    }
    if (kind % 5 == 2) { // long: up to 4 Ki copies of one character
        return std::wstring(1 + in.u16() % 4096, static_cast<wchar_t>(1 + in.u16()));
    }
    std::wstring value(kind % 17, L'x');
    for (wchar_t& c : value) {
        c = static_cast<wchar_t>(1 + in.u16() % 0xFFFE); // never NUL
    }
    return value;
}

net_resource resource(fuzz::byte_reader& in)
{
    net_resource r;
    r.scope = static_cast<resource_scope>(in.u8() % 8);
    r.type = static_cast<resource_type>(in.u8() % 4);
    r.display_type = static_cast<display_type>(in.u8() % 12);
    r.usage = static_cast<resource_usage>(in.u8());
    r.local_name = text(in);
    r.remote_name = text(in);
    r.comment = text(in);
    r.provider = text(in);
    return r;
}

/// A lazily produced sequence; throws after `throw_after` entries when that is set.
struct sequence {
    std::vector<net_resource> entries;
    std::size_t next = 0;
    std::size_t throw_after = SIZE_MAX;
    std::optional<net_resource> operator()()
    {
        if (next == throw_after) {
            FUZZ_THROW("sequence failed");
            return std::nullopt;
        }
        if (next == entries.size()) {
            return std::nullopt;
        }
        return entries[next++];
    }
};

struct browser {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    // Entries without a provider get this one: both packing paths (own and default provider) run.
    static constexpr std::wstring_view provider_name = L"Fuzz Network";
    static constexpr enum_scopes enumerates = enum_scopes::globalnet | enum_scopes::context;
    lookup<sequence> enumerate(const enum_request&)
    {
        const std::uint8_t how = input->u8();
        if (how % 11 == 0) {
            return wn_status::bad_netname;
        }
        if (how % 13 == 1) {
            FUZZ_THROW("cannot open");
        }
        sequence s;
        s.entries.resize(input->u8() % 12);
        for (auto& entry : s.entries) {
            entry = resource(*input);
        }
        if (how % 3 == 2) {
            s.throw_after = input->u8() % 12;
        }
        return s;
    }
    std::optional<mprnotify::resource_information> resource_information(const resource_request&)
    {
        if (input->u8() % 4 == 0) {
            return std::nullopt;
        }
        return mprnotify::resource_information{resource(*input), text(*input)};
    }
    lookup<net_resource> resource_parent(const resource_request&)
    {
        if (input->u8() % 4 == 0) {
            FUZZ_THROW("no parent");
        }
        return resource(*input);
    }
    std::optional<std::wstring> format_network_name(const format_request&) { return text(*input); }
};

using np = provider_entry_points<browser>;

/// A buffer of exactly the size MPR claims, or NULL.
struct claimed_buffer {
    std::vector<std::byte> bytes;
    platform::dword size = 0;
    void* data = nullptr;
    explicit claimed_buffer(fuzz::byte_reader& in)
    {
        const std::uint8_t how = in.u8();
        size = how % 7 == 0 ? 0 : in.u16() % 8192;
        if (how % 11 != 1) {
            bytes.resize(size);
            data = bytes.empty() ? nullptr : bytes.data();
        }
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzz::byte_reader in{data, size};
    input = &in;
    std::vector<void*> open;
    std::vector<void*> closed;
    for (int step = 0; step < 64 && !in.empty(); ++step) {
        const std::uint8_t op = in.u8() % 6;
        if (op == 0) {
            const std::uint8_t scope = in.u8() % 8;
            std::optional<std::wstring> parent = text(in);
            platform::net_resource_w container{};
            container.lpRemoteName = parent ? parent->data() : nullptr;
            const bool no_container = in.u8() % 2 == 0;
            void* handle = nullptr;
            const platform::dword answer =
                np::open_enum(scope, in.u32(), in.u32(), no_container ? nullptr : &container, &handle);
            if (answer == 0) {
                if (handle == nullptr) {
                    fail("WN_SUCCESS without a handle");
                }
                open.push_back(handle);
            } else if (handle != nullptr) {
                fail("a handle handed out with an error");
            }
        } else if (op == 1 || op == 2) {
            const std::uint8_t pick = in.u8();
            void* handle = nullptr;
            bool valid = false;
            if (pick % 4 == 0 || open.empty()) {
                handle = reinterpret_cast<void*>(static_cast<std::uintptr_t>(in.u64()));
            } else if (pick % 4 == 1 && !closed.empty()) {
                handle = closed[in.u8() % closed.size()];
            } else if (!open.empty()) {
                handle = open[in.u8() % open.size()];
                valid = true;
            }
            for (void* h : open) {
                valid = valid || h == handle; // a random value may equal an open handle
            }
            if (op == 2) {
                const platform::dword answer = np::close_enum(handle);
                if (valid != (answer == 0) || (!valid && answer != 6)) {
                    fail("NPCloseEnum: an open handle must close, anything else is WN_BAD_HANDLE");
                }
                if (valid) {
                    std::erase(open, handle);
                    closed.push_back(handle);
                }
                continue;
            }
            claimed_buffer buffer{in};
            const std::uint8_t counts = in.u8();
            platform::dword count = counts % 5 == 0 ? 0xFFFFFFFFU : counts % 7;
            const platform::dword asked = count;
            const bool null_count = counts == 255;
            const platform::dword answer =
                np::enum_resource(handle, null_count ? nullptr : &count, buffer.data, &buffer.size);
            if (!valid && answer != 6 && answer != 487 && answer != 87) {
                fail("NPEnumResource answered a handle it never handed out");
            }
            if (answer == 0 &&
                (count == 0 || count > asked ||
                 !mprnotify::testing::check_packed_resources(buffer.data, buffer.bytes.size(), count).empty())) {
                fail("NPEnumResource: WN_SUCCESS with a count or a buffer MPR cannot read");
            }
            if (answer == 234 && buffer.size <= buffer.bytes.size() && buffer.data != nullptr) {
                fail("NPEnumResource: WN_MORE_DATA with a size that would have fitted");
            }
        } else {
            std::optional<std::wstring> name = text(in);
            platform::net_resource_w asked{};
            asked.lpRemoteName = name ? name->data() : nullptr;
            claimed_buffer buffer{in};
            const platform::dword passed = buffer.size;
            wchar_t* system = nullptr;
            platform::dword answer = 0;
            if (op == 3) {
                answer = np::get_resource_information(&asked, buffer.data, &buffer.size, &system);
            } else if (op == 4) {
                answer = np::get_resource_parent(&asked, buffer.data, &buffer.size);
            } else {
                platform::dword chars = passed / sizeof(wchar_t);
                answer = np::format_network_name(name ? name->data() : nullptr, static_cast<wchar_t*>(buffer.data),
                                                 &chars, in.u8(), in.u16());
                continue;
            }
            if (answer == 0 && !mprnotify::testing::check_packed_resources(buffer.data, passed, 1, {system}).empty()) {
                fail("resource information or parent: a result MPR cannot read");
            }
            if (answer == 234 && buffer.size <= passed) {
                fail("WN_MORE_DATA with a size that would have fitted");
            }
        }
    }
    for (void* handle : open) {
        if (np::close_enum(handle) != 0) {
            fail("an open enumeration would not close");
        }
    }
    if (np::open_enumerations() != 0) {
        fail("an enumeration stayed open");
    }
    input = nullptr;
    return 0;
}
