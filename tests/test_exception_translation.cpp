// Every exception kind thrown from every hook: translated, reported, never escaping.
#include <doctest/doctest.h>

#include <mprnotify/detail/notifyee/context_holder.hpp>
#include <mprnotify/notifyee/entry_points.hpp>

#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <system_error>
#include <type_traits>
#include <utility>

#include "support.hpp"

using namespace test_support;
using mprnotify::add_connection;
using mprnotify::cancel_connection;
using mprnotify::decision;
using mprnotify::failure_site;
using mprnotify::wn_status;

namespace {

enum class throw_kind {
    none,
    wn_error,
    bad_alloc,
    system_wn,
    system_errc_nomem,
    system_unmapped,
    runtime,
    integer,
    plain_struct
};
struct plain {};

[[noreturn]] void throw_one(throw_kind kind)
{
    switch (kind) {
    case throw_kind::wn_error: throw mprnotify::wn_error{wn_status::open_files, "open files"};
    case throw_kind::bad_alloc: throw std::bad_alloc{};
    case throw_kind::system_wn: throw std::system_error{make_error_code(wn_status::bad_netname)};
    case throw_kind::system_errc_nomem: throw std::system_error{std::make_error_code(std::errc::not_enough_memory)};
    case throw_kind::system_unmapped: throw std::system_error{std::make_error_code(std::errc::broken_pipe)};
    case throw_kind::runtime: throw std::runtime_error{"boom"};
    case throw_kind::integer: throw 42;
    case throw_kind::plain_struct: throw plain{};
    case throw_kind::none: break;
    }
    throw std::logic_error{"unreachable"};
}

/// A context whose construction (copy/move) or destruction can be made to throw.
struct fragile {
    static inline bool throw_on_move = false;
    static inline bool throw_on_destroy = false;
    static inline long live = 0;
    fragile() { ++live; }
    fragile(const fragile&) : fragile() {}
    fragile(fragile&&) : fragile() // NOLINT(performance-noexcept-move-constructor): throws on purpose
    {
        if (throw_on_move) {
            throw std::runtime_error{"context move"};
        }
    }
    fragile& operator=(const fragile&) = delete;
    ~fragile() noexcept(false)
    {
        --live;
        if (throw_on_destroy && !std::uncaught_exceptions()) {
            throw std::runtime_error{"context destructor"};
        }
    }
};

struct throwing_handler {
    throw_kind before = throw_kind::none;
    throw_kind after = throw_kind::none;
    bool break_store = false; // the context's move into its slot throws
    int errors = 0;
    failure_site last_site{};
    wn_status last_answer{};
    std::string last_message;

    decision<fragile> before_add(const add_connection&)
    {
        if (before != throw_kind::none) {
            throw_one(before);
        }
        decision<fragile> answer = mprnotify::call_after(fragile{});
        fragile::throw_on_move = break_store; // returned without a move (NRVO); the library's move throws
        return answer;
    }
    void after_add(const add_connection&, wn_status, fragile&&)
    {
        if (after != throw_kind::none) {
            throw_one(after);
        }
    }
    void on_error(const mprnotify::failure& f) noexcept
    {
        ++errors;
        last_site = f.site;
        last_answer = f.answer;
        last_message = std::string{f.message};
    }
};

template <class Policy>
struct fixture {
    using ep = mprnotify::entry_points<throwing_handler, Policy>;
    add_struct add;

