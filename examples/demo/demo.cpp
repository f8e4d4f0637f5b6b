// Runs a morning at the office through the simulated MPR, with the example notifyees and network
// providers loaded from their shared libraries by path, as MPR loads the DLLs it is configured with.
//
//     demo <minimal> <protect_drive> <audit_log> <provider> <home_provider>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <mprnotify/testing.hpp>

namespace mt = mprnotify::testing;

namespace {
void set_environment(const char* name, const char* value)
{
#if defined(_WIN32)
    _putenv_s(name, value);
#else
    setenv(name, value, 1); // NOLINT(concurrency-mt-unsafe): before any thread exists
#endif
}
} // namespace

int main(int argc, char** argv)
{
    const std::span<char*> args{argv, static_cast<std::size_t>(argc)};
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: demo <notifyee or provider library>...\n");
        return 2;
    }
    // The audit_log example writes here; its handler reads the variable on its first notification.
    const auto audit_path = std::filesystem::temp_directory_path() / "mprnotify-demo-audit.log";
    std::filesystem::remove(audit_path);
    set_environment("MPRNOTIFY_AUDIT_LOG", audit_path.string().c_str());

    std::vector<mt::shared_library> libraries;
    mt::router mpr;
    std::vector<mt::notifyee> notifyees;
    std::vector<mt::provider> providers;
    for (const char* path : args.subspan(1)) {
        const std::string stem = std::filesystem::path{path}.stem().string();
        std::string error;
        auto library = mt::shared_library::open(path, &error);
        auto functions = library ? library->functions(stem, &error) : std::nullopt;
        // No notification exports but NPGetCaps: a network provider.
        if (auto provider = library && !functions ? mt::find_provider(*library, stem) : std::nullopt) {
            std::printf("loaded %-14s NPGetCaps (WNNC_CONNECTION 0x%X) by plain name\n", provider->name.c_str(),
                        static_cast<unsigned>(provider->caps(mprnotify::platform::wnnc::connection)));
            providers.push_back(*provider);
            libraries.push_back(std::move(*library));
            continue;
        }
        if (!functions) {
            std::fprintf(stderr, "demo: %s: %s\n", path, error.c_str());
            return 1;
        }
        constexpr std::string_view lib_prefix = "lib"; // a library file libminimal.so is shown as minimal
        if (functions->name.starts_with(lib_prefix)) {
            functions->name.erase(0, lib_prefix.size());
        }
        std::printf("loaded %-14s AddConnectNotify + CancelConnectNotify by plain name\n", functions->name.c_str());
        mpr.attach(*functions);
        notifyees.push_back(*functions);
        libraries.push_back(std::move(*library));
    }
    std::printf("\n");

    using mprnotify::wn_status;
    constexpr std::uint32_t connect_update_profile = 0x1; // CONNECT_UPDATE_PROFILE: a remembered connection
    mpr.add_connection(
        {.local_name = L"P:", .remote_name = L"\\\\fileserver\\projects", .flags = connect_update_profile});
    mpr.add_connection({.local_name = L"X:", .remote_name = L"\\\\fileserver\\scratch"});
    mpr.add_connection({.local_name = L"Q:", .remote_name = L"\\\\offline\\share"}, wn_status::bad_netname);
    mpr.add_connection({.local_name = std::nullopt,
                        .remote_name = L"\\\\printserver\\queue",
                        .type = mprnotify::resource_type::print});
    mpr.cancel_connection({.name = L"P:"});
    mpr.cancel_connection({.name = L"P:", .force = true});
    std::fputs(mt::format_trace(mpr).c_str(), stdout);

    if (!providers.empty()) { // the providers in ProviderOrder, the notifyees around them
        std::printf("\nnetwork providers, with the notifyees:\n");
        mt::provider_router np;
        for (const mt::notifyee& n : notifyees) {
            np.attach(n);
        }
        for (const mt::provider& p : providers) {
            np.add_provider(p);
        }
        np.add_connection({.local_name = L"H:", .remote_name = L"\\\\home\\docs", .password = L"demo-password-1"});
        np.add_connection({.local_name = L"K:", .remote_name = L"\\\\fileserver\\other"});
        np.get_connection(L"H:");
#if !defined(_WIN32) // home_provider lists the folders of C:\home: off Windows, a folder of that name here
        const std::filesystem::path home_folder{"C:\\home"};
        std::error_code ignored;
        std::filesystem::create_directories(home_folder / "docs", ignored);
        std::filesystem::create_directories(home_folder / "music", ignored);
#endif
        const auto shares = np.browse({.count = 4, .bytes = 512}); // WNetOpenEnumW(GLOBALNET), buffers checked
        np.cancel_connection(L"H:", true);
        std::fputs(mt::format_provider_trace(np).c_str(), stdout);
        std::printf("\nbrowsed through NPEnumResource (%s):\n",
                    shares.complete() ? "packed right" : shares.problem.c_str());
        for (const mprnotify::net_resource& share : shares.entries) {
            std::printf("   %ls  (provider: %ls)\n", share.remote_name.value_or(L"(no name)").c_str(),
                        share.provider.value_or(L"NULL").c_str());
        }
    }
    libraries.clear(); // unload: the audit log is closed

    std::printf("\naudit log written by audit_log:\n");
    std::ifstream log{audit_path}; // not fopen: C4996 under MSVC, and a wide path on Windows
    for (std::string line; std::getline(log, line);) {
        std::printf("   %s\n", line.c_str());
    }
    return 0;
}
