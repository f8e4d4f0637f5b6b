// Enumeration through the provider boundary: handles that are not pointers, batches packed by the
// page's rules, resumption, the end, bad input, a sequence that throws, freeing at close and unload.
#include "enumeration_browsers.hpp"

#include <cstdio>
#include <cwchar>
#include <random>
#include <ranges>
#include <thread>

#if !defined(_WIN32)
#  include <cstdlib>
#  include <sys/wait.h>
#  include <unistd.h>
#endif

TEST_CASE_FIXTURE(reset, "caps: WNNC_ENUMERATION announces exactly the declared scopes")
{
    CHECK(np::get_caps(platform::wnnc::enumeration) == (platform::wnnc::enum_global | platform::wnnc::enum_local));
    CHECK(np_vector::get_caps(platform::wnnc::enumeration) == platform::wnnc::enum_global);
    CHECK(np::exports<detail::np_open_enum>);
    CHECK(np::exports<detail::np_enum_resource>);
    CHECK(np::exports<detail::np_close_enum>);
    CHECK_FALSE(np::exports<detail::np_get_resource_information>);
}

TEST_CASE_FIXTURE(reset, "open: bad pointer, unknown scope, undeclared scope; the hook is not called")
{
    CHECK(np::open_enum(globalnet, 0, 0, nullptr, nullptr) == 487); // WN_BAD_POINTER
    void* handle = reinterpret_cast<void*>(1);
    CHECK(np::open_enum(3, 0, 0, nullptr, &handle) == 87); // RESOURCE_REMEMBERED: WN_BAD_VALUE
    CHECK(handle == nullptr);
    CHECK(np::open_enum(99, 0, 0, nullptr, &handle) == 87);
    CHECK(np::open_enum(5, 0, 0, nullptr, &handle) == 50);    // RESOURCE_CONTEXT not declared: WN_NOT_SUPPORTED
    CHECK(np::open_enum(5, 0x20, 0, nullptr, &handle) == 87); // an undefined dwType bit comes first
    CHECK(np::open_enum(5, 0, 0x20, nullptr, &handle) == 50); // dwUsage: read for RESOURCE_GLOBALNET only
    CHECK(parents.empty());
}

TEST_CASE_FIXTURE(reset,
                  "open: dwType and dwUsage bits winnetwk.h does not define are WN_BAD_VALUE; the hook is not called")
{
    // dwType: RESOURCETYPE_DISK, _PRINT, _RESERVED and RESOURCEUSAGE_ATTACHED; dwUsage: every
    // RESOURCEUSAGE_* bit; 0 asks for everything.
    for (const platform::dword type : {0x4U, 0x20U, 0x100U, 0x80000000U, 0xFFFFFFFFU}) {
        void* handle = reinterpret_cast<void*>(1);
        CHECK(np::open_enum(globalnet, type, 0, nullptr, &handle) == 87);
        CHECK(handle == nullptr);
    }
    for (const platform::dword usage : {0x20U, 0x100U, 0x40000000U, 0xFFFFFFFFU}) {
        void* handle = reinterpret_cast<void*>(1);
        CHECK(np::open_enum(globalnet, 0, usage, nullptr, &handle) == 87);
        CHECK(handle == nullptr);
    }
    CHECK(parents.empty());
    for (const platform::dword bits : {0x0U, 0x1U, 0x2U, 0x3U, 0x8U, 0x10U, 0x13U}) {
        void* handle = nullptr;
        CHECK(np::open_enum(globalnet, bits, 0, nullptr, &handle) == 0);
        CHECK(np::close_enum(handle) == 0);
    }
    for (const platform::dword bits : {0x0U, 0x1U, 0x4U, 0x8U, 0x13U, 0x80000013U}) {
        void* handle = nullptr;
        CHECK(np::open_enum(globalnet, 0, bits, nullptr, &handle) == 0);
        CHECK(np::close_enum(handle) == 0);
    }
    CHECK(np::open_enumerations() == 0);
}

