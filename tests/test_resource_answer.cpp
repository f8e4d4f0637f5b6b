// NPGetResourceInformation and NPGetResourceParent answered in place (resource_answer,
// resource_parent_answer): the same bytes as the returned forms at every size, the fields the pages
// return, and every misuse of the answer object with its one answer.
#include <doctest/doctest.h>

#include <mprnotify/provider/entry_points.hpp>
#include <mprnotify/testing/packed_buffer.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

using namespace mprnotify;
namespace platform = mprnotify::platform;
using mprnotify::testing::check_packed_resources;
using mprnotify::testing::read_packed_resources;

namespace {

enum class misuse {
    none,
    set_twice,
    success_without_set,
    set_then_error,
    set_then_success,
    more_data_without_set,
    set_then_throw,
    throw_before_set
};
misuse how = misuse::none;
wn_status second_set = wn_status::success;
int hook_calls = 0;
std::vector<std::string> reported;

constexpr std::wstring_view home = L"\\\\home\\";

/// What both informers answer for `name`: its share as a resource, with fields the pages do not
/// return filled in (the library clears them); std::nullopt when the name is not this provider's.
/// A printer share names its own provider; the others take the handler's provider_name.
std::optional<resource_view> information_of(std::wstring_view name)
{
    if (!name.starts_with(home) || name.size() == home.size()) {
        return std::nullopt;
    }
    const std::wstring_view share = name.substr(0, name.find(L'\\', home.size()));
    resource_view view{.scope = resource_scope::connected,
                       .type = resource_type::disk,
                       .display_type = display_type::share,
                       .usage = resource_usage::connectable,
                       .local_name = std::wstring_view{L"X:"},
                       .remote_name = share,
                       .comment = std::wstring_view{L"a comment"}};
    if (share.ends_with(L"printer")) {
        view.type = resource_type::print;
        view.provider = std::wstring_view{L"Print Network"};
    }
    return view;
}

/// The rest of `name` after its share: the system string (none when nothing follows the share).
std::optional<std::wstring_view> system_of(std::wstring_view name)
{
    const std::size_t share_end = name.find(L'\\', home.size());
    return share_end == std::wstring_view::npos ? std::nullopt : std::optional{name.substr(share_end)};
}

/// The parent of `name`: the server for a share, nothing above the server (remote name absent).
std::optional<resource_view> parent_of(std::wstring_view name)
{
    if (name == L"\\\\home") {
        return resource_view{};
    }
    if (!name.starts_with(home)) {
        return std::nullopt;
    }
    return resource_view{.scope = resource_scope::globalnet,
                         .display_type = display_type::server,
                         .usage = resource_usage::container,
                         .local_name = std::wstring_view{L"Y:"},
                         .remote_name = std::wstring_view{L"\\\\home"}};
}

struct in_place_informer {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    static constexpr std::wstring_view provider_name = L"Home Network";

    wn_status resource_information(const resource_request& request, resource_answer& answer)
    {
        ++hook_calls;
        const auto view = information_of(request.remote_name());
        if (!view) {
            return wn_status::not_connected;
        }
        const auto system = system_of(request.remote_name());
        switch (how) {
        case misuse::set_twice:
            static_cast<void>(answer.set(*view, system));
            second_set = answer.set(*view);
            return second_set;
        case misuse::success_without_set: return wn_status::success;
        case misuse::set_then_error: static_cast<void>(answer.set(*view, system)); return wn_status::no_network;
        case misuse::set_then_success: static_cast<void>(answer.set(*view, system)); return wn_status::success;
        case misuse::more_data_without_set: return wn_status::more_data;
#if MPRNOTIFY_HAS_EXCEPTIONS
        case misuse::set_then_throw: static_cast<void>(answer.set(*view, system)); throw std::runtime_error{"x"};
        case misuse::throw_before_set: throw std::runtime_error{"x"};
#endif
        default: return answer.set(*view, system);
        }
    }
    wn_status resource_parent(const resource_request& request, resource_parent_answer& answer)
    {
        const auto parent = parent_of(request.remote_name());
        if (!parent) {
            return wn_status::bad_netname;
        }
        if (how == misuse::set_twice) {
            static_cast<void>(answer.set(*parent));
            second_set = answer.set(*parent);
            return second_set;
        }
        return answer.set(*parent);
    }
    void on_error(const failure& f) noexcept { reported.emplace_back(f.message); }
};

/// The same answers returned as owning values: the form the in-place one must match byte for byte.
struct returning_informer {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    static constexpr std::wstring_view provider_name = L"Home Network";

