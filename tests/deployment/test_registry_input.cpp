// The value-name and path rules of registry.hpp, on every platform (they are constexpr).
#include <doctest/doctest.h>

#include <ostream> // doctest prints std::string_view through it
#include <string>

#include <mprnotify/registration.hpp>
#include <mprnotify/registry.hpp>

namespace registry = mprnotify::registry;
using registry::input_problem;

// The macro checks its name at compile time everywhere (off Windows it adds nothing else).
MPRNOTIFY_EXPORT_REGISTRATION(L"Example Notifyee 1.0");

static_assert(registry::check_value_name(L"MyCompany Drive Audit") == input_problem::none);
static_assert(registry::check_value_name(L"a\\b") == input_problem::name_has_backslash);

TEST_CASE("value names: 1 to 255 UTF-16 units, no backslash, no control character")
{
    CHECK(registry::check_value_name(L"x") == input_problem::none);
    CHECK(registry::check_value_name(std::wstring(255, L'n')) == input_problem::none);
    CHECK(registry::check_value_name(L"Drive audit (x64) / v2 : 100% \u00e9\u4e2d") == input_problem::none);
    CHECK(registry::check_value_name(L"") == input_problem::name_empty);
    CHECK(registry::check_value_name(std::wstring(256, L'n')) == input_problem::name_too_long);
    CHECK(registry::check_value_name(L"\\") == input_problem::name_has_backslash);
    CHECK(registry::check_value_name(L"Notifyees\\x") == input_problem::name_has_backslash);
    for (wchar_t c = 0; c < 0x20; ++c) {
        CAPTURE(static_cast<int>(c));
        CHECK(registry::check_value_name(std::wstring{L'a', c, L'b'}) == input_problem::name_has_control_character);
    }
    CHECK(registry::check_value_name(L"del\x7f") == input_problem::name_has_control_character);
    CHECK(registry::check_value_name(L" ") == input_problem::none); // printable, if unwise
}

TEST_CASE("DLL paths: non-empty, at most 32767 units, no control character, variables allowed")
{
    CHECK(registry::check_dll_path(L"%SystemRoot%\\System32\\notifyee.dll") == input_problem::none);
    CHECK(registry::check_dll_path(L"C:\\Program Files\\A\\b.dll") == input_problem::none);
    CHECK(registry::check_dll_path(L"") == input_problem::path_empty);
    CHECK(registry::check_dll_path(std::wstring(32767, L'p')) == input_problem::none);
    CHECK(registry::check_dll_path(std::wstring(32768, L'p')) == input_problem::path_too_long);
    CHECK(registry::check_dll_path(L"C:\\a\rb.dll") == input_problem::path_has_control_character);
}

TEST_CASE("every problem has its own sentence")
{
    CHECK(registry::message(input_problem::name_has_backslash) == "the notifyee value name contains a backslash");
    CHECK(registry::message(input_problem::name_empty) == "the notifyee value name is empty");
    CHECK(registry::message(input_problem::path_too_long).find("32767") != std::string_view::npos);
    CHECK(registry::message(static_cast<input_problem>(99)) == "invalid registry input");
}