TEST_CASE_FIXTURE(reset, "a full table: NPOpenEnum answers WN_OUT_OF_MEMORY, calls no hook and closes nothing")
{
    using np_four = provider_entry_points<browser, four_enumerations>;
    const int before = live_sequences;
    std::vector<void*> handles;
    for (int i = 0; i < 4; ++i) {
        handles.push_back(open<np_four>());
    }
    // The first one opened is read from; the last one is not.
    std::vector<std::byte> buffer(4096);
    platform::dword count = 1;
    auto size = static_cast<platform::dword>(buffer.size());
    REQUIRE(np_four::enum_resource(handles[0], &count, buffer.data(), &size) == 0);
    const std::size_t hook_calls = parents.size();

    std::wstring elsewhere = L"\\elsewhere"; // the hook would refuse it: still nothing is closed
    platform::net_resource_w refused{};
    refused.lpRemoteName = elsewhere.data();
    for (platform::net_resource_w* container : {static_cast<platform::net_resource_w*>(nullptr), &refused}) {
        for (int again = 0; again < 3; ++again) {
            void* handle = reinterpret_cast<void*>(1);
            CHECK(np_four::open_enum(globalnet, 0, 0, container, &handle) == 8); // WN_OUT_OF_MEMORY
            CHECK(handle == nullptr);
        }
    }
    CHECK(parents.size() == hook_calls);
    CHECK(np_four::open_enumerations() == 4);
    CHECK(live_sequences == before + 4);

    // Every handle is still valid and reads on where it stopped.
    for (std::size_t i = 0; i < handles.size(); ++i) {
        platform::dword last = 0;
        const auto got = read_all<np_four>(handles[i], 4096, all, last);
        CHECK(last == 259);
        CHECK(got.size() == (i == 0 ? shares.size() - 1 : shares.size()));
    }
    // A close makes room for exactly one.
    CHECK(np_four::close_enum(handles[1]) == 0);
    handles[1] = open<np_four>();
    void* handle = nullptr;
    CHECK(np_four::open_enum(globalnet, 0, 0, nullptr, &handle) == 8);
    for (void* h : handles) {
        CHECK(np_four::close_enum(h) == 0);
    }
    CHECK(np_four::open_enumerations() == 0);
    CHECK(live_sequences == before);
}

#if !defined(_WIN32)
namespace {

using np_exit = provider_entry_points<exit_browser>;
void* handle_at_exit = nullptr;
int answers_pipe = -1;

/// Registered before np_exit's first call, so it runs after the enumeration table's destructor.
void use_the_handle_at_exit()
{
    std::vector<std::byte> buffer(4096);
    platform::dword count = all;
    auto size = static_cast<platform::dword>(buffer.size());
    void* opened = reinterpret_cast<void*>(1);
    const platform::dword answers[] = {
        np_exit::enum_resource(handle_at_exit, &count, buffer.data(), &size),
        np_exit::close_enum(handle_at_exit),
        np_exit::open_enum(globalnet, 0, 0, nullptr, &opened),
        opened == nullptr ? 0U : 1U,
        static_cast<platform::dword>(np_exit::open_enumerations()),
    };
    const bool written = ::write(answers_pipe, answers, sizeof answers) == static_cast<ssize_t>(sizeof answers);
    ::_exit(written ? 0 : 3);
}

} // namespace