    std::optional<mprnotify::resource_information> resource_information(const resource_request& request)
    {
        const auto view = information_of(request.remote_name());
        if (!view) {
            return std::nullopt;
        }
        const auto system = system_of(request.remote_name());
        return mprnotify::resource_information{to_net_resource(*view),
                                               system ? std::optional<std::wstring>{*system} : std::nullopt};
    }
    lookup<net_resource> resource_parent(const resource_request& request)
    {
        const auto parent = parent_of(request.remote_name());
        return parent ? lookup<net_resource>{to_net_resource(*parent)} : lookup<net_resource>{wn_status::bad_netname};
    }
};

using np = provider_entry_points<in_place_informer>;
using closed_np = provider_entry_points<in_place_informer, fail_closed<wn_status::net_error>>;
using returning_np = provider_entry_points<returning_informer>;

struct fresh {
    fresh()
    {
        how = misuse::none;
        second_set = wn_status::success;
        hook_calls = 0;
        reported.clear();
    }
};

struct resource_in {
    std::wstring remote;
    platform::net_resource_w raw{};
    explicit resource_in(std::wstring name) : remote(std::move(name)) { raw.lpRemoteName = remote.data(); }
};

wn_status information(resource_in& in, void* buffer, platform::dword& size, wchar_t** system)
{
    return static_cast<wn_status>(np::get_resource_information(&in.raw, buffer, &size, system));
}

const std::array<std::wstring, 6> names{L"\\\\home\\music\\albums\\2024", L"\\\\home\\music", L"\\\\home\\music\\",
                                        L"\\\\home\\printer\\queue",      L"\\\\home",        L"\\\\elsewhere\\x"};

} // namespace

static_assert(detail::resource_information_hook::in_place<in_place_informer>);
static_assert(detail::resource_parent_hook::in_place<in_place_informer>);
static_assert(!detail::resource_information_hook::in_place<returning_informer>);
static_assert(!std::is_copy_constructible_v<resource_answer> && !std::is_move_constructible_v<resource_answer>);
static_assert(!std::is_copy_constructible_v<resource_parent_answer> &&
              !std::is_move_constructible_v<resource_parent_answer>);

TEST_CASE("in place: WNNC_DIALOG announces both resource functions, as for the returned forms")
{
    CHECK(np::get_caps(platform::wnnc::dialog) == returning_np::get_caps(platform::wnnc::dialog));
    CHECK(np::get_caps(platform::wnnc::dialog) ==
          (platform::wnnc::dlg_get_resource_information | platform::wnnc::dlg_get_resource_parent));
}

TEST_CASE_FIXTURE(fresh, "in place: NPGetResourceInformation writes what the returned form writes, at every size")
{
    for (const std::wstring& name : names) {
        for (platform::dword given = 0; given < 256; given += 2) {
            for (const bool null_buffer : {false, true}) {
                CAPTURE(std::string(name.begin(), name.end()));
                CAPTURE(given);
                CAPTURE(null_buffer);
                alignas(8) std::array<unsigned char, 256> buffer{};
                buffer.fill(0xAB);
                void* const out = null_buffer ? nullptr : buffer.data();
                resource_in in{name};
                wchar_t unset = L'?';
                wchar_t* returned_system = &unset;
                platform::dword returned_size = given;
                const auto returned_answer =
                    returning_np::get_resource_information(&in.raw, out, &returned_size, &returned_system);
                const auto written_by_returned = buffer;
                buffer.fill(0xAB);
                wchar_t* system = &unset;
                platform::dword size = given;
                CHECK(np::get_resource_information(&in.raw, out, &size, &system) == returned_answer);
                CHECK(size == returned_size);
                CHECK(buffer == written_by_returned); // same base address: the pointers inside match too
                CHECK(system == returned_system);
            }
        }
    }
    CHECK(reported.empty());
}

