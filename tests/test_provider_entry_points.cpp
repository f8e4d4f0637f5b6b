// The provider boundary: bad input on every export, every exception kind, the failure policy
// (never WN_SUCCESS for a failure), no write outside the buffer (guard pages), last error kept.
#include <doctest/doctest.h>

#include <mprnotify/provider/entry_points.hpp>

#include <algorithm>
#include <cstring>
#include <new>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "guard_page.hpp"
#include "np_arguments.hpp"

using namespace mprnotify;
using namespace std::literals;
namespace platform = mprnotify::platform;
using namespace np_arguments;

namespace {

enum class mode {
    answer,
    throw_wn_error,
    throw_wn_success,
    throw_bad_alloc,
    throw_system_error,
    throw_runtime,
    throw_int,
    throw_more_data
};
mode behaviour = mode::answer;
int hook_calls = 0;
std::vector<std::string> errors;
std::wstring last_password;
const wchar_t* seen_name = nullptr; // the pointer the last name-taking hook was handed

void act()
{
    ++hook_calls;
#if MPRNOTIFY_HAS_EXCEPTIONS
    switch (behaviour) {
    case mode::answer: return;
    case mode::throw_wn_error: throw wn_error{wn_status::no_network};
    case mode::throw_wn_success: throw wn_error{wn_status::success};
    case mode::throw_bad_alloc: throw std::bad_alloc{};
    case mode::throw_system_error: throw std::system_error{std::make_error_code(std::errc::permission_denied)};
    case mode::throw_runtime: throw std::runtime_error{"boom"};
    case mode::throw_int: throw 42;
    case mode::throw_more_data: throw wn_error{wn_status::more_data};
    }
#endif
}

struct provider {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    wn_status connect(const connect_request& r)
    {
        act();
        last_password = std::wstring{r.password().reveal()};
        seen_name = r.remote_name().c_str();
        return r.remote_name().starts_with(L"\\\\home\\") ? wn_status::success : wn_status::bad_netname;
    }
    wn_status disconnect(const disconnect_request& r)
    {
        act();
        seen_name = r.name().c_str();
        if (r.name() != L"P:" && r.name() != L"\\\\home\\docs") {
            return wn_status::not_connected;
        }
        return r.force() ? wn_status::success : wn_status::open_files;
    }
    std::optional<std::wstring> connection_of(wzstring_view local)
    {
        act();
        seen_name = local.c_str();
        return local == L"P:" ? std::optional<std::wstring>{L"\\\\home\\docs"} : std::nullopt;
    }
    lookup<universal_name_view> universal_name_of(std::wstring_view path)
    {
        act();
        if (!path.starts_with(L"P:")) {
            return wn_status::not_connected;
        }
        return universal_name_view{L"\\\\home\\docs", path.substr(2)};
    }
    lookup<std::wstring_view> user_of(nullable_wstring name)
    {
        act();
        return name.absent_or_empty() ? lookup<std::wstring_view>{L"alice"}
                                      : lookup<std::wstring_view>{wn_status::more_data};
    }
    void on_error(const failure& f) noexcept { errors.emplace_back(f.message); }
};

using open_np = provider_entry_points<provider>;
using closed_np = provider_entry_points<provider, fail_closed<wn_status::access_denied>>;

struct reset {
    reset()
    {
        behaviour = mode::answer;
        hook_calls = 0;
        errors.clear();
        seen_name = nullptr;
    }
};

wn_status add3(mpr_resource& r, wchar_t* password = nullptr, std::uint32_t flags = 0)
{
    return static_cast<wn_status>(open_np::add_connection3(nullptr, as<add3_sig, 1>(&r.raw), as<add3_sig, 2>(password),
                                                           as<add3_sig, 3>(static_cast<wchar_t*>(nullptr)), flags));
}

} // namespace

TEST_CASE_FIXTURE(reset, "connect: NULL NETRESOURCE and NULL remote name are answered without calling the hook")
{
    CHECK(open_np::add_connection3(nullptr, nullptr, nullptr, nullptr, 0) == to_underlying(wn_status::bad_pointer));
    CHECK(open_np::add_connection(nullptr, nullptr, nullptr) == to_underlying(wn_status::bad_pointer));
    mpr_resource r;
    r.raw.lpRemoteName = nullptr;
    CHECK(add3(r) == wn_status::bad_netname);
    CHECK(hook_calls == 0);
    r.raw.lpRemoteName = r.remote.data();
    r.raw.lpLocalName = nullptr; // deviceless: the hook decides
    CHECK(add3(r) == wn_status::success);
    CHECK(hook_calls == 1);
}

