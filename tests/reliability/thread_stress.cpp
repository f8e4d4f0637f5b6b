// Many threads through the exported entry points of one notifyee with shared state.
//
//     thread_stress [NOTIFICATIONS_PER_THREAD [THREADS [LIBRARY]]]
//     (or MPRNOTIFY_THREAD_NOTIFICATIONS / MPRNOTIFY_THREAD_COUNT)
//
// The notifyee library is loaded by path and called through AddConnectNotify / CancelConnectNotify
// found by name, as MPR does. All threads wait on a latch and enter the very first call together,
// racing the handler's (slow) construction. A notification is one operation: a pre call and its
// post. Some posts come from another thread than the pre, some are repeated by two threads at
// once, some are vetoed, some are foreign or malformed. At the end: one handler, every before-hook
// counted, one after-hook per granted pre, no context alive, no slot in use.
#include <atomic>
#include <bit>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <latch>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <mprnotify/testing.hpp>

#include "thread_notifyee.hpp"

namespace {

namespace platform = mprnotify::platform;

[[noreturn]] void fail(const char* what, long long a = 0, long long b = 0)
{
    std::fprintf(stderr, "thread_stress: %s (%lld, %lld)\n", what, a, b);
    std::abort();
}

/// One thread's request structures: built before the threads start, read-only afterwards, so any
/// thread can post a context with the structure its pre saw.
struct thread_requests {
    std::wstring drive;
    std::wstring remote;
    std::wstring veto_drive;
    platform::notify_add_w add{};
    platform::notify_add_w veto{};
    platform::notify_cancel_w cancel{};
    thread_requests(const thread_requests&) = delete;
    thread_requests& operator=(const thread_requests&) = delete;
    explicit thread_requests(std::size_t t)
        : drive(L"D" + std::to_wstring(t) + L":"), remote(L"\\\\server" + std::to_wstring(t) + L"\\share"),
          veto_drive(L"V" + std::to_wstring(t) + L":")
    {
        add.NetResource.dwType = 1;
        add.NetResource.lpLocalName = drive.data();
        add.NetResource.lpRemoteName = remote.data();
        veto = add;
        veto.NetResource.lpLocalName = veto_drive.data();
        cancel.lpName = drive.data();
    }
};

struct shared {
    platform::add_connect_notify_fn add = nullptr;
    platform::cancel_connect_notify_fn cancel = nullptr;
    std::vector<std::unique_ptr<thread_requests>> requests;
    std::vector<std::atomic<void*>> mailbox;   // a thread's add context, posted by its neighbour
    std::vector<std::atomic<void*>> duplicate; // a thread's cancel context, posted by it and its neighbour
    std::atomic<std::int64_t> granted{0};
    std::atomic<std::int64_t> pre_calls{0};
    std::atomic<std::int64_t> vetoed{0};
    explicit shared(std::size_t threads) : mailbox(threads), duplicate(threads) {}
};

std::uint32_t add_call(shared& s, std::size_t owner, std::uint32_t phase, void*& context, bool veto = false)
{
    platform::notify_info info{phase, 0, context};
    thread_requests& r = *s.requests[owner];
    const std::uint32_t answer = s.add(&info, platform::sdk(veto ? &r.veto : &r.add));
    context = info.lpContext;
    return answer;
}

std::uint32_t cancel_call(shared& s, std::size_t owner, std::uint32_t phase, void*& context)
{
    platform::notify_info info{phase, 0, context};
    const std::uint32_t answer = s.cancel(&info, platform::sdk(&s.requests[owner]->cancel));
    context = info.lpContext;
    return answer;
}

void post_add(shared& s, std::size_t owner, void* context)
{
    if (context != nullptr && add_call(s, owner, platform::notify_post, context) != 0) {
        fail("a post was not answered WN_SUCCESS");
    }
}

void worker(shared& s, std::size_t t, std::size_t threads, std::uint64_t notifications, std::latch& start)
{
    std::int64_t granted = 0;
    std::int64_t pres = 0;
    std::int64_t vetoed = 0;
    const std::size_t next = (t + 1) % threads;
    const std::size_t previous = (t + threads - 1) % threads;
    start.arrive_and_wait(); // every thread enters the very first call together
    for (std::uint64_t j = 0; j < notifications; ++j) {
        void* context = nullptr;
        ++pres;
        switch (j % 8) {
        case 3: // cancel, and its post repeated
        case 6: // cancel, posted here and (maybe first) by the neighbour
            if (cancel_call(s, t, platform::notify_pre, context) != 0 || context == nullptr) {
                fail("a cancel pre did not ask for its post");
            }
            ++granted;
            if (j % 8 == 6) {
                s.duplicate[t].store(context);
                if (void* theirs = s.duplicate[previous].exchange(nullptr);
                    theirs != nullptr && cancel_call(s, previous, platform::notify_post, theirs) != 0) {
                    fail("a racing repeated post was not answered WN_SUCCESS");
                }
            }
            if (cancel_call(s, t, platform::notify_post, context) != 0 ||
                cancel_call(s, t, platform::notify_post, context) != 0) { // the second is ignored: consumed
                fail("a cancel post was not answered WN_SUCCESS");
            }
            break;
        case 4: // vetoed: no context
            if (add_call(s, t, platform::notify_pre, context, true) != 5 || context != nullptr) {
                fail("a vetoed pre did not answer WN_ACCESS_DENIED with lpContext NULL");
            }
            ++vetoed;
            break;
        case 5: // the post comes from another thread
            if (add_call(s, t, platform::notify_pre, context) != 0 || context == nullptr) {
                fail("an add pre did not ask for its post");
            }
            ++granted;
            post_add(s, t, s.mailbox[t].exchange(context));
            post_add(s, next, s.mailbox[next].exchange(nullptr));
            break;
        case 7: { // malformed: foreign context, undocumented phase, NULL NOTIFYINFO
            --pres;
            int local = 0;
            platform::notify_info foreign{platform::notify_post, 0, &local};
            platform::notify_info odd{7, 0, nullptr};
            if (s.add(&foreign, platform::sdk(&s.requests[t]->add)) != 0 ||
                s.cancel(&odd, platform::sdk(&s.requests[t]->cancel)) != 0 ||
                s.add(nullptr, platform::sdk(&s.requests[t]->add)) != 487) {
                fail("a malformed call was answered wrongly");
            }
            break;
        }
        default: // add, posted right away
            if (add_call(s, t, platform::notify_pre, context) != 0 || context == nullptr) {
                fail("an add pre did not ask for its post");
            }
            ++granted;
            post_add(s, t, context);
            break;
        }
    }
    s.granted += granted;
    s.pre_calls += pres;
    s.vetoed += vetoed;
}

std::uint64_t setting(int argc, char** argv, int position, const char* variable, std::uint64_t fallback)
{
    if (argc > position) {
        return std::strtoull(argv[position], nullptr, 10);
    }
    const char* value = std::getenv(variable); // NOLINT(concurrency-mt-unsafe): before any thread starts
    return value != nullptr ? std::strtoull(value, nullptr, 10) : fallback;
}

} // namespace

