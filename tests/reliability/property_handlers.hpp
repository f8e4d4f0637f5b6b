// The notifyees the random-sequence property test attaches to one simulated MPR.
//
// Each handler does, per call, what the test scripted for it (proceed, call_after, veto, or a
// fault), and records what it saw. Context types differ per notifyee and operation: inline and heap
// storage, with and without a throwing destructor, none at all, after-only, before-only.
#pragma once

#include <cstddef>
#include <cstdint>

#include <mprnotify/notifyee/entry_points.hpp>

#include "faults.hpp"

namespace property {

using mprnotify::wn_status;
using reliability::fault;

enum class before_action : std::uint8_t { call_after, proceed, veto, raise, raise_in_context };

/// What one notifyee does in the next operation.
struct script {
    before_action before = before_action::call_after;
    wn_status veto_code = wn_status::cancel;
    fault before_fault{}; // the before-hook throws (raise), or the context's move into the decision (raise_in_context)
    fault pre_move_fault{};     // the library's move of the context into its slot
    fault pre_destroy_fault{};  // destruction of the moved-from context the decision keeps
    fault after_fault{};        // the after-hook throws
    fault post_destroy_fault{}; // destruction of the context after the after-hook
};

/// What one handler saw.
struct observations {
    long long before_calls = 0;
    long long after_calls = 0;
    long long failures = 0;
    std::uint64_t created_serial = 0;  // serial of the context the last before-hook handed over
    std::uint64_t received_serial = 0; // serial the last after-hook received
    wn_status received_result = wn_status::success;
};

inline constexpr std::size_t notifyee_count = 6;
inline script scripts[notifyee_count]{};
inline std::uint64_t next_serial = 1;

/// Sets a context type's faults when the hook that declares it returns (also while unwinding).
template <class Context>
struct arm_on_return {
    fault move_fault{};
    fault destroy_fault{};
    arm_on_return(fault move, fault destroy) noexcept : move_fault(move), destroy_fault(destroy) {}
    arm_on_return(const arm_on_return&) = delete;
    arm_on_return& operator=(const arm_on_return&) = delete;
    ~arm_on_return()
    {
        Context::move_fault = move_fault;
        Context::destroy_fault = destroy_fault;
    }
};

/// A handler with contexts: AddContext / CancelContext are probe_context types or void (no context:
/// decision<>). Index picks its script.
template <std::size_t Index, class AddContext, class CancelContext>
struct context_handler {
    static constexpr std::size_t index = Index;
    using add_context = AddContext;
    using cancel_context = CancelContext;
    observations seen{};

    auto before_add(const mprnotify::add_connection& /*unused*/) { return decide<AddContext>(); }
    auto before_cancel(const mprnotify::cancel_connection& /*unused*/) { return decide<CancelContext>(); }

    void after_add(const mprnotify::add_connection& /*unused*/, wn_status result, AddContext&& context)
    {
        receive(result, context);
    }
    // By value: the library moves the context out of its slot into this parameter.
    void after_cancel(const mprnotify::cancel_connection& /*unused*/, wn_status result, CancelContext context)
    {
        receive(result, context);
    }

    void on_error(const mprnotify::failure& /*unused*/) noexcept { ++seen.failures; }

private:
    template <class Context>
    void receive(wn_status result, const Context& context)
    {
        ++seen.after_calls;
        context.check_alive();
        seen.received_serial = context.serial();
        seen.received_result = result;
        const script& s = scripts[Index];
        const arm_on_return<Context> arm{{}, s.post_destroy_fault};
        s.after_fault.raise();
    }

    template <class Context>
    mprnotify::decision<Context> decide()
    {
        ++seen.before_calls;
        const script& s = scripts[Index];
        switch (s.before) {
        case before_action::proceed: return mprnotify::proceed;
        case before_action::veto: return mprnotify::veto(s.veto_code);
        case before_action::raise: s.before_fault.raise(); return mprnotify::proceed;
        case before_action::raise_in_context: Context::move_fault = s.before_fault; break;
        case before_action::call_after: break;
        }
        const arm_on_return<Context> arm{s.pre_move_fault, s.pre_destroy_fault};
        seen.created_serial = next_serial++;
        return mprnotify::call_after(Context{seen.created_serial}); // a prvalue: the decision never moves
    }
};

/// No context: decision<no_context> and after-hooks with the result only.
template <std::size_t Index>
struct plain_handler {
    static constexpr std::size_t index = Index;
    observations seen{};