TEST_CASE_FIXTURE(reset, "connect: the hook's answer, through both entry points; the password reaches only the hook")
{
    mpr_resource r;
    wchar_t password[] = L"planted-password-7Q";
    CHECK(add3(r, password, 0xFFFFFFFFU) == wn_status::success); // every flag bit, unknown ones included
    CHECK(last_password == L"planted-password-7Q");
    CHECK(std::wstring{password} == L"planted-password-7Q"); // MPR's buffer is the caller's: left as it was
    CHECK(open_np::add_connection(as<add_sig, 0>(&r.raw), nullptr, nullptr) == to_underlying(wn_status::success));
    r.remote = L"\\\\other\\x";
    r.raw.lpRemoteName = r.remote.data();
    CHECK(add3(r) == wn_status::bad_netname);
}

#if MPRNOTIFY_HAS_EXCEPTIONS
TEST_CASE_FIXTURE(reset, "a hook that throws: wn_error keeps its code, everything else declines, never WN_SUCCESS")
{
    mpr_resource r;
    const std::pair<mode, wn_status> open_answers[] = {
        {mode::throw_wn_error, wn_status::no_network},   {mode::throw_wn_success, wn_status::bad_netname},
        {mode::throw_bad_alloc, wn_status::bad_netname}, {mode::throw_system_error, wn_status::bad_netname},
        {mode::throw_runtime, wn_status::bad_netname},   {mode::throw_int, wn_status::bad_netname},
    };
    for (const auto& entry : open_answers) {
        const mode how = entry.first; // not a structured binding: Clang 14 cannot capture one in CAPTURE
        const wn_status expected = entry.second;
        behaviour = how;
        CAPTURE(static_cast<int>(how));
        CHECK(add3(r) == expected);
        wchar_t name[] = L"P:";
        const auto cancel = static_cast<wn_status>(open_np::cancel_connection(name, 1));
        CHECK(cancel == (how == mode::throw_wn_error ? wn_status::no_network : wn_status::not_connected));
        wchar_t buffer[64];
        platform::dword size = 64;
        const auto got = static_cast<wn_status>(open_np::get_connection(name, buffer, &size));
        CHECK(got == (how == mode::throw_wn_error ? wn_status::no_network : wn_status::not_connected));
    }
    CHECK_FALSE(errors.empty());
    for (const std::string& message : errors) {
        CHECK(message.find("planted") == std::string::npos);
    }
}
#endif

#if MPRNOTIFY_HAS_EXCEPTIONS
TEST_CASE_FIXTURE(reset,
                  "regression: a lookup throwing wn_error(WN_MORE_DATA) does not answer WN_MORE_DATA without a size")
{
    behaviour = mode::throw_more_data; // found by fuzz_provider: MPR would have read an unchanged size
    wchar_t name[] = L"P:";
    wchar_t buffer[64];
    platform::dword size = 64;
    CHECK(open_np::get_connection(name, buffer, &size) == to_underlying(wn_status::not_connected));
    CHECK(size == 64);
}

TEST_CASE_FIXTURE(reset, "fail_closed answers its code for a failure; a deliberate wn_error still wins")
{
    mpr_resource r;
    behaviour = mode::throw_runtime;
    CHECK(closed_np::add_connection3(nullptr, as<add3_sig, 1>(&r.raw), nullptr, nullptr, 0) ==
          to_underlying(wn_status::access_denied));
    behaviour = mode::throw_bad_alloc;
    wchar_t name[] = L"P:";
    CHECK(closed_np::cancel_connection(name, 0) == to_underlying(wn_status::access_denied));
    behaviour = mode::throw_wn_error;
    CHECK(closed_np::cancel_connection(name, 0) == to_underlying(wn_status::no_network));
}

TEST_CASE_FIXTURE(reset, "per_operation: the cancel policy governs a provider's disconnect, the add policy the rest")
{
    using gate_np = provider_entry_points<provider, per_operation<fail_closed<wn_status::access_denied>, fail_open>>;
    mpr_resource r;
    behaviour = mode::throw_runtime;
    CHECK(gate_np::add_connection3(nullptr, as<add3_sig, 1>(&r.raw), nullptr, nullptr, 0) ==
          to_underlying(wn_status::access_denied));
    wchar_t name[] = L"P:";
    CHECK(gate_np::cancel_connection(name, 1) == to_underlying(wn_status::not_connected)); // MPR asks the next one
    wchar_t buffer[64];
    platform::dword size = 64;
    CHECK(gate_np::get_connection(name, buffer, &size) == to_underlying(wn_status::access_denied));

    using reversed_np =
        provider_entry_points<provider, per_operation<fail_open, fail_closed<wn_status::function_busy>>>;
    CHECK(reversed_np::add_connection3(nullptr, as<add3_sig, 1>(&r.raw), nullptr, nullptr, 0) ==
          to_underlying(wn_status::bad_netname));
    CHECK(reversed_np::cancel_connection(name, 1) == to_underlying(wn_status::function_busy));
    CHECK(reversed_np::get_connection(name, buffer, &size) == to_underlying(wn_status::not_connected));
}
#endif

