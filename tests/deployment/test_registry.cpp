// mprnotify/registry.hpp against a real registry (Windows, or Wine's): round trips under the real
// Notifyees key, neighbours left byte-for-byte alone, bad input refused before anything is written.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>
#include <ostream> // doctest prints std::error_code through it
#include <string>
#include <vector>

#include <mprnotify/registry.hpp>

namespace registry = mprnotify::registry;
using registry::change;

namespace {

/// Value names unique to this run, so a left-over from an earlier run cannot pass a test.
std::wstring unique_name(const wchar_t* what)
{
    return L"mprnotify-test-" + std::wstring{what} + L"-" + std::to_wstring(::GetCurrentProcessId());
}

/// Every value of the Notifyees key as raw (type, bytes), read with plain Win32 calls.
std::map<std::wstring, std::pair<DWORD, std::vector<BYTE>>> snapshot(const registry::location& where = {})
{
    std::map<std::wstring, std::pair<DWORD, std::vector<BYTE>>> out;
    HKEY key = nullptr;
    if (::RegOpenKeyExW(where.root, where.subkey, 0, KEY_QUERY_VALUE, &key) != ERROR_SUCCESS) {
        return out;
    }
    for (DWORD i = 0;; ++i) {
        wchar_t name[16384];
        BYTE data[4096];
        DWORD name_length = 16384;
        DWORD data_length = sizeof data;
        DWORD type = 0;
        if (::RegEnumValueW(key, i, name, &name_length, nullptr, &type, data, &data_length) != ERROR_SUCCESS) {
            break;
        }
        out[std::wstring(name, name_length)] = {type, std::vector<BYTE>(data, data + data_length)};
    }
    ::RegCloseKey(key);
    return out;
}

void set_raw(const std::wstring& name, DWORD type, const void* data, DWORD size, const registry::location& where = {})
{
    HKEY key = nullptr;
    REQUIRE(::RegCreateKeyExW(where.root, where.subkey, 0, nullptr, 0, KEY_SET_VALUE, nullptr, &key, nullptr) ==
            ERROR_SUCCESS);
    REQUIRE(::RegSetValueExW(key, name.c_str(), 0, type, static_cast<const BYTE*>(data), size) == ERROR_SUCCESS);
    ::RegCloseKey(key);
}

void delete_raw(const std::wstring& name, const registry::location& where = {})
{
    HKEY key = nullptr;
    if (::RegOpenKeyExW(where.root, where.subkey, 0, KEY_SET_VALUE, &key) == ERROR_SUCCESS) {
        ::RegDeleteValueW(key, name.c_str());
        ::RegCloseKey(key);
    }
}

bool listed(const std::wstring& name)
{
    const auto all = registry::list_notifyees();
    return std::any_of(all.begin(), all.end(), [&](const registry::notifyee& n) { return n.name == name; });
}

} // namespace

TEST_CASE("register, find, list, re-register, update, unregister: a full round trip")
{
    const std::wstring name = unique_name(L"round-trip");
    const std::wstring path = L"C:\\Program Files\\Example\\notifyee.dll";
    delete_raw(name);

    CHECK(registry::register_notifyee(name, path) == change::created);
    const auto found = registry::find_notifyee(name);
    REQUIRE(found.has_value());
    CHECK(found->type == REG_EXPAND_SZ);
    CHECK(found->path == path);
    CHECK(listed(name));

    // The exact bytes: the path and one terminating NUL.
    const auto raw = snapshot().at(name);
    CHECK(raw.first == static_cast<DWORD>(REG_EXPAND_SZ));
    CHECK(raw.second.size() == (path.size() + 1) * sizeof(wchar_t));

    CHECK(registry::register_notifyee(name, path) == change::none); // idempotent
    CHECK(registry::register_notifyee(name, L"D:\\other.dll") == change::updated);
    CHECK(registry::find_notifyee(name)->path == L"D:\\other.dll");

    CHECK(registry::unregister_notifyee(name) == change::removed);
    CHECK(registry::unregister_notifyee(name) == change::none); // idempotent
    CHECK_FALSE(registry::find_notifyee(name).has_value());
    CHECK_FALSE(listed(name));
}

