// libFuzzer target: every NP export the library generates, called as a hostile MPR might.
//
// Each input is a list of steps. A step picks an export, which pointers are NULL, the strings
// MPR passes (any length, any characters), the size it claims (0, 1, huge, random, or near the
// answer's), the info level, and what the handler does (answer, answer a code, throw each kind of
// exception). Buffers are heap blocks of exactly the claimed size, so AddressSanitizer sees any
// write past them. After each call the harness checks what the library promises:
//   - WN_SUCCESS only when the hook answered it; never for a hook that threw something other than
//     wn_error(WN_SUCCESS)... which also does not answer WN_SUCCESS;
//   - WN_MORE_DATA leaves the buffer untouched and reports a size larger than the one passed;
//   - a lookup's WN_SUCCESS wrote a NUL-terminated answer inside the buffer;
//   - the hook never runs for NULL required pointers or an unknown info level.
// Steps whose first byte is 0xC0 or above drive the credential-manager pair and NPGetConnection3 /
// NPGetConnectionPerformance: UNICODE_STRINGs with any Length / MaximumLength over heap blocks of
// exactly MaximumLength bytes (ASan sees a read past Length), any authentication type, any cbStructure.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#include <mprnotify/provider/entry_points.hpp>

#include "byte_reader.hpp"
#include "credential_steps.hpp"

namespace {

using namespace mprnotify;
namespace platform = mprnotify::platform;

struct script {
    std::uint8_t action =
        0; // 0-3 answer, 4 code, 5 wn_error, 6 wn_error(success), 7 bad_alloc, 8 system_error, 9 runtime, 10 int
    wn_status code = wn_status::success;
    std::wstring value; // what a lookup answers
    std::wstring rest;  // universal name: remaining path
    int calls = 0;
};
script current;

[[noreturn]] void fail(const char* what)
{
    std::fprintf(stderr, "reliability check failed: %s\n", what);
    std::abort();
}

/// Runs the scripted behaviour; true when the hook should answer its value.
bool act()
{
    ++current.calls;
    switch (current.action % 11) {
    case 4: return false;
#if MPRNOTIFY_HAS_EXCEPTIONS
    case 5: throw wn_error{current.code == wn_status::success ? wn_status::no_network : current.code};
    case 6: throw wn_error{wn_status::success};
    case 7: throw std::bad_alloc{};
    case 8: throw std::system_error{std::make_error_code(std::errc::invalid_argument)};
    case 9: throw std::runtime_error{"scripted"};
    case 10: throw 7;
#else
    case 5:
    case 6:
    case 7:
    case 8:
    case 9:
    case 10: current.action = 4; return false; // built without exceptions: the hook answers a code instead
#endif
    default: return true;
    }
}

struct fuzz_provider {
    static constexpr std::uint32_t net_type = 0x00FE0000;
    wn_status connect(const connect_request& r)
    {
        static_cast<void>(r.remote_name().view().size() + r.local_name().view().size() + r.password().reveal().size());
        static_cast<void>(r.owner_window());
        return act() ? wn_status::success : current.code;
    }
    wn_status disconnect(const disconnect_request& r)
    {
        static_cast<void>(r.name().view().size());
        return act() ? wn_status::success : current.code;
    }
    lookup<std::wstring_view> connection_of(wzstring_view local)
    {
        static_cast<void>(local.view().size());
        return act() ? lookup<std::wstring_view>{current.value} : lookup<std::wstring_view>{current.code};
    }
    lookup<universal_name_view> universal_name_of(std::wstring_view path)
    {
        static_cast<void>(path.size());
        if (!act()) {
            return current.code;
        }
        return universal_name_view{current.value, current.rest};
    }
    std::optional<std::wstring> user_of(nullable_wstring name)
    {
        static_cast<void>(name.view().size());
        if (!act()) {
            return std::nullopt;
        }
        return current.value;
    }
    std::optional<std::wstring> on_logon(const logon_request& r)
    {
        touch(r);
        if (!act()) {
            return std::nullopt;
        }
        return current.value;
    }
    wn_status on_password_change(const password_change_request& r)
    {
        touch(r);
        return act() ? wn_status::success : current.code;
    }
    lookup<connection_state> connection_state_of(std::wstring_view local)
    {
        static_cast<void>(local.size());
        return act() ? lookup<connection_state>{connection_state::disconnected}
                     : lookup<connection_state>{current.code};
    }
    lookup<connection_performance> connection_performance_of(std::wstring_view name)
    {
        static_cast<void>(name.size());
        return act() ? lookup<connection_performance>{connection_performance{performance_flags::slow_link, 1, 2, 3}}
                     : lookup<connection_performance>{current.code};
    }
    void on_error(const failure& f) noexcept { static_cast<void>(f.message.size()); }

