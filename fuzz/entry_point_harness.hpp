// The structured decoder and the model the entry-point fuzzers share.
//
// One input is a sequence of calls. Each step decodes: which entry point (mostly the fuzzer's own,
// sometimes the other one, so a context of one operation can be offered to the other's post),
// which of two notifyees (fail_open / fail_closed, capacity 8), the phase (pre, post, or any raw
// dwNotifyStatus), NULL NOTIFYINFO or NULL operation struct, dwOperationStatus, lpContext drawn
// from {NULL, a live handle, a consumed handle, a foreign value, another operation's or notifyee's
// handle}, strings (NULL, empty, short, up to 16 Ki characters) and numeric fields, and what the
// handler does (proceed, call_after, veto with any code, or throw any kind from the before-hook,
// the after-hook, the context's move or its destructor).
// After each call the harness checks the answer, lpContext and the hooks called against a model
// of the documented rules, and that every live context object is one MPR holds a handle for.
// At the end every outstanding handle is posted and nothing may be left: no context, no slot.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "../tests/reliability/answer_model.hpp"
#include "byte_reader.hpp"
#include "fuzz_handler.hpp"
#include "strings.hpp"

namespace fuzz {

using reliability::expect;
using reliability::throw_kind;

enum class op_kind : std::uint8_t { add, cancel };

/// Handles MPR holds for one notifyee and one operation, and ones already consumed.
struct handle_pool {
    std::vector<void*> live;
    std::vector<void*> consumed;
    bool take(void* handle)
    {
        const auto it = std::find(live.begin(), live.end(), handle);
        if (it == live.end()) {
            return false;
        }
        live.erase(it);
        if (consumed.size() < 64) {
            consumed.push_back(handle);
        }
        return true;
    }
};

inline std::uint32_t raw(wn_status s) { return mprnotify::to_underlying(s); }

inline fault decode_fault(byte_reader& in)
{
    fault f;
    const auto kind = static_cast<throw_kind>(in.u8() % reliability::throw_kind_count);
    if (kind == throw_kind::wn_error || kind == throw_kind::system_wn) {
        f.code = static_cast<wn_status>(in.u32());
    }
    f.kind = reliability::can_throw ? kind : throw_kind::none;
    return f;
}

/// One notifyee: its entry points, its handler's observations and the handles MPR holds.
template <class EntryPoints>
struct notifyee_state {
    using entry_points = EntryPoints;
    using handler = typename EntryPoints::handler_type;
    static constexpr wn_status unexpected = EntryPoints::policy_type::unexpected_error;
    static constexpr std::size_t capacity = EntryPoints::policy_type::context_capacity;
    handle_pool pools[2];
    std::vector<std::pair<op_kind, void*>> published; // the live handles, oldest first

    static observations& seen() { return EntryPoints::handler().seen; }
    [[nodiscard]] std::size_t live_handles() const { return pools[0].live.size() + pools[1].live.size(); }
    [[nodiscard]] bool full() const { return live_handles() == capacity; }

    void granted(op_kind op, void* handle)
    {
        pools[static_cast<std::size_t>(op)].live.push_back(handle);
        published.emplace_back(op, handle);
    }
    /// A post's handle: true (and consumed) when it is live for `op`.
    bool consume(op_kind op, void* handle)
    {
        if (!pools[static_cast<std::size_t>(op)].take(handle)) {
            return false;
        }
        published.erase(std::find(published.begin(), published.end(), std::make_pair(op, handle)));
        return true;
    }
    /// The operation of the context a full table reclaims next.
    [[nodiscard]] op_kind oldest_op() const { return published.empty() ? op_kind::add : published.front().first; }
    /// The model's side of a reclaim: the oldest handle is consumed; its late post must be ignored.
    void reclaim()
    {
        expect(!published.empty(), "a reclaim without a live handle");
        const auto [op, handle] = published.front();
        consume(op, handle);
    }
};

class harness {
public:
    static constexpr int max_steps = 32;

    explicit harness(op_kind primary) noexcept : primary_(primary) {}

    void run(const std::uint8_t* data, std::size_t size)
    {
        byte_reader in{data, size};
        for (int step = 0; step < max_steps && !in.empty(); ++step) {
            run_step(in);
        }
        drain(open_);
        drain(closed_);
        check_accounting();
        expect(open_notifyee::pending_contexts() == 0, "slots left after the drain (open)");
        expect(closed_notifyee::pending_contexts() == 0, "slots left after the drain (closed)");
        expect(counts_zero(), "context objects left after the drain");
    }

private:
    struct step_input {
        op_kind op = op_kind::add;
        bool closed = false;
        std::uint32_t phase = platform::notify_pre;
        bool null_info = false;
        bool null_struct = false;
        std::uint8_t context_choice = 0;
        std::uint8_t context_arg = 0;
        std::uint64_t foreign = 0;
        std::uint32_t status = 0;
        script what{};
    };