TEST_CASE_FIXTURE(reset, "at exit: after the table's destructor every handle is WN_BAD_HANDLE, nothing freed is read")
{
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    std::fflush(nullptr);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::close(fds[0]);
        answers_pipe = fds[1];
        std::atexit(use_the_handle_at_exit); // before the provider's first call
        void* handle = nullptr;
        if (np_exit::open_enum(globalnet, 0, 0, nullptr, &handle) != 0) {
            ::_exit(4);
        }
        std::vector<std::byte> buffer(4096);
        platform::dword count = 1;
        auto size = static_cast<platform::dword>(buffer.size());
        if (np_exit::enum_resource(handle, &count, buffer.data(), &size) != 0) { // part-way through
            ::_exit(5);
        }
        handle_at_exit = handle;
        std::exit(0); // the table is destroyed, then use_the_handle_at_exit runs
    }
    ::close(fds[1]);
    platform::dword answers[5] = {};
    const ssize_t got = ::read(fds[0], answers, sizeof answers);
    ::close(fds[0]);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0); // under ASan a read of the freed state ends the child with 1
    REQUIRE(got == static_cast<ssize_t>(sizeof answers));
    CHECK(answers[0] == 6);  // NPEnumResource: WN_BAD_HANDLE
    CHECK(answers[1] == 6);  // NPCloseEnum: WN_BAD_HANDLE
    CHECK(answers[2] == 50); // NPOpenEnum: the policy's answer (fail_open: WN_NOT_SUPPORTED)
    CHECK(answers[3] == 0);  // and no handle
    CHECK(answers[4] == 0);  // no open enumeration counted
}
#endif

TEST_CASE_FIXTURE(reset, "all entries in one call, then WN_NO_MORE_ENTRIES, then close frees the sequence")
{
    const int before = live_sequences;
    void* handle = open<np>();
    CHECK(live_sequences == before + 1);
    CHECK(np::open_enumerations() == 1);
    platform::dword last = 0;
    CHECK(read_all<np>(handle, 4096, all, last) == shares);
    CHECK(last == 259); // WN_NO_MORE_ENTRIES
    platform::dword count = all;
    platform::dword size = 0;
    CHECK(np::enum_resource(handle, &count, nullptr, &size) == 259); // still the end, nothing asked
    CHECK(np::close_enum(handle) == 0);
    CHECK(live_sequences == before);
    CHECK(np::open_enumerations() == 0);
    CHECK(np::close_enum(handle) == 6);                            // closed: WN_BAD_HANDLE
    CHECK(np::enum_resource(handle, &count, nullptr, &size) == 6); // never dereferenced
}

TEST_CASE_FIXTURE(reset, "counts 1 / N / all and buffers from one entry short to large: every entry once, in order")
{
    std::size_t largest = 0;
    for (const auto& s : shares) {
        largest = (std::max)(largest, packed_size(view_of(s)));
    }
    for (const platform::dword count : {platform::dword{1}, platform::dword{2}, platform::dword{3}, all}) {
        for (std::size_t bytes = largest; bytes < 6 * largest; bytes += 7) {
            void* handle = open<np>();
            platform::dword last = 0;
            CHECK(read_all<np>(handle, bytes, count, last) == shares);
            CHECK(last == 259);
            CHECK(np::close_enum(handle) == 0);
        }
    }
}

TEST_CASE_FIXTURE(reset, "a buffer one byte short of the next entry: WN_MORE_DATA with its size; nothing consumed")
{
    void* handle = open<np>();
    const std::size_t first = packed_size(view_of(shares[0]));
    std::vector<std::byte> buffer(first);
    platform::dword count = all;
    auto size = static_cast<platform::dword>(first - 1);
    CHECK(np::enum_resource(handle, &count, buffer.data(), &size) == 234); // WN_MORE_DATA
    CHECK(size == first);
    CHECK(count == all); // untouched
    size = 0;
    CHECK(np::enum_resource(handle, &count, nullptr, &size) == 234); // a size query
    CHECK(size == first);
    size = static_cast<platform::dword>(first);
    CHECK(np::enum_resource(handle, &count, buffer.data(), &size) == 0);
    CHECK(count == 1);
    CHECK(read_packed_resources(buffer.data(), 1).at(0) == shares[0]);
    CHECK(np::close_enum(handle) == 0);
}