int main(int argc, char** argv)
{
    const std::uint64_t notifications = setting(argc, argv, 1, "MPRNOTIFY_THREAD_NOTIFICATIONS", 2000);
    const auto threads = static_cast<std::size_t>(setting(argc, argv, 2, "MPRNOTIFY_THREAD_COUNT", 16));
    const char* path = argc > 3 ? argv[3] : MPRNOTIFY_THREAD_NOTIFYEE;
    std::printf("thread_stress: %zu threads x %" PRIu64 " notifications through %s\n", threads, notifications, path);
    std::fflush(stdout);

    std::string error;
    auto library = mprnotify::testing::shared_library::open(path, &error);
    if (!library) {
        fail(error.c_str());
    }
    auto functions = library->functions("thread_notifyee", &error);
    auto* stats_fn = std::bit_cast<thread_notifyee_stats_fn>(library->symbol(thread_notifyee_stats_name));
    if (!functions || stats_fn == nullptr) {
        fail("the notifyee does not export its functions");
    }

    shared s{threads};
    s.add = functions->add_connect_notify;
    s.cancel = functions->cancel_connect_notify;
    for (std::size_t t = 0; t < threads; ++t) {
        s.requests.push_back(std::make_unique<thread_requests>(t));
    }
    std::latch start{static_cast<std::ptrdiff_t>(threads)};
    {
        std::vector<std::jthread> pool;
        for (std::size_t t = 0; t < threads; ++t) {
            pool.emplace_back(worker, std::ref(s), t, threads, notifications, std::ref(start));
        }
    }
    for (std::size_t t = 0; t < threads; ++t) { // contexts still waiting in a mailbox get their post
        post_add(s, t, s.mailbox[t].exchange(nullptr));
    }

    thread_notifyee_stats stats{};
    stats_fn(&stats);
    std::printf("  handler constructions %" PRId64 ", before-hooks %" PRId64 ", after-hooks %" PRId64
                " (granted %" PRId64 "), vetoes %" PRId64 "\n",
                stats.constructions, stats.before_calls, stats.after_calls, s.granted.load(), stats.vetoes);
    std::printf("  live contexts %" PRId64 ", slots in use %" PRId64 ", unbalanced drives %" PRId64
                ", wrong contexts %" PRId64 "\n",
                stats.live_contexts, stats.pending, stats.unbalanced, stats.bad_contexts);
    if (stats.constructions != 1) {
        fail("the handler was constructed more than once", stats.constructions);
    }
    if (stats.before_calls != s.pre_calls.load() || stats.vetoes != s.vetoed.load()) {
        fail("before-hook calls do not match the pre calls", stats.before_calls, s.pre_calls.load());
    }
    if (stats.after_calls != s.granted.load()) {
        fail("after-hook calls != granted pre calls (a post lost or delivered twice)", stats.after_calls,
             s.granted.load());
    }
    if (stats.live_contexts != 0 || stats.pending != 0 || stats.unbalanced != 0 || stats.bad_contexts != 0) {
        fail("contexts left, or a post got another operation's context", stats.live_contexts, stats.pending);
    }
    std::printf("  ok\n");
    return 0;
}
