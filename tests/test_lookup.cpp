// A lookup's answer: a value, a WN code, or "not mine"; the accepted value types; the answer objects.
#include <doctest/doctest.h>

#include <mprnotify/provider/entry_points.hpp>
#include <mprnotify/provider/lookup.hpp>

#include <array>
#include <cstddef>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

using mprnotify::lookup;
using mprnotify::wn_status;
using mprnotify::detail::lookup_value_t;

static_assert(std::is_same_v<lookup_value_t<std::optional<std::wstring>>, std::wstring>);
static_assert(std::is_same_v<lookup_value_t<lookup<std::wstring_view>>, std::wstring_view>);
static_assert(std::is_same_v<lookup_value_t<const lookup<mprnotify::universal_name>&>, mprnotify::universal_name>);
static_assert(std::is_void_v<lookup_value_t<std::wstring>>, "a bare value is not an answer: not-found must be sayable");
static_assert(std::is_void_v<lookup_value_t<int>>);

TEST_CASE("lookup holds a value or a code")
{
    const lookup<std::wstring> found{std::wstring{L"\\\\home\\docs"}};
    CHECK(found.has_value());
    CHECK(found.status() == wn_status::success);
    CHECK(found.value() == L"\\\\home\\docs");
    const lookup<std::wstring> refused{wn_status::no_network};
    CHECK_FALSE(refused.has_value());
    CHECK(refused.status() == wn_status::no_network);
    const lookup<std::wstring> not_mine{std::nullopt};
    CHECK(not_mine.status() == wn_status::not_connected);
}

TEST_CASE("WN_SUCCESS without a value is not an answer: it reads as WN_NOT_CONNECTED")
{
    const lookup<std::wstring_view> odd{wn_status::success};
    CHECK_FALSE(odd.has_value());
    CHECK(odd.status() == wn_status::not_connected);
}

TEST_CASE("status_of and value_of read optional and lookup alike")
{
    using mprnotify::detail::status_of;
    using mprnotify::detail::value_of;
    const std::optional<std::wstring_view> some{L"x"};
    const std::optional<std::wstring_view> none;
    CHECK(status_of(some) == wn_status::success);
    CHECK(status_of(none) == wn_status::not_connected);
    CHECK(value_of(some) == L"x");
    const lookup<mprnotify::universal_name_view> name{mprnotify::universal_name_view{L"\\\\h\\s", L"\\f"}};
    CHECK(value_of(name).connection == L"\\\\h\\s");
    CHECK(value_of(name).remaining_path == L"\\f");
}

// The in-place form: the hook writes through an answer object while it holds its own lock.
namespace {

using mprnotify::name_answer;
using mprnotify::nullable_wstring;
using mprnotify::universal_name_answer;
using mprnotify::wzstring_view;
namespace platform = mprnotify::platform;

enum class misuse {
    none,
    set_twice,
    success_without_set,
    set_then_error,
    set_then_success,
    more_data_without_set,
    set_then_throw
};
misuse how = misuse::none;
std::vector<std::string> reported;

struct in_place_provider {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    wn_status connection_of(wzstring_view local, name_answer& answer)
    {
        if (local != L"P:") {
            return wn_status::not_connected;
        }
        switch (how) {
        case misuse::set_twice: static_cast<void>(answer.set(L"\\\\home\\docs")); return answer.set(L"\\\\home\\x");
        case misuse::success_without_set: return wn_status::success;
        case misuse::set_then_error: static_cast<void>(answer.set(L"\\\\home\\docs")); return wn_status::no_network;
        case misuse::set_then_success: static_cast<void>(answer.set(L"\\\\home\\docs")); return wn_status::success;
        case misuse::more_data_without_set: return wn_status::more_data;
#if MPRNOTIFY_HAS_EXCEPTIONS
        case misuse::set_then_throw: static_cast<void>(answer.set(L"\\\\home\\docs")); throw std::runtime_error{"x"};
#endif
        default: return answer.set(L"\\\\home\\docs");
        }
    }
    wn_status universal_name_of(std::wstring_view path, universal_name_answer& answer)
    {
        return path.starts_with(L"P:") ? answer.set(L"\\\\home\\docs", path.substr(2)) : wn_status::not_connected;
    }
    wn_status user_of(nullable_wstring /*name*/, name_answer& answer) { return answer.set(L"alice"); }
    void on_error(const mprnotify::failure& f) noexcept { reported.emplace_back(f.message); }
};
// The same answers returned as views: the form the in-place one must match byte for byte.
struct view_provider {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    std::optional<std::wstring_view> connection_of(wzstring_view local)
    {
        return local == L"P:" ? std::optional<std::wstring_view>{L"\\\\home\\docs"} : std::nullopt;
    }
    std::optional<mprnotify::universal_name_view> universal_name_of(std::wstring_view path)
    {
        if (!path.starts_with(L"P:")) {
            return std::nullopt;
        }
        return mprnotify::universal_name_view{L"\\\\home\\docs", path.substr(2)};
    }
};
using np = mprnotify::provider_entry_points<in_place_provider>;
using closed_np = mprnotify::provider_entry_points<in_place_provider, mprnotify::fail_closed<wn_status::net_error>>;
using view_np = mprnotify::provider_entry_points<view_provider>;

struct fresh {
    fresh()
    {
        how = misuse::none;
        reported.clear();
    }
};

wn_status get_connection(wchar_t* buffer, platform::dword& size)
{
    wchar_t local[] = L"P:";
    return static_cast<wn_status>(np::get_connection(local, buffer, &size));
}

} // namespace

