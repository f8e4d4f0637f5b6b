// provider_order.hpp on every platform: the ProviderOrder rule, case by case (the property test
// provider_order_property.cpp covers random values), and the provider-name rules of registry_input.hpp.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include <mprnotify/registry/provider_order.hpp>
#include <mprnotify/registration.hpp>

namespace reg = mprnotify::registry;
using reg::input_problem;
using reg::order_position;

// The provider regsvr32 macro checks its names at compile time on every platform.
MPRNOTIFY_EXPORT_PROVIDER_REGISTRATION(L"ExampleNP", L"Example Network");

static_assert(reg::check_service_name(L"LanmanWorkstation") == input_problem::none);
static_assert(reg::check_service_name(L"A,B") == input_problem::service_name_has_comma);
static_assert(reg::names_provider(L" webclient\t", L"WebClient"));

namespace {
const std::wstring microsoft = L"RDPNP,LanmanWorkstation,webclient";
}

TEST_CASE("service names: key names that are also whole ProviderOrder tokens")
{
    CHECK(reg::check_service_name(L"WinFsp.Np") == input_problem::none);
    CHECK(reg::check_service_name(L"My Provider") == input_problem::none); // inner spaces are fine
    CHECK(reg::check_service_name(L"") == input_problem::service_name_empty);
    CHECK(reg::check_service_name(std::wstring(255, L'n')) == input_problem::none);
    CHECK(reg::check_service_name(std::wstring(256, L'n')) == input_problem::service_name_too_long);
    CHECK(reg::check_service_name(L"Services\\X") == input_problem::service_name_has_backslash);
    CHECK(reg::check_service_name(L"a\nb") == input_problem::service_name_has_control_character);
    CHECK(reg::check_service_name(L",X") == input_problem::service_name_has_comma);
    CHECK(reg::check_service_name(L" X") == input_problem::service_name_has_edge_space);
    CHECK(reg::check_service_name(L"X ") == input_problem::service_name_has_edge_space);
    CHECK(reg::check_service_name(L"X\t") == input_problem::service_name_has_control_character); // a tab is one
    CHECK(reg::check_display_name(L"Contoso Network") == input_problem::none);
    CHECK(reg::check_display_name(L"") == input_problem::display_name_empty);
    CHECK(reg::check_display_name(L"a\x7f") == input_problem::display_name_has_control_character);
    CHECK(reg::check_device_name(L"") == input_problem::none);
    CHECK(reg::check_device_name(std::wstring(256, L'd')) == input_problem::device_name_too_long);
    CHECK(reg::message(input_problem::service_name_has_comma).find("comma") != std::string_view::npos);
}

TEST_CASE("split keeps every token as stored, empty ones included")
{
    const auto tokens = reg::split_order(L",a,, b ,");
    REQUIRE(tokens.size() == 5);
    CHECK(tokens[0].empty());
    CHECK(tokens[1] == L"a");
    CHECK(tokens[3] == L" b ");
    CHECK(reg::split_order(L"").size() == 1);
}

TEST_CASE("register at each position in Microsoft's default order")
{
    CHECK(reg::order_with(microsoft, L"ContosoNP", order_position::last()) == microsoft + L",ContosoNP");
    CHECK(reg::order_with(microsoft, L"ContosoNP", order_position::first()) == L"ContosoNP," + microsoft);
    CHECK(reg::order_with(microsoft, L"ContosoNP", order_position::before(L"lanmanworkstation")) ==
          L"RDPNP,ContosoNP,LanmanWorkstation,webclient");
    CHECK(reg::order_with(microsoft, L"ContosoNP", order_position::after(L"LanmanWorkstation")) ==
          L"RDPNP,LanmanWorkstation,ContosoNP,webclient");
    CHECK(reg::order_with(microsoft, L"ContosoNP", order_position::after(L"NotThere")) == microsoft + L",ContosoNP");
    CHECK(reg::order_with(L"", L"ContosoNP", order_position::first()) == L"ContosoNP");
}

TEST_CASE("unregister gives Microsoft's order back byte for byte")
{
    for (const auto& where : {order_position::first(), order_position::last(), order_position::after(L"RDPNP")}) {
        const std::wstring with = reg::order_with(microsoft, L"ContosoNP", where);
        CHECK(reg::order_without(with, L"ContosoNP") == microsoft);
    }
}

