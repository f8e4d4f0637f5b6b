// Provider hooks found at compile time, and NPGetCaps computed from the table of NP functions.
#include <doctest/doctest.h>

#include <mprnotify/detail/provider/caps.hpp>
#include <mprnotify/detail/provider/hooks.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

using namespace mprnotify;
namespace d = mprnotify::detail;
namespace wnnc = mprnotify::platform::wnnc;

namespace {

// Not a valid provider (it cannot disconnect): only for finding hooks and caps bits.
struct connect_only {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    wn_status connect(const connect_request&) { return wn_status::success; }
};
struct connect_and_disconnect {
    static constexpr std::uint32_t net_type = 0x00FA0000;
    wn_status connect(const connect_request&) { return wn_status::success; }
    wn_status disconnect(const disconnect_request&) { return wn_status::not_connected; }
};
struct misspelt_disconnect {
    [[maybe_unused]] static constexpr std::uint32_t net_type = 0x00FA0000;
    wn_status connect(const connect_request&) { return wn_status::success; }
    wn_status disconect(const disconnect_request&) { return wn_status::success; }
};
struct everything {
    static constexpr std::uint32_t net_type = 0x00FB0000;
    static constexpr unsigned driver_version = 7;
    wn_status connect(const connect_request&) { return wn_status::success; }
    wn_status disconnect(const disconnect_request&) { return wn_status::success; }
    std::optional<std::wstring> connection_of(std::wstring_view) { return std::nullopt; }
    lookup<universal_name_view> universal_name_of(std::wstring_view) { return wn_status::not_connected; }
    lookup<std::wstring_view> user_of(nullable_wstring) { return wn_status::not_connected; }
};
struct lookups_only {
    static constexpr std::uint32_t net_type = 0x00FC0000;
    std::optional<std::wstring_view> connection_of(wzstring_view) const { return std::nullopt; }
    std::optional<std::wstring> user_of(nullable_wstring) { return std::nullopt; }
};
struct wrong_answer {
    [[maybe_unused]] static constexpr std::uint32_t net_type = 1;
    int connection_of(std::wstring_view) { return 0; }
};
struct wrong_parameter {
    [[maybe_unused]] static constexpr std::uint32_t net_type = 1;
    std::optional<std::wstring> connection_of(const std::wstring&) { return std::nullopt; }
};
struct raw_pointer_parameter {
    [[maybe_unused]] static constexpr std::uint32_t net_type = 1;
    std::optional<std::wstring> connection_of(const wchar_t*) { return std::nullopt; }
};
struct by_reference {
    static constexpr std::uint32_t net_type = 0x00FD0000;
    std::optional<std::wstring> connection_of(const wzstring_view&) { return std::nullopt; }
};
// The in-place form: the hook writes through an answer object and returns a status.
struct in_place_lookups {
    static constexpr std::uint32_t net_type = 0x00FE0000;
    wn_status connection_of(wzstring_view, name_answer&) { return wn_status::not_connected; }
    wn_status universal_name_of(std::wstring_view, universal_name_answer&) { return wn_status::not_connected; }
    wn_status user_of(nullable_wstring, name_answer& answer) const { return answer.set(L"alice"); }
};
// Both forms at once: the in-place one is used.
struct both_forms {
    static constexpr std::uint32_t net_type = 0x00FE0000;
    std::optional<std::wstring_view> connection_of(wzstring_view) { return std::nullopt; }
    wn_status connection_of(wzstring_view, name_answer&) { return wn_status::not_connected; }
};
struct in_place_returns_void {
    [[maybe_unused]] static constexpr std::uint32_t net_type = 1;
    void connection_of(wzstring_view, name_answer&) {}
};
struct in_place_wrong_answer_object {
    [[maybe_unused]] static constexpr std::uint32_t net_type = 1;
    wn_status universal_name_of(std::wstring_view, name_answer&) { return wn_status::not_connected; }
};
struct notifyee_only {
    void on_error(const failure&) noexcept {}
};

} // namespace

static_assert(d::validate_provider<connect_and_disconnect>());
static_assert(d::validate_provider<everything>());
static_assert(d::validate_provider<lookups_only>());
static_assert(d::validate_provider<by_reference>());
static_assert(d::validate_provider<in_place_lookups>());
static_assert(d::validate_provider<both_forms>());
static_assert(std::is_same_v<d::connection_of_hook::argument, wzstring_view>,
              "the fast form is what MPR's name becomes");

TEST_CASE("a hook is present only when declared, callable and answering an accepted type")
{
    CHECK(d::connect_hook::present<connect_only>);
    CHECK_FALSE(d::disconnect_hook::present<connect_only>);
    CHECK(d::connection_of_hook::present<lookups_only>);
    CHECK(d::user_of_hook::present<lookups_only>);
    CHECK(d::connection_of_hook::declared<wrong_answer>);
    CHECK(d::connection_of_hook::callable<wrong_answer>);
    CHECK_FALSE(d::connection_of_hook::answers_right<wrong_answer>);
    CHECK(d::connection_of_hook::declared<wrong_parameter>);
    CHECK_FALSE(d::connection_of_hook::callable<wrong_parameter>); // a wzstring_view never becomes a std::wstring
    CHECK(d::connection_of_hook::declared<raw_pointer_parameter>);
    CHECK_FALSE(d::connection_of_hook::callable<raw_pointer_parameter>); // nor a raw pointer
    // The fast form (wzstring_view, by value or reference) and the measuring one (std::wstring_view) both serve.
    CHECK(d::connection_of_hook::present<lookups_only>);
    CHECK(d::connection_of_hook::present<by_reference>);
    CHECK(d::connection_of_hook::present<everything>);
    CHECK_FALSE(d::has_provider_hook<notifyee_only>);
    CHECK(d::has_net_type<connect_only>);
    CHECK_FALSE(d::has_net_type<notifyee_only>);
    CHECK(d::has_driver_version<everything>);
}