TEST_CASE_FIXTURE(reset, "disconnect: NULL name is WN_BAD_POINTER; force reaches the hook")
{
    CHECK(open_np::cancel_connection(nullptr, 1) == to_underlying(wn_status::bad_pointer));
    CHECK(hook_calls == 0);
    wchar_t name[] = L"P:";
    CHECK(open_np::cancel_connection(name, 0) == to_underlying(wn_status::open_files));
    CHECK(open_np::cancel_connection(name, 1) == to_underlying(wn_status::success));
}

TEST_CASE_FIXTURE(reset, "the names reach the hooks as MPR's own pointers, read no further than their terminator")
{
    // Each name ends right before a page that cannot be read: a comparison that measured or read
    // past the terminator would fault. Shorter, equal and longer than what the hooks compare with.
    for (const std::wstring_view text : {L"P"sv, L"P:"sv, L"P:\\x"sv, L"\\\\home\\docs"sv, L"\\\\home"sv}) {
        CAPTURE(std::string(text.begin(), text.end()));
        const test_support::guarded_tail tail((text.size() + 1) * sizeof(wchar_t));
        REQUIRE(tail.data() != nullptr);
        auto* name = static_cast<wchar_t*>(tail.data());
        std::copy(text.begin(), text.end(), name);
        name[text.size()] = L'\0'; // NOLINT(cppcoreguidelines-pro-bounds-pointer-arithmetic)
        const bool drive = text == L"P:";
        const bool share = text == L"\\\\home\\docs";

        CHECK(open_np::cancel_connection(name, 1) ==
              to_underlying(drive || share ? wn_status::success : wn_status::not_connected));
        CHECK(seen_name == name);
        wchar_t buffer[64];
        platform::dword size = 64;
        CHECK(open_np::get_connection(name, buffer, &size) ==
              to_underlying(drive ? wn_status::success : wn_status::not_connected));
        CHECK(seen_name == name);
        mpr_resource r;
        r.raw.lpRemoteName = name;
        CHECK(add3(r) == (share ? wn_status::success : wn_status::bad_netname));
        CHECK(seen_name == name);
    }
}

TEST_CASE_FIXTURE(reset, "NPGetConnection: bad pointers, sizes 0 / 1 / short / exact / 0xFFFFFFFF, not mine")
{
    wchar_t name[] = L"P:";
    wchar_t buffer[64];
    platform::dword size = 64;
    CHECK(open_np::get_connection(nullptr, buffer, &size) == to_underlying(wn_status::bad_pointer));
    CHECK(open_np::get_connection(name, buffer, nullptr) == to_underlying(wn_status::bad_pointer));
    CHECK(open_np::get_connection(name, nullptr, &size) == to_underlying(wn_status::bad_pointer));
    CHECK(hook_calls == 0);
    const platform::dword needed = 12; // \\home\docs + NUL
    for (platform::dword given : {platform::dword{0}, platform::dword{1}, needed - 1}) {
        size = given;
        CHECK(open_np::get_connection(name, given == 0 ? nullptr : buffer, &size) ==
              to_underlying(wn_status::more_data));
        CHECK(size == needed);
    }
    size = 0xFFFFFFFFU; // a size MPR should never pass; only the bytes needed are written
    CHECK(open_np::get_connection(name, buffer, &size) == to_underlying(wn_status::success));
    CHECK(std::wstring{buffer} == L"\\\\home\\docs");
    wchar_t other[] = L"Q:";
    size = 64;
    CHECK(open_np::get_connection(other, buffer, &size) == to_underlying(wn_status::not_connected));
}

