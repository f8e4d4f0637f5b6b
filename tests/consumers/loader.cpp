// A consumer's own test program, built only from the installed headers: it loads notifyees by path,
// the way MPR loads the DLLs named under Notifyees, and checks each behaves like examples/minimal:
// X: is refused with WN_ACCESS_DENIED before the provider is asked, any other drive proceeds.
//
//     consumer_loader --version        prints MPRNOTIFY_VERSION_STRING
//     consumer_loader <notifyee>...    exit 0 only when every library passes
#include <cstdio>
#include <span>
#include <string>
#include <string_view>

#include <mprnotify/mprnotify.hpp>
#include <mprnotify/testing.hpp>

namespace mt = mprnotify::testing;
using mprnotify::wn_status;

namespace {

bool expect(bool condition, const char* path, const char* what)
{
    if (!condition) {
        std::fprintf(stderr, "%s: %s\n", path, what);
    }
    return condition;
}

bool check(const char* path)
{
    std::string error;
    auto library = mt::shared_library::open(path, &error);
    auto functions = library ? library->functions("notifyee", &error) : std::nullopt;
    if (!functions) {
        std::fprintf(stderr, "%s: %s\n", path, error.c_str());
        return false;
    }
    mt::router mpr;
    mpr.attach(*functions);

    const mt::operation_result x = mpr.add_connection({.local_name = L"X:", .remote_name = L"\\\\server\\share"});
    const mt::operation_result y = mpr.add_connection({.local_name = L"Y:", .remote_name = L"\\\\server\\share"});
    const mt::operation_result cancel = mpr.cancel_connection({.name = L"Y:"});
    std::fputs(mt::format_trace(mpr).c_str(), stdout);

    bool ok = true;
    ok &= expect(x.status == wn_status::access_denied, path, "X: was not refused with WN_ACCESS_DENIED");
    ok &= expect(x.vetoed_by == 0U, path, "X: was not vetoed by the notifyee");
    ok &= expect(y.status == wn_status::success && y.performed(), path, "Y: did not proceed");
    ok &= expect(cancel.status == wn_status::success && cancel.performed(), path, "cancel Y: did not proceed");
    // The minimal handler has no after-hook: one pre call per operation, no context, no post.
    ok &= expect(mpr.calls().size() == 3, path, "expected exactly one pre call per operation");
    for (const mt::call_record& call : mpr.calls()) {
        ok &= expect(call.phase == mprnotify::phase::pre && call.context_out == nullptr, path,
                     "a post call or a context where none was asked for");
    }
    std::printf("%s: %s\n", path, ok ? "ok" : "FAILED");
    return ok;
}

} // namespace

int main(int argc, char** argv)
{
    const std::span<char*> args{argv, static_cast<std::size_t>(argc)};
    if (args.size() == 2 && std::string_view{args[1]} == "--version") {
        std::printf("%s %d %d %d\n", MPRNOTIFY_VERSION_STRING, MPRNOTIFY_VERSION_MAJOR, MPRNOTIFY_VERSION_MINOR,
                    MPRNOTIFY_VERSION_PATCH);
        return 0;
    }
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: consumer_loader --version | <notifyee>...\n");
        return 2;
    }
    bool ok = true;
    for (const char* path : args.subspan(1)) {
        ok &= check(path);
    }
    return ok ? 0 : 1;
}