    std::uint32_t pre(void** context_out)
    {
        auto info = pre_info();
        const auto answer = ep::add_connect_notify(&info, add.get());
        *context_out = info.lpContext;
        return answer;
    }
    std::uint32_t post(void* context)
    {
        auto info = post_info(context);
        return ep::add_connect_notify(&info, add.get());
    }
};

struct expectation {
    throw_kind kind;
    wn_status fail_open;
    wn_status fail_closed;
};
// Only wn_error is a deliberate answer; everything else, std::system_error and std::bad_alloc
// included, is the policy's to answer (docs/policy.md).
const expectation expectations[] = {
    {throw_kind::wn_error, wn_status::open_files, wn_status::open_files},
    {throw_kind::bad_alloc, wn_status::success, wn_status::net_error},
    {throw_kind::system_wn, wn_status::success, wn_status::net_error},
    {throw_kind::system_errc_nomem, wn_status::success, wn_status::net_error},
    {throw_kind::system_unmapped, wn_status::success, wn_status::net_error},
    {throw_kind::runtime, wn_status::success, wn_status::net_error},
    {throw_kind::integer, wn_status::success, wn_status::net_error},
    {throw_kind::plain_struct, wn_status::success, wn_status::net_error},
};

template <class Policy>
void check_before_hook_throws(bool closed)
{
    fixture<Policy> f;
    auto& h = fixture<Policy>::ep::handler();
    for (const auto& e : expectations) {
        CAPTURE(static_cast<int>(e.kind));
        h.before = e.kind;
        const int errors = h.errors;
        void* context = &h; // must be overwritten with NULL
        CHECK(f.pre(&context) == raw(closed ? e.fail_closed : e.fail_open));
        CHECK(context == nullptr);
        CHECK(h.errors == errors + 1);
        CHECK(h.last_site == failure_site::before_hook);
    }
    h.before = throw_kind::none;
    CHECK(fragile::live == 0);
}

template <class Policy>
void check_after_hook_throws(bool closed)
{
    fixture<Policy> f;
    auto& h = fixture<Policy>::ep::handler();
    for (const auto& e : expectations) {
        CAPTURE(static_cast<int>(e.kind));
        void* context = nullptr;
        REQUIRE(f.pre(&context) == 0U);
        REQUIRE(context != nullptr);
        h.after = e.kind;
        CHECK(f.post(context) == raw(closed ? e.fail_closed : e.fail_open));
        CHECK(h.last_site == failure_site::after_hook);
        CHECK(fragile::live == 0); // freed even though the hook threw
        CHECK(fixture<Policy>::ep::pending_contexts() == 0);
        h.after = throw_kind::none;
    }
}

using closed_policy = mprnotify::fail_closed<wn_status::net_error>;

} // namespace

TEST_CASE("before-hook exceptions map per kind and policy; lpContext stays NULL")
{
    check_before_hook_throws<mprnotify::fail_open>(false);
    check_before_hook_throws<closed_policy>(true);
}

TEST_CASE("after-hook exceptions map per kind and policy; the context is still destroyed")
{
    check_after_hook_throws<mprnotify::fail_open>(false);
    check_after_hook_throws<closed_policy>(true);
}

TEST_CASE("on_error sees the exception's message")
{
    fixture<closed_policy> f;
    auto& h = fixture<closed_policy>::ep::handler();
    h.before = throw_kind::runtime;
    void* context = nullptr;
    (void)f.pre(&context);
    CHECK(h.last_message == "boom");
    CHECK(h.last_answer == wn_status::net_error);
    h.before = throw_kind::integer;
    (void)f.pre(&context);
    CHECK(h.last_message.find("not derived from std::exception") != std::string::npos);
    h.before = throw_kind::none;
}

TEST_CASE("a context whose move throws: no post requested, nothing leaked")
{
    fixture<closed_policy> f;
    auto& h = fixture<closed_policy>::ep::handler();
    h.break_store = true;
    void* context = &h;
    CHECK(f.pre(&context) == raw(wn_status::net_error));
    h.break_store = false;
    fragile::throw_on_move = false;
    CHECK(context == nullptr);
    CHECK(h.last_site == failure_site::context_store);
    CHECK(fragile::live == 0);
    CHECK(fixture<closed_policy>::ep::pending_contexts() == 0);
}

TEST_CASE("a context whose destructor throws on post: translated, slot freed")
{
    fixture<closed_policy> f;
    auto& h = fixture<closed_policy>::ep::handler();
    void* context = nullptr;
    REQUIRE(f.pre(&context) == 0U);
    fragile::throw_on_destroy = true;
    CHECK(f.post(context) == raw(wn_status::net_error));
    fragile::throw_on_destroy = false;
    CHECK(h.last_site == failure_site::context_destroy);
    CHECK(fragile::live == 0);
    CHECK(fixture<closed_policy>::ep::pending_contexts() == 0);
}

