// The answers the library must give, written once: the fuzz harness (fuzz/entry_point_harness.hpp)
// and the property test (property_model.hpp) both ask these functions, so the rules for a context's
// slot, move and destruction, and for a full table, cannot drift apart between them.
#pragma once

#include <mprnotify/core/status.hpp>

#include "faults.hpp"

namespace reliability {

/// What a pre call must answer, and what it must leave behind.
struct pre_expectation {
    mprnotify::wn_status answer = mprnotify::wn_status::success;
    bool grants = false;   // lpContext must be a handle
    bool failed = false;   // on_error must hear about a failure of this call
    bool reclaims = false; // the table was full: its oldest pending context is destroyed (on_error told)
};

/// A pre call whose before-hook asked for a post. In the boundary's order: a slot (a full table
/// first destroys its oldest pending context), the context's move into it (`move` armed: it throws),
/// the moved-from context's destruction (`destroy` armed: it throws). When the reclaimed context
/// has the same type (`same_type_reclaimed`), its destruction takes the armed `destroy` fault
/// (swallowed and reported), and the moved-from one dies quietly.
[[nodiscard]] inline pre_expectation expect_call_after(const fault& move, const fault& destroy, bool full,
                                                       bool same_type_reclaimed,
                                                       mprnotify::wn_status unexpected) noexcept
{
    pre_expectation e;
    e.reclaims = full;
    const bool destroy_throws = destroy.armed() && !(full && same_type_reclaimed);
    if (move.armed()) {
        e.answer = expected_answer(move.kind, move.code, unexpected);
        e.failed = true;
    } else if (destroy_throws) {
        e.answer = expected_answer(destroy.kind, destroy.code, unexpected);
        e.failed = true;
    } else {
        e.grants = true;
    }
    return e;
}

/// What a post call whose context is live must answer.
struct post_expectation {
    mprnotify::wn_status answer = mprnotify::wn_status::success;
    bool failed = false;
    bool hook_called = false;
};

/// In the boundary's order: the context moved into a by-value parameter (`argument_move` armed: it
/// throws and the after-hook never runs), the after-hook (`after`), the context's destruction
/// (`destroy`, when its destructor can throw). The first fault decides the answer.
[[nodiscard]] inline post_expectation expect_post(bool by_value, const fault& argument_move, const fault& after,
                                                  const fault& destroy, mprnotify::wn_status unexpected) noexcept
{
    post_expectation e;
    fault first{};
    if (by_value && argument_move.armed()) {
        first = argument_move;
    } else {
        e.hook_called = true;
        first = after.armed() ? after : destroy;
    }
    e.answer = expected_answer(first.kind, first.code, unexpected);
    e.failed = first.armed();
    return e;
}

} // namespace reliability
