// NPGetResourceInformation, NPGetResourceParent, NPFormatNetworkName through the provider boundary:
// the buffer protocol of each page, the fields the pages return, bad input, "not mine", a throw.
#include <doctest/doctest.h>

#include <mprnotify/provider/entry_points.hpp>
#include <mprnotify/testing/packed_buffer.hpp>

#include <stdexcept>
#include <string>
#include <vector>

using namespace mprnotify;
namespace platform = mprnotify::platform;
using mprnotify::testing::check_packed_resources;
using mprnotify::testing::read_packed_resources;

namespace {

[[maybe_unused]] bool throw_now = false;
std::uint32_t seen_flags = 0;
std::uint32_t seen_width = 0;

struct informer {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    std::optional<mprnotify::resource_information> resource_information(const resource_request& request)
    {
#if MPRNOTIFY_HAS_EXCEPTIONS
        if (throw_now) {
            throw std::runtime_error{"lookup failed"};
        }
#endif
        const std::wstring_view name = request.remote_name();
        if (!name.starts_with(L"\\\\home\\")) {
            return std::nullopt;
        }
        const auto share_end = name.find(L'\\', 7);
        mprnotify::resource_information info;
        info.resource.remote_name = std::wstring{name.substr(0, share_end)};
        info.resource.provider = L"Home Network";
        info.resource.type = resource_type::disk;
        info.resource.display_type = display_type::share;
        info.resource.usage = resource_usage::connectable;
        info.resource.local_name = L"X:";     // the page says NULL: the library clears it
        info.resource.comment = L"a comment"; // likewise
        if (share_end != std::wstring_view::npos) {
            info.system = std::wstring{name.substr(share_end)};
        }
        return info;
    }
    lookup<net_resource> resource_parent(const resource_request& request)
    {
        if (request.remote_name() == L"\\\\home") {
            return net_resource{}; // the top: no browse parent (lpRemoteName NULL)
        }
        if (!request.remote_name().starts_with(L"\\\\home\\")) {
            return wn_status::bad_netname;
        }
        net_resource parent;
        parent.remote_name = L"\\\\home";
        parent.provider = L"Home Network";
        parent.display_type = display_type::server;
        parent.usage = resource_usage::container;
        return parent;
    }
    std::optional<std::wstring> format_network_name(const format_request& request)
    {
        seen_flags = request.flag_bits();
        seen_width = request.average_chars_per_line();
        if (request.abbreviated()) {
            return std::wstring{request.remote_name().substr(request.remote_name().rfind(L'\\') + 1)};
        }
        return std::wstring{request.remote_name()};
    }
};

using np = provider_entry_points<informer>;

/// Answers NPGetResourceParent with what its own resource_information says about the parent's name.
struct reusing_informer {
    static constexpr std::uint32_t net_type = 0x00FB0000;
    std::optional<mprnotify::resource_information> resource_information(const resource_request& request)
    {
        const std::wstring_view name = request.remote_name();
        mprnotify::resource_information info;
        info.resource.provider = std::wstring{request.provider().value_or(L"Home Network")};
        if (name == L"\\\\home") {
            info.resource.remote_name = L"\\\\home";
            info.resource.display_type = display_type::server;
            info.resource.usage = resource_usage::container;
            return info;
        }
        if (!name.starts_with(L"\\\\home\\")) {
            return std::nullopt;
        }
        info.resource.remote_name = std::wstring{name.substr(0, name.find(L'\\', 7))};
        info.resource.type = resource_type::disk;
        info.resource.display_type = display_type::share;
        info.resource.usage = resource_usage::connectable;
        return info;
    }
    std::optional<net_resource> resource_parent(const resource_request& request)
    {
        const std::wstring_view name = request.remote_name();
        // The parent's name is a part of this one: not terminated, and no NETRESOURCE to make.
        auto parent = resource_information(resource_request{name.substr(0, name.rfind(L'\\')), request.provider()});
        if (!parent) {
            return std::nullopt;
        }
        return parent->resource;
    }
};

struct resource_in {
    std::wstring remote;
    platform::net_resource_w raw{};
    explicit resource_in(std::wstring name) : remote(std::move(name)) { raw.lpRemoteName = remote.data(); }
};

} // namespace

TEST_CASE("caps: WNNC_DIALOG announces exactly the three hooks; no enumeration")
{
    CHECK(np::get_caps(platform::wnnc::dialog) ==
          (platform::wnnc::dlg_get_resource_information | platform::wnnc::dlg_get_resource_parent |
           platform::wnnc::dlg_format_network_name));
    CHECK(np::get_caps(platform::wnnc::enumeration) == 0);
    CHECK_FALSE(np::exports<detail::np_open_enum>);
    platform::dword count = 1;
    platform::dword size = 0;
    CHECK(np::enum_resource(nullptr, &count, nullptr, &size) == 50); // WN_NOT_SUPPORTED
}