// The holder a decision keeps such a context in (the post above destroys it elsewhere). Were it to
// destroy through std::destroy_at, which Microsoft's STL declares noexcept, this would end the process.
TEST_CASE("the holder of a context whose destructor throws lets the exception out and ends empty")
{
    mprnotify::detail::context_holder<fragile> held{std::in_place};
    static_assert(!std::is_same_v<decltype(held), std::optional<fragile>>);
    REQUIRE(held.has_value());
    fragile::throw_on_destroy = true;
    CHECK_THROWS_AS(held.reset(), std::runtime_error);
    fragile::throw_on_destroy = false;
    CHECK_FALSE(held.has_value());
    CHECK(fragile::live == 0);
}

namespace {
struct explodes_on_construction {
    static inline int attempts = 0;
    explodes_on_construction()
    {
        if (++attempts == 1) {
            throw std::runtime_error{"first construction fails"};
        }
    }
    decision<> before_cancel(const cancel_connection&) { return mprnotify::veto(wn_status::access_denied); }
};
} // namespace

TEST_CASE("a handler constructor that throws: the policy answers, the next call tries again")
{
    using ep = mprnotify::entry_points<explodes_on_construction, closed_policy>;
    cancel_struct cancel;
    auto first = pre_info();
    CHECK(ep::cancel_connect_notify(&first, cancel.get()) == raw(wn_status::net_error));
    CHECK(first.lpContext == nullptr);
    auto second = pre_info();
    CHECK(ep::cancel_connect_notify(&second, cancel.get()) == raw(wn_status::access_denied));
    CHECK(explodes_on_construction::attempts == 2);
}

TEST_CASE("std::error_code values map to WN codes where they mean one")
{
    using mprnotify::detail::wn_status_from;
    CHECK(wn_status_from(make_error_code(wn_status::retry)) == wn_status::retry);
    CHECK(wn_status_from(std::make_error_code(std::errc::permission_denied)) == wn_status::access_denied);
    CHECK(wn_status_from(std::make_error_code(std::errc::invalid_argument)) == wn_status::bad_value);
    CHECK(wn_status_from(std::make_error_code(std::errc::operation_canceled)) == wn_status::cancel);
    CHECK(wn_status_from(std::make_error_code(std::errc::operation_not_permitted)) == wn_status::access_denied);
    CHECK(wn_status_from(std::make_error_code(std::errc::not_enough_memory)) == wn_status::out_of_memory);
    CHECK(wn_status_from(std::make_error_code(std::errc::not_supported)) == wn_status::not_supported);
    CHECK(wn_status_from(std::make_error_code(std::errc::operation_not_supported)) == wn_status::not_supported);
    CHECK(wn_status_from(std::make_error_code(std::errc::device_or_resource_busy)) == wn_status::function_busy);
    CHECK_FALSE(wn_status_from(std::make_error_code(std::errc::broken_pipe)).has_value());
    CHECK_FALSE(wn_status_from(std::error_code{}).has_value());
}

namespace {
// A category of the program's own, with wn_category's name or with conditions outside the generic ones.
class named_category final : public std::error_category {
public:
    explicit named_category(const char* name, bool generic) : name_(name), generic_(generic) {}
    [[nodiscard]] const char* name() const noexcept override { return name_; }
    [[nodiscard]] std::string message(int) const override { return "test"; }
    [[nodiscard]] std::error_condition default_error_condition(int value) const noexcept override
    {
        return generic_ ? std::error_condition{value, std::generic_category()} : std::error_condition{value, *this};
    }

private:
    const char* name_;
    bool generic_;
};
} // namespace

TEST_CASE("wn_status codes are recognised by their category's name; other categories by their generic condition")
{
    using mprnotify::detail::wn_status_from;
    // Another module's copy of wn_category: a different object with the same name.
    const named_category other_copy{"mprnotify.wn", false};
    CHECK(wn_status_from(std::error_code{1223, other_copy}) == wn_status::cancel);
    // A category whose codes are errno values: mapped through their generic conditions.
    const named_category errno_like{"test.errno", true};
    CHECK(wn_status_from(std::error_code{static_cast<int>(std::errc::permission_denied), errno_like}) ==
          wn_status::access_denied);
    // A category with conditions of its own: no WN code, even where the number is an errc value.
    const named_category own{"test.own", false};
    CHECK_FALSE(wn_status_from(std::error_code{static_cast<int>(std::errc::permission_denied), own}).has_value());
}