    void run_step(byte_reader& in)
    {
        step_input s;
        const std::uint8_t control = in.u8();
        s.op = (control & 3U) == 3U ? other(primary_) : primary_;
        s.closed = (control & 4U) != 0;
        switch ((control >> 3U) & 7U) {
        case 4:
        case 5: s.phase = platform::notify_post; break;
        case 6: s.phase = in.u32(); break;
        case 7: s.phase = 0; break;
        default: s.phase = platform::notify_pre; break;
        }
        s.null_info = (control >> 6U) == 2U;
        s.null_struct = (control >> 6U) == 3U;
        const std::uint8_t context = in.u8();
        s.context_choice = context & 7U;
        if (s.context_choice >= 2) {
            s.context_arg = in.u8();
        }
        if (s.context_choice == 6) {
            s.foreign = in.u64();
        }
        switch ((context >> 3U) & 3U) {
        case 0: s.status = 0; break;
        case 1: s.status = raw(known_status(in.u8())); break;
        case 2: s.status = in.u32(); break;
        default: s.status = raw(wn_status::cancel); break;
        }
        const std::uint8_t plan = in.u8();
        s.what.before = static_cast<before_action>(plan & 3U);
        if (s.what.before == before_action::veto) {
            s.what.veto_code = static_cast<wn_status>(in.u32());
        }
        if (s.what.before == before_action::raise) {
            s.what.before_fault = decode_fault(in);
        }
        if ((plan & 4U) != 0) {
            s.what.after_fault = decode_fault(in);
        }
        if ((plan & 8U) != 0) {
            s.what.move_fault = decode_fault(in);
        }
        if ((plan & 16U) != 0) {
            s.what.destroy_fault = decode_fault(in);
        }
        call_strings strings;
        strings.decode(in, s.op == op_kind::add, (plan & 32U) != 0, (plan & 64U) != 0);
        if (s.closed) {
            perform(closed_, open_, s, strings);
        } else {
            perform(open_, closed_, s, strings);
        }
        check_accounting();
    }

    static op_kind other(op_kind op) noexcept { return op == op_kind::add ? op_kind::cancel : op_kind::add; }

    static wn_status known_status(std::uint8_t pick) noexcept
    {
        constexpr wn_status table[] = {wn_status::success,       wn_status::cancel,       wn_status::retry,
                                       wn_status::access_denied, wn_status::bad_netname,  wn_status::open_files,
                                       wn_status::net_error,     wn_status::out_of_memory};
        return table[pick % std::size(table)];
    }

    template <class Mine, class Theirs>
    void* pick_context(const step_input& s, Mine& mine, Theirs& theirs, int* local_marker)
    {
        const auto index = static_cast<std::size_t>(s.op);
        auto pick = [&](const std::vector<void*>& from) -> void* {
            return from.empty() ? nullptr : from[s.context_arg % from.size()];
        };
        switch (s.context_choice) {
        case 2:
        case 3: return pick(mine.pools[index].live);
        case 4: return pick(mine.pools[index].consumed);
        case 5: return pick(mine.pools[1 - index].live); // the other operation's live context
        case 6: return reinterpret_cast<void*>(static_cast<std::uintptr_t>(s.foreign));
        case 7:
            if ((s.context_arg & 1U) != 0) {
                return pick(theirs.pools[s.context_arg >> 7U].live); // another notifyee's context
            }
            return local_marker; // a real object's address
        default: return nullptr;
        }
    }

