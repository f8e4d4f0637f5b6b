// The handler the entry-point fuzzers drive: every hook, on_error, and a context per operation.
//
// What it does on each call is set beforehand by the harness (a `script`), so the harness knows
// what the library must answer. It reads every field the views offer, so a view that reads a field
// it must not (lpProvider on pre) or past a string's end shows up under AddressSanitizer.
#pragma once

#include <cstdint>
#include <cwchar>

#include <mprnotify/notifyee/entry_points.hpp>

#include "../tests/reliability/faults.hpp"

namespace fuzz {

using mprnotify::wn_status;
using reliability::fault;

/// What the before-hook answers.
enum class before_action : std::uint8_t { call_after, proceed, veto, raise };

/// The harness's instructions for the next call.
struct script {
    before_action before = before_action::call_after;
    wn_status veto_code = wn_status::cancel;
    fault before_fault{};  // thrown by the before-hook when before == raise
    fault after_fault{};   // thrown by the after-hook
    fault move_fault{};    // the context's next move (into the library's slot, or the by-value parameter)
    fault destroy_fault{}; // the context's next destruction outside unwinding
};

/// What the hooks of one handler saw; checked by the harness after each call.
struct observations {
    long long before_calls = 0;
    long long after_calls = 0;
    long long failures = 0;
    wn_status first_failure_answer = wn_status::success;
    std::uint64_t after_serial = 0; // serial of the context the last after-hook received
    wn_status after_result = wn_status::success;
    const wchar_t* seen_name = nullptr; // remote name (add) or name (cancel) the last hook saw
    bool seen_provider = false;         // the cancel view offered lpProvider
    std::uint64_t checksum = 0;         // keeps every read observable
};

inline script current_script{};
inline std::uint64_t next_serial = 1;

/// Arms the context faults when the before-hook returns: the hook's own moves (into the decision)
/// happen before, so only the library's moves and destructions can trip them.
template <class Context>
struct arm_on_return {
    arm_on_return() = default;
    arm_on_return(const arm_on_return&) = delete;
    arm_on_return& operator=(const arm_on_return&) = delete;
    ~arm_on_return()
    {
        Context::move_fault = current_script.move_fault;
        Context::destroy_fault = current_script.destroy_fault;
    }
};

inline std::uint64_t mix(std::uint64_t sum, std::uint64_t value) noexcept { return (sum ^ value) * 0x100000001B3ULL; }

inline std::uint64_t read_string(std::uint64_t sum, mprnotify::nullable_wstring text) noexcept
{
    sum = mix(sum, text.has_value() ? 1U : 0U);
    sum = mix(sum, text.absent_or_empty() ? 1U : 0U);
    const auto chars = text.span(); // measures the string: a missing terminator shows up here
    if (!chars.empty()) {
        sum = mix(sum, static_cast<std::uint64_t>(chars.front()) + static_cast<std::uint64_t>(chars.back()));
    }
    return mix(sum, text.view().size());
}

/// N tells the instances apart; AddContext / CancelContext are what the before-hooks hand over.
template <int N, class AddContext, class CancelContext>
struct fuzz_handler {
    using add_context = AddContext;
    using cancel_context = CancelContext;
    observations seen{};

    mprnotify::decision<AddContext> before_add(const mprnotify::add_connection& add)
    {
        ++seen.before_calls;
        seen.seen_name = add.remote_name().c_str();
        seen.seen_provider = false;
        seen.checksum = read_string(read_string(seen.checksum, add.remote_name()), add.local_name());
        seen.checksum = mix(seen.checksum, add.flags().bits() ^ add.flags().unknown_bits());
        seen.checksum = mix(seen.checksum, static_cast<std::uint32_t>(add.resource_type()));
        seen.checksum = mix(seen.checksum, reinterpret_cast<std::uintptr_t>(add.owner_window()));
        seen.checksum = mix(seen.checksum, add.is_deviceless() ? 1U : 0U);
        return decide<AddContext>();
    }

    void after_add(const mprnotify::add_connection& add, wn_status result, AddContext&& context)
    {
        ++seen.after_calls;
        context.check_alive();
        seen.after_serial = context.serial();
        seen.after_result = result;
        seen.seen_name = add.remote_name().c_str();
        seen.seen_provider = false;
        seen.checksum = read_string(read_string(seen.checksum, add.remote_name()), add.local_name());
        current_script.after_fault.raise();
    }

    mprnotify::decision<CancelContext> before_cancel(const mprnotify::cancel_connection& cancel)
    {
        ++seen.before_calls;
        read_cancel(cancel);
        return decide<CancelContext>();
    }

    // By value: the library moves the context out of its slot into this parameter.
    void after_cancel(const mprnotify::cancel_connection& cancel, wn_status result, CancelContext context)
    {
        ++seen.after_calls;
        context.check_alive();
        seen.after_serial = context.serial();
        seen.after_result = result;
        read_cancel(cancel);
        current_script.after_fault.raise();
    }

    void on_error(const mprnotify::failure& f) noexcept
    {
        if (seen.failures++ == 0) {
            seen.first_failure_answer = f.answer;
        }
        seen.checksum = mix(seen.checksum, f.message.size());
        reliability::expect(!name(f.site).empty(), "on_error: a failure site without a name");
    }

private:
    void read_cancel(const mprnotify::cancel_connection& cancel)
    {
        seen.seen_name = cancel.name().c_str();
        seen.seen_provider = cancel.provider().has_value();
        seen.checksum = read_string(read_string(seen.checksum, cancel.name()), cancel.provider());
        seen.checksum = mix(seen.checksum, cancel.flag_bits() + (cancel.force() ? 1U : 0U));
        seen.checksum = mix(seen.checksum, cancel.update_profile() ? 1U : 0U);
    }

    template <class Context>
    mprnotify::decision<Context> decide()
    {
        const script& s = current_script;
        switch (s.before) {
        case before_action::proceed: return mprnotify::proceed;
        case before_action::veto: return mprnotify::veto(s.veto_code);
        case before_action::raise: s.before_fault.raise(); return mprnotify::proceed;
        case before_action::call_after: break;
        }
        const arm_on_return<Context> arm;
        return mprnotify::call_after(Context{next_serial++}); // a prvalue: no move of the decision
    }
};

/// Small contexts are kept inside the library's slot, large ones on the heap; one instance has
/// contexts whose destructors may throw (kept in the library's throwing-destructor holder), the
/// other plain noexcept ones (kept in std::optional).
using open_handler = fuzz_handler<0, reliability::probe_context<32, true>, reliability::probe_context<256, true>>;
using closed_handler = fuzz_handler<1, reliability::probe_context<40, false>, reliability::probe_context<200, false>>;

/// Small capacities, so a fuzzer fills the table and reaches the "every slot in use" path.
struct open_policy {
    static constexpr wn_status unexpected_error = wn_status::success;
    static constexpr std::size_t context_capacity = 8;
};
struct closed_policy {
    static constexpr wn_status unexpected_error = wn_status::net_error;
    static constexpr std::size_t context_capacity = 8;
};

using open_notifyee = mprnotify::entry_points<open_handler, open_policy>;
using closed_notifyee = mprnotify::entry_points<closed_handler, closed_policy>;

} // namespace fuzz