TEST_CASE_FIXTURE(fresh, "in place: only the fields the page returns; the system string; the default provider")
{
    std::vector<std::byte> buffer(512);
    resource_in in{L"\\\\home\\music\\albums\\2024"};
    wchar_t* system = nullptr;
    auto size = static_cast<platform::dword>(buffer.size());
    REQUIRE(information(in, buffer.data(), size, &system) == wn_status::success);
    CHECK(check_packed_resources(buffer.data(), buffer.size(), 1, {system}) == "");
    const net_resource back = read_packed_resources(buffer.data(), 1).at(0);
    CHECK(back.remote_name == L"\\\\home\\music");
    CHECK(back.provider == L"Home Network"); // the handler's provider_name: the view has none
    CHECK(back.type == resource_type::disk);
    CHECK(back.display_type == display_type::share);
    CHECK(back.usage == resource_usage::connectable);
    CHECK_FALSE(back.local_name.has_value()); // cleared: the page returns five fields
    CHECK_FALSE(back.comment.has_value());
    CHECK(static_cast<std::uint32_t>(back.scope) == 0);
    REQUIRE(system != nullptr);
    CHECK(std::wstring_view{system} == L"\\albums\\2024");

    resource_in printer{L"\\\\home\\printer"};
    CHECK(information(printer, buffer.data(), size, &system) == wn_status::success);
    CHECK(system == nullptr);                                                          // nothing after the share
    CHECK(read_packed_resources(buffer.data(), 1).at(0).provider == L"Print Network"); // its own
}

TEST_CASE_FIXTURE(fresh, "in place: too small writes nothing and leaves *lplpSystem; bad input never calls the hook")
{
    resource_in in{L"\\\\home\\music\\albums"};
    std::vector<std::byte> buffer(512, std::byte{0xAB});
    wchar_t unset = L'?';
    wchar_t* system = &unset;
    platform::dword size = 0;
    CHECK(information(in, nullptr, size, &system) == wn_status::more_data);
    const platform::dword needed = size;
    size = needed - 1;
    CHECK(information(in, buffer.data(), size, &system) == wn_status::more_data);
    CHECK(size == needed);
    CHECK(system == &unset);
    CHECK(buffer[0] == std::byte{0xAB});
    CHECK(buffer[needed - 2] == std::byte{0xAB});
    CHECK(information(in, buffer.data(), size, &system) == wn_status::success);
    CHECK(hook_calls == 3);

    CHECK(np::get_resource_information(nullptr, buffer.data(), &size, &system) == 487); // WN_BAD_POINTER
    CHECK(information(in, buffer.data(), size, nullptr) == wn_status::bad_pointer);
    platform::net_resource_w no_name{};
    CHECK(np::get_resource_information(&no_name, buffer.data(), &size, &system) == 67); // WN_BAD_NETNAME
    CHECK(hook_calls == 3);
}

TEST_CASE_FIXTURE(fresh, "in place: NPGetResourceParent writes what the returned form writes, at every size")
{
    for (const std::wstring& name : names) {
        for (platform::dword given = 0; given < 128; ++given) {
            CAPTURE(std::string(name.begin(), name.end()));
            CAPTURE(given);
            alignas(8) std::array<unsigned char, 128> buffer{};
            buffer.fill(0xAB);
            resource_in in{name};
            platform::dword returned_size = given;
            const auto returned_answer = returning_np::get_resource_parent(&in.raw, buffer.data(), &returned_size);
            const auto written_by_returned = buffer;
            buffer.fill(0xAB);
            platform::dword size = given;
            CHECK(np::get_resource_parent(&in.raw, buffer.data(), &size) == returned_answer);
            CHECK(size == returned_size);
            CHECK(buffer == written_by_returned);
        }
    }
    std::array<unsigned char, 128> buffer{};
    resource_in top{L"\\\\home"};
    auto size = static_cast<platform::dword>(buffer.size());
    REQUIRE(np::get_resource_parent(&top.raw, buffer.data(), &size) == 0);
    const net_resource none = read_packed_resources(buffer.data(), 1).at(0);
    CHECK_FALSE(none.remote_name.has_value()); // no browse parent
    CHECK(none.provider == L"Home Network");
    resource_in share{L"\\\\home\\music"};
    REQUIRE(np::get_resource_parent(&share.raw, buffer.data(), &size) == 0);
    const net_resource server = read_packed_resources(buffer.data(), 1).at(0);
    CHECK(server.remote_name == L"\\\\home");
    CHECK_FALSE(server.local_name.has_value());
    CHECK(static_cast<std::uint32_t>(server.scope) == 0);
    CHECK(reported.empty());
}

