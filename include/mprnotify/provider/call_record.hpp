// mprnotify/provider/call_record.hpp - what a provider's optional call observer is told after each NP
// function: which operation, the name it was about, the answer MPR got, and how long it took.
//
// A handler may declare
//     void on_call(const mprnotify::call_record& call) noexcept;
// to log or count every call, not only the failures on_error sees. Without it nothing is measured
// and nothing is called. The record never holds a password or a user name: the subject is the
// remote or local name the call was about (none for NPEnumResource, NPCloseEnum and the
// credential functions), and answers MPR reads from its buffers are not in it.
#pragma once

#include "../core/nullable_wstring.hpp"
#include "../core/operation.hpp"
#include "../core/status.hpp"
#include "../detail/core/steady_clock.hpp" // std::chrono::nanoseconds

namespace mprnotify {

/// One finished NP function call, for the handler's on_call observer. Valid during that call only.
struct call_record {
    /// The NP function's operation (operation::connect for NPAddConnection and NPAddConnection3).
    mprnotify::operation operation = operation::connect;
    /// The remote or local name the call was about, as MPR passed it; null when it passed none.
    nullable_wstring subject;
    /// What MPR was answered.
    wn_status result = wn_status::success;
    /// From entering the NP function to its answer, on a steady clock.
    std::chrono::nanoseconds duration{0};
};

} // namespace mprnotify
