// The property test's driver: random operations, each checked against the model right away.
#pragma once

#include <array>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <numeric>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <mprnotify/testing.hpp>

#include "property_model.hpp"

namespace property {

using reliability::expect;

struct held_handle {
    std::size_t notifyee = 0;
    op_kind op = op_kind::add;
    void* handle = nullptr;
    std::uint64_t serial = 0;
    std::uint64_t published = 0; // order of publication: a full table reclaims the oldest
};

struct totals {
    std::uint64_t router_operations = 0;
    std::uint64_t raw_operations = 0;
    std::uint64_t calls = 0;
    std::uint64_t handed_out = 0;
    std::uint64_t after_hooks = 0;
    std::uint64_t faults_expected = 0;
    std::uint64_t vetoed = 0;
    std::uint64_t never_posted = 0;
    std::uint64_t ignored_posts = 0;
    std::uint64_t reclaimed = 0; // pending contexts a full table destroyed to make room
};

class runner {
public:
    explicit runner(std::uint64_t seed) : rng_(seed), ops_(all_notifyees())
    {
        for (std::size_t r = 0; r < routers_.size(); ++r) {
            std::iota(orders_[r].begin(), orders_[r].end(), std::size_t{0});
            if (r > 0) {
                std::shuffle(orders_[r].begin(), orders_[r].end(), rng_);
            }
            for (const std::size_t i : orders_[r]) {
                routers_[r].attach(mprnotify::testing::notifyee{ops_[i].name, ops_[i].add, ops_[i].cancel});
            }
        }
    }

    void one_operation()
    {
        const unsigned pick = below(100);
        if (pick < 60) {
            router_operation();
        } else if (pick < 72) {
            held_.size() > 300 ? late_post() : hold();
        } else if (pick < 84) {
            late_post();
        } else if (pick < 88) {
            repost_consumed();
        } else if (pick < 95) {
            foreign_post();
        } else {
            odd_call();
        }
        settle();
    }

    /// Posts every handle still held; afterwards nothing may be left.
    void finish()
    {
        totals_.never_posted = held_.size();
        while (!held_.empty()) {
            const held_handle h = held_.back();
            held_.pop_back();
            post_held(h, {}, 0, {});
            settle();
        }
        for (std::size_t i = 0; i < notifyee_count; ++i) {
            expect(ops_[i].pending() == 0, "a slot is still in use after every post", static_cast<long long>(i));
            for (const op_kind op : {op_kind::add, op_kind::cancel}) {
                expect(ops_[i].context_live(op) == 0, "a context was never destroyed", static_cast<long long>(i));
            }
        }
    }

    void print_summary(std::uint64_t operations) const
    {
        long long constructed = 0;
        for (std::size_t i = 0; i < notifyee_count; ++i) {
            constructed += ops_[i].context_constructed(op_kind::add) + ops_[i].context_constructed(op_kind::cancel);
        }
        std::printf("  operations %" PRIu64 " (router %" PRIu64 ", raw %" PRIu64 "), entry-point calls %" PRIu64 "\n",
                    operations, totals_.router_operations, totals_.raw_operations, totals_.calls);
        std::printf("  contexts handed out %" PRIu64 ", after-hooks run %" PRIu64 ", vetoed operations %" PRIu64 "\n",
                    totals_.handed_out, totals_.after_hooks, totals_.vetoed);
        std::printf("  failures injected and translated %" PRIu64 ", posts ignored (foreign/consumed/other) %" PRIu64
                    ", posts held until the end %" PRIu64 ", pending contexts reclaimed by a full table %" PRIu64 "\n",
                    totals_.faults_expected, totals_.ignored_posts, totals_.never_posted, totals_.reclaimed);
        std::printf("  context objects constructed %lld, destroyed %lld, live 0, slots in use 0: ok\n", constructed,
                    constructed);
    }

private:
    unsigned below(unsigned n) { return static_cast<unsigned>(rng_() % n); }
    bool chance(unsigned percent) { return below(100) < percent; }

    static wn_status any_status(std::uint32_t pick, std::uint32_t raw) noexcept
    {
        constexpr wn_status table[] = {wn_status::success,   wn_status::cancel,      wn_status::retry,
                                       wn_status::net_error, wn_status::bad_netname, wn_status::access_denied};
        return pick < std::size(table) ? table[pick] : static_cast<wn_status>(raw);
    }
    wn_status random_status() { return any_status(below(8), static_cast<std::uint32_t>(rng_())); }

    fault random_fault(unsigned percent)
    {
        if (!reliability::can_throw || !chance(percent)) {
            return {};
        }
        const auto kind = static_cast<reliability::throw_kind>(1 + below(reliability::throw_kind_count - 1));
        return {kind, random_status()};
    }