TEST_CASE_FIXTURE(reset, "bad input to NPEnumResource: NULL count, NULL size, NULL buffer with a size, count 0")
{
    void* handle = open<np>();
    std::vector<std::byte> buffer(1024);
    platform::dword count = 1;
    platform::dword size = 1024;
    CHECK(np::enum_resource(handle, nullptr, buffer.data(), &size) == 487);
    CHECK(np::enum_resource(handle, &count, buffer.data(), nullptr) == 487);
    CHECK(np::enum_resource(handle, &count, nullptr, &size) == 487);
    count = 0;
    CHECK(np::enum_resource(handle, &count, buffer.data(), &size) == 87);
    // The enumeration is untouched by all of that.
    count = all;
    CHECK(np::enum_resource(handle, &count, buffer.data(), &size) == 0);
    CHECK(count == 4);
    CHECK(np::close_enum(handle) == 0);
}

TEST_CASE_FIXTURE(reset, "garbage, stale and foreign handles are WN_BAD_HANDLE and never dereferenced")
{
    void* handle = open<np>();
    void* other = open<np_vector>();
    std::vector<std::byte> buffer(1024);
    platform::dword count = all;
    platform::dword size = 1024;
    // Another provider's handle, a pointer to real memory, small numbers, the all-ones value.
    for (void* bad : {other, static_cast<void*>(buffer.data()), reinterpret_cast<void*>(1), reinterpret_cast<void*>(2),
                      reinterpret_cast<void*>(~std::uintptr_t{0}), static_cast<void*>(nullptr)}) {
        CHECK(np::enum_resource(bad, &count, buffer.data(), &size) == 6);
        CHECK(np::close_enum(bad) == 6);
    }
    std::mt19937_64 random{7};
    for (int i = 0; i < 100000; ++i) {
        auto* bad = reinterpret_cast<void*>(static_cast<std::uintptr_t>(random()));
        if (bad == handle) {
            continue;
        }
        REQUIRE(np::enum_resource(bad, &count, buffer.data(), &size) == 6);
    }
    CHECK(np::close_enum(handle) == 0);
    CHECK(np_vector::close_enum(other) == 0);
}

TEST_CASE_FIXTURE(reset, "browsing into a container: the parent reaches the hook; a refusal is its own code")
{
    std::wstring home = L"\\\\home";
    platform::net_resource_w container{};
    container.lpRemoteName = home.data();
    void* handle = open<np>(&container);
    CHECK(parents.back() == L"\\\\home");
    CHECK(np::close_enum(handle) == 0);

    std::wstring elsewhere = L"\\\\elsewhere";
    container.lpRemoteName = elsewhere.data();
    void* refused = nullptr;
    CHECK(np::open_enum(globalnet, 0, 0, &container, &refused) == 1207);
    CHECK(refused == nullptr);
    CHECK(np::open_enumerations() == 0);
}

#if MPRNOTIFY_HAS_EXCEPTIONS
TEST_CASE_FIXTURE(reset, "a sequence that throws mid-way: entries before it delivered, then the policy's answer")
{
    throw_after = 2;
    const int before = live_sequences;
    void* handle = open<np>();
    std::vector<std::byte> buffer(4096);
    platform::dword count = all;
    platform::dword size = 4096;
    CHECK(np::enum_resource(handle, &count, buffer.data(), &size) == 0);
    CHECK(count == 2);
    CHECK(check_packed_resources(buffer.data(), 4096, 2) == "");
    count = all;
    CHECK(np::enum_resource(handle, &count, buffer.data(), &size) == 259); // fail_open: the end
    CHECK(np::enum_resource(handle, &count, buffer.data(), &size) == 259);
    CHECK(np::close_enum(handle) == 0);
    CHECK(live_sequences == before);
}
#endif

TEST_CASE_FIXTURE(reset, "a container sequence; fail_closed's answer when the sequence cannot be made")
{
    void* handle = open<np_vector>();
    platform::dword last = 0;
    CHECK(read_all<np_vector>(handle, 200, 2, last) == shares);
    CHECK(np_vector::close_enum(handle) == 0);
}