TEST_CASE("the in-place form of the name lookups is found, and only with a status and the right answer object")
{
    CHECK(d::connection_of_hook::in_place<in_place_lookups>);
    CHECK(d::universal_name_of_hook::in_place<in_place_lookups>);
    CHECK(d::user_of_hook::in_place<in_place_lookups>); // a const hook too
    CHECK(d::connection_of_hook::present<in_place_lookups>);
    CHECK(d::universal_name_of_hook::present<in_place_lookups>);
    CHECK(d::user_of_hook::present<in_place_lookups>);
    CHECK(d::connection_of_hook::in_place<both_forms>);
    CHECK(d::connection_of_hook::present<both_forms>);
    CHECK_FALSE(d::connection_of_hook::in_place<lookups_only>); // the returned form is not mistaken for it
    CHECK(d::connection_of_hook::declared<in_place_returns_void>);
    CHECK_FALSE(d::connection_of_hook::callable<in_place_returns_void>);
    CHECK_FALSE(d::connection_of_hook::present<in_place_returns_void>);
    CHECK_FALSE(d::universal_name_of_hook::callable<in_place_wrong_answer_object>);
    CHECK_FALSE(d::connect_hook::in_place<connect_and_disconnect>); // no other hook has an in-place form
    CHECK(d::get_caps<in_place_lookups>(wnnc::connection) == wnnc::con_get_connections);
    CHECK(d::get_caps<in_place_lookups>(wnnc::user) == wnnc::usr_get_user);
    CHECK(d::np_functions::exported_count<in_place_lookups> == 3);
}

TEST_CASE("a provider that connects must disconnect: a misspelt disconnect breaks the rule")
{
    CHECK(d::disconnects_what_it_connects<connect_and_disconnect>);
    CHECK(d::disconnects_what_it_connects<everything>);
    CHECK(d::disconnects_what_it_connects<lookups_only>); // no connect: nothing to undo
    CHECK_FALSE(d::disconnects_what_it_connects<connect_only>);
    CHECK_FALSE(d::disconnects_what_it_connects<misspelt_disconnect>);
    CHECK_FALSE(d::np_cancel_connection::exported<misspelt_disconnect>); // what the rule prevents
}

TEST_CASE("NPGetCaps answers the constants and exactly the bits of the hooks present")
{
    CHECK(d::get_caps<connect_only>(wnnc::spec_version) == wnnc::spec_version_51);
    CHECK(d::get_caps<connect_only>(wnnc::net_type) == 0x00FA0000);
    CHECK(d::get_caps<connect_only>(wnnc::driver_version) == 0);
    CHECK(d::get_caps<everything>(wnnc::driver_version) == 7);
    CHECK(d::get_caps<connect_only>(wnnc::connection) == (wnnc::con_add_connection | wnnc::con_add_connection3));
    CHECK(d::get_caps<connect_only>(wnnc::user) == 0);
    CHECK(d::get_caps<everything>(wnnc::connection) == (wnnc::con_add_connection | wnnc::con_add_connection3 |
                                                        wnnc::con_cancel_connection | wnnc::con_get_connections));
    CHECK(d::get_caps<everything>(wnnc::user) == wnnc::usr_get_user);
    CHECK(d::get_caps<lookups_only>(wnnc::connection) == wnnc::con_get_connections);
    CHECK(d::get_caps<everything>(wnnc::start) == 1);
    for (platform::dword index : {wnnc::dialog, wnnc::admin, wnnc::enumeration, platform::dword{0}, platform::dword{5},
                                  platform::dword{7}, platform::dword{0xFFFFFFFF}}) {
        CAPTURE(index);
        CHECK(d::get_caps<everything>(index) == 0);
    }
}

TEST_CASE("the table's exports and its caps bits agree for every handler")
{
    auto agree = []<class H>() {
        const platform::dword connection = d::get_caps<H>(wnnc::connection);
        CHECK(((connection & wnnc::con_add_connection) != 0) == d::np_add_connection::exported<H>);
        CHECK(((connection & wnnc::con_add_connection3) != 0) == d::np_add_connection3::exported<H>);
        CHECK(((connection & wnnc::con_cancel_connection) != 0) == d::np_cancel_connection::exported<H>);
        CHECK(((connection & wnnc::con_get_connections) != 0) == d::np_get_connection::exported<H>);
        CHECK(((d::get_caps<H>(wnnc::user) & wnnc::usr_get_user) != 0) == d::np_get_user::exported<H>);
    };
    agree.template operator()<connect_only>();
    agree.template operator()<everything>();
    agree.template operator()<lookups_only>();
    CHECK(d::np_functions::exported_count<everything> == 6);
    CHECK(d::np_functions::exported_count<lookups_only> == 2);
}