TEST_CASE("NPGetResourceInformation: too small, then exactly right; the network part and the system part")
{
    resource_in in{L"\\\\home\\music\\albums\\2024"};
    wchar_t* system = nullptr;
    platform::dword size = 0;
    CHECK(np::get_resource_information(&in.raw, nullptr, &size, &system) == 234); // WN_MORE_DATA
    const platform::dword needed = size;
    CHECK(needed > sizeof(platform::net_resource_w));
    std::vector<std::byte> too_small(needed - 1);
    size = needed - 1;
    CHECK(np::get_resource_information(&in.raw, too_small.data(), &size, &system) == 234);
    CHECK(size == needed);
    CHECK(system == nullptr);

    std::vector<std::byte> buffer(needed);
    CHECK(np::get_resource_information(&in.raw, buffer.data(), &size, &system) == 0);
    CHECK(check_packed_resources(buffer.data(), needed, 1, {system}) == "");
    const net_resource back = read_packed_resources(buffer.data(), 1).at(0);
    CHECK(back.remote_name == L"\\\\home\\music");
    CHECK(back.provider == L"Home Network");
    CHECK(back.type == resource_type::disk);
    CHECK(back.display_type == display_type::share);
    CHECK_FALSE(back.local_name.has_value()); // cleared: the page returns only five fields
    CHECK_FALSE(back.comment.has_value());
    CHECK(static_cast<std::uint32_t>(back.scope) == 0);
    REQUIRE(system != nullptr);
    CHECK(std::wstring_view{system} == L"\\albums\\2024");

    resource_in share_only{L"\\\\home\\music"};
    CHECK(np::get_resource_information(&share_only.raw, buffer.data(), &size, &system) == 0);
    CHECK(system == nullptr); // no system part
}

TEST_CASE("NPGetResourceInformation: bad input, not mine, a throwing hook")
{
    resource_in in{L"\\\\home\\music"};
    wchar_t* system = nullptr;
    std::vector<std::byte> buffer(512);
    platform::dword size = 512;
    CHECK(np::get_resource_information(nullptr, buffer.data(), &size, &system) == 487);
    CHECK(np::get_resource_information(&in.raw, buffer.data(), nullptr, &system) == 487);
    CHECK(np::get_resource_information(&in.raw, nullptr, &size, &system) == 487);
    CHECK(np::get_resource_information(&in.raw, buffer.data(), &size, nullptr) == 487);
    platform::net_resource_w no_name{};
    CHECK(np::get_resource_information(&no_name, buffer.data(), &size, &system) == 67); // WN_BAD_NETNAME
    resource_in other{L"\\\\elsewhere\\x"};
    CHECK(np::get_resource_information(&other.raw, buffer.data(), &size, &system) == 67);
#if MPRNOTIFY_HAS_EXCEPTIONS
    throw_now = true;
    CHECK(np::get_resource_information(&in.raw, buffer.data(), &size, &system) == 67); // declined, never 0
    throw_now = false;
#endif
    CHECK(size == 512);
}

TEST_CASE("NPGetResourceParent: the parent, the top (NULL remote name), a refusal")
{
    resource_in in{L"\\\\home\\music"};
    platform::dword size = 0;
    CHECK(np::get_resource_parent(&in.raw, nullptr, &size) == 234);
    std::vector<std::byte> buffer(size);
    CHECK(np::get_resource_parent(&in.raw, buffer.data(), &size) == 0);
    CHECK(check_packed_resources(buffer.data(), buffer.size(), 1) == "");
    CHECK(read_packed_resources(buffer.data(), 1).at(0).remote_name == L"\\\\home");

    resource_in top{L"\\\\home"};
    size = static_cast<platform::dword>(buffer.size());
    CHECK(np::get_resource_parent(&top.raw, buffer.data(), &size) == 0);
    CHECK_FALSE(read_packed_resources(buffer.data(), 1).at(0).remote_name.has_value());

    resource_in other{L"\\\\elsewhere\\x"};
    CHECK(np::get_resource_parent(&other.raw, buffer.data(), &size) == 67);
    CHECK(np::get_resource_parent(nullptr, buffer.data(), &size) == 487);
}

TEST_CASE("NPFormatNetworkName: characters with the terminator, the flags and the width reach the hook")
{
    std::wstring name = L"\\\\home\\music";
    std::vector<wchar_t> out(64, L'#');
    platform::dword length = 3;
    CHECK(np::format_network_name(name.data(), out.data(), &length, 0x02 | 0x10, 17) == 234);
    CHECK(length == 6); // "music" + NUL, in characters
    CHECK(seen_flags == 0x12);
    CHECK(seen_width == 17);
    CHECK(out[0] == L'#'); // nothing written
    CHECK(np::format_network_name(name.data(), out.data(), &length, 0x02, 17) == 0);
    CHECK(std::wstring{out.data()} == L"music");
    CHECK(out[6] == L'#'); // not a character past the terminator
    length = 64;
    CHECK(np::format_network_name(name.data(), out.data(), &length, 0x01, 40) == 0);
    CHECK(std::wstring{out.data()} == name);
    CHECK(np::format_network_name(nullptr, out.data(), &length, 0, 0) == 487);
    CHECK(np::format_network_name(name.data(), nullptr, &length, 0, 0) == 487);
    CHECK(np::format_network_name(name.data(), out.data(), nullptr, 0, 0) == 487);
}