    /// Reads every character the views hand out: a read past Length lands outside the block.
    static void touch(const credential_event& e)
    {
        std::uint32_t sum = 0;
        for (const interactive_logon* logon :
             {&e.authentication(), e.previous_authentication() ? &*e.previous_authentication() : nullptr}) {
            if (logon == nullptr) {
                continue;
            }
            for (const secret& text : {logon->domain(), logon->user_name(), logon->password()}) {
                for (const wchar_t c : text.reveal()) {
                    sum += static_cast<std::uint32_t>(c);
                }
            }
        }
        static_cast<void>(sum + e.station_name().view().size());
    }
};

using np = provider_entry_points<fuzz_provider>;

std::wstring read_string(fuzz::byte_reader& in)
{
    const std::size_t length = in.u8() % 40U;
    std::wstring text;
    for (std::size_t i = 0; i < length; ++i) {
        const wchar_t c = static_cast<wchar_t>(in.u16());
        text += c == L'\0' ? L'x' : c;
    }
    return text;
}

platform::dword read_size(fuzz::byte_reader& in)
{
    switch (in.u8() % 6) {
    case 0: return 0;
    case 1: return 1;
    case 2: return in.u8();
    case 3: return in.u16() % 600U;
    case 4: return 0xFFFFFFFFU; // claimed, never backed: the buffer below is capped
    default: return in.u8() % 64U;
    }
}

wn_status status_from(platform::dword raw) { return static_cast<wn_status>(raw); }

void step(fuzz::byte_reader& in)
{
    const std::uint8_t selector = in.u8();
    if (selector >= 0xC0) {
        fuzz::credential_step<np>(in, static_cast<std::uint8_t>(selector % 4U), current, read_string(in));
        return;
    }
    const std::uint8_t which = selector % 6;
    const std::uint8_t nulls = in.u8();
    current.action = in.u8();
    const wn_status codes[] = {wn_status::not_connected, wn_status::bad_netname, wn_status::access_denied,
                               wn_status::more_data,     wn_status::no_network,  wn_status::success};
    current.code = codes[in.u8() % 6];
    current.value = read_string(in);
    current.rest = read_string(in);
    current.calls = 0;
    std::wstring first = read_string(in);
    std::wstring second = read_string(in);
    wchar_t* first_ptr = (nulls & 1U) != 0 ? nullptr : first.data();
    wchar_t* second_ptr = (nulls & 2U) != 0 ? nullptr : second.data();

    if (which <= 1) { // NPAddConnection3 / NPAddConnection
        platform::net_resource_w resource{};
        resource.dwType = in.u32();
        resource.lpLocalName = second_ptr;
        resource.lpRemoteName = first_ptr;
        std::wstring password = read_string(in);
        const auto* resource_ptr = (nulls & 4U) != 0 ? nullptr : &resource;
        using sig3 = platform::np_signature::NPAddConnection3;
        auto* res =
            reinterpret_cast<platform::parameters<sig3>::at<1>>(const_cast<platform::net_resource_w*>(resource_ptr));
        const wn_status answer =
            which == 0 ? status_from(np::add_connection3(nullptr, res, (nulls & 8U) != 0 ? nullptr : password.data(),
                                                         nullptr, in.u32()))
                       : status_from(np::add_connection(res, (nulls & 8U) != 0 ? nullptr : password.data(), nullptr));
        if ((resource_ptr == nullptr || first_ptr == nullptr) && current.calls != 0) {
            fail("connect hook called with a NULL NETRESOURCE or remote name");
        }
        if (answer == wn_status::success && (current.calls == 0 || current.action % 11 >= 5)) {
            fail("connect answered WN_SUCCESS without the hook answering it");
        }
        return;
    }
    if (which == 2) { // NPCancelConnection
        const wn_status answer = status_from(np::cancel_connection(first_ptr, static_cast<int>(in.u8() & 1U)));
        if (first_ptr == nullptr && (current.calls != 0 || answer != wn_status::bad_pointer)) {
            fail("cancel with a NULL name");
        }
        if (answer == wn_status::success && current.action % 11 >= 5) {
            fail("cancel answered WN_SUCCESS for a hook that threw");
        }
        return;
    }
    // Lookups.
    const bool null_buffer = (nulls & 4U) != 0;
    const bool null_size = (nulls & 8U) != 0;
    platform::dword size = read_size(in);
    const platform::dword level = (in.u8() % 4U);
    const std::size_t unit = which == 4 ? 1 : sizeof(wchar_t);
    const std::size_t bytes = std::min<std::size_t>(size, 4096) * unit; // 0xFFFFFFFF is claimed, not backed
    auto* block = null_buffer || bytes == 0 ? nullptr : static_cast<unsigned char*>(std::malloc(bytes));
    if (block != nullptr) {
        std::memset(block, 0xA5, bytes);
    }
    wn_status answer = wn_status::success;
    if (size > 4096 && block != nullptr) { // never hand a block smaller than the claim
        size = static_cast<platform::dword>(bytes / unit);
    }
    const platform::dword claimed = size;
    switch (which) {
    case 3:
        answer =
            status_from(np::get_connection(first_ptr, reinterpret_cast<wchar_t*>(block), null_size ? nullptr : &size));
        break;
    case 4: answer = status_from(np::get_universal_name(first_ptr, level, block, null_size ? nullptr : &size)); break;
    default:
        answer = status_from(np::get_user(first_ptr, reinterpret_cast<wchar_t*>(block), null_size ? nullptr : &size));
        break;
    }
    const bool bad_level = which == 4 && level != 1 && level != 2;
    const bool must_refuse =
        null_size || (which != 5 && first_ptr == nullptr) || bad_level || (null_buffer && claimed != 0);
    if (must_refuse && current.calls != 0) {
        fail("a lookup hook ran for input the library must refuse");
    }
    if (answer == wn_status::more_data) {
        if (size <= claimed) {
            fail("WN_MORE_DATA without a larger needed size");
        }
        for (std::size_t i = 0; block != nullptr && i < bytes; ++i) {
            if (block[i] != 0xA5) {
                fail("WN_MORE_DATA, yet the buffer was written");
            }
        }
    }
    if (answer == wn_status::success && which != 4) {
        bool terminated = false;
        for (std::size_t i = 0; block != nullptr && i + sizeof(wchar_t) <= bytes; i += sizeof(wchar_t)) {
            wchar_t c{};
            std::memcpy(&c, block + i, sizeof c);
            if (c == L'\0') {
                terminated = true;
                break;
            }
        }
        if (!terminated) {
            fail("a lookup's WN_SUCCESS without a NUL inside the buffer");
        }
    }
    std::free(block);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzz::byte_reader in{data, size};
    for (int steps = 0; steps < 16 && !in.empty(); ++steps) {
        step(in);
    }
    return 0;
}
