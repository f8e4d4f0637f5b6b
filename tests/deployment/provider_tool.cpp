// provider_tool - the provider registration API from the command line, for the Wine tests.
//   provider_tool register NAME DISPLAY PATH [first|last|before:X|after:X]
//   provider_tool unregister NAME
// Prints what changed ("created", "updated", "removed", "none") or the error; exits with the
// Win32 error code (0 on success).
#include <cstdio>
#include <string>

#include <mprnotify/registry.hpp>

namespace reg = mprnotify::registry;

namespace {

const char* name_of(reg::change effect)
{
    switch (effect) {
    case reg::change::none: return "none";
    case reg::change::created: return "created";
    case reg::change::updated: return "updated";
    case reg::change::removed: return "removed";
    }
    return "?";
}

reg::order_position position(const std::wstring& text)
{
    if (text == L"first") {
        return reg::order_position::first();
    }
    if (text.rfind(L"before:", 0) == 0) {
        return reg::order_position::before(text.substr(7));
    }
    if (text.rfind(L"after:", 0) == 0) {
        return reg::order_position::after(text.substr(6));
    }
    return reg::order_position::last();
}

int report(const reg::result& outcome)
{
    if (outcome.ok()) {
        std::printf("%s\n", name_of(outcome.effect()));
    } else {
        std::printf("error %lu: %s\n", static_cast<unsigned long>(outcome.win32_error()), outcome.message().c_str());
    }
    return static_cast<int>(outcome.win32_error());
}

} // namespace

int wmain(int argc, wchar_t** argv)
{
    const std::wstring verb = argc > 1 ? argv[1] : L"";
    if (verb == L"register" && argc >= 5) {
        const reg::provider p{argv[2], argv[3], argv[4], {}, {}};
        return report(reg::register_provider_nothrow(p, position(argc > 5 ? argv[5] : L"last")));
    }
    if (verb == L"unregister" && argc == 3) {
        return report(reg::unregister_provider_nothrow(argv[2]));
    }
    std::fputs("usage: provider_tool register NAME DISPLAY PATH [first|last|before:X|after:X]\n"
               "       provider_tool unregister NAME\n",
               stderr);
    return 87;
}
