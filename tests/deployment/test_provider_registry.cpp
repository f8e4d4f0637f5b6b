// registry/providers.hpp against a real registry (Windows, or Wine's), in a scratch tree under
// HKEY_CURRENT_USER (provider_location), so the machine's ProviderOrder is never touched here;
// tests/deployment/provider_wine_test.py works on the real keys and Wine's mpr.dll.
#include <doctest/doctest.h>

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include <mprnotify/registry.hpp>

namespace reg = mprnotify::registry;
using reg::change;

namespace {

const std::wstring root = L"Software\\mprnotify-test-providers-" + std::to_wstring(::GetCurrentProcessId());
const std::wstring services = root + L"\\Services";
const std::wstring order_key = root + L"\\Order";
const reg::provider_location scratch{HKEY_CURRENT_USER, services.c_str(), order_key.c_str()};

/// Sets ProviderOrder in the scratch tree with any type and raw text (the terminator included).
void set_order(DWORD type, const std::wstring& text)
{
    reg::unique_key key;
    REQUIRE(::RegCreateKeyExW(HKEY_CURRENT_USER, order_key.c_str(), 0, nullptr, 0, KEY_SET_VALUE, nullptr, key.put(),
                              nullptr) == ERROR_SUCCESS);
    REQUIRE(::RegSetValueExW(key.get(), L"ProviderOrder", 0, type, reinterpret_cast<const BYTE*>(text.c_str()),
                             static_cast<DWORD>((text.size() + 1) * sizeof(wchar_t))) == ERROR_SUCCESS);
}

reg::order_snapshot order() { return reg::read_provider_order(scratch); }

bool key_exists(const std::wstring& path)
{
    reg::unique_key key;
    return ::RegOpenKeyExW(HKEY_CURRENT_USER, path.c_str(), 0, KEY_QUERY_VALUE, key.put()) == ERROR_SUCCESS;
}

struct clean_tree {
    clean_tree() { ::RegDeleteTreeW(HKEY_CURRENT_USER, root.c_str()); }
    ~clean_tree() { ::RegDeleteTreeW(HKEY_CURRENT_USER, root.c_str()); }
};

const reg::provider contoso{L"ContosoNP", L"Contoso Network", L"%SystemRoot%\\System32\\contoso-np.dll", {}, 1};

} // namespace

TEST_CASE("register, again, query, unregister, again: Microsoft's order comes back byte for byte")
{
    const clean_tree tree;
    set_order(REG_SZ, L"RDPNP,LanmanWorkstation,webclient");
    CHECK(reg::register_provider(contoso, reg::order_position::after(L"LanmanWorkstation"), scratch) ==
          change::created);
    CHECK(order().value == L"RDPNP,LanmanWorkstation,ContosoNP,webclient");
    CHECK(reg::register_provider(contoso, reg::order_position::after(L"LanmanWorkstation"), scratch) == change::none);

    const auto found = reg::find_provider(L"contosonp", scratch);
    REQUIRE(found.has_value());
    CHECK(found->key_found);
    CHECK(found->display_name == L"Contoso Network");
    CHECK(found->dll_path == L"%SystemRoot%\\System32\\contoso-np.dll");
    CHECK(found->dll_path_type == REG_EXPAND_SZ);
    CHECK(found->provider_class == DWORD{1});
    CHECK_FALSE(found->device_name.has_value());
    CHECK(found->order_index == std::size_t{2});

    CHECK(reg::register_provider(contoso, reg::order_position::first(), scratch) == change::updated);
    CHECK(order().value == L"ContosoNP,RDPNP,LanmanWorkstation,webclient");

    CHECK(reg::unregister_provider(L"ContosoNP", scratch) == change::removed);
    CHECK(order().value == L"RDPNP,LanmanWorkstation,webclient");
    CHECK(order().plain);
    CHECK_FALSE(key_exists(services + L"\\ContosoNP")); // it held only our Group: gone too
    CHECK(reg::unregister_provider(L"ContosoNP", scratch) == change::none);
    CHECK_FALSE(reg::find_provider(L"ContosoNP", scratch).has_value());
}

TEST_CASE("a missing ProviderOrder (and Order key) is created with the one token")
{
    const clean_tree tree;
    CHECK_FALSE(order().exists);
    CHECK(reg::register_provider(contoso, reg::order_position::last(), scratch) == change::created);
    CHECK(order().exists);
    CHECK(order().value == L"ContosoNP");
}

TEST_CASE("no ProviderOrder before: register then unregister leaves none (the round trip includes absence)")
{
    const clean_tree tree;
    CHECK(reg::register_provider(contoso, reg::order_position::last(), scratch) == change::created);
    CHECK(order().value == L"ContosoNP");
    CHECK(reg::unregister_provider(L"ContosoNP", scratch) == change::removed);
    CHECK_FALSE(order().exists);
    CHECK(reg::unregister_provider(L"ContosoNP", scratch) == change::none);
    CHECK_FALSE(order().exists);
}

TEST_CASE("the last token goes with the value; an empty value not naming the provider is left alone")
{
    const clean_tree tree;
    SUBCASE("an empty value from before is not given back: MPR reads it as an absent one")
    {
        set_order(REG_SZ, L"");
        CHECK(reg::register_provider(contoso, reg::order_position::last(), scratch) == change::created);
        CHECK(reg::unregister_provider(L"ContosoNP", scratch) == change::removed);
        CHECK_FALSE(order().exists);
    }
    SUBCASE("blank tokens and a REG_EXPAND_SZ value holding only the provider")
    {
        set_order(REG_EXPAND_SZ, L" ,contosonp,,");
        CHECK(reg::unregister_provider(L"ContosoNP", scratch) == change::removed);
        CHECK_FALSE(order().exists);
    }
    SUBCASE("unregistering a provider not listed writes nothing, so an empty value stays")
    {
        set_order(REG_SZ, L"");
        CHECK(reg::unregister_provider(L"ContosoNP", scratch) == change::none);
        CHECK(order().exists);
        CHECK(order().value.empty());
    }
}