TEST_CASE("malformed values: empty tokens dropped, other tokens kept as they are")
{
    // The installer histories this rule answers: a leading comma, an empty token taken for "already there".
    CHECK(reg::order_with(L",RDPNP,,LanmanWorkstation,", L"X", order_position::last()) == L"RDPNP,LanmanWorkstation,X");
    CHECK(reg::order_with(L"RDPNP, ,webclient", L"X", order_position::last()) == L"RDPNP,webclient,X");
    // Padding and case of another provider's token are its own: kept.
    CHECK(reg::order_with(L"RDPNP, LanmanWorkstation", L"X", order_position::first()) == L"X,RDPNP, LanmanWorkstation");
    // Another provider listed twice stays twice (the health check reports it).
    CHECK(reg::order_with(L"A,B,A", L"X", order_position::after(L"A")) == L"A,X,B,A");
    // Our own token, however spelled and however often, becomes one token as given.
    CHECK(reg::order_with(L" x ,A,X,x", L"X", order_position::last()) == L"A,X");
    CHECK(reg::order_without(L" x ,A,X,x", L"X") == L"A");
    CHECK(reg::normalized_order(L",,A,, ,B,") == L"A,B");
}

TEST_CASE("what to write, and when nothing is written")
{
    const reg::order_snapshot done{true, true, true, microsoft + L",X"};
    CHECK_FALSE(reg::order_to_register(done, L"X", order_position::last()).has_value());
    CHECK(reg::order_to_register(done, L"X", order_position::first()) == L"X," + microsoft);
    const reg::order_snapshot expand{true, true, false, microsoft + L",X"};
    CHECK(reg::order_to_register(expand, L"X", order_position::last()) == microsoft + L",X"); // rewritten as REG_SZ
    const reg::order_snapshot missing{};
    CHECK(reg::order_to_register(missing, L"X", order_position::last()) == L"X");
    CHECK_FALSE(reg::order_to_unregister(missing, L"X").has_value());
    const reg::order_snapshot messy_without_us{true, true, true, L",A,,B"};
    CHECK_FALSE(reg::order_to_unregister(messy_without_us, L"X").has_value()); // not ours to tidy
}

namespace {
/// A store another installer writes to on chosen reads.
struct scripted_store {
    reg::order_snapshot value;
    std::vector<int> interfere_on; // read numbers (1-based) before which "Other" is appended
    std::uint32_t read_error = 0;
    int reads = 0;
    int writes = 0;
    std::uint32_t read(reg::order_snapshot& out)
    {
        ++reads;
        for (const int n : interfere_on) {
            if (n == reads) {
                value.value = reg::order_with(value.value, L"Other" + std::to_wstring(reads), order_position::last());
            }
        }
        out = value;
        return reads > 1 ? read_error : 0;
    }
    std::uint32_t write(const std::wstring& text)
    {
        ++writes;
        value = {true, true, true, text};
        return 0;
    }
};
auto register_x = [](const reg::order_snapshot& current) {
    return reg::order_to_register(current, L"X", order_position::last());
};
} // namespace

TEST_CASE("read-modify-write: a change between reading and writing starts it over")
{
    scripted_store s{{true, true, true, microsoft}, {2}};
    const auto update = reg::update_order(s, register_x);
    CHECK(update.status == reg::order_status::written);
    CHECK(update.conflicts == 1);
    CHECK(update.attempts == 2);
    CHECK(s.writes == 1);
    CHECK(s.value.value == microsoft + L",Other2,X");
}

TEST_CASE("read-modify-write: a write landing after ours is seen on reading back, and ours re-applied")
{
    scripted_store s{{true, true, true, microsoft}, {3}};
    const auto update = reg::update_order(s, register_x);
    CHECK(update.status == reg::order_status::written);
    CHECK(update.conflicts == 1);
    CHECK(s.writes == 2); // "last" again: after the other installer's token
    CHECK(s.value.value == microsoft + L",Other3,X");
}

TEST_CASE("read-modify-write: refusals and errors write nothing")
{
    scripted_store multi{{true, false, false, L""}, {}};
    CHECK(reg::update_order(multi, register_x).status == reg::order_status::not_text);
    CHECK(multi.writes == 0);
    scripted_store broken{{true, true, true, microsoft}, {}, 5};
    const auto failed = reg::update_order(broken, register_x);
    CHECK(failed.status == reg::order_status::failed);
    CHECK(failed.error == 5);
    CHECK(broken.writes == 0);
    scripted_store busy{{true, true, true, microsoft}, {2, 4, 6, 8, 10, 12, 14, 16}};
    const auto gave_up = reg::update_order(busy, register_x);
    CHECK(gave_up.status == reg::order_status::conflict);
    CHECK(busy.writes == 0);
    CHECK(busy.value.value.rfind(microsoft + L",Other2", 0) == 0);
}

TEST_CASE("inspect_order finds what MPR would skip")
{
    const auto entries = reg::inspect_order(L",RDPNP, webclient,rdpnp,,X");
    REQUIRE(entries.size() == 6);
    CHECK(entries[0].blank);
    CHECK_FALSE(entries[1].blank);
    CHECK(entries[2].padded);
    CHECK(entries[3].duplicate);
    CHECK(entries[4].blank);
    CHECK_FALSE(entries[5].duplicate);
}