    mprnotify::decision<mprnotify::no_context> before_add(const mprnotify::add_connection& /*unused*/)
    {
        return decide();
    }
    mprnotify::decision<mprnotify::no_context> before_cancel(const mprnotify::cancel_connection& /*unused*/)
    {
        return decide();
    }
    void after_add(const mprnotify::add_connection& /*unused*/, wn_status result) { receive(result); }
    void after_cancel(const mprnotify::cancel_connection& /*unused*/, wn_status result) { receive(result); }
    void on_error(const mprnotify::failure& /*unused*/) noexcept { ++seen.failures; }

private:
    void receive(wn_status result)
    {
        ++seen.after_calls;
        seen.received_result = result;
        scripts[Index].after_fault.raise();
    }
    mprnotify::decision<mprnotify::no_context> decide()
    {
        ++seen.before_calls;
        const script& s = scripts[Index];
        switch (s.before) {
        case before_action::proceed: return mprnotify::proceed;
        case before_action::veto: return mprnotify::veto(s.veto_code);
        case before_action::raise:
        case before_action::raise_in_context: s.before_fault.raise(); return mprnotify::proceed;
        case before_action::call_after: break;
        }
        return mprnotify::call_after();
    }
};

/// Only after-hooks: the library asks for every post itself.
template <std::size_t Index>
struct after_only_handler {
    static constexpr std::size_t index = Index;
    observations seen{};
    void after_add(const mprnotify::add_connection& /*unused*/, wn_status result) { receive(result); }
    void after_cancel(const mprnotify::cancel_connection& /*unused*/, wn_status result) { receive(result); }
    void on_error(const mprnotify::failure& /*unused*/) noexcept { ++seen.failures; }

private:
    void receive(wn_status result)
    {
        ++seen.after_calls;
        seen.received_result = result;
        scripts[Index].after_fault.raise();
    }
};

/// Only before-hooks: never a post.
template <std::size_t Index>
struct before_only_handler {
    static constexpr std::size_t index = Index;
    observations seen{};
    mprnotify::decision<> before_add(const mprnotify::add_connection& /*unused*/) { return decide(); }
    mprnotify::decision<> before_cancel(const mprnotify::cancel_connection& /*unused*/) { return decide(); }
    void on_error(const mprnotify::failure& /*unused*/) noexcept { ++seen.failures; }

private:
    mprnotify::decision<> decide()
    {
        ++seen.before_calls;
        const script& s = scripts[Index];
        if (s.before == before_action::veto) {
            return mprnotify::veto(s.veto_code);
        }
        if (s.before == before_action::raise || s.before == before_action::raise_in_context) {
            s.before_fault.raise();
        }
        return mprnotify::proceed;
    }
};

template <wn_status Unexpected, std::size_t Capacity = mprnotify::default_context_capacity>
struct test_policy {
    static constexpr wn_status unexpected_error = Unexpected;
    static constexpr std::size_t context_capacity = Capacity;
};

using inline_contexts = context_handler<0, reliability::probe_context<32, true>, reliability::probe_context<48, false>>;
using heap_contexts = context_handler<1, reliability::probe_context<256, true>, reliability::probe_context<300, false>>;
using tiny_table = context_handler<5, reliability::probe_context<24, false>, reliability::probe_context<512, true>>;

using notifyee_0 = mprnotify::entry_points<inline_contexts, test_policy<wn_status::success>>;
using notifyee_1 = mprnotify::entry_points<heap_contexts, test_policy<wn_status::cancel>>;
using notifyee_2 = mprnotify::entry_points<plain_handler<2>, test_policy<wn_status::success>>;
using notifyee_3 = mprnotify::entry_points<after_only_handler<3>, test_policy<wn_status::net_error>>;
using notifyee_4 = mprnotify::entry_points<before_only_handler<4>, test_policy<wn_status::access_denied>>;
using notifyee_5 = mprnotify::entry_points<tiny_table, test_policy<wn_status::out_of_memory, 4>>;

} // namespace property
