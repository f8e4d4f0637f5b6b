// What the thread-stress notifyee reports about itself (shared by the DLL and its driver).
#pragma once

#include <cstdint>

struct thread_notifyee_stats {
    std::int64_t constructions; // handler instances created: must be 1
    std::int64_t before_calls;  // before_add + before_cancel
    std::int64_t after_calls;   // after_add + after_cancel
    std::int64_t vetoes;        // pre calls the handler refused
    std::int64_t live_contexts; // context objects alive now
    std::int64_t pending;       // slots awaiting their post
    std::int64_t unbalanced;    // drives whose connect / disconnect counts do not match
    std::int64_t bad_contexts;  // after-hooks that got a context of another operation
};

/// Exported by the notifyee next to AddConnectNotify / CancelConnectNotify.
using thread_notifyee_stats_fn = void (*)(thread_notifyee_stats*);
inline constexpr const char thread_notifyee_stats_name[] = "mprnotify_thread_notifyee_stats";