    template <class Mine, class Theirs>
    void perform(Mine& mine, Theirs& theirs, const step_input& s, call_strings& strings)
    {
        using handler = typename Mine::handler;
        int local_marker = 0;
        void* context_in = pick_context(s, mine, theirs, &local_marker);
        const bool add = s.op == op_kind::add;
        // Faults a context type cannot raise (a noexcept destructor) are not asked of it.
        script what = s.what;
        const bool throwing_destructor = add ? !std::is_nothrow_destructible_v<typename handler::add_context>
                                             : !std::is_nothrow_destructible_v<typename handler::cancel_context>;
        if (!throwing_destructor) {
            what.destroy_fault = {};
        }
        current_script = what;
        if (s.phase != platform::notify_pre) { // on pre the before-hook arms them as it returns
            arm<Mine>(add, what);
        }
        const observations before = Mine::seen();
        platform::notify_info info{s.phase, s.status, context_in};
        strings.prepare_provider(s.phase == platform::notify_post && s.status == 0);
        platform::notify_info* info_arg = s.null_info ? nullptr : &info;
        const std::uint32_t answer = call<Mine>(add, info_arg, s.null_struct, strings);
        const observations after = Mine::seen();
        disarm<Mine>();
        current_script = {};

        if (s.null_info || s.null_struct) {
            expect(answer == raw(wn_status::bad_pointer), "a NULL pointer is not answered WN_BAD_POINTER", answer);
            expect(info.lpContext == context_in, "lpContext changed on a NULL-pointer call");
            expect_no_hooks(before, after);
            return;
        }
        if (s.phase == platform::notify_pre) {
            check_pre(mine, s, what, answer, info.lpContext, before, after, strings);
        } else if (s.phase == platform::notify_post) {
            check_post(mine, s, what, answer, info, before, after, strings);
        } else {
            expect(answer == 0, "an undocumented phase is not answered WN_SUCCESS", answer);
            expect(info.lpContext == context_in, "lpContext changed on an undocumented phase");
            expect_no_hooks(before, after);
        }
    }

    template <class Mine>
    static std::uint32_t call(bool add, platform::notify_info* info, bool null_struct, call_strings& strings)
    {
        using ep = typename Mine::entry_points;
        if (add) {
            return ep::add_connect_notify(info, null_struct ? nullptr : strings.add_struct());
        }
        return ep::cancel_connect_notify(info, null_struct ? nullptr : strings.cancel_struct());
    }

    template <class Mine>
    static void arm(bool add, const script& what)
    {
        using handler = typename Mine::handler;
        if (add) {
            handler::add_context::move_fault = what.move_fault;
            handler::add_context::destroy_fault = what.destroy_fault;
        } else {
            handler::cancel_context::move_fault = what.move_fault;
            handler::cancel_context::destroy_fault = what.destroy_fault;
        }
    }

    template <class Mine>
    static void disarm()
    {
        using handler = typename Mine::handler;
        handler::add_context::move_fault = {};
        handler::add_context::destroy_fault = {};
        handler::cancel_context::move_fault = {};
        handler::cancel_context::destroy_fault = {};
    }

    static void expect_no_hooks(const observations& before, const observations& after)
    {
        expect(after.before_calls == before.before_calls && after.after_calls == before.after_calls,
               "a hook ran on a call that must not reach the handler");
        expect(after.failures == before.failures, "on_error ran on a call that must not reach the handler");
    }

    static void expect_failure(bool expected, std::uint32_t answer, const observations& before,
                               const observations& after)
    {
        if (!expected) {
            expect(after.failures == before.failures, "on_error ran without a failure");
            return;
        }
        expect(after.failures > before.failures, "a failure was not reported to on_error");
        if (before.failures == 0) {
            expect(raw(after.first_failure_answer) == answer, "on_error's answer is not the call's answer");
        }
    }

    template <class Mine>
    void check_pre(Mine& mine, const step_input& s, const script& what, std::uint32_t answer, void* context_out,
                   const observations& before, const observations& after, const call_strings& strings)
    {
        expect(after.before_calls == before.before_calls + 1, "pre did not call the before-hook once");
        expect(after.after_calls == before.after_calls, "pre called the after-hook");
        expect(after.seen_name == strings.name_pointer(s.op == op_kind::add), "the view shows another string");
        expect(!after.seen_provider, "the cancel view offered lpProvider on pre");
        wn_status expected = wn_status::success;
        bool grants = false;
        bool failed = false;
        bool reclaims = false;
        switch (what.before) {
        case before_action::raise: // a `none` fault throws nothing: the hook proceeds
            expected = answer_of(what.before_fault, Mine::unexpected);
            failed = what.before_fault.armed();
            break;
        case before_action::veto: expected = what.veto_code; break;
        case before_action::proceed: break;
        case before_action::call_after: {
            const auto e = reliability::expect_call_after(what.move_fault, what.destroy_fault, mine.full(),
                                                          mine.oldest_op() == s.op, Mine::unexpected);
            expected = e.answer;
            grants = e.grants;
            failed = e.failed;
            reclaims = e.reclaims;
            break;
        }
        }
        expect(answer == raw(expected), "pre answered something else than the rules say", answer, raw(expected));
        if (reclaims) {
            expect(after.failures > before.failures, "a reclaimed context was not reported to on_error");
            mine.reclaim();
        } else {
            expect_failure(failed, answer, before, after);
        }
        if (!grants) {
            expect(context_out == nullptr, "lpContext is not NULL after a pre without a post request");
            return;
        }
        expect(context_out != nullptr, "lpContext is NULL after a granted post request");
        for (const auto& pool : mine.pools) {
            expect(std::find(pool.live.begin(), pool.live.end(), context_out) == pool.live.end(),
                   "a handle handed out twice");
        }
        mine.granted(s.op, context_out);
    }

