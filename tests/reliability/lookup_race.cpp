// Threads looking names up through NPGetConnection, NPGetUniversalName (levels 1 and 2) and
// NPGetUser while another connects and disconnects the same drives, reallocating the provider's
// table each time (lookup_race_provider.cpp), all through the exported NP functions.
//
//     lookup_race LIBRARY [PASSES]   (each reader looks every drive up PASSES times; default 3000)
//
// A reader goes on after PASSES until the lookups have met both states of the table (a drive
// connected, and not), for at most 30 s: on a loaded machine the connecting thread may not have run
// at all while the readers made their passes.
//
// Every answer must be whole: WN_SUCCESS with exactly the drive's name, or WN_NOT_CONNECTED. With
// the in-place provider this also runs clean under ThreadSanitizer (stage 61); the view-returning
// build of the same provider is the one ThreadSanitizer reports (lookup_race_view_reported.py).
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <mprnotify/testing.hpp>

namespace {

namespace platform = mprnotify::platform;
using mprnotify::to_underlying;
using mprnotify::wn_status;

[[noreturn]] void fail(const char* what, const std::wstring_view got = {})
{
    std::fprintf(stderr, "lookup_race: %s (%ls)\n", what, std::wstring{got}.c_str());
    std::abort();
}

constexpr std::wstring_view drives[] = {L"P:", L"Q:", L"R:", L"S:"};

std::wstring remote_of(std::wstring_view drive) { return L"\\\\race\\share-of-" + std::wstring{drive.substr(0, 1)}; }

struct counts {
    std::atomic<unsigned long> found{0};
    std::atomic<unsigned long> absent{0};
};

/// One answer checked: WN_SUCCESS with `expected` in `got`, or WN_NOT_CONNECTED.
void check(counts& c, platform::dword status, std::wstring_view got, std::wstring_view expected)
{
    if (status == to_underlying(wn_status::not_connected)) {
        ++c.absent;
    } else if (status != to_underlying(wn_status::success)) {
        fail("a lookup answered neither WN_SUCCESS nor WN_NOT_CONNECTED");
    } else if (got != expected) {
        fail("a lookup answered a name that was never this drive's",
             std::wstring{got} + L" for " + std::wstring{expected});
    } else {
        ++c.found;
    }
}

/// The string a pointer stored (unaligned) at `offset` of `buffer` points at.
std::wstring_view string_at(const unsigned char* buffer, std::size_t offset)
{
    const wchar_t* text = nullptr;
    std::memcpy(static_cast<void*>(&text), buffer + offset, sizeof text);
    return text == nullptr ? std::wstring_view{} : std::wstring_view{text};
}

void look_up_all(const mprnotify::testing::provider& p, counts& c)
{
    for (const std::wstring_view drive : drives) {
        std::wstring local{drive};
        const std::wstring remote = remote_of(drive);
        wchar_t name[64] = {};
        platform::dword size = 64;
        platform::dword status = p.get_connection(local.data(), name, &size);
        check(c, status, name, remote); // read after the call: arguments are evaluated in no set order

        size = 64;
        status = p.get_user(local.data(), name, &size);
        check(c, status, name, L"user-of-" + local);

        std::wstring path = local + L"\\dir\\file.txt";
        alignas(8) unsigned char buffer[512] = {};
        size = sizeof buffer;
        const platform::dword level = (c.found.load() % 2 == 0) ? 1 : 2;
        status = p.get_universal_name(path.data(), level, buffer, &size);
        check(c, status, string_at(buffer, 0), remote + L"\\dir\\file.txt");
        if (status == to_underlying(wn_status::success) && level == 2) {
            check(c, status, string_at(buffer, sizeof(void*)), remote);
            check(c, status, string_at(buffer, 2 * sizeof(void*)), L"\\dir\\file.txt");
        }
    }
}

/// Connects and disconnects every drive until `done`; returns the rounds made.
unsigned long connect_and_disconnect(const mprnotify::testing::provider& p, const std::atomic<int>& readers_left)
{
    unsigned long round = 0;
    for (; readers_left.load() > 0; ++round) {
        for (const std::wstring_view drive : drives) {
            std::wstring local{drive};
            std::wstring remote = remote_of(drive);
            platform::net_resource_w resource{};
            resource.dwType = 1;
            resource.lpLocalName = local.data();
            resource.lpRemoteName = remote.data();
            if (p.add_connection3(nullptr, &resource, nullptr, nullptr, 0) != to_underlying(wn_status::success)) {
                fail("connect failed", local);
            }
        }
        for (const std::wstring_view drive : drives) {
            std::wstring local{drive};
            if (p.cancel_connection(local.data(), 1) != to_underlying(wn_status::success)) {
                fail("disconnect failed", local);
            }
        }
    }
    return round;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: lookup_race LIBRARY [PASSES]\n");
        return 2;
    }
    const unsigned long passes = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 3000;
    std::string error;
    auto library = mprnotify::testing::shared_library::open(argv[1], &error);
    if (!library) {
        fail(error.empty() ? "cannot load the provider" : error.c_str());
    }
    const auto p = mprnotify::testing::find_provider(*library, "lookup_race", &error);
    if (!p || p->get_connection == nullptr || p->get_universal_name == nullptr || p->get_user == nullptr ||
        p->add_connection3 == nullptr || p->cancel_connection == nullptr) {
        fail("the provider does not export its lookups");
    }

    counts c;
    constexpr int reader_count = 3;
    std::atomic<int> readers_left{reader_count};
    std::vector<std::thread> readers;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds{30};
    const auto both_met = [&c] { return c.found.load() != 0 && c.absent.load() != 0; };
    for (int t = 0; t < reader_count; ++t) {
        readers.emplace_back([&] {
            for (unsigned long pass = 0; pass < passes || (!both_met() && std::chrono::steady_clock::now() < deadline);
                 ++pass) {
                look_up_all(*p, c);
            }
            --readers_left;
        });
    }
    const unsigned long rounds = connect_and_disconnect(*p, readers_left);
    for (std::thread& reader : readers) {
        reader.join();
    }
    std::printf(
        "lookup_race: %d threads x at least %lu passes over 4 drives while %lu rounds of connects and disconnects "
        "ran; %lu names found whole, %lu not connected\n",
        reader_count, passes, rounds, c.found.load(), c.absent.load());
    if (!both_met()) {
        fail("the lookups never met both states of the table in 30 s: nothing was tested");
    }
    return 0;
}
