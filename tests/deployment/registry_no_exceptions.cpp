// registry.hpp built with -fno-exceptions: only the _nothrow calls exist, and they work.
#include <cstdio>
#include <string>
#include <vector>

#include <mprnotify/registry.hpp>

#if MPRNOTIFY_HAS_EXCEPTIONS
#  error "this file must be built with -fno-exceptions"
#endif

namespace registry = mprnotify::registry;

namespace {
int failures = 0;
void expect(bool condition, const char* what)
{
    if (!condition) {
        std::printf("FAILED: %s\n", what);
        ++failures;
    }
}
} // namespace

int main()
{
    const std::wstring name = L"mprnotify-test-no-exceptions-" + std::to_wstring(::GetCurrentProcessId());
    auto r = registry::register_notifyee_nothrow(name, L"C:\\no-exceptions.dll");
    expect(r.ok() && r.effect() == registry::change::created, "register creates the value");
    expect(registry::register_notifyee_nothrow(name, L"C:\\no-exceptions.dll").effect() == registry::change::none,
           "registering again changes nothing");

    registry::notifyee found;
    expect(registry::query_notifyee_nothrow(name, found).ok() && found.path == L"C:\\no-exceptions.dll" &&
               found.type == REG_EXPAND_SZ,
           "the value reads back as REG_EXPAND_SZ with the path");

    std::vector<registry::notifyee> all;
    bool seen = false;
    expect(registry::list_notifyees_nothrow(all).ok(), "list succeeds");
    for (const auto& n : all) {
        seen = seen || n.name == name;
    }
    expect(seen, "the list holds the value");

    r = registry::register_notifyee_nothrow(L"bad\\name", L"C:\\x.dll");
    expect(r.win32_error() == ERROR_INVALID_PARAMETER && r.problem() == registry::input_problem::name_has_backslash,
           "a backslash in the name is refused");
    expect(r.message() == "the notifyee value name contains a backslash", "the refusal says why");

    expect(registry::unregister_notifyee_nothrow(name).effect() == registry::change::removed, "unregister removes it");
    expect(registry::query_notifyee_nothrow(name, found).win32_error() == ERROR_FILE_NOT_FOUND, "the value is gone");

    std::printf("%s\n", failures == 0 ? "registry without exceptions: all checks passed" : "FAILED");
    return failures == 0 ? 0 : 1;
}