    static wn_status answer_of(const fault& f, wn_status unexpected)
    {
        return reliability::expected_answer(f.kind, f.code, unexpected);
    }

    template <class Mine>
    void check_post(Mine& mine, const step_input& s, const script& what, std::uint32_t answer,
                    const platform::notify_info& info, const observations& before, const observations& after,
                    const call_strings& strings)
    {
        expect(after.before_calls == before.before_calls, "post called the before-hook");
        void* handle = info.lpContext;
        if (handle == nullptr || !mine.consume(s.op, handle)) {
            expect(answer == 0, "a post with a context not handed out is not answered WN_SUCCESS", answer);
            expect_no_hooks(before, after);
            return;
        }
        const bool by_value = s.op == op_kind::cancel; // after_cancel takes its context by value
        const auto e =
            reliability::expect_post(by_value, what.move_fault, what.after_fault, what.destroy_fault, Mine::unexpected);
        if (!e.hook_called) {
            expect(after.after_calls == before.after_calls, "the after-hook ran although its argument threw");
        } else {
            expect(after.after_calls == before.after_calls + 1, "post did not call the after-hook once");
            expect(after.after_result == static_cast<wn_status>(s.status), "the after-hook got another result");
            if (by_value) {
                expect(after.seen_provider == (s.status == 0 && strings.provider_present()),
                       "the cancel view's provider does not follow the post's status");
            }
        }
        expect(answer == raw(e.answer), "post answered something else than the rules say", answer, raw(e.answer));
        expect_failure(e.failed, answer, before, after);
    }

    template <class Mine>
    void drain(Mine& mine)
    {
        call_strings strings;
        for (const op_kind op : {op_kind::add, op_kind::cancel}) {
            auto& pool = mine.pools[static_cast<std::size_t>(op)];
            while (!pool.live.empty()) {
                void* handle = pool.live.back();
                mine.consume(op, handle);
                platform::notify_info info{platform::notify_post, 0, handle};
                strings.prepare_provider(true);
                const auto calls = Mine::seen().after_calls;
                const std::uint32_t answer = call<Mine>(op == op_kind::add, &info, false, strings);
                expect(answer == 0, "a clean post of a live context failed", answer);
                expect(Mine::seen().after_calls == calls + 1, "a live context's post did not reach the after-hook");
            }
            pool.consumed.clear();
        }
    }

    void check_accounting() const
    {
        expect(open_handler::add_context::counts.live() == static_cast<long long>(open_.pools[0].live.size()),
               "open add contexts alive != handles held", open_handler::add_context::counts.live());
        expect(open_handler::cancel_context::counts.live() == static_cast<long long>(open_.pools[1].live.size()),
               "open cancel contexts alive != handles held", open_handler::cancel_context::counts.live());
        expect(closed_handler::add_context::counts.live() == static_cast<long long>(closed_.pools[0].live.size()),
               "closed add contexts alive != handles held", closed_handler::add_context::counts.live());
        expect(closed_handler::cancel_context::counts.live() == static_cast<long long>(closed_.pools[1].live.size()),
               "closed cancel contexts alive != handles held", closed_handler::cancel_context::counts.live());
        expect(open_notifyee::pending_contexts() == open_.live_handles(), "open: pending slots != handles held");
        expect(closed_notifyee::pending_contexts() == closed_.live_handles(), "closed: pending slots != handles held");
    }

    static bool counts_zero()
    {
        return open_handler::add_context::counts.live() == 0 && open_handler::cancel_context::counts.live() == 0 &&
               closed_handler::add_context::counts.live() == 0 && closed_handler::cancel_context::counts.live() == 0;
    }

    op_kind primary_;
    notifyee_state<open_notifyee> open_;
    notifyee_state<closed_notifyee> closed_;
};

} // namespace fuzz