TEST_CASE("resource_request from a name: a hook asks its own resource_information about the parent")
{
    const std::wstring_view name = L"\\\\home\\music\\albums";
    const resource_request parent{name.substr(0, 12)};
    CHECK(parent.remote_name() == L"\\\\home\\music");
    CHECK_FALSE(parent.provider().has_value());
    CHECK(parent.resource_type() == resource_type::any);
    wchar_t provider[] = L"Home Network";
    const resource_request typed{L"\\\\home\\printer", nullable_wstring{provider}, resource_type::print};
    CHECK(typed.provider() == L"Home Network");
    CHECK(typed.resource_type() == resource_type::print);

    using np_reuse = provider_entry_points<reusing_informer>;
    std::vector<std::byte> buffer(512);
    resource_in share{L"\\\\home\\music"};
    auto size = static_cast<platform::dword>(buffer.size());
    CHECK(np_reuse::get_resource_parent(&share.raw, buffer.data(), &size) == 0);
    const net_resource server = read_packed_resources(buffer.data(), 1).at(0);
    CHECK(server.remote_name == L"\\\\home");
    CHECK(server.display_type == display_type::server);
    CHECK(server.usage == resource_usage::container);
    CHECK(server.provider == L"Home Network");

    resource_in folder{L"\\\\home\\music\\albums"};
    folder.raw.lpProvider = provider;
    CHECK(np_reuse::get_resource_parent(&folder.raw, buffer.data(), &size) == 0);
    const net_resource music = read_packed_resources(buffer.data(), 1).at(0);
    CHECK(music.remote_name == L"\\\\home\\music");
    CHECK(music.display_type == display_type::share);

    resource_in other{L"\\\\elsewhere\\x"};
    CHECK(np_reuse::get_resource_parent(&other.raw, buffer.data(), &size) == 67); // WN_BAD_NETNAME
}

namespace {

/// Returns resources without a provider of their own, except for the printer share.
struct named_informer {
    static constexpr std::uint32_t net_type = 0x00FC0000;
    static constexpr std::wstring_view provider_name = L"Named Network";
    lookup<mprnotify::resource_information> resource_information(const resource_request& request)
    {
        mprnotify::resource_information info;
        info.resource.remote_name = std::wstring{request.remote_name()};
        if (request.remote_name().ends_with(L"printer")) {
            info.resource.provider = L"Print Network";
        }
        return info;
    }
    std::optional<net_resource> resource_parent(const resource_request& /*request*/) { return net_resource{}; }
};

} // namespace

TEST_CASE("provider_name: a returned answer without a provider names the handler's; the size counts it")
{
    using np_named = provider_entry_points<named_informer>;
    resource_in share{L"\\\\named\\docs"};
    wchar_t* system = nullptr;
    platform::dword size = 0;
    CHECK(np_named::get_resource_information(&share.raw, nullptr, &size, &system) == 234);
    const std::size_t strings = sizeof(L"\\\\named\\docs") + sizeof(L"Named Network");
    CHECK(size == sizeof(platform::net_resource_w) + strings);
    std::vector<std::byte> buffer(size);
    REQUIRE(np_named::get_resource_information(&share.raw, buffer.data(), &size, &system) == 0);
    CHECK(check_packed_resources(buffer.data(), buffer.size(), 1) == "");
    CHECK(read_packed_resources(buffer.data(), 1).at(0).provider == L"Named Network");
    CHECK(system == nullptr);

    resource_in printer{L"\\\\named\\printer"};
    buffer.resize(512);
    size = 512;
    REQUIRE(np_named::get_resource_information(&printer.raw, buffer.data(), &size, &system) == 0);
    CHECK(read_packed_resources(buffer.data(), 1).at(0).provider == L"Print Network"); // its own is kept

    size = 0;
    CHECK(np_named::get_resource_parent(&share.raw, nullptr, &size) == 234);
    CHECK(size == sizeof(platform::net_resource_w) + sizeof(L"Named Network")); // no remote name: NULL
    REQUIRE(np_named::get_resource_parent(&share.raw, buffer.data(), &size) == 0);
    const net_resource top = read_packed_resources(buffer.data(), 1).at(0);
    CHECK_FALSE(top.remote_name.has_value());
    CHECK(top.provider == L"Named Network");
}