TEST_CASE_FIXTURE(fresh, "in place: NPGetConnection writes the name under the hook, sizes in characters")
{
    std::array<wchar_t, 32> buffer{};
    buffer.fill(L'#');
    platform::dword size = 12; // L"\\home\docs" is 11 characters and the NUL
    CHECK(get_connection(buffer.data(), size) == wn_status::success);
    CHECK(std::wstring_view{buffer.data()} == L"\\\\home\\docs");
    CHECK(buffer[12] == L'#'); // not one character past the NUL
    CHECK(size == 12);
    size = 11;
    buffer.fill(L'#');
    CHECK(get_connection(buffer.data(), size) == wn_status::more_data);
    CHECK(size == 12);
    CHECK(buffer[0] == L'#'); // too small: untouched
    size = 0;
    CHECK(get_connection(nullptr, size) == wn_status::more_data);
    CHECK(size == 12);
    wchar_t other[] = L"Q:";
    size = 32;
    CHECK(np::get_connection(other, buffer.data(), &size) == to_underlying(wn_status::not_connected));
    wchar_t user[8];
    size = 8;
    CHECK(np::get_user(nullptr, user, &size) == to_underlying(wn_status::success));
    CHECK(std::wstring_view{user} == L"alice");
    CHECK(reported.empty());
}

TEST_CASE_FIXTURE(fresh, "in place: NPGetConnection writes what the view form writes, at every size")
{
    for (platform::dword given = 0; given < 16; ++given) {
        CAPTURE(given);
        for (const bool null_buffer : {false, true}) {
            std::array<wchar_t, 16> buffer{};
            buffer.fill(L'#');
            wchar_t local[] = L"P:";
            wchar_t* const out = null_buffer ? nullptr : buffer.data();
            platform::dword view_size = given;
            const auto view_answer = view_np::get_connection(local, out, &view_size);
            const auto written_by_view = buffer;
            buffer.fill(L'#');
            platform::dword size = given;
            CHECK(np::get_connection(local, out, &size) == view_answer);
            CHECK(size == view_size);
            CHECK(buffer == written_by_view);
        }
    }
}

TEST_CASE_FIXTURE(fresh, "in place: NPGetUniversalName writes what the view form writes, at both levels and sizes")
{
    wchar_t path[] = L"P:\\letters\\a.txt";
    for (const platform::dword level : {platform::universal_name_info_level, platform::remote_name_info_level}) {
        for (platform::dword given = 0; given < 160; ++given) {
            CAPTURE(level);
            CAPTURE(given);
            alignas(8) std::array<unsigned char, 160> buffer{};
            buffer.fill(0xAB);
            platform::dword view_size = given;
            const auto view_answer = view_np::get_universal_name(path, level, buffer.data(), &view_size);
            const auto written_by_view = buffer;
            buffer.fill(0xAB);
            platform::dword size = given;
            CHECK(np::get_universal_name(path, level, buffer.data(), &size) == view_answer);
            CHECK(size == view_size);
            CHECK(buffer == written_by_view); // same base address: the pointers inside match too
        }
    }
    platform::dword size = 160;
    std::array<unsigned char, 160> buffer{};
    CHECK(np::get_universal_name(path, 3, buffer.data(), &size) == to_underlying(wn_status::bad_level));
    wchar_t other[] = L"Q:\\x";
    CHECK(np::get_universal_name(other, 1, buffer.data(), &size) == to_underlying(wn_status::not_connected));
}