    script random_script(unsigned veto_percent, unsigned fault_percent)
    {
        script s;
        const unsigned pick = below(100);
        if (pick < veto_percent) {
            s.before = before_action::veto;
            s.veto_code = random_status();
        } else if (pick < veto_percent + 15) {
            s.before = before_action::proceed;
        } else if (pick < veto_percent + 15 + fault_percent) {
            s.before = chance(50) ? before_action::raise : before_action::raise_in_context;
            s.before_fault = random_fault(100);
        }
        s.pre_move_fault = random_fault(fault_percent / 2);
        s.pre_destroy_fault = random_fault(fault_percent / 2);
        s.after_fault = random_fault(fault_percent);
        s.post_destroy_fault = random_fault(fault_percent / 2);
        return s;
    }

    /// The notifyee's oldest held handle: the one its full table reclaims next.
    [[nodiscard]] std::vector<held_handle>::iterator oldest_of(std::size_t notifyee)
    {
        auto oldest = held_.end();
        for (auto it = held_.begin(); it != held_.end(); ++it) {
            if (it->notifyee == notifyee && (oldest == held_.end() || it->published < oldest->published)) {
                oldest = it;
            }
        }
        return oldest;
    }
    [[nodiscard]] op_kind reclaimed_op_of(std::size_t notifyee)
    {
        const auto oldest = oldest_of(notifyee);
        return oldest == held_.end() ? op_kind::add : oldest->op;
    }
    /// The model's side of a reclaim: the oldest handle is no longer held; its late post is ignored.
    void reclaim_oldest(std::size_t notifyee)
    {
        const auto oldest = oldest_of(notifyee);
        expect(oldest != held_.end(), "a reclaim without a held handle", static_cast<long long>(notifyee));
        ++totals_.reclaimed;
        remember_consumed(*oldest);
        held_.erase(oldest);
    }
    void hold_handle(held_handle h)
    {
        h.published = ++publications_;
        held_.push_back(h);
    }

    [[nodiscard]] std::size_t live_of(std::size_t notifyee) const
    {
        return static_cast<std::size_t>(
            std::count_if(held_.begin(), held_.end(), [&](const held_handle& h) { return h.notifyee == notifyee; }));
    }

    std::uint32_t call(std::size_t notifyee, op_kind op, platform::notify_info* info, bool null_struct = false)
    {
        ++totals_.calls;
        if (op == op_kind::add) {
            return ops_[notifyee].add(info, null_struct ? nullptr : platform::sdk(&add_));
        }
        return ops_[notifyee].cancel(info, null_struct ? nullptr : platform::sdk(&cancel_));
    }

    void router_operation();
    void hold();
    void post_held(const held_handle& h, const script& s, std::uint32_t status, const fault& post_move);
    void late_post();
    void repost_consumed();
    void foreign_post();
    void odd_call();
    void expect_untouched(const std::vector<observations>& before, const char* what) const;
    [[nodiscard]] std::vector<observations> snapshot() const;

    /// After every operation: faults disarmed, scripts cleared, and the accounting holds.
    void settle()
    {
        for (std::size_t i = 0; i < notifyee_count; ++i) {
            ops_[i].disarm();
            scripts[i] = {};
            expect(ops_[i].pending() == live_of(i), "slots in use != handles MPR holds", static_cast<long long>(i),
                   static_cast<long long>(ops_[i].pending()));
            for (const op_kind op : {op_kind::add, op_kind::cancel}) {
                const auto held = std::count_if(held_.begin(), held_.end(),
                                                [&](const held_handle& h) { return h.notifyee == i && h.op == op; });
                if (ops_[i].has_contexts) {
                    expect(ops_[i].context_live(op) == held, "live context objects != handles MPR holds",
                           static_cast<long long>(i), ops_[i].context_live(op));
                }
            }
        }
    }

    void remember_consumed(const held_handle& h)
    {
        if (consumed_.size() < 256) {
            consumed_.push_back(h);
        } else {
            consumed_[below(256)] = h;
        }
    }

    std::mt19937_64 rng_;
    const notifyee_ops* ops_;
    std::array<mprnotify::testing::router, 3> routers_; // default-initialized: the constructor is explicit
    std::array<std::array<std::size_t, notifyee_count>, 3> orders_{};
    std::vector<held_handle> held_;
    std::vector<held_handle> consumed_;
    std::uint64_t publications_ = 0;
    totals totals_{};
    std::wstring local_ = L"Z:";
    std::wstring remote_ = L"\\\\server\\share";
    platform::notify_add_w add_{nullptr, {0, 1, 0, 0, local_.data(), remote_.data(), nullptr, nullptr}, 0};
    platform::notify_cancel_w cancel_{local_.data(), remote_.data(), 0, 0};
};

} // namespace property

#include "property_run_impl.hpp"