TEST_CASE_FIXTURE(reset, "NPGetUniversalName: unknown level, odd byte counts, both levels")
{
    wchar_t path[] = L"P:\\a.txt";
    std::vector<unsigned char> buffer(512);
    platform::dword size = 512;
    CHECK(open_np::get_universal_name(path, 3, buffer.data(), &size) == to_underlying(wn_status::bad_level));
    CHECK(open_np::get_universal_name(path, 0, buffer.data(), &size) == to_underlying(wn_status::bad_level));
    CHECK(open_np::get_universal_name(nullptr, 1, buffer.data(), &size) == to_underlying(wn_status::bad_pointer));
    CHECK(open_np::get_universal_name(path, 1, buffer.data(), nullptr) == to_underlying(wn_status::bad_pointer));
    CHECK(open_np::get_universal_name(path, 1, nullptr, &size) == to_underlying(wn_status::bad_pointer));
    CHECK(hook_calls == 0);
    size = 0;
    CHECK(open_np::get_universal_name(path, 1, nullptr, &size) == to_underlying(wn_status::more_data));
    const platform::dword needed = size;
    CHECK(needed == sizeof(void*) + (11 + 6 + 1) * sizeof(wchar_t));
    size = needed - 1; // odd
    CHECK(open_np::get_universal_name(path, 1, buffer.data(), &size) == to_underlying(wn_status::more_data));
    CHECK(size == needed);
    CHECK(open_np::get_universal_name(path, 2, buffer.data(), &size) == to_underlying(wn_status::more_data));
    const platform::dword remote_needed = size;
    CHECK(open_np::get_universal_name(path, 2, buffer.data(), &size) == to_underlying(wn_status::success));
    platform::remote_name_info_w info{};
    std::memcpy(&info, buffer.data(), sizeof info);
    CHECK(std::wstring{info.lpUniversalName} == L"\\\\home\\docs\\a.txt");
    CHECK(std::wstring{info.lpConnectionName} == L"\\\\home\\docs");
    CHECK(std::wstring{info.lpRemainingPath} == L"\\a.txt");
    CHECK(remote_needed > needed);
}

TEST_CASE_FIXTURE(reset, "NPGetUser: NULL name asks for the logged-on user; a hook's own WN_MORE_DATA is refused")
{
    wchar_t buffer[16];
    platform::dword size = 16;
    CHECK(open_np::get_user(nullptr, buffer, &size) == to_underlying(wn_status::success));
    CHECK(std::wstring{buffer} == L"alice");
    wchar_t drive[] = L"P:";
    CHECK(open_np::get_user(drive, buffer, &size) == to_underlying(wn_status::not_connected));
    REQUIRE(errors.size() == 1);
    CHECK(errors.front().find("WN_MORE_DATA") != std::string::npos);
}

TEST_CASE_FIXTURE(reset, "guard pages: an exact-size answer ends at the last byte before a page that cannot be touched")
{
    wchar_t name[] = L"P:";
    wchar_t path[] = L"P:\\a.txt";
    {
        test_support::guarded_tail tail(12 * sizeof(wchar_t));
        platform::dword size = 12;
        CHECK(open_np::get_connection(name, static_cast<wchar_t*>(tail.data()), &size) ==
              to_underlying(wn_status::success));
    }
    for (platform::dword level : {platform::dword{1}, platform::dword{2}}) {
        platform::dword size = 0;
        REQUIRE(open_np::get_universal_name(path, level, nullptr, &size) == to_underlying(wn_status::more_data));
        test_support::guarded_tail tail(size);
        CHECK(open_np::get_universal_name(path, level, tail.data(), &size) == to_underlying(wn_status::success));
        test_support::guarded_tail short_tail(size - 1); // one byte short: nothing may be written at all
        platform::dword short_size = size - 1;
        CHECK(open_np::get_universal_name(path, level, short_tail.data(), &short_size) ==
              to_underlying(wn_status::more_data));
    }
}

#if MPRNOTIFY_PLATFORM_WINDOWS
TEST_CASE_FIXTURE(reset, "every export leaves the thread's last error as it found it")
{
    mpr_resource r;
    wchar_t name[] = L"P:";
    wchar_t buffer[64];
    platform::dword size = 64;
    for (mode how : {mode::answer, mode::throw_runtime}) {
        behaviour = how;
        ::SetLastError(0xBEEF);
        add3(r);
        CHECK(::GetLastError() == 0xBEEF);
        open_np::cancel_connection(name, 1);
        CHECK(::GetLastError() == 0xBEEF);
        open_np::get_connection(name, buffer, &size);
        CHECK(::GetLastError() == 0xBEEF);
        open_np::get_user(nullptr, buffer, &size);
        CHECK(::GetLastError() == 0xBEEF);
    }
}
#endif