TEST_CASE("the nothrow twins report the same outcomes as results")
{
    const std::wstring name = unique_name(L"nothrow");
    delete_raw(name);
    auto r = registry::register_notifyee_nothrow(name, L"%SystemRoot%\\System32\\n.dll");
    CHECK(r.ok());
    CHECK(r.effect() == change::created);
    CHECK(r.status() == mprnotify::wn_status::success);

    registry::notifyee found;
    r = registry::query_notifyee_nothrow(name, found);
    CHECK(r.ok());
    CHECK(found.path == L"%SystemRoot%\\System32\\n.dll"); // stored unexpanded

    std::vector<registry::notifyee> all;
    CHECK(registry::list_notifyees_nothrow(all).ok());
    CHECK(std::count_if(all.begin(), all.end(), [&](const auto& n) { return n.name == name; }) == 1);

    CHECK(registry::unregister_notifyee_nothrow(name).effect() == change::removed);
    r = registry::query_notifyee_nothrow(name, found);
    CHECK(r.win32_error() == ERROR_FILE_NOT_FOUND);
    CHECK(r.error_code() == std::error_code(ERROR_FILE_NOT_FOUND, std::system_category()));
    CHECK(registry::unregister_notifyee_nothrow(name).effect() == change::none);
}

TEST_CASE("every other value of the key is left exactly as it was")
{
    const std::wstring mine = unique_name(L"mine");
    const std::wstring sz = unique_name(L"other-sz");
    const std::wstring dword = unique_name(L"other-dword");
    const std::wstring odd = unique_name(L"other-odd-binary");
    const std::wstring unterminated = unique_name(L"other-unterminated");
    const wchar_t other_path[] = L"C:\\other\\notifyee.dll";
    const DWORD number = 0x12345678;
    const BYTE three[] = {1, 2, 3};
    set_raw(sz, REG_SZ, other_path, sizeof other_path);
    set_raw(dword, REG_DWORD, &number, sizeof number);
    set_raw(odd, REG_BINARY, three, sizeof three);
    set_raw(unterminated, REG_EXPAND_SZ, other_path, sizeof other_path - sizeof(wchar_t));

    auto before = snapshot();
    registry::register_notifyee(mine, L"C:\\mine.dll");
    registry::register_notifyee(mine, L"C:\\mine-updated.dll");
    auto during = snapshot();
    during.erase(mine);
    CHECK(during == before);
    registry::unregister_notifyee(mine);
    CHECK(snapshot() == before);

    // What the list reports about values it did not write.
    for (const auto& n : registry::list_notifyees()) {
        if (n.name == dword || n.name == odd) {
            CHECK_FALSE(n.is_string());
            CHECK(n.path.empty());
        } else if (n.name == sz || n.name == unterminated) {
            CHECK(n.path == other_path); // a missing terminator does not leak garbage
        }
    }
    for (const auto& name : {sz, dword, odd, unterminated}) {
        delete_raw(name);
    }
}

TEST_CASE("a same-named value of another type or size is rewritten as REG_EXPAND_SZ")
{
    const std::wstring name = unique_name(L"retyped");
    const wchar_t path[] = L"C:\\retyped.dll";
    set_raw(name, REG_SZ, path, sizeof path);
    CHECK(registry::register_notifyee(name, path) == change::updated);
    CHECK(registry::find_notifyee(name)->type == REG_EXPAND_SZ);
    // The same text followed by two NULs instead of one: not the bytes register_notifyee writes.
    const wchar_t padded[] = L"C:\\retyped.dll\0";
    set_raw(name, REG_EXPAND_SZ, padded, sizeof padded);
    CHECK(registry::find_notifyee(name)->path == path);
    CHECK(registry::register_notifyee(name, path) == change::updated);
    CHECK(snapshot().at(name).second.size() == sizeof path);
    CHECK(registry::register_notifyee(name, path) == change::none);
    registry::unregister_notifyee(name);
}

TEST_CASE("bad names and paths are refused with a clear error, and nothing is written")
{
    const auto before = snapshot();
    struct bad {
        std::wstring name;
        std::wstring path;
        registry::input_problem problem;
        const char* words;
    };
    const std::vector<bad> cases{
        {L"", L"C:\\x.dll", registry::input_problem::name_empty, "empty"},
        {std::wstring(256, L'n'), L"C:\\x.dll", registry::input_problem::name_too_long, "longer than 255"},
        {L"Sub\\Key", L"C:\\x.dll", registry::input_problem::name_has_backslash, "backslash"},
        {L"tab\there", L"C:\\x.dll", registry::input_problem::name_has_control_character, "control character"},
        {std::wstring(L"nul\0x", 5), L"C:\\x.dll", registry::input_problem::name_has_control_character, "control"},
        {L"good-name", L"", registry::input_problem::path_empty, "DLL path is empty"},
        {L"good-name", L"C:\\a\nb.dll", registry::input_problem::path_has_control_character, "DLL path contains"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.words);
        const auto r = registry::register_notifyee_nothrow(c.name, c.path);
        CHECK(r.win32_error() == ERROR_INVALID_PARAMETER);
        CHECK(r.status() == mprnotify::wn_status::bad_value);
        CHECK(r.problem() == c.problem);
        CHECK(r.message().find(c.words) != std::string::npos);
        try {
            registry::register_notifyee(c.name, c.path);
            FAIL("no exception");
        } catch (const registry::registry_error& e) {
            CHECK(e.problem() == c.problem);
            CHECK(e.code() == std::error_code(ERROR_INVALID_PARAMETER, std::system_category()));
            CHECK(std::string{e.what()}.find("register_notifyee(") != std::string::npos);
            CHECK(std::string{e.what()}.find(c.words) != std::string::npos);
        }
    }
    CHECK(registry::unregister_notifyee_nothrow(L"Sub\\Key").problem() == registry::input_problem::name_has_backslash);
    CHECK_THROWS_AS(registry::find_notifyee(L""), registry::registry_error);
    CHECK(snapshot() == before);
}