TEST_CASE_FIXTURE(fresh, "in place: every misuse of the answer has a defined answer, and the reported ones say so")
{
    std::array<wchar_t, 32> buffer{};
    platform::dword size = 32;
    SUBCASE("set() twice: WN_NOT_CONNECTED, reported")
    {
        how = misuse::set_twice;
        CHECK(get_connection(buffer.data(), size) == wn_status::not_connected);
        REQUIRE(reported.size() == 1);
        CHECK(reported[0].find("more than once") != std::string::npos);
    }
    SUBCASE("WN_SUCCESS without set(): WN_NOT_CONNECTED, reported")
    {
        how = misuse::success_without_set;
        CHECK(get_connection(buffer.data(), size) == wn_status::not_connected);
        REQUIRE(reported.size() == 1);
        CHECK(reported[0].find("without calling") != std::string::npos);
    }
    SUBCASE("set() then the hook's own code: that code, not reported")
    {
        how = misuse::set_then_error;
        CHECK(get_connection(buffer.data(), size) == wn_status::no_network);
        CHECK(reported.empty());
    }
    SUBCASE("set() answered WN_MORE_DATA, the hook WN_SUCCESS: WN_MORE_DATA with the size")
    {
        how = misuse::set_then_success;
        size = 4;
        CHECK(get_connection(buffer.data(), size) == wn_status::more_data);
        CHECK(size == 12);
        CHECK(reported.empty());
    }
    SUBCASE("WN_MORE_DATA without set(): no size was recorded, so WN_NOT_CONNECTED, reported")
    {
        how = misuse::more_data_without_set;
        CHECK(get_connection(buffer.data(), size) == wn_status::not_connected);
        CHECK(size == 32);
        CHECK(reported.size() == 1);
    }
#if MPRNOTIFY_HAS_EXCEPTIONS
    SUBCASE("a throw after set(): the policy's answer, never WN_SUCCESS")
    {
        how = misuse::set_then_throw;
        CHECK(get_connection(buffer.data(), size) == wn_status::not_connected);
        wchar_t local[] = L"P:";
        CHECK(closed_np::get_connection(local, buffer.data(), &size) == to_underlying(wn_status::net_error));
        CHECK(reported.size() == 2);
    }
#endif
}

TEST_CASE("universal_name_answer: an empty part, even a view with no data pointer, is an empty string at both levels")
{
    using mprnotify::detail::answer_access;
    const auto read_text = [](const std::array<std::byte, 256>& buffer, std::size_t field) {
        const wchar_t* text = nullptr;
        std::memcpy(static_cast<void*>(&text), buffer.data() + field * sizeof text, sizeof text);
        return std::wstring{text};
    };
    const std::wstring_view no_data{}; // data() is NULL: memcpy must not be handed it
    REQUIRE(no_data.data() == nullptr);
    for (const mprnotify::platform::dword level : {1U, 2U}) {
        CAPTURE(level);
        std::array<std::byte, 256> buffer{};
        auto size = static_cast<mprnotify::platform::dword>(buffer.size());
        mprnotify::universal_name_answer answer = answer_access::make_universal_name(level, buffer.data(), &size);
        REQUIRE(answer.set(L"\\\\home\\docs") == wn_status::success); // remaining_path defaults to no_data
        CHECK(read_text(buffer, 0) == L"\\\\home\\docs");
        if (level == 2) {
            CHECK(read_text(buffer, 1) == L"\\\\home\\docs");
            CHECK(read_text(buffer, 2).empty());
        }

        std::array<std::byte, 256> other{};
        size = static_cast<mprnotify::platform::dword>(other.size());
        mprnotify::universal_name_answer both_empty = answer_access::make_universal_name(level, other.data(), &size);
        REQUIRE(both_empty.set(no_data, no_data) == wn_status::success);
        const std::size_t structure = level == 1 ? sizeof(void*) : 3 * sizeof(void*);
        for (std::size_t field = 0; field < (level == 1 ? 1U : 3U); ++field) {
            CHECK(read_text(other, field).empty());
        }
        // Exactly the structure and one NUL per string were needed: the query agrees.
        mprnotify::platform::dword query = 0;
        mprnotify::universal_name_answer sized = answer_access::make_universal_name(level, nullptr, &query);
        CHECK(sized.set(no_data, no_data) == wn_status::more_data);
        CHECK(query == structure + (level == 1 ? 1U : 3U) * sizeof(wchar_t));
    }
}