TEST_CASE_FIXTURE(fresh, "in place: every misuse of the answer has a defined answer, and the reported ones say so")
{
    resource_in in{L"\\\\home\\music\\albums"};
    std::vector<std::byte> buffer(512);
    wchar_t* system = nullptr;
    auto size = static_cast<platform::dword>(buffer.size());
    SUBCASE("WN_NOT_CONNECTED without set(): not mine, WN_BAD_NETNAME, not reported")
    {
        resource_in other{L"\\\\elsewhere\\x"};
        CHECK(information(other, buffer.data(), size, &system) == wn_status::bad_netname);
        CHECK(reported.empty());
    }
    SUBCASE("set() twice: the second writes nothing and answers WN_BAD_NETNAME; the call too, reported")
    {
        how = misuse::set_twice;
        CHECK(information(in, buffer.data(), size, &system) == wn_status::bad_netname);
        CHECK(second_set == wn_status::bad_netname);
        REQUIRE(reported.size() == 1);
        CHECK(reported[0].find("more than once") != std::string::npos);
        resource_in share{L"\\\\home\\music"};
        CHECK(np::get_resource_parent(&share.raw, buffer.data(), &size) == 67);
        CHECK(reported.size() == 2);
    }
    SUBCASE("WN_SUCCESS without set(): WN_BAD_NETNAME, reported")
    {
        how = misuse::success_without_set;
        CHECK(information(in, buffer.data(), size, &system) == wn_status::bad_netname);
        REQUIRE(reported.size() == 1);
        CHECK(reported[0].find("without calling") != std::string::npos);
    }
    SUBCASE("set() then the hook's own code: that code, not reported")
    {
        how = misuse::set_then_error;
        CHECK(information(in, buffer.data(), size, &system) == wn_status::no_network);
        CHECK(reported.empty());
    }
    SUBCASE("set() answered WN_MORE_DATA, the hook WN_SUCCESS: WN_MORE_DATA with the size")
    {
        how = misuse::set_then_success;
        size = 8;
        CHECK(information(in, buffer.data(), size, &system) == wn_status::more_data);
        CHECK(size > sizeof(platform::net_resource_w));
        CHECK(reported.empty());
    }
    SUBCASE("WN_MORE_DATA without set(): no size was recorded, so WN_BAD_NETNAME, reported")
    {
        how = misuse::more_data_without_set;
        CHECK(information(in, buffer.data(), size, &system) == wn_status::bad_netname);
        CHECK(size == buffer.size());
        CHECK(reported.size() == 1);
    }
#if MPRNOTIFY_HAS_EXCEPTIONS
    SUBCASE("a throw after set(): the policy's answer, never WN_SUCCESS")
    {
        how = misuse::set_then_throw;
        CHECK(information(in, buffer.data(), size, &system) == wn_status::bad_netname);
        CHECK(closed_np::get_resource_information(&in.raw, buffer.data(), &size, &system) ==
              to_underlying(wn_status::net_error));
        CHECK(reported.size() == 2);
    }
    SUBCASE("a throw before set(): the same")
    {
        how = misuse::throw_before_set;
        CHECK(information(in, buffer.data(), size, &system) == wn_status::bad_netname);
        CHECK(reported.size() == 1);
    }
#endif
}
