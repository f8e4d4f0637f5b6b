// The property test's operations (members of property::runner; included by property_run.hpp).
#pragma once

namespace property {

inline std::vector<observations> runner::snapshot() const
{
    std::vector<observations> seen;
    for (std::size_t i = 0; i < notifyee_count; ++i) {
        seen.push_back(ops_[i].seen());
    }
    return seen;
}

inline void runner::expect_untouched(const std::vector<observations>& before, const char* what) const
{
    for (std::size_t i = 0; i < notifyee_count; ++i) {
        const observations& now = ops_[i].seen();
        expect(now.before_calls == before[i].before_calls && now.after_calls == before[i].after_calls &&
                   now.failures == before[i].failures,
               what, static_cast<long long>(i));
    }
}

inline void runner::router_operation()
{
    ++totals_.router_operations;
    const std::size_t which = below(3);
    auto& mpr = routers_[which];
    const auto& order = orders_[which];
    mpr.clear_calls();
    mpr.options().post_after_veto = chance(80);
    mpr.options().post_calls = chance(85) ? 1U : (chance(66) ? 2U : 3U);
    const op_kind op = chance(50) ? op_kind::add : op_kind::cancel;
    for (std::size_t i = 0; i < notifyee_count; ++i) {
        scripts[i] = random_script(3, 4);
    }

    // The model, in attach order: pre answers until the first refusal.
    std::array<expectation, notifyee_count> pre{};
    std::optional<std::size_t> vetoed_at;
    std::size_t pre_calls = 0;
    for (std::size_t pos = 0; pos < notifyee_count; ++pos) {
        const std::size_t i = order[pos];
        pre[pos] = ops_[i].expect_pre(op, scripts[i], live_of(i), reclaimed_op_of(i));
        ++pre_calls;
        if (pre[pos].answer != wn_status::success) {
            vetoed_at = pos;
            break;
        }
    }
    const std::vector<observations> before = snapshot();
    const wn_status outcome = chance(70) ? wn_status::success : random_status();
    mprnotify::testing::operation_result result;
    if (op == op_kind::add) {
        mprnotify::testing::add_request request;
        if (chance(10)) {
            request.local_name = chance(50) ? std::nullopt : std::optional<std::wstring>{L""};
        }
        if (chance(10)) {
            request.remote_name = chance(50) ? std::nullopt : std::optional<std::wstring>{std::wstring(600, L'r')};
        }
        request.flags = static_cast<std::uint32_t>(rng_());
        result = mpr.add_connection(request, outcome);
    } else {
        mprnotify::testing::cancel_request request;
        if (chance(10)) {
            request.name = std::nullopt;
        }
        request.force = chance(50);
        request.flags = below(4);
        result = mpr.cancel_connection(request, outcome);
    }
    totals_.calls += mpr.calls().size();

    // The answers MPR got, call by call.
    const wn_status post_status = vetoed_at ? pre[*vetoed_at].answer : outcome;
    const bool posts_come = !vetoed_at || mpr.options().post_after_veto;
    expect(result.status == post_status, "the WNet caller got another status", static_cast<long long>(result.status));
    expect(result.vetoed_by == vetoed_at, "another notifyee vetoed");
    totals_.vetoed += vetoed_at ? 1U : 0U;
    const auto& calls = mpr.calls();
    std::size_t k = 0;
    std::array<void*, notifyee_count> handles{};
    for (std::size_t pos = 0; pos < pre_calls; ++pos, ++k) {
        expect(k < calls.size() && calls[k].phase == mprnotify::phase::pre && calls[k].notifyee == pos,
               "a pre call missing", static_cast<long long>(pos));
        expect(calls[k].returned == pre[pos].answer, "pre answered something else than the rules say",
               static_cast<long long>(calls[k].returned), static_cast<long long>(pre[pos].answer));
        expect((calls[k].context_out != nullptr) == (pre[pos].grants && pre[pos].answer == wn_status::success),
               "lpContext after pre does not match the decision", static_cast<long long>(pos));
        handles[pos] = const_cast<void*>(calls[k].context_out); // NOLINT(cppcoreguidelines-pro-type-const-cast)
        if (pre[pos].reclaims) {
            reclaim_oldest(order[pos]);
        }
    }
    std::array<expectation, notifyee_count> post{};
    for (std::size_t pos = 0; pos < pre_calls; ++pos) {
        const std::size_t i = order[pos];
        if (handles[pos] == nullptr) {
            continue;
        }
        ++totals_.handed_out;
        const held_handle h{i, op, handles[pos], ops_[i].seen().created_serial};
        if (!posts_come) {
            hold_handle(h); // the post never comes (one reading of a veto): held until later
            continue;
        }
        post[pos] = ops_[i].expect_post(op, scripts[i], {});
        for (unsigned repeat = 0; repeat < mpr.options().post_calls; ++repeat, ++k) {
            expect(k < calls.size() && calls[k].phase == mprnotify::phase::post && calls[k].notifyee == pos &&
                       calls[k].context_in == handles[pos],
                   "a post call missing", static_cast<long long>(pos));
            const wn_status expected = repeat == 0 ? post[pos].answer : wn_status::success;
            expect(calls[k].returned == expected, "post answered something else than the rules say",
                   static_cast<long long>(calls[k].returned), static_cast<long long>(expected));
        }
        totals_.ignored_posts += mpr.options().post_calls - 1;
        remember_consumed(h);
    }
    expect(k == calls.size(), "more calls than the protocol has", static_cast<long long>(calls.size()));

    // What each handler saw.
    for (std::size_t pos = 0; pos < notifyee_count; ++pos) {
        const std::size_t i = order[pos];
        const observations& now = ops_[i].seen();
        const bool pre_called = pos < pre_calls;
        const bool posted = pre_called && handles[pos] != nullptr && posts_come;
        const bool before_ran = pre_called && pre[pos].hook_called;
        const bool after_ran = posted && post[pos].hook_called;
        expect(now.before_calls == before[i].before_calls + (before_ran ? 1 : 0), "before-hook calls",
               static_cast<long long>(i));
        expect(now.after_calls == before[i].after_calls + (after_ran ? 1 : 0), "after-hook calls",
               static_cast<long long>(i));
        if (after_ran) {
            ++totals_.after_hooks;
            expect(now.received_result == post_status, "the after-hook got another result", static_cast<long long>(i));
            if (ops_[i].has_contexts) {
                expect(now.received_serial == now.created_serial, "the after-hook got another operation's context",
                       static_cast<long long>(now.received_serial), static_cast<long long>(now.created_serial));
            }
        }
        const int failures =
            (pre_called && (pre[pos].failed || pre[pos].reclaims) ? 1 : 0) + (posted && post[pos].failed ? 1 : 0);
        totals_.faults_expected += static_cast<std::uint64_t>(failures);
        expect(failures == 0 ? now.failures == before[i].failures : now.failures >= before[i].failures + failures,
               "on_error calls do not match the failures", static_cast<long long>(i));
    }
}

inline void runner::hold()
{
    ++totals_.raw_operations;
    const std::size_t i = below(notifyee_count);
    const op_kind op = chance(50) ? op_kind::add : op_kind::cancel;
    scripts[i] = random_script(5, 6);
    if (chance(70)) {
        scripts[i].before = before_action::call_after;
    }
    const expectation e = ops_[i].expect_pre(op, scripts[i], live_of(i), reclaimed_op_of(i));
    const std::vector<observations> before = snapshot();
    platform::notify_info info{platform::notify_pre, 0, nullptr};
    const std::uint32_t answer = call(i, op, &info);
    expect(answer == mprnotify::to_underlying(e.answer), "raw pre answered something else than the rules say", answer,
           mprnotify::to_underlying(e.answer));
    expect((info.lpContext != nullptr) == e.grants, "raw pre: lpContext does not match the decision");
    const observations& now = ops_[i].seen();
    expect(now.before_calls == before[i].before_calls + (e.hook_called ? 1 : 0), "raw pre: before-hook calls");
    expect(e.failed || e.reclaims ? now.failures > before[i].failures : now.failures == before[i].failures,
           "raw pre: on_error");
    totals_.faults_expected += e.failed ? 1U : 0U;
    if (e.reclaims) {
        reclaim_oldest(i);
    }
    if (info.lpContext != nullptr) {
        ++totals_.handed_out;
        hold_handle({i, op, info.lpContext, now.created_serial});
    }
}

inline void runner::post_held(const held_handle& h, const script& s, std::uint32_t status, const fault& post_move)
{
    scripts[h.notifyee] = s;
    const expectation e = ops_[h.notifyee].expect_post(h.op, s, post_move);
    ops_[h.notifyee].arm_post_move(h.op, post_move);
    const std::vector<observations> before = snapshot();
    platform::notify_info info{platform::notify_post, status, h.handle};
    const std::uint32_t answer = call(h.notifyee, h.op, &info);
    expect(answer == mprnotify::to_underlying(e.answer), "late post answered something else than the rules say", answer,
           mprnotify::to_underlying(e.answer));
    const observations& now = ops_[h.notifyee].seen();
    expect(now.after_calls == before[h.notifyee].after_calls + (e.hook_called ? 1 : 0), "late post: after-hook calls");
    if (e.hook_called) {
        ++totals_.after_hooks;
        expect(now.received_result == static_cast<wn_status>(status), "late post: another result");
        if (ops_[h.notifyee].has_contexts) {
            expect(now.received_serial == h.serial, "late post: another operation's context",
                   static_cast<long long>(now.received_serial), static_cast<long long>(h.serial));
        }
    }
    expect(e.failed ? now.failures > before[h.notifyee].failures : now.failures == before[h.notifyee].failures,
           "late post: on_error");
    totals_.faults_expected += e.failed ? 1U : 0U;
    remember_consumed(h);
}

inline void runner::late_post()
{
    if (held_.empty()) {
        hold();
        return;
    }
    ++totals_.raw_operations;
    std::size_t index = below(static_cast<unsigned>(held_.size()));
    if (chance(50)) { // keep the 4-slot table from staying full: prefer its handles half the time
        const auto tiny =
            std::find_if(held_.begin(), held_.end(), [](const held_handle& h) { return h.notifyee == 5; });
        if (tiny != held_.end()) {
            index = static_cast<std::size_t>(tiny - held_.begin());
        }
    }
    const held_handle h = held_[index];
    held_[index] = held_.back();
    held_.pop_back();
    script s = random_script(0, 10);
    post_held(h, s, static_cast<std::uint32_t>(chance(60) ? 0 : rng_()), random_fault(8));
}

inline void runner::repost_consumed()
{
    ++totals_.raw_operations;
    if (consumed_.empty()) {
        return;
    }
    const held_handle h = consumed_[below(static_cast<unsigned>(consumed_.size()))];
    const std::vector<observations> before = snapshot();
    for (const op_kind op : {op_kind::add, op_kind::cancel}) {
        platform::notify_info info{platform::notify_post, 0, h.handle};
        expect(call(h.notifyee, op, &info) == 0, "a repeated post is not answered WN_SUCCESS");
        ++totals_.ignored_posts;
    }
    expect_untouched(before, "a repeated post reached the handler");
}

inline void runner::foreign_post()
{
    ++totals_.raw_operations;
    const std::size_t i = below(notifyee_count);
    op_kind op = chance(50) ? op_kind::add : op_kind::cancel;
    int local = 0;
    void* value = nullptr;
    switch (below(4)) {
    case 0: value = reinterpret_cast<void*>(static_cast<std::uintptr_t>(rng_())); break;
    case 1: value = &local; break;
    default:
        if (held_.empty()) {
            return;
        }
        const held_handle& h = held_[below(static_cast<unsigned>(held_.size()))];
        value = h.handle;
        if (h.notifyee == i) {
            op = h.op == op_kind::add ? op_kind::cancel : op_kind::add; // its own notifyee, the other operation
        }
        break;
    }
    const std::vector<observations> before = snapshot();
    platform::notify_info info{platform::notify_post, 0, value};
    expect(call(i, op, &info) == 0, "a foreign post is not answered WN_SUCCESS");
    expect(info.lpContext == value, "a foreign post changed lpContext");
    expect_untouched(before, "a foreign post reached the handler");
    ++totals_.ignored_posts;
}

inline void runner::odd_call()
{
    ++totals_.raw_operations;
    const std::size_t i = below(notifyee_count);
    const op_kind op = chance(50) ? op_kind::add : op_kind::cancel;
    void* value = held_.empty() ? nullptr : held_[below(static_cast<unsigned>(held_.size()))].handle;
    const std::vector<observations> before = snapshot();
    switch (below(3)) {
    case 0: {
        const std::uint32_t phase = chance(50) ? static_cast<std::uint32_t>(rng_()) | 4U : 0U;
        platform::notify_info info{phase, 0, value};
        expect(call(i, op, &info) == 0, "an undocumented phase is not answered WN_SUCCESS");
        expect(info.lpContext == value, "an undocumented phase changed lpContext");
        break;
    }
    case 1: expect(call(i, op, nullptr) == mprnotify::to_underlying(wn_status::bad_pointer), "NULL NOTIFYINFO"); break;
    default: {
        platform::notify_info info{chance(50) ? platform::notify_pre : platform::notify_post, 0, value};
        expect(call(i, op, &info, true) == mprnotify::to_underlying(wn_status::bad_pointer), "NULL struct");
        expect(info.lpContext == value, "a NULL-struct call changed lpContext");
        break;
    }
    }
    expect_untouched(before, "a malformed call reached the handler");
}

} // namespace property