TEST_CASE("another location: a missing key is an empty list, and calls create it only to write")
{
    const registry::location scratch{HKEY_CURRENT_USER, L"Software\\mprnotify-test\\Notifyees"};
    ::RegDeleteKeyW(HKEY_CURRENT_USER, L"Software\\mprnotify-test\\Notifyees");
    std::vector<registry::notifyee> all{{L"stale", L"", REG_SZ}};
    CHECK(registry::list_notifyees_nothrow(all, scratch).ok());
    CHECK(all.empty());
    CHECK(registry::unregister_notifyee(L"x", scratch) == change::none);
    registry::notifyee found;
    CHECK(registry::query_notifyee_nothrow(L"x", found, scratch).win32_error() == ERROR_FILE_NOT_FOUND);
    CHECK(registry::register_notifyee(L"x", L"C:\\x.dll", scratch) == change::created);
    CHECK(registry::list_notifyees(scratch).size() == 1);
    CHECK_FALSE(registry::find_notifyee(L"x").has_value()); // not in the real key
    CHECK(::RegDeleteKeyW(HKEY_CURRENT_USER, L"Software\\mprnotify-test\\Notifyees") == ERROR_SUCCESS);
    ::RegDeleteKeyW(HKEY_CURRENT_USER, L"Software\\mprnotify-test");
}

TEST_CASE("a registry failure: the Win32 code, the WN status, the message and the exception")
{
    // A handle value nothing has opened: every call on it fails with ERROR_INVALID_HANDLE.
    const registry::location where{reinterpret_cast<HKEY>(std::uintptr_t{0x7ffffff0}), L"Notifyees"};
    const auto r = registry::register_notifyee_nothrow(L"x", L"C:\\x.dll", where);
    CHECK_FALSE(r.ok());
    CHECK(r.win32_error() == ERROR_INVALID_HANDLE);
    CHECK(r.status() == mprnotify::wn_status::bad_handle);
    CHECK(r.problem() == registry::input_problem::none);
    CHECK(r.error_code() == std::error_code(ERROR_INVALID_HANDLE, std::system_category()));
    CHECK(r.message().rfind("Win32 error 6", 0) == 0);
    std::vector<registry::notifyee> all;
    CHECK(registry::list_notifyees_nothrow(all, where).win32_error() == ERROR_INVALID_HANDLE);
    try {
        registry::register_notifyee(L"x", L"C:\\x.dll", where);
        FAIL("no exception");
    } catch (const registry::registry_error& e) {
        CHECK(e.win32_error() == ERROR_INVALID_HANDLE);
        CHECK(std::string{e.what()}.rfind("register_notifyee(\"x\"): Win32 error 6", 0) == 0);
    }
}

TEST_CASE("unique_key closes once, moves, releases")
{
    registry::unique_key a = registry::open_notifyees_key(registry::key_access::write);
    CHECK(static_cast<bool>(a));
    registry::unique_key b{std::move(a)};
    CHECK_FALSE(static_cast<bool>(a));
    CHECK(static_cast<bool>(b));
    a = std::move(b);
    CHECK(static_cast<bool>(a));
    const HKEY raw = a.release();
    CHECK_FALSE(static_cast<bool>(a));
    CHECK(::RegCloseKey(raw) == ERROR_SUCCESS);
}

TEST_CASE("expand_path expands %SystemRoot% as the process sees it")
{
    wchar_t windows[MAX_PATH] = {};
    const UINT length = ::GetWindowsDirectoryW(windows, MAX_PATH);
    REQUIRE(length > 0);
    CHECK(registry::expand_path(L"%SystemRoot%\\System32\\n.dll") ==
          std::wstring(windows, length) + L"\\System32\\n.dll");
    CHECK(registry::expand_path(L"C:\\plain.dll") == L"C:\\plain.dll");
}
