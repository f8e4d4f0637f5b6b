// A notifyee with shared mutable state, for the thread-stress test (and ThreadSanitizer).
//
// Its constructor is slow on purpose, so threads released together into the very first call race
// its construction. Hooks update atomics and a map under a mutex, as a real notifyee that tracks
// drives would. Add contexts are stored inline, cancel contexts on the heap.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>

#include <mprnotify/mprnotify.hpp>

#include "thread_notifyee.hpp"

namespace {

std::atomic<std::int64_t> constructions{0};
std::atomic<std::int64_t> live_contexts{0};

/// Which operation a context belongs to: the drive name and a per-call token, checked on post.
template <std::size_t Size>
struct stamped {
    std::wstring drive;
    std::uint64_t token = 0;
    unsigned char payload[Size]{};
    stamped(std::wstring d, std::uint64_t t) : drive(std::move(d)), token(t) { ++live_contexts; }
    stamped(const stamped& other) : drive(other.drive), token(other.token) { ++live_contexts; }
    stamped(stamped&& other) noexcept : drive(std::move(other.drive)), token(other.token) { ++live_contexts; }
    stamped& operator=(const stamped&) = delete;
    stamped& operator=(stamped&&) = delete;
    ~stamped() { --live_contexts; }
};

class shared_state_handler {
public:
    shared_state_handler()
    {
        constructions.fetch_add(1);
        std::this_thread::sleep_for(std::chrono::milliseconds(50)); // widen the construction race
    }

    mprnotify::decision<stamped<8>> before_add(const mprnotify::add_connection& add)
    {
        before_calls_.fetch_add(1, std::memory_order_relaxed);
        const std::wstring drive{add.local_name().view()};
        if (!drive.empty() && drive.front() == L'V') { // "V..." drives are refused
            vetoes_.fetch_add(1, std::memory_order_relaxed);
            return mprnotify::veto(mprnotify::wn_status::access_denied);
        }
        count(drive, +1);
        return mprnotify::call_after(stamped<8>{drive, token(add.remote_name().view())});
    }
    void after_add(const mprnotify::add_connection& add, mprnotify::wn_status, stamped<8>&& context)
    {
        received(add.local_name().view(), token(add.remote_name().view()), context);
    }

    mprnotify::decision<stamped<200>> before_cancel(const mprnotify::cancel_connection& cancel)
    {
        before_calls_.fetch_add(1, std::memory_order_relaxed);
        const std::wstring drive{cancel.name().view()};
        count(drive, +1);
        return mprnotify::call_after(stamped<200>{drive, 0});
    }
    void after_cancel(const mprnotify::cancel_connection& cancel, mprnotify::wn_status, stamped<200> context)
    {
        received(cancel.name().view(), 0, context);
    }

    void stats(thread_notifyee_stats& out)
    {
        out.before_calls = before_calls_.load();
        out.after_calls = after_calls_.load();
        out.vetoes = vetoes_.load();
        out.bad_contexts = bad_contexts_.load();
        const std::lock_guard lock{mutex_};
        out.unbalanced = 0;
        for (const auto& [drive, open] : open_) {
            out.unbalanced += open != 0 ? 1 : 0;
        }
    }

private:
    static std::uint64_t token(std::wstring_view remote) { return std::hash<std::wstring_view>{}(remote); }

    template <class Context>
    void received(std::wstring_view drive, std::uint64_t expected_token, const Context& context)
    {
        after_calls_.fetch_add(1, std::memory_order_relaxed);
        if (context.drive != drive || context.token != expected_token) {
            bad_contexts_.fetch_add(1, std::memory_order_relaxed);
        }
        count(std::wstring{drive}, -1);
    }

    void count(const std::wstring& drive, int delta)
    {
        const std::lock_guard lock{mutex_};
        open_[drive] += delta;
    }

    std::atomic<std::int64_t> before_calls_{0};
    std::atomic<std::int64_t> after_calls_{0};
    std::atomic<std::int64_t> vetoes_{0};
    std::atomic<std::int64_t> bad_contexts_{0};
    std::mutex mutex_;
    std::map<std::wstring, std::int64_t> open_;
};

using notifyee = mprnotify::entry_points<shared_state_handler>;

} // namespace

MPRNOTIFY_EXPORT(shared_state_handler);

extern "C" __attribute__((visibility("default"))) void mprnotify_thread_notifyee_stats(thread_notifyee_stats* out)
{
    *out = thread_notifyee_stats{};
    out->constructions = constructions.load();
    out->live_contexts = live_contexts.load();
    out->pending = static_cast<std::int64_t>(notifyee::pending_contexts());
    if (out->constructions > 0) {
        notifyee::handler().stats(*out);
    }
}