TEST_CASE("the empty value is deleted only while it is still exactly an empty REG_SZ")
{
    const clean_tree tree;
    const auto delete_if_empty = [] {
        reg::unique_key key;
        REQUIRE(::RegOpenKeyExW(HKEY_CURRENT_USER, order_key.c_str(), 0, KEY_QUERY_VALUE | KEY_SET_VALUE, key.put()) ==
                ERROR_SUCCESS);
        bool deleted = true;
        CHECK(mprnotify::detail::delete_text_if(key.get(), L"ProviderOrder", REG_SZ, L"", deleted) == ERROR_SUCCESS);
        return deleted;
    };
    set_order(REG_SZ, L"OtherNP"); // another installer wrote in between
    CHECK_FALSE(delete_if_empty());
    CHECK(order().value == L"OtherNP");
    set_order(REG_EXPAND_SZ, L"");
    CHECK_FALSE(delete_if_empty());
    CHECK(order().exists);
    set_order(REG_SZ, L"");
    CHECK(delete_if_empty());
    CHECK_FALSE(order().exists);
    CHECK_FALSE(delete_if_empty()); // already gone: a success
}

TEST_CASE("a malformed value: empty tokens dropped, others kept as stored, REG_EXPAND_SZ rewritten as REG_SZ")
{
    const clean_tree tree;
    set_order(REG_EXPAND_SZ, L",RDPNP,, LanmanWorkstation ,webclient,contosonp,");
    CHECK(reg::register_provider(contoso, reg::order_position::last(), scratch) == change::created); // the key is new
    const auto now = order();
    CHECK(now.plain);
    CHECK(now.value == L"RDPNP, LanmanWorkstation ,webclient,ContosoNP");
}

TEST_CASE("a ProviderOrder that is not text is refused and left alone")
{
    const clean_tree tree;
    set_order(REG_MULTI_SZ, std::wstring{L"RDPNP\0webclient\0", 16});
    const reg::result r = reg::register_provider_nothrow(contoso, reg::order_position::last(), scratch);
    CHECK(r.win32_error() == ERROR_INVALID_DATA);
    const auto now = order();
    CHECK(now.exists);
    CHECK_FALSE(now.text);
    try {
        static_cast<void>(reg::unregister_provider(L"ContosoNP", scratch));
        FAIL("no exception");
    } catch (const reg::registry_error& e) {
        CHECK(e.win32_error() == ERROR_INVALID_DATA);
        CHECK(std::string{e.what()}.rfind("unregister_provider(\"ContosoNP\"): Win32 error 13", 0) == 0);
    }
}

TEST_CASE("bad names are refused before the registry is touched")
{
    const clean_tree tree;
    reg::provider bad = contoso;
    bad.service_name = L"Contoso\\NP";
    const reg::result r = reg::register_provider_nothrow(bad, reg::order_position::last(), scratch);
    CHECK(r.win32_error() == ERROR_INVALID_PARAMETER);
    CHECK(r.problem() == reg::input_problem::service_name_has_backslash);
    CHECK(r.message() == "the provider's service name contains a backslash (not a valid key name)");
    bad = contoso;
    bad.display_name.clear();
    CHECK(reg::register_provider_nothrow(bad, reg::order_position::last(), scratch).problem() ==
          reg::input_problem::display_name_empty);
    CHECK(reg::register_provider_nothrow(contoso, reg::order_position::before(L"A,B"), scratch).problem() ==
          reg::input_problem::service_name_has_comma);
    CHECK(reg::unregister_provider_nothrow(L" ContosoNP", scratch).problem() ==
          reg::input_problem::service_name_has_edge_space);
    CHECK_FALSE(key_exists(root));
}

TEST_CASE("an existing service key keeps its Group and survives unregistering")
{
    const clean_tree tree;
    {
        reg::unique_key key;
        REQUIRE(::RegCreateKeyExW(HKEY_CURRENT_USER, (services + L"\\ContosoNP").c_str(), 0, nullptr, 0, KEY_SET_VALUE,
                                  nullptr, key.put(), nullptr) == ERROR_SUCCESS);
        const std::wstring group = L"FSFilter";
        REQUIRE(::RegSetValueExW(key.get(), L"Group", 0, REG_SZ, reinterpret_cast<const BYTE*>(group.c_str()),
                                 static_cast<DWORD>((group.size() + 1) * sizeof(wchar_t))) == ERROR_SUCCESS);
    }
    CHECK(reg::register_provider(contoso, reg::order_position::last(), scratch) == change::created);
    CHECK(reg::unregister_provider(L"ContosoNP", scratch) == change::removed);
    CHECK(key_exists(services + L"\\ContosoNP"));
    CHECK_FALSE(key_exists(services + L"\\ContosoNP\\NetworkProvider"));
}

TEST_CASE("a failing registry call is reported with its Win32 code")
{
    const reg::provider_location nowhere{reinterpret_cast<HKEY>(static_cast<std::uintptr_t>(0x7777)), services.c_str(),
                                         order_key.c_str()};
    const reg::result r = reg::register_provider_nothrow(contoso, reg::order_position::last(), nowhere);
    CHECK_FALSE(r.ok());
    CHECK(r.win32_error() == ERROR_INVALID_HANDLE);
    // Access denied reads as the system says it (the code a non-elevated installer gets under HKLM).
    CHECK(reg::result{ERROR_ACCESS_DENIED}.message().rfind("Win32 error 5", 0) == 0);
}