TEST_CASE_FIXTURE(reset, "handles never closed are freed with the table, before the handler")
{
    const int before = live_sequences;
    {
        detail::enumeration_table<detail::enumeration_state<share_generator>, 8> table;
        const auto reserved = table.reserve();
        REQUIRE(reserved.index != table.none);
        REQUIRE(table.emplace(reserved.index, share_generator{shares}));
        static_cast<void>(table.publish(reserved));
        CHECK(live_sequences == before + 1);
    }
    CHECK(live_sequences == before);
}

// Several threads open, read and close enumerations, and read and close each other's handles -
// sometimes while the owner closes them. Every answer is a defined one; nothing is torn or leaked
// (run under ThreadSanitizer by stage 61, under ASan by stage 20).
TEST_CASE_FIXTURE(reset, "threads: interleaved open / enumerate / close, shared and stale handles")
{
    constexpr int thread_count = 8;
    constexpr int rounds = 400;
    const int before = live_sequences;
    std::atomic<void*> pool[16]{};
    std::atomic<long> odd_answers{0};
    std::atomic<long> entries{0};
    const auto worker = [&](int id) {
        std::mt19937 random{static_cast<unsigned>(id)};
        std::vector<std::byte> buffer(512);
        for (int round = 0; round < rounds; ++round) {
            void* handle = nullptr;
            if (np::open_enum(globalnet, 0, 0, nullptr, &handle) != 0) {
                ++odd_answers;
                continue;
            }
            // Read a batch of our own, then of whatever handle sits in a pool slot (it may be
            // closed under us by its taker: WN_BAD_HANDLE is then the right answer).
            for (void* h : {handle, pool[random() % 16].load()}) {
                auto count = static_cast<platform::dword>(1 + random() % 3);
                auto size = static_cast<platform::dword>(random() % buffer.size());
                const platform::dword answer = np::enum_resource(h, &count, buffer.data(), &size);
                if (answer == 0) {
                    entries += static_cast<long>(count);
                    if (check_packed_resources(buffer.data(), size, count) != "") {
                        ++odd_answers;
                    }
                } else if (answer != 234 && answer != 259 && answer != 6) {
                    ++odd_answers;
                }
            }
            // Hand ours to the pool; close whatever was there (someone else's, maybe).
            if (void* previous = pool[random() % 16].exchange(handle)) {
                const platform::dword closed = np::close_enum(previous);
                if (closed != 0) {
                    ++odd_answers;
                }
                if (np::close_enum(previous) != 6) { // closed twice: the second is refused
                    ++odd_answers;
                }
            }
        }
    };
    std::vector<std::thread> threads;
    for (int id = 0; id < thread_count; ++id) {
        threads.emplace_back(worker, id);
    }
    for (auto& t : threads) {
        t.join();
    }
    for (auto& slot : pool) {
        if (void* h = slot.exchange(nullptr)) {
            CHECK(np::close_enum(h) == 0);
        }
    }
    CHECK(odd_answers == 0);
    CHECK(entries > 0);
    CHECK(np::open_enumerations() == 0);
    CHECK(live_sequences == before);
}

TEST_CASE_FIXTURE(reset, "provider_name: every entry without a provider names the provider; sizes count it")
{
    using np_named = provider_entry_points<named_browser>;
    shares[0].provider.reset();
    shares[2].provider.reset();
    void* handle = open<np_named>();
    // The size WN_MORE_DATA asks for includes the name the library writes.
    platform::dword count = all;
    platform::dword size = 0;
    REQUIRE(np_named::enum_resource(handle, &count, nullptr, &size) == 234);
    CHECK(size == packed_size(view_of(shares[0])) + (std::wcslen(L"Named Network") + 1) * sizeof(wchar_t));
    platform::dword last = 0;
    const auto got = read_all<np_named>(handle, size, all, last);
    CHECK(last == 259);
    REQUIRE(got.size() == shares.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        CHECK(got[i].remote_name == shares[i].remote_name);
        CHECK(got[i].provider ==
              (shares[i].provider ? shares[i].provider : std::optional<std::wstring>{L"Named Network"}));
    }
    CHECK(np_named::close_enum(handle) == 0);
}
